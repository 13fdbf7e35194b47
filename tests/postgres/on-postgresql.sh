#!/usr/bin/env bash
# Runs a test program against a throwaway PostgreSQL cluster (one at a time: ctest gives these tests the
# RESOURCE_LOCK pg_virtualenv, as the cluster's name is fixed): pg_virtualenv (postgresql-common) creates
# it, exports PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE, runs the command and removes the cluster.
# The command sees the server as DANGYUAN_TEST_POSTGRESQL=postgresql:// (libpq reads the rest from the
# environment). Without pg_virtualenv or a PostgreSQL server the test is skipped (exit 77), loudly.
set -euo pipefail

if ! command -v pg_virtualenv >/dev/null 2>&1; then
  echo "SKIPPED: pg_virtualenv is not installed (Debian: postgresql-common and postgresql); the tests did not run on PostgreSQL" >&2
  exit 77
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "SKIPPED: no PostgreSQL server is installed (Debian: postgresql); the tests did not run on PostgreSQL" >&2
  exit 77
fi
# A cluster owned by a normal user cannot be created in a directory it cannot write to.
cd "${TMPDIR:-/tmp}"
# Run as root, pg_virtualenv names its cluster "regress" and refuses to start while one exists: runs of
# other build trees on the same machine wait for each other here (ctest's RESOURCE_LOCK covers one tree).
lock="${TMPDIR:-/tmp}/dangyuan-pg_virtualenv.lock"
if command -v flock >/dev/null 2>&1; then
  exec flock --timeout 3600 "$lock" pg_virtualenv env DANGYUAN_TEST_POSTGRESQL=postgresql:// "$@"
fi
exec pg_virtualenv env DANGYUAN_TEST_POSTGRESQL=postgresql:// "$@"
