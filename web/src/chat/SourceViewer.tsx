import { SourceBody, useSource } from '../../shared/chat/SourceBody.js';
import type { SourceRef } from '../../shared/source.js';
import { api } from '../lib/api.js';
import { Modal } from '../lib/Modal.js';

export type { SourceRef };

/**
 * The cited article in full, inside the app (a modal): the content, shared with the Mini App's
 * sheet, is web/shared/chat/SourceBody.tsx.
 */
export function SourceViewer({ source, onClose }: { source: SourceRef; onClose: () => void }) {
  const state = useSource(api, source);
  return (
    <Modal title={state.title} onClose={onClose} closeLabel="Đóng">
      <div className="source-view" data-testid="source-viewer" data-section={source.section?.join('.') || undefined}>
        <SourceBody source={source} state={state} />
      </div>
    </Modal>
  );
}
