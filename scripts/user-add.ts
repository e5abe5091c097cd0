/**
 * Adds an official's account, or resets the password and role of an existing one:
 *   npm run user:add -- --email can.bo@hoiphunu.vn --role admin
 * The password comes from USER_PASSWORD or is typed at a hidden prompt (or piped on stdin),
 * never from the command line, where it would land in the shell history.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { openDb } from '../store/open.js';
import { audit } from '../server/audit/log.js';
import { MIN_PASSWORD_LENGTH } from '../server/auth/password.js';
import { deleteUserSessions } from '../server/auth/sessions.js';
import { createUser, findUserByEmail, updateUser, type Role } from '../server/auth/users.js';

async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    // Piped: the first line of stdin.
    let data = '';
    for await (const chunk of stdin) {
      data += String(chunk);
      if (data.includes('\n')) break;
    }
    return data.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string', default: 'editor' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || !values.email) {
    console.error('Usage: npm run user:add -- --email <email> [--role admin|editor]\nPassword: env USER_PASSWORD, or typed at the prompt.');
    return values.help ? 0 : 2;
  }
  const role = values.role as Role;
  if (role !== 'admin' && role !== 'editor') {
    console.error('--role must be admin or editor');
    return 2;
  }
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
    console.error('--email is not an e-mail address');
    return 2;
  }
  let password = process.env.USER_PASSWORD ?? '';
  if (!password) {
    password = await readPassword('Mật khẩu: ');
    if (process.stdin.isTTY && (await readPassword('Nhập lại mật khẩu: ')) !== password) {
      console.error('The two passwords differ.');
      return 2;
    }
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    return 2;
  }

  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    return 2;
  }
  const db = await openDb(config.db);
  try {
    const existing = await findUserByEmail(db, values.email);
    if (existing) {
      await updateUser(db, existing.id, { role, password, disabled: false });
      await deleteUserSessions(db, existing.id);
      await audit(
        db,
        null,
        'user.update',
        { type: 'user', id: existing.id },
        { email: existing.email, changed: { role, password: true, disabled: false }, via: 'cli' },
      );
      console.error(`Updated ${existing.email} (${role}); its sessions were ended.`);
    } else {
      const u = await createUser(db, { email: values.email, role, password });
      await audit(db, null, 'user.create', { type: 'user', id: u.id }, { email: u.email, role, via: 'cli' });
      console.error(`Created ${u.email} (${role}).`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`user:add failed: ${err.message}`);
    process.exit(1);
  },
);
