-- Which embedder built the vectors. The HNSW index needs a fixed dimension, so the column type
-- and index are (re)made at start-up by store/embeddings.ts when the embedder changes.
create table embedder_state (
  singleton   boolean primary key default true check (singleton),
  embedder_id text not null,
  dimension   integer not null,
  updated_at  timestamptz not null default now()
);
