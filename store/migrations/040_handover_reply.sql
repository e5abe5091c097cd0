-- The official's approved answer is delivered into the member's conversation as a message;
-- this is that message, so approving again updates it instead of adding a second one.
alter table handover add column reply_message_id bigint references messages(id) on delete set null;
create index handover_conversation_idx on handover (conversation_id) where reply_message_id is not null;
