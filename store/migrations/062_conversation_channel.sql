-- Where a conversation was held (issue 19 item 4: monthly counts by channel). Set by the first
-- turn and never changed; null for conversations from before it was recorded ("không rõ").
-- A closed list, so a report never grows a column per client typo.
alter table conversations add column channel text
  check (channel in ('web', 'widget', 'zalo', 'api'));
