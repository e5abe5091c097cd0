import { Button, Switch } from 'zmp-ui';

interface Props {
  remember: boolean;
  rememberBusy: boolean;
  rememberNote: string;
  onRemember: (on: boolean) => void;
  onNewConversation: () => void;
  onQuickExit: () => void;
}

/** What the app is, what it is not (legal advice), what it keeps, and the member's choices. */
export function AboutView({ remember, rememberBusy, rememberNote, onRemember, onNewConversation, onQuickExit }: Props) {
  return (
    <section className="hl-about" aria-labelledby="hl-about-title">
      <h2 id="hl-about-title" className="hl-section-title">
        Giới thiệu
      </h2>
      <p>
        <strong>Hiểu Luật</strong> là trợ lý thông tin pháp luật của Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa dành cho hội viên: hỏi bằng tiếng Việt, có dấu hay
        không dấu, nhận câu trả lời ngắn kèm đúng điểm, khoản, Điều của văn bản luật để chị tự kiểm tra.
      </p>
      <div className="hl-disclaimer" role="note">
        <h3>Lưu ý</h3>
        <p>
          Thông tin chỉ để tham khảo, không thay thế tư vấn của luật sư hay cơ quan có thẩm quyền. Với việc quan trọng, chị hãy hỏi cán bộ Hội, Trung tâm trợ
          giúp pháp lý nhà nước hoặc luật sư.
        </p>
      </div>

      <h3>Quyền riêng tư</h3>
      <p>
        Mặc định ứng dụng không lưu gì trên điện thoại: đóng ứng dụng là cuộc trò chuyện biến mất khỏi máy. Không dùng tên, ảnh đại diện hay số điện thoại Zalo
        của chị.
      </p>
      <div className="hl-setting">
        <Switch
          label="Ghi nhớ lịch sử bằng tài khoản Zalo"
          checked={remember}
          disabled={rememberBusy}
          onChange={(e) => onRemember(e.target.checked)}
          aria-describedby="hl-remember-help"
        />
        <p id="hl-remember-help" className="hl-muted">
          Khi bật, ứng dụng dùng mã định danh Zalo của chị (chỉ mã số, đã được mã hoá một chiều) để mở lại cuộc trò chuyện lần sau. Tắt là xoá ngay trên máy.
        </p>
        {rememberNote && (
          <p className="hl-note" role="status">
            {rememberNote}
          </p>
        )}
      </div>

      <div className="hl-actions">
        <Button variant="secondary" fullWidth onClick={onNewConversation}>
          Cuộc trò chuyện mới
        </Button>
        <Button type="danger" fullWidth onClick={onQuickExit}>
          Thoát nhanh
        </Button>
        <p className="hl-muted">“Thoát nhanh” xoá mọi thứ ứng dụng lưu trên máy và đóng ứng dụng ngay.</p>
      </div>
    </section>
  );
}
