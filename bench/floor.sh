#!/usr/bin/env bash
# The floor: builds bench/floor/relay.c (a minimal C relay, not a chat server; see the comment at
# its top) into a temporary directory and runs bench/compare.sh's workloads against it, with the
# same bench options and the same table. Every compare.sh option works here; the default server
# list is the relay alone.
#
#   bench/floor.sh --workloads 1,3                        # the floor relay alone
#   bench/floor.sh --only floor,ours,theirs --workloads 3 # the relay, our server and ngIRCd, same runs
#   bench/floor.sh --only floor,ours --workloads 3 --set "--rate 2" --quiet
#
# Needs: gcc, plus what compare.sh needs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$(mktemp -d /tmp/floor-relay.XXXXXX)"
trap 'rm -rf "$BUILD"' EXIT
"${CC:-gcc}" -O2 -Wall -Wextra -o "$BUILD/relay" "$ROOT/bench/floor/relay.c"

only=floor
for arg in "$@"; do [[ "$arg" == --only ]] && only=""; done
FLOOR_RELAY="$BUILD/relay" "$ROOT/bench/compare.sh" ${only:+--only "$only"} "$@"
