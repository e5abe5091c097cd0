-- pgvector for embeddings, unaccent for diacritic-folded search, pg_trgm for fuzzy matching.
create extension if not exists vector;
create extension if not exists unaccent;
create extension if not exists pg_trgm;
