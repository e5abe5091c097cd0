-- What officials expect to read about a plan: the period it applies to ("năm 2026",
-- "giai đoạn 2021 - 2025") with its dates, and how a document without Điều was cut
-- ('numbered': parts and items; 'headings': headings and paragraphs) for the console's preview.
alter table documents add column if not exists period text;
alter table documents add column if not exists period_start date;
alter table documents add column if not exists period_end date;
alter table documents add column if not exists structure_scheme text not null default 'legal'
  check (structure_scheme in ('legal', 'numbered', 'headings'));
