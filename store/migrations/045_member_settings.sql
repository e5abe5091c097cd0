-- What members see that officials set in the console: hotline numbers, the welcome text and the
-- suggested questions. One row per setting; a missing row means the server's configured default.
create table member_settings (
  key         text primary key,
  value       jsonb not null,
  updated_by  text references users(id) on delete set null,
  updated_at  timestamptz not null default now()
);
