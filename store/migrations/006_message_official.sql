-- Whether an assistant message reused an answer approved by officials (shown again on reload).
alter table messages add column official boolean not null default false;
