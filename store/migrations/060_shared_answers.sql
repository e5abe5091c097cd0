-- Answers a member chose to share ("Chia sẻ"): a copy of one answer, readable by anyone with the
-- link (/a/<id>), never linked back to her conversation. The question is kept only when she ticked
-- it; otherwise the page names the topic. Shares expire by the retention policy (expires_at, set
-- from RETENTION_DAYS when created) and officials can withdraw one (withdrawn_at).
create table shared_answers (
  id            text primary key,                 -- random, unguessable: the link is the only key
  question      text,                             -- her words, only if she ticked "kèm câu hỏi"
  topic         text,                             -- thesaurus topic id of the answer (topics.tsv)
  answer        text not null,
  citations     jsonb not null default '[]',
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  withdrawn_at  timestamptz,
  withdrawn_by  text references users(id) on delete set null
);
create index shared_answers_expires_idx on shared_answers (expires_at);
