-- Documents without Điều (provincial plans, guidance): a chunk's place in the document's own
-- numbering, e.g. {III,2} for "mục III.2"; null for articles of laws. Citations carry it.
alter table chunks add column if not exists section text[];
create index if not exists chunks_section_idx on chunks (document_id, section);
