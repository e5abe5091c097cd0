-- Sites allowed to embed the widget and call the API from a browser (besides CORS_ORIGINS).
create table embed_origins (
  id          bigserial primary key,
  origin      text not null unique,               -- scheme://host[:port], normalised
  note        text,
  created_by  text references users(id) on delete set null,
  created_at  timestamptz not null default now()
);
