#!/usr/bin/env bash
# Runs the whole test suite: makes .venv with the test extras if needed, starts a throw-away
# PostgreSQL on 127.0.0.1 (when its binaries are installed) so the store tests run on both
# backends, then runs ruff (lint and format check), mypy and pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
# The workbench's JS/CSS (Leaflet, vis-timeline, cytoscape, world-atlas) for the browser tests.
if [ ! -f src/claimgraph/web/static/vendor/versions.json ] && command -v npm >/dev/null; then
  npm ci --silent --no-audit --no-fund
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
PGD=""
cleanup() {
  if [ -n "$PGD" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGD/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PGD"
  fi
}
trap cleanup EXIT

if [ -z "${CLAIMGRAPH_TEST_PG_URL:-}" ] && [ -n "$PGBIN" ] && id postgres >/dev/null 2>&1 \
   && [ "$(id -u)" = 0 ]; then
  PGD=$(mktemp -d)
  chown postgres:postgres "$PGD"
  PORT=$(.venv/bin/python -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])")
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGD/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGD/data" -l "$PGD/server.log" \
    -o "-h 127.0.0.1 -p $PORT -k $PGD" -w start >/dev/null
  export CLAIMGRAPH_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
  echo "test.sh: throw-away PostgreSQL on 127.0.0.1:$PORT"
elif [ -z "${CLAIMGRAPH_TEST_PG_URL:-}" ]; then
  echo "test.sh: no PostgreSQL binaries (or not root): PostgreSQL store tests will be skipped"
fi

.venv/bin/ruff check src tests
.venv/bin/ruff format --check src tests
.venv/bin/mypy  # strict on the modules [tool.mypy] lists in pyproject.toml
.venv/bin/python -m pytest "$@"
