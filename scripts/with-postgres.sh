#!/bin/sh
# Runs a command (a test run) against one throwaway PostgreSQL server: started before, stopped after, whatever
# the command's outcome. The tests see it as TEST_DATABASE=postgres and TEST_POSTGRES_URL.
#   scripts/with-postgres.sh npx tsx --test test/unit/store-contract.test.ts
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/xengraph-pg-run.XXXXXX")
trap '"$here/postgres.sh" stop "$dir"' EXIT INT TERM
port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
TEST_POSTGRES_URL=$("$here/postgres.sh" start "$dir" "$port")
export TEST_POSTGRES_URL TEST_DATABASE=postgres
"$@"
