-- The lexical index lives in memory (server/retrieval/index/), built from chunks.search_text:
-- nothing reads the full-text column any more, and computing it and keeping its GIN index up to
-- date was paid by every chunk an ingest writes. Dropping the column drops chunks_tsv_idx.
alter table chunks drop column if exists tsv;
