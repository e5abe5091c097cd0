-- A member who handed a question over from the Zalo Mini App may agree to be told in Zalo when
-- the official's answer is approved. Her Zalo id is kept only encrypted (server/notify/zalo.ts),
-- and only until that one notification is attempted; notified_at records that it was.
alter table handover add column notify_recipient text;
alter table handover add column notified_at timestamptz;
