#!/bin/sh
# The selection benchmark at 10^7 events (or $1): makes the two samples at once, one process each
# (generation is the slow part: about 4 min (dump) and 11 min (kaon) on one free core of the 2-core machine,
# kept in bench-output/ and reused by later runs), then runs bench/selection-vs-numpy.bench.ts and
# bench/selection-floor.bench.ts (where the dump presets' time goes above the needed-bytes floor).
# Run it on a quiet machine: the 1 → 2 thread figures need two free cores.
set -e
cd "$(dirname "$0")/.."
N="${1:-${NA62_BENCH_EVENTS:-10000000}}"
npx tsx bench/selection-vs-numpy.bench.ts "$N" --prepare dump &
d=$!
npx tsx bench/selection-vs-numpy.bench.ts "$N" --prepare kaon &
k=$!
wait $d
wait $k
npx tsx bench/selection-vs-numpy.bench.ts "$N" 2>&1 | tee "bench-output/selection-vs-numpy-$N.txt"
npx tsx bench/selection-floor.bench.ts "$N" 2>&1 | tee "bench-output/selection-floor-$N.txt"
