import type { EmergencyNumber } from '../../shared/api.js';
import { CallButtons } from './CallButtons.js';

/** Numbers to call now, as the server gives them (its configuration: 113, 111, the local hotline). */
export function EmergencyView({ numbers, loading }: { numbers: EmergencyNumber[]; loading: boolean }) {
  return (
    <section className="hl-emergency-page" aria-labelledby="hl-emergency-title">
      <h2 id="hl-emergency-title" className="hl-section-title">
        Gọi khẩn cấp
      </h2>
      <p>Nếu chị hoặc con đang bị đánh, bị đe doạ hay bị giữ lại trái ý muốn, hãy gọi ngay. Cuộc gọi miễn phí.</p>
      {numbers.length > 0 ? (
        <CallButtons numbers={numbers} />
      ) : (
        <p className="hl-muted" role="status">
          {loading ? 'Đang tải số điện thoại…' : 'Chưa tải được số điện thoại. Chị hãy kiểm tra mạng; trong lúc chờ, gọi 113 (Công an).'}
        </p>
      )}
      <p className="hl-muted">Nếu không nói được, chị hãy tìm đến nơi đông người, nhà hàng xóm tin cậy hoặc trụ sở Công an xã gần nhất.</p>
    </section>
  );
}
