-- Failed logins per e-mail for the lockout window; no IP addresses are kept.
create table login_failures (
  id         bigserial primary key,
  email_key  text not null,                       -- lower-cased e-mail as typed
  at         timestamptz not null default now()
);
create index login_failures_email_idx on login_failures (email_key, at);
