import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../lib/api.js';
import type { MemberSettings as Settings } from '../../shared/settings-types.js';
import { ErrorText, Notice, Section, useAction, useLoad, type SectionProps } from './common.js';

const PHONES: { key: 'dvHotline' | 'legalAidPhone' | 'provinceChildLine'; label: string; hint: string }[] = [
  { key: 'dvHotline', label: 'Đường dây nóng phòng, chống bạo lực gia đình', hint: 'Hiện trên nút gọi khi hội viên gặp nguy hiểm.' },
  { key: 'legalAidPhone', label: 'Trợ giúp pháp lý', hint: 'Hiện khi câu hỏi cần người giúp nhưng chưa khẩn cấp.' },
  { key: 'provinceChildLine', label: 'Đường dây bảo vệ trẻ em của tỉnh', hint: 'Hiện sau Tổng đài 111 khi có trẻ em gặp nguy hiểm.' },
];

/**
 * What members see: the numbers on the call buttons, the welcome text and the suggested
 * questions. An empty field goes back to the server's value (shown under it).
 */
export function MemberSettings({ onExpired }: SectionProps) {
  const view = useLoad(() => api.admin.memberSettings(), onExpired);
  const action = useAction(onExpired);
  const [form, setForm] = useState<{ dvHotline: string; legalAidPhone: string; provinceChildLine: string; welcome: string; suggestions: string }>({
    dvHotline: '',
    legalAidPhone: '',
    provinceChildLine: '',
    welcome: '',
    suggestions: '',
  });

  useEffect(() => {
    const e: Settings | undefined = view.data?.effective;
    if (e) setForm({ ...e, welcome: e.welcome ?? '', suggestions: e.suggestions.join('\n') });
  }, [view.data]);

  const save = async (ev: FormEvent) => {
    ev.preventDefault();
    const r = await action.run(
      () =>
        api.admin.saveMemberSettings({
          dvHotline: form.dvHotline,
          legalAidPhone: form.legalAidPhone,
          provinceChildLine: form.provinceChildLine,
          welcome: form.welcome,
          suggestions: form.suggestions
            .split('\n')
            .map((q) => q.trim())
            .filter(Boolean),
        }),
      (x) => (x.changed.length ? 'Đã lưu. Hội viên sẽ thấy thay đổi trong khoảng một phút.' : 'Không có gì thay đổi.'),
    );
    if (r) await view.reload();
  };

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const defaults = view.data?.defaults;
  return (
    <Section title="Thông tin hội viên thấy">
      <p className="muted small">
        Các số điện thoại hiện trên nút gọi trong câu trả lời khẩn cấp và trong Zalo Mini App. Để trống để dùng giá trị cài đặt trên máy chủ.
      </p>
      <Notice message={action.message} />
      <ErrorText error={view.error} />
      <form className="stack" onSubmit={save} data-testid="member-settings">
        {PHONES.map((p) => (
          <div className="field" key={p.key}>
            <label htmlFor={`ms-${p.key}`}>{p.label}</label>
            <input id={`ms-${p.key}`} inputMode="tel" autoComplete="off" value={form[p.key]} onChange={set(p.key)} />
            <span className="muted small">
              {p.hint} {defaults?.[p.key] ? `Mặc định: ${defaults[p.key]}.` : 'Mặc định: không có.'}
            </span>
          </div>
        ))}
        <div className="field">
          <label htmlFor="ms-welcome">Lời chào (để trống: dùng lời chào có sẵn)</label>
          <textarea id="ms-welcome" rows={4} maxLength={600} value={form.welcome} onChange={set('welcome')} />
        </div>
        <div className="field">
          <label htmlFor="ms-suggestions">Câu hỏi gợi ý, mỗi dòng một câu (tối đa 8; để trống: dùng câu có sẵn theo chủ đề)</label>
          <textarea id="ms-suggestions" rows={5} value={form.suggestions} onChange={set('suggestions')} />
        </div>
        <div className="field end">
          <button type="submit" className="btn btn-primary" disabled={action.pending || !view.data}>
            Lưu
          </button>
        </div>
      </form>
    </Section>
  );
}
