-- One row per uploaded file and its processing state; the file name is shown, never used as a path.
create table uploads (
  id           text primary key,                  -- random uuid
  filename     text not null,
  size_bytes   integer not null default 0,
  sha256       text,
  state        text not null default 'processing' check (state in ('processing', 'indexed', 'error')),
  result       text,                              -- added | replaced | skipped
  error_code   text,
  error        text,                              -- Vietnamese reason shown to officials
  document_id  text references documents(id) on delete set null,
  articles     integer,
  chunks       integer,
  uploaded_by  text references users(id) on delete set null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index uploads_created_idx on uploads (created_at desc);
