#!/usr/bin/env bash
# Makes sure the PostgreSQL store tests have a database: TEST_DATABASE_URL, or loket@127.0.0.1:5432, started here if need be.
set -euo pipefail
cd "$(dirname "$0")/.."

url="postgres://loket:loket@127.0.0.1:5432/loket"
export PGCONNECT_TIMEOUT=5

say() { echo "[test-postgres] $*" >&2; }

# Does $1 accept a login? psql when installed, else the driver the tests use; never prompts.
answers() {
  if command -v psql >/dev/null 2>&1; then
    psql "$1" -wqtAX -c 'SELECT 1' >/dev/null 2>&1
  else
    node -e 'const c = new (require("pg").Client)(process.argv[1]); c.connect().then(() => c.end(), () => process.exit(1))' "$1" 2>/dev/null
  fi
}

# Is a PostgreSQL server on 127.0.0.1:5432, accepting (0) or starting up (1), whoever may log in?
is_taken() {
  local status=0
  pg_isready -q -h 127.0.0.1 -p 5432 || status=$?
  [[ $status -le 1 ]]
}

wait_up() {
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
  say "PostgreSQL on 127.0.0.1:5432 did not come up within 30 s"
  exit 1
}

if [[ -n ${TEST_DATABASE_URL:-} ]]; then
  answers "$TEST_DATABASE_URL" && exit 0
  say "TEST_DATABASE_URL (…@${TEST_DATABASE_URL#*@}) does not answer or refuses the login"
  exit 1
fi

answers "$url" && exit 0

# The newest server installed: Debian's /usr/lib/postgresql/<version>/bin, else pg_ctl on the PATH.
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z $bindir || ! -x $bindir/postgres ]] && command -v pg_ctl >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v pg_ctl)")
fi
if [[ -z $bindir || ! -x $bindir/postgres ]]; then
  say "the PostgreSQL store tests need a PostgreSQL server: apt-get install postgresql, or set TEST_DATABASE_URL"
  exit 1
fi
PATH="$bindir:$PATH"

# Creates the role and database if missing; "$@" is a psql command line that connects as a superuser.
create_loket() {
  "$@" -X -q -v ON_ERROR_STOP=1 -d postgres <<'SQL'
SELECT 'CREATE ROLE loket LOGIN SUPERUSER PASSWORD ''loket''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'loket')\gexec
SELECT 'CREATE DATABASE loket OWNER loket' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'loket')\gexec
SQL
}

if [[ $EUID -eq 0 ]] && command -v pg_ctlcluster >/dev/null 2>&1; then
  # Root on Debian: the cluster on port 5432, made if there is no cluster at all.
  read -r version name status < <(pg_lsclusters -h | awk '$3 == 5432 { print $1, $2, $4; exit }') || true
  if [[ -z ${version:-} ]]; then
    if [[ -n $(pg_lsclusters -h) ]]; then
      say "no PostgreSQL cluster uses port 5432 (see pg_lsclusters): start one there, or set TEST_DATABASE_URL"
      exit 1
    fi
    version=$(basename "$(dirname "$bindir")") name=main status=down
    say "creating cluster $version/$name"
    pg_createcluster "$version" "$name" --port 5432 >/dev/null
  fi
  if [[ $status == down* ]]; then
    say "starting cluster $version/$name"
    pg_ctlcluster "$version" "$name" start
  fi
  wait_up
  create_loket runuser -u postgres -- psql -p 5432
elif [[ $EUID -ne 0 ]]; then
  # Anyone else: a private cluster in .cache/postgres, TCP on 127.0.0.1 only, trusting every login there.
  data=.cache/postgres
  if [[ ! -f $data/PG_VERSION ]]; then
    say "creating a private cluster in $data"
    mkdir -p .cache
    initdb -D "$data" -U loket --auth=trust -E UTF8 --locale=C >/dev/null
    printf '%s\n' "port = 5432" "listen_addresses = '127.0.0.1'" "unix_socket_directories = ''" >>"$data/postgresql.conf"
  fi
  if ! pg_ctl -D "$data" status >/dev/null 2>&1; then
    if is_taken; then
      say "127.0.0.1:5432 is taken by a server that refuses loket/loket: stop it, or set TEST_DATABASE_URL"
      exit 1
    fi
    say "starting the private cluster in $data (stop it with: pg_ctl -D $data stop)"
    pg_ctl -D "$data" -l "$data/server.log" -w start >/dev/null || { tail -n 5 "$data/server.log" >&2; exit 1; }
  fi
  wait_up
  create_loket psql -h 127.0.0.1 -p 5432 -U loket
else
  say "root without Debian's pg_ctlcluster: start PostgreSQL on 127.0.0.1:5432 yourself, or set TEST_DATABASE_URL"
  exit 1
fi

answers "$url" && exit 0
say "127.0.0.1:5432 refuses loket/loket (its password, or pg_hba.conf?): fix that, or set TEST_DATABASE_URL"
exit 1
