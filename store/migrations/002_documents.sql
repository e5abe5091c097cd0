create table documents (
  id            text primary key,               -- stable slug, e.g. '52-2014-qh13'
  number        text,                           -- số hiệu, e.g. '52/2014/QH13'
  title         text not null,
  type          text not null,                  -- Luật, Bộ luật, Nghị định, Kế hoạch, Chương trình…
  binding       boolean not null default true,  -- national law/decree (true) vs provincial plan (false)
  issuer        text,
  issued        date,
  effective     date,
  status        text not null default 'in_force'
                check (status in ('in_force', 'partial', 'expired', 'replaced')),
  status_note   text,                           -- the status text as written in the source
  replaced_by   text,
  scope         text,
  topics        text[] not null default '{}',
  excerpt       boolean not null default false,
  articles_present text,
  missing       text,
  source        text,
  obtained      text,
  origin        text not null default 'upload', -- corpus | upload | cli
  sha256        text not null unique,
  structure     jsonb not null default '[]',    -- outline (parts/chapters/articles) for previews
  article_count integer not null default 0,
  chunk_count   integer not null default 0,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
-- One current version per số hiệu: a new version with the same number replaces the old one.
create unique index documents_number_key on documents (lower(number)) where number is not null;
