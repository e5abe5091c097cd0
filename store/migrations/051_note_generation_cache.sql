-- What the model wrote for one article's text (issue 12): re-uploading, re-indexing or a second
-- instance asks the model again only for articles whose text, model or prompt changed.
create table note_generation_cache (
  hash       text primary key,                 -- sha256 of model, prompt and the article's text
  output     jsonb not null,                   -- {"asks": [...], "meaning": "..."}
  created_at timestamptz not null default now()
);
