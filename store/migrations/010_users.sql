-- Officials of the women's union who maintain the corpus. Members never have accounts.
create table users (
  id            text primary key,                 -- random uuid
  email         text not null,
  role          text not null check (role in ('admin', 'editor')),
  password_hash text not null,                    -- scrypt$N$r$p$salt$hash (server/auth/password.ts)
  disabled      boolean not null default false,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index users_email_key on users (lower(email));
