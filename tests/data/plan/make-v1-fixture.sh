#!/bin/sh
# Rebuilds v1.trplan from v1-plan.sql. The .trplan is committed so that the tests read the bytes an
# old release would have left on disk; rerun this only if the fixture's content must change.
set -e
cd "$(dirname "$0")"
rm -f v1.trplan
sqlite3 v1.trplan < v1-plan.sql
