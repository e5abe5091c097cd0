-- The next questions suggested with an answer (server/chat/suggest.ts), so that a reopened
-- conversation shows them again under that answer. Null for questions and older answers.
alter table messages add column suggestions jsonb;
