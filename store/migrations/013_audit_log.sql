-- Every official action. The actor's e-mail is copied so entries survive the user's deletion.
create table audit_log (
  id           bigserial primary key,
  at           timestamptz not null default now(),
  actor_id     text references users(id) on delete set null,
  actor_email  text,
  action       text not null,                     -- login, document.upload, user.create, …
  target_type  text,
  target_id    text,
  details      jsonb not null default '{}'
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_action_idx on audit_log (action, at desc);
