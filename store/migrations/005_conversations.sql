create table conversations (
  id          text primary key,              -- random, unguessable
  owner_key   text,                          -- optional opaque key (e.g. hashed Zalo user id)
  no_history  boolean not null default false,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index conversations_updated_idx on conversations (updated_at);
create index conversations_owner_idx on conversations (owner_key) where owner_key is not null;

create table messages (
  id              bigserial primary key,
  conversation_id text not null references conversations(id) on delete cascade,
  role            text not null check (role in ('user', 'assistant')),
  content         text not null,
  resolved_query  text,                       -- the standalone question used for retrieval
  kind            text,                       -- answer | emergency | out_of_scope
  topic           text,
  citations       jsonb not null default '[]',
  fallback        boolean not null default false,
  created_at      timestamptz not null default now()
);
create index messages_conversation_idx on messages (conversation_id, id);

create table feedback (
  id          bigserial primary key,
  message_id  bigint not null references messages(id) on delete cascade,
  rating      smallint not null check (rating in (-1, 1)),
  comment     text,
  created_at  timestamptz not null default now(),
  unique (message_id)
);
