-- Where a conversation was held (issue 19 item 4: monthly counts by channel). Set by the first
-- turn and never changed; null for conversations from before it was recorded ("không rõ").
-- A closed list, so a report never grows a column per client typo. ("if not exists": this was
-- briefly numbered 061 during development, and a data directory from then already has it.)
alter table conversations add column if not exists channel text
  check (channel in ('web', 'widget', 'zalo', 'api'));
