#!/usr/bin/env bash
# Starts the local PostgreSQL cluster for the tests when it is installed but not running.
# The PostgreSQL tests fail (never skip) in CI when the server cannot be reached.
set -u
host=${PICKDESK_TEST_PG_HOST:-127.0.0.1}
port=${PICKDESK_TEST_PG_PORT:-5432}
if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$host" -p "$port"; then exit 0; fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  for version in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  done
  for _ in $(seq 1 30); do
    pg_isready -q -h "$host" -p "$port" && exit 0
    sleep 0.5
  done
fi
echo "ensure-postgres: PostgreSQL is not reachable at $host:$port; the PostgreSQL tests will fail." >&2
exit 0
