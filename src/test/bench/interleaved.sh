#!/usr/bin/env bash
# End-to-end timings of whole commands, JVM start included, run interleaved (A B C, A B C, ...) so
# that a shared machine's changing load hits every variant alike; prints each variant's median wall
# and CPU (user + sys, all threads) and their ratios to the first variant. Used for BENCHMARKS.md.
#   src/test/bench/interleaved.sh RUNS NAME1 'COMMAND1' NAME2 'COMMAND2' ...
set -euo pipefail
runs=$1
shift
names=()
cmds=()
while [ $# -gt 1 ]; do
  names+=("$1")
  cmds+=("$2")
  shift 2
done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
uptime
for _ in $(seq 1 "$runs"); do
  for i in "${!names[@]}"; do
    /usr/bin/time -f "${names[$i]} %e %U %S" -a -o "$log" bash -c "${cmds[$i]} >/dev/null 2>&1" || true
  done
done
uptime
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
first_wall=
first_cpu=
for n in "${names[@]}"; do
  walls=$(awk -v n="$n" '$1 == n {print $2}' "$log")
  wall=$(median <<<"$walls")
  cpu=$(awk -v n="$n" '$1 == n {print $3 + $4}' "$log" | median)
  first_wall=${first_wall:-$wall}
  first_cpu=${first_cpu:-$cpu}
  awk -v n="$n" -v w="$wall" -v c="$cpu" -v fw="$first_wall" -v fc="$first_cpu" -v runs="$(wc -l <<<"$walls")" \
    'BEGIN {printf "%-20s %2d runs  wall median %6.2f s  CPU median %5.2f s  ratio to first: wall %.2f, CPU %.2f\n", n, runs, w, c, w / fw, (fc > 0 ? c / fc : 0)}'
  echo "    walls: $(tr '\n' ' ' <<<"$walls")"
done
