#!/usr/bin/env bash
# PostgreSQL with pgvector from Debian, for tests/multi-instance.test.ts (two servers, one database).
# Debian 12 ships PostgreSQL 15 but no pgvector package, so pgvector is built from Debian's own
# source package (trixie) against the installed server. Idempotent; needs root and Debian's mirrors.
# Without it the test falls back to one PGlite served over the wire protocol.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

major() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }

if [ -n "$(major)" ] && [ -f "/usr/share/postgresql/$(major)/extension/vector.control" ]; then
  echo "PostgreSQL $(major) with pgvector: already installed"
  exit 0
fi

apt-get update -qq
apt-get install -y -qq postgresql >/dev/null
PG="$(major)"
apt-get install -y -qq "postgresql-server-dev-$PG" make gcc dpkg-dev >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial"
echo "deb-src http://deb.debian.org/debian trixie main" >"$work/sources.list"
apt_src=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=/nonexistent -o "Dir::State::Lists=$work/lists")
apt-get "${apt_src[@]}" update -qq
(cd "$work" && apt-get "${apt_src[@]}" source --download-only pgvector >/dev/null 2>&1)
tar -xzf "$work"/pgvector_*.orig.tar.gz -C "$work"
make -s -C "$work"/pgvector-*/ PG_CONFIG="/usr/lib/postgresql/$PG/bin/pg_config" OPTFLAGS="" >/dev/null
make -s -C "$work"/pgvector-*/ PG_CONFIG="/usr/lib/postgresql/$PG/bin/pg_config" install >/dev/null
echo "PostgreSQL $PG with pgvector $(sed -n "s/^default_version = '\(.*\)'/\1/p" /usr/share/postgresql/$PG/extension/vector.control): installed"
