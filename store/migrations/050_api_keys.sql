-- API keys other systems (Open WebUI, LibreChat, an MCP client) use to call /v1 and /mcp.
-- Only the SHA-256 of a key is stored; the key itself is shown once, when an admin creates it.
create table api_keys (
  id           bigserial primary key,
  name         text not null,
  prefix       text not null,                 -- first characters, to recognise a key in the console
  key_hash     text not null unique,
  scopes       text[] not null,               -- 'chat' (/v1), 'library' (/mcp)
  rate_per_min integer not null default 60,
  created_by   text references users(id) on delete set null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
