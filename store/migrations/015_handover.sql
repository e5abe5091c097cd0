-- Questions members send to officials, and the officials' answers. Approved answers are
-- reused for similar questions (server/handover/match.ts), so the folded question is kept.
create table handover (
  id               bigserial primary key,
  message_id       bigint references messages(id) on delete set null,
  conversation_id  text references conversations(id) on delete set null,
  question         text not null,                 -- phone numbers and e-mails already redacted
  question_folded  text not null,                 -- diacritic-folded content syllables
  note             text,
  reason           text not null default 'member_request', -- refused | disliked | member_request
  topic            text,
  state            text not null default 'pending' check (state in ('pending', 'answered', 'approved')),
  answer           text,
  citations        jsonb not null default '[]',
  answered_by      text references users(id) on delete set null,
  answered_at      timestamptz,
  approved_by      text references users(id) on delete set null,
  approved_at      timestamptz,
  created_at       timestamptz not null default now(),
  unique (message_id)
);
create index handover_state_idx on handover (state, created_at desc);
create index handover_folded_trgm_idx on handover using gin (question_folded gin_trgm_ops);
