import { useState, type FormEvent } from 'react';
import type { Role, User } from '../../shared/api.js';
import { api } from '../lib/api.js';
import { ErrorText, formatDateTime, Notice, Section, useAction, useLoad, type SectionProps } from './common.js';

const MIN_PASSWORD = 10;

export function Users({ user: me, onExpired }: SectionProps) {
  const users = useLoad(() => api.admin.users(), onExpired);
  const action = useAction(onExpired);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [password, setPassword] = useState('');

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(
      () => api.admin.createUser({ email: email.trim(), role, password }),
      (x) => `Đã tạo tài khoản ${x.user.email}.`,
    );
    if (r) {
      setEmail('');
      setPassword('');
      await users.reload();
    }
  };

  const patch = async (u: User, p: Parameters<typeof api.admin.updateUser>[1], done: string) => {
    if (await action.run(() => api.admin.updateUser(u.id, p), done)) await users.reload();
  };

  const resetPassword = async (u: User) => {
    const pw = window.prompt(`Mật khẩu mới cho ${u.email} (ít nhất ${MIN_PASSWORD} ký tự):`);
    if (!pw) return;
    await patch(u, { password: pw }, `Đã đặt mật khẩu mới cho ${u.email}.`);
  };

  const remove = async (u: User) => {
    if (!window.confirm(`Xoá tài khoản ${u.email}?`)) return;
    if (await action.run(() => api.admin.deleteUser(u.id), `Đã xoá ${u.email}.`)) await users.reload();
  };

  return (
    <>
      <Section title="Tài khoản cán bộ">
        <Notice message={action.message} />
        <ErrorText error={users.error} />
        <div className="table-wrap">
          <table className="table" aria-label="Tài khoản">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Đăng nhập gần nhất</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {users.data?.users.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.email}
                    {u.id === me.id && <span className="muted small"> (bạn)</span>}
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                      Vai trò của {u.email}
                    </label>
                    <select
                      id={`role-${u.id}`}
                      value={u.role}
                      disabled={action.pending}
                      onChange={(e) => void patch(u, { role: e.target.value as Role }, `Đã đổi vai trò của ${u.email}.`)}
                    >
                      <option value="editor">Biên tập viên</option>
                      <option value="admin">Quản trị viên</option>
                    </select>
                  </td>
                  <td>{u.disabled ? 'Đã khoá' : 'Đang hoạt động'}</td>
                  <td>{formatDateTime(u.lastLoginAt)}</td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={action.pending}
                        onClick={() => void patch(u, { disabled: !u.disabled }, u.disabled ? `Đã mở khoá ${u.email}.` : `Đã khoá ${u.email}.`)}
                      >
                        {u.disabled ? 'Mở khoá' : 'Khoá'}
                      </button>
                      <button type="button" className="btn btn-small" disabled={action.pending} onClick={() => void resetPassword(u)}>
                        Đặt lại mật khẩu
                      </button>
                      {u.id !== me.id && (
                        <button type="button" className="btn btn-small btn-danger-outline" disabled={action.pending} onClick={() => void remove(u)}>
                          Xoá
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title="Tạo tài khoản mới">
        <form className="grid" onSubmit={create}>
          <div className="field">
            <label htmlFor="nu-email">Email</label>
            <input id="nu-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="nu-role">Vai trò</label>
            <select id="nu-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <option value="editor">Biên tập viên (tải, sửa văn bản, trả lời câu hỏi)</option>
              <option value="admin">Quản trị viên (thêm: duyệt, tài khoản, trang nhúng)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="nu-password">Mật khẩu (ít nhất {MIN_PASSWORD} ký tự)</label>
            <input
              id="nu-password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD}
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div className="field end">
            <button type="submit" className="btn btn-primary" disabled={action.pending}>
              Tạo tài khoản
            </button>
          </div>
        </form>
      </Section>
    </>
  );
}
