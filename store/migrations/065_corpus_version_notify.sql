-- Every instance keeps its lexical index in memory for one corpus version. Announcing each new
-- version lets them rebuild at once (LISTEN corpus_version) instead of reading the version on
-- every search; the version row stays the truth, and instances still poll it in case a
-- notification is missed (a dropped listening connection).
create or replace function bump_corpus_version() returns trigger language plpgsql as $$
declare
  v bigint;
begin
  update corpus_state set version = version + 1 where id = 1 returning version into v;
  perform pg_notify('corpus_version', v::text);
  return null;
end $$;
