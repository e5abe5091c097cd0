import { Button, Sheet } from 'zmp-ui';
import { SourceBody, useSource, type ClassNames } from '../../../shared/chat/SourceBody.js';
import type { SourceRef } from '../../../shared/source.js';
import { api } from '../api.js';

export type { SourceRef };

/** The Mini App's class names for the shared source body (styles.css). */
const ZALO_CLASSES: Record<string, string> = { spinner: 'hl-muted', 'error-box': 'hl-error' };
const cls: ClassNames = (name) => ZALO_CLASSES[name] ?? `hl-${name}`;

/**
 * The cited source inside the Mini App: a Zalo bottom sheet, never a link out. The content is
 * the web chat's (web/shared/chat/SourceBody.tsx), in the Mini App's look.
 */
export function SourceSheet({ source, onClose }: { source: SourceRef | null; onClose: () => void }) {
  // A bottom sheet is short: the cited khoản goes to its middle.
  const state = useSource(api, source, 'center');
  return (
    <Sheet visible={!!source} onClose={onClose} maskClosable swipeToClose autoHeight unmountOnClose>
      <div className="hl-source" role="dialog" aria-modal="true" aria-labelledby="hl-source-title" data-testid="source-viewer">
        <div className="hl-source-head">
          <h2 id="hl-source-title">{state.title}</h2>
          <Button size="small" variant="secondary" type="neutral" onClick={onClose}>
            Đóng
          </Button>
        </div>
        {/* Focusable so the article scrolls from the keyboard too. */}
        <div className="hl-source-body" tabIndex={0} aria-label="Nguyên văn điều luật" data-section={source?.section?.join('.') || undefined}>
          {source && <SourceBody source={source} state={state} cls={cls} />}
        </div>
      </div>
    </Sheet>
  );
}
