-- Sessions live in Postgres so several server instances can share them. Only a hash of the
-- token is stored: a copy of the database does not hand out live sessions.
create table sessions (
  token_hash   text primary key,
  user_id      text not null references users(id) on delete cascade,
  csrf_token   text not null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);
