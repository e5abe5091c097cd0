-- The chunker (with the structure parser) that cut a document's chunks. A bundled law stored by
-- an older one is cut again at the next start (ingest/corpus-sync.ts); rows from before this
-- column count as 0, older than any.
alter table documents add column chunker_version integer not null default 0;
