import type { FastifyPluginAsync } from 'fastify';
import { AppError, notFound } from '../errors.js';
import { audit } from '../audit/log.js';
import { officialOf, requireRole } from '../auth/guard.js';
import { MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { countOtherActiveAdmins, createUser, deleteUser, findUserByEmail, getUser, listUsers, updateUser, type Role, type UserRow } from '../auth/users.js';
import { errorResponse, guardedErrors, idParam, okResponse, security, toIso, user as userSchema } from './schemas.js';

const present = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  role: u.role,
  disabled: u.disabled,
  createdAt: toIso(u.created_at),
  lastLoginAt: toIso(u.last_login_at),
});

const emailProp = { type: 'string', format: 'email', maxLength: 254 } as const;
const passwordProp = { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 } as const;
const roleProp = { type: 'string', enum: ['admin', 'editor'] } as const;

const emailTaken = () => new AppError(409, 'conflict:email', 'Email này đã có tài khoản.');
const lastAdmin = () => new AppError(409, 'conflict:last_admin', 'Không thể bỏ quyền, khoá hoặc xoá quản trị viên cuối cùng.');

const users: FastifyPluginAsync = async (app) => {
  const { db } = app.services;
  const admin = requireRole('admin');

  app.get(
    '/api/admin/users',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Officials’ accounts',
        security,
        response: { 200: { type: 'object', properties: { users: { type: 'array', items: userSchema } } }, ...guardedErrors },
      },
    },
    async () => ({ users: (await listUsers(db)).map(present) }),
  );

  app.post<{ Body: { email: string; role: Role; password: string } }>(
    '/api/admin/users',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Create an official’s account',
        security,
        body: {
          type: 'object',
          required: ['email', 'role', 'password'],
          additionalProperties: false,
          properties: { email: emailProp, role: roleProp, password: passwordProp },
        },
        response: { 201: { type: 'object', properties: { user: userSchema } }, ...guardedErrors, 409: errorResponse },
      },
    },
    async (req, reply) => {
      const actor = officialOf(req);
      if (await findUserByEmail(db, req.body.email)) throw emailTaken();
      const u = await createUser(db, req.body);
      await audit(db, actor, 'user.create', { type: 'user', id: u.id }, { email: u.email, role: u.role });
      return reply.status(201).send({ user: present(u) });
    },
  );

  app.patch<{ Params: { id: string }; Body: { email?: string; role?: Role; password?: string; disabled?: boolean } }>(
    '/api/admin/users/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Change an account’s role, password, e-mail or disable it (its sessions end)',
        security,
        params: idParam,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { email: emailProp, role: roleProp, password: passwordProp, disabled: { type: 'boolean' } },
        },
        response: { 200: { type: 'object', properties: { user: userSchema } }, ...guardedErrors, 404: errorResponse, 409: errorResponse },
      },
    },
    async (req) => {
      const actor = officialOf(req);
      const target = await getUser(db, req.params.id);
      if (!target) throw notFound('user', 'Không tìm thấy tài khoản này.');
      const b = req.body;
      const losesAdmin = target.role === 'admin' && !target.disabled && ((b.role !== undefined && b.role !== 'admin') || b.disabled === true);
      if (losesAdmin && (await countOtherActiveAdmins(db, target.id)) === 0) throw lastAdmin();
      if (b.email !== undefined) {
        const other = await findUserByEmail(db, b.email);
        if (other && other.id !== target.id) throw emailTaken();
      }
      const updated = await updateUser(db, target.id, b);
      if (b.role !== undefined || b.password !== undefined || b.disabled !== undefined) {
        // Keep the admin's own current session when they change their own account.
        await deleteUserSessions(db, target.id, target.id === actor.id ? actor.session.tokenHash : undefined);
      }
      const changed = Object.fromEntries(Object.entries(b).map(([k, v]) => [k, k === 'password' ? true : v]));
      await audit(db, actor, 'user.update', { type: 'user', id: target.id }, { email: updated!.email, changed });
      return { user: present(updated!) };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/admin/users/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Delete an account',
        security,
        params: idParam,
        response: { 200: okResponse, ...guardedErrors, 404: errorResponse, 409: errorResponse },
      },
    },
    async (req) => {
      const actor = officialOf(req);
      const target = await getUser(db, req.params.id);
      if (!target) throw notFound('user', 'Không tìm thấy tài khoản này.');
      if (target.id === actor.id) throw new AppError(409, 'conflict:self', 'Bạn không thể tự xoá tài khoản của chính mình.');
      if (target.role === 'admin' && !target.disabled && (await countOtherActiveAdmins(db, target.id)) === 0) throw lastAdmin();
      await deleteUser(db, target.id);
      await audit(db, actor, 'user.delete', { type: 'user', id: target.id }, { email: target.email, role: target.role });
      return { ok: true };
    },
  );
};

export default users;
