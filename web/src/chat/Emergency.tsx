import { useEffect, useState } from 'react';
import type { EmergencyNumber } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { Modal } from '../lib/Modal.js';
import './offline.css';

/**
 * The emergency screen (issue 18, item 4): numbers to tap and a few things to do now. It is in the
 * app's own bundle, so it opens with no network; a phone call needs no Internet. The numbers are
 * the server's (GET /api/emergency: the hotline officials set in the console), kept by the service
 * worker for offline use; before the first answer from the server, the national numbers.
 */

/** National numbers, free of charge, the same everywhere in Viet Nam. */
export const NATIONAL_NUMBERS: EmergencyNumber[] = [
  { label: 'Công an', number: '113' },
  { label: 'Tổng đài quốc gia bảo vệ trẻ em', number: '111' },
  { label: 'Cấp cứu y tế', number: '115' },
];

/**
 * What to do now, in plain words: the safety advice of prompts/safety-steps.tsv (server/safety),
 * shortened for a screen read in a hurry.
 */
export const SAFETY_STEPS = [
  'Ra khỏi chỗ người đó nếu có thể: sang nhà hàng xóm tin cậy, Công an xã, Ủy ban nhân dân xã, trạm y tế hoặc nhà cán bộ Hội Phụ nữ gần nhất.',
  'Tránh xa bếp và chỗ có dao, gậy; đứng gần lối ra. Không chạy được thì khóa mình trong phòng cùng điện thoại.',
  'Bị thương, chảy máu, hay đang mang thai mà bị đánh: gọi cấp cứu hoặc đến trạm y tế ngay; giữ giấy khám làm bằng chứng.',
  'Con bị đánh hay bị xâm hại: đưa cháu ra khỏi chỗ người đó, ở cạnh cháu và gọi Tổng đài bảo vệ trẻ em.',
  'Không thấy con đâu hay con bị đưa đi: báo ngay 113, nói tên, tuổi, ảnh, quần áo của cháu và nơi thấy cháu lần cuối.',
  'Không nói được: nhắn vị trí (thôn, xã) cho người thân, hoặc nhờ người xung quanh gọi giúp.',
];

export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+*#]/g, '')}`;
}

/** The server's numbers when it can be reached (or the worker kept them), else the national ones. */
export function useEmergencyNumbers(online: boolean): EmergencyNumber[] {
  const [numbers, setNumbers] = useState<EmergencyNumber[]>(NATIONAL_NUMBERS);
  useEffect(() => {
    const ctrl = new AbortController();
    api.emergency(ctrl.signal).then(
      (r) => r.numbers.length && setNumbers(r.numbers),
      () => undefined,
    );
    return () => ctrl.abort();
    // Asked again when the network returns: the hotline may have been set meanwhile.
  }, [online]);
  return numbers;
}

export function CallList({ numbers }: { numbers: EmergencyNumber[] }) {
  return (
    <ul className="call-list">
      {numbers.map((n) => (
        <li key={`${n.label}-${n.number}`}>
          <a href={telHref(n.number)} data-testid="call">
            <span className="em-number">{n.number}</span>
            <small>{n.label}</small>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function EmergencyScreen({ numbers, onClose }: { numbers: EmergencyNumber[]; onClose: () => void }) {
  return (
    <Modal title="Số điện thoại khẩn cấp" onClose={onClose} className="sheet-emergency">
      <div className="emergency-screen" data-testid="emergency-screen">
        <p>
          <strong>Chị hoặc con đang gặp nguy hiểm? Gọi ngay.</strong> Gọi điện không cần mạng Internet; gọi 113, 111, 115 không mất tiền.
        </p>
        <CallList numbers={numbers} />
        <h3>Ngay bây giờ</h3>
        <ol className="safety-steps">
          {SAFETY_STEPS.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </div>
    </Modal>
  );
}

interface OfflineNoticeProps {
  numbers: EmergencyNumber[];
  queued: number;
  privateMode: boolean;
  /** The phone itself reports no network; otherwise it has one but the server cannot be reached. */
  phoneOffline: boolean;
  onOpen: () => void;
}

/** Shown above the conversation while the server cannot be reached: the numbers first, then what waits. */
export function OfflineNotice({ numbers, queued, privateMode, phoneOffline, onOpen }: OfflineNoticeProps) {
  return (
    <section className="offline-notice" aria-labelledby="offline-title" data-testid="offline-notice">
      {/* Weak signal, captive Wi-Fi and a blocked address look the same from here: say what is known. */}
      <h2 id="offline-title">{phoneOffline ? 'Máy đang không có mạng' : 'Không kết nối được tới máy chủ'}</h2>
      <p>Gọi điện vẫn được, không cần mạng:</p>
      <CallList numbers={numbers} />
      <p className="offline-more">
        {queued > 0 ? `${queued} câu hỏi đang chờ gửi: có mạng lại là tự gửi.` : 'Chị vẫn gõ câu hỏi được: câu hỏi sẽ chờ và tự gửi khi có mạng lại.'}
        {privateMode && ' (Chế độ không lưu lịch sử: tải lại trang thì câu hỏi đang chờ sẽ mất.)'}
      </p>
      <button type="button" className="btn btn-small" onClick={onOpen}>
        Cách giữ an toàn
      </button>
    </section>
  );
}
