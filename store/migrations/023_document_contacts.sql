-- Local phone numbers and addresses found in an official document, with the section they came
-- from. They are shown with their source; one joins the emergency numbers only once an official
-- has confirmed it in the console (confirmed_by / confirmed_at).
create table if not exists document_contacts (
  id            bigserial primary key,
  document_id   text not null references documents(id) on delete cascade,
  kind          text not null check (kind in ('phone', 'address')),
  value         text not null,
  label         text not null,                 -- what the document says the number or address is for
  section       text[],                        -- where it was found, e.g. {III,3}
  confirmed_by  text,
  confirmed_at  timestamptz,
  unique (document_id, kind, value)
);
create index if not exists document_contacts_confirmed_idx on document_contacts (confirmed_at) where confirmed_at is not null;
