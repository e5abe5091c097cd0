-- Per-client request counters for @fastify/rate-limit (server/plugins/security.ts), shared by
-- every instance. One row per (group, client address) and fixed window; expired rows are
-- reused by the next request and swept hourly (server/maintenance/retention.ts).
create table rate_limits (
  key         text primary key,                  -- 'chat:203.0.113.7'
  hits        integer not null,
  window_end  timestamptz not null
);
create index rate_limits_window_end_idx on rate_limits (window_end);
