create table chunks (
  id            bigserial primary key,
  document_id   text not null references documents(id) on delete cascade,
  ordinal       integer not null,
  path          text[] not null default '{}',   -- structural labels: Phần…, Chương…, Mục…
  article       text,                           -- '51', '8a'; null for non-article sections
  article_num   integer,                        -- numeric part, for ordering and gold matching
  article_title text,
  heading       text,                           -- section heading for non-legal documents
  clauses       text[] not null default '{}',   -- khoản covered, e.g. {1,2,3}
  points        jsonb not null default '{}',    -- khoản -> điểm letters, e.g. {"1":["a","b"]}
  part          integer not null default 0,     -- 0 = whole article, n = n-th piece of a split article
  header        text not null,                  -- context header shown with and embedded with the text
  text          text not null,
  search_text   text not null,                  -- diacritic-folded, lower-case, for full-text search
  tsv           tsvector generated always as (to_tsvector('simple', search_text)) stored,
  embedding     vector,
  unique (document_id, ordinal)
);
create index chunks_document_idx on chunks (document_id, article_num);
create index chunks_tsv_idx on chunks using gin (tsv);
