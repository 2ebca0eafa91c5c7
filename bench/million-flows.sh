#!/usr/bin/env bash
#
# A million flows in the assembled Karaf: heap after a full GC, and the time a restart takes until
# every service answers, with the JVM's CPU time by thread at the moment the flow service answered
# (on a shared machine the wall-clock figures grow with the load; the CPU time says what the boot
# itself costs). Unzips the assembly into a fresh directory, starts it without the demo,
# logs in hosts and array ports, adds appliances with pools of virtual ports and a redirect policy,
# imports the flows as CSV, checks that every one is active, then prints the figures.
#
#   bench/million-flows.sh [flows]            (default 1000000; run from the top of the repository
#                                              after mvn install; see bench/README.md)
#
# Environment: FCR_BENCH_DIR (default /tmp/fcr-million), FCR_BENCH_PORT (SSH port, default 28101;
# the next ports serve RMI and HTTP), FCR_BENCH_KEEP=1 leaves the instance running at the end.
set -euo pipefail

flows=${1:-1000000}
dir=${FCR_BENCH_DIR:-/tmp/fcr-million}
ssh_port=${FCR_BENCH_PORT:-28101}
top=$(cd "$(dirname "$0")/.." && pwd)
zip=$(ls "$top"/karaf-assembly/target/*.zip | head -1)
vsan=10
# hosts x arrays ports >= flows; every host talks to every array port
hosts=$(python3 -c "import math; print(math.isqrt($flows - 1) + 1)")
arrays=$(( (flows + hosts - 1) / hosts ))
appliances=4
chunk=250000

now() { date +%s.%N; }
since() { python3 -c "print(f'{$(now) - $1:.2f}')"; }
fcr() { ssh -q -o LogLevel=ERROR -p "$ssh_port" -i "$dir/key" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o BatchMode=yes -o ConnectTimeout=2 admin@127.0.0.1 "$@"; }
karaf_pid() { pgrep -f -- "-Dkaraf.base=$dir/karaf " | head -1; }
wait_for() { # wait_for SECONDS COMMAND...: until the command succeeds
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for: $*" >&2; return 1; }
    sleep 0.05
  done
}
# a read command of a service answers: it ran and printed no error (the service is registered)
answers() { local out; out=$(fcr "$1" 2>&1) && ! grep -q "Error executing" <<< "$out"; }
# CPU seconds of the JVM and of its busiest threads (JIT compilers, FelixStartLevel, ...) so far
jvm_cpu() { for t in /proc/"$1"/task/*; do awk -v n="$(cut -c1-12 "$t/comm" | tr ' ' _)" '{ print n, ($14 + $15) / 100 }' \
  "$t/stat"; done | awk '{ s[$1] += $2; total += $2 } END { printf "%.2f", total; for (k in s) if (s[k] >= 0.2) \
  printf " %s=%.2f", k, s[k] }'; }
# seconds from epoch time $1 to the first karaf.log line after line $2 that matches $3, or "none"
log_time() { python3 - "$1" "$k/data/log/karaf.log" "$2" "$3" <<'PY'
import datetime, re, sys
t0, path, skip, pattern = float(sys.argv[1]), sys.argv[2], int(sys.argv[3]), re.compile(sys.argv[4])
for i, line in enumerate(open(path, errors="replace")):
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3})", line)
    if i >= skip and m and pattern.search(line):
        at = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S,%f").replace(tzinfo=datetime.timezone.utc)
        print(f"{at.timestamp() - t0:.2f}")
        break
else:
    print("none")
PY
}
heap_used_kb() { jcmd "$1" GC.heap_info | awk '/heap/ && /used/ { sub("K,?", "", $6); print $6; exit }'; }
all_active() { fcr "fcr:flows -c --json" | python3 -c "import json,sys; d=json.load(sys.stdin); \
sys.exit(0 if {k.lower(): v for k, v in d['by_state'].items()}.get('active') == $flows else 1)"; }
# every service's health check has run and passed (appliances are other kinds of targets)
all_healthy() { fcr "fcr:health --json" | python3 -c "import json,sys; d=json.load(sys.stdin); \
s=[h['status'] for h in d if h['kind'].lower() == 'check']; sys.exit(0 if s and set(s) == {'healthy'} else 1)"; }

echo "== $flows flows: $hosts hosts x $arrays array ports in VSAN $vsan, $appliances appliances; instance in $dir"
rm -rf "$dir" && mkdir -p "$dir"
unzip -q "$zip" -d "$dir" && mv "$dir"/*/ "$dir/karaf"
k=$dir/karaf
sed -i "s/^sshPort *=.*/sshPort = $ssh_port/" "$k/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((ssh_port + 1))/; s/^rmiServerPort *=.*/rmiServerPort = $((ssh_port + 2))/" \
  "$k/etc/org.apache.karaf.management.cfg"
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $((ssh_port + 3))/" "$k/etc/org.ops4j.pax.web.cfg"
sed -i "s/^enabled *=.*/enabled = false/" "$k/etc/org.fcredirect.demo.cfg"
ssh-keygen -q -t rsa -b 2048 -N '' -f "$dir/key"
echo "admin=$(cut -d' ' -f2 "$dir/key.pub"),_g_:admingroup" >> "$k/etc/keys.properties"

python3 - "$dir" "$flows" "$hosts" "$arrays" "$vsan" "$appliances" "$chunk" <<'EOF'
import sys
d, flows, hosts, arrays, vsan, appliances, chunk = sys.argv[1], *map(int, sys.argv[2:])
host = lambda h: "20:00:00:25:b5:%02x:%02x:%02x" % (h >> 16, h >> 8 & 255, h & 255)
array = lambda t: "50:06:01:60:%02x:%02x:%02x:00" % (t >> 16, t >> 8 & 255, t & 255)
with open(f"{d}/setup.txt", "w") as out:
    for h in range(hosts):   # hosts in domain 0x0a, array ports in 0x0c
        out.write(f"fcr:login {vsan} {host(h)} 0x{0x0a0000 + h:06x}\n")
    for t in range(arrays):
        out.write(f"fcr:login {vsan} {array(t)} 0x{0x0c0000 + t:06x}\n")
    for a in range(appliances):  # a VT per array port and a VI per host fit in one area range
        first = 0x200000 + a * 0x10000
        out.write(f"fcr:appliance-add --group crypt --pool {vsan}/0x{first:06x}-0x{first + 0xffff:06x}"
                  f"/2f:00:00:11:22:{a:02x}:00:00 crypt-{a}\n")
    out.write(f"fcr:policy-add --priority 100 --vsan {vsan} --action redirect --group crypt"
              " --balancing target-affinity --failover block encrypt-all\n")
n = 0
for part in range((flows + chunk - 1) // chunk):
    with open(f"{d}/flows-{part}.csv", "w") as out:
        out.write("vsan,initiator,target\n")
        for _ in range(min(chunk, flows - n)):
            out.write(f"{vsan},{host(n % hosts)},{array(n // hosts)}\n")
            n += 1
EOF

echo "== first start"
t0=$(now)
(cd "$k" && FCR_ADMIN_PASSWORD=adminpw bin/start)
wait_for 120 fcr "fcr:flows -c"
echo "first start: fcr:flows -c answered after $(since "$t0") s"
wait_for 60 all_healthy

t0=$(now)
split -l 500 "$dir/setup.txt" "$dir/setup-part-"
for f in "$dir"/setup-part-*; do fcr "$(cat "$f")" > /dev/null; done
echo "logins, appliances, policy: $(wc -l < "$dir/setup.txt") commands in $(since "$t0") s"
for f in "$dir"/flows-*.csv; do
  t0=$(now)
  fcr "fcr:flow-import $f" 2>/dev/null
  echo "  in $(since "$t0") s"
done
wait_for 120 all_active
fcr "fcr:flows -c"

pid=$(karaf_pid)
echo "== heap after a full GC (jcmd $pid GC.run; jcmd $pid GC.heap_info; jmap -histo:live $pid)"
jcmd "$pid" GC.run > /dev/null
jcmd "$pid" GC.heap_info > "$dir/heap-info.txt"
sed -n 2,3p "$dir/heap-info.txt"
jmap -histo:live "$pid" > "$dir/histo.txt"
head -33 "$dir/histo.txt"
tail -1 "$dir/histo.txt"
used=$(heap_used_kb "$pid")
echo "HEAP_USED_AFTER_FULL_GC_MB=$((used / 1024))"

echo "== restart"
(cd "$k" && bin/stop)
wait_for 60 bash -c "! kill -0 $pid"
log_lines=$(wc -l < "$k/data/log/karaf.log")
t0=$(now)
(cd "$k" && bin/start)
wait_for 120 fcr "fcr:flows -c"
t_flows=$(since "$t0")
cpu_at_flows=$(jvm_cpu "$(karaf_pid)")
# every fcr service a read command reaches: flows, policies, statistics, settings
for c in "fcr:flows -c" "fcr:policies" "fcr:stats" "fcr:config"; do wait_for 120 answers "$c"; done
t_services=$(since "$t0")
wait_for 120 all_active
t_active=$(since "$t0")
wait_for 120 all_healthy
t_healthy=$(since "$t0")
fcr "fcr:flows -c"
fcr "fcr:health"
echo "RESTART_FLOWS_ANSWERED_S=$t_flows"
echo "RESTART_ALL_SERVICES_ANSWERED_S=$t_services"
echo "RESTART_ALL_ACTIVE_S=$t_active"
echo "RESTART_ALL_HEALTHY_S=$t_healthy"
# from bin/start: the first bundle's log line (the JVM and the framework are up), the flow store
# replayed, the fast path holding the full rule table, the flows decided by the policy engine again
echo "RESTART_FIRST_LOG_LINE_S=$(log_time "$t0" "$log_lines" "\\| (INFO|WARN|ERROR) ")"
echo "RESTART_FLOW_STORE_STARTED_S=$(log_time "$t0" "$log_lines" "Flow store started")"
echo "RESTART_RULE_TABLE_PUBLISHED_S=$(log_time "$t0" "$log_lines" "Published the full rule table")"
echo "RESTART_POLICY_FOLLOWED_S=$(log_time "$t0" "$log_lines" "Policy engine bound")"
echo "JVM_CPU_S_AT_FLOWS_ANSWERED=$cpu_at_flows"
grep -hE "Flow store started|snapshot|Published the full rule table|Policy engine (started|bound)|Stats" \
  "$k/data/log/karaf.log" | grep -vE "DEBUG" | tail -12 || true
pid=$(karaf_pid)
jcmd "$pid" GC.run > /dev/null
used=$(heap_used_kb "$pid")
echo "HEAP_USED_AFTER_RESTART_AND_FULL_GC_MB=$((used / 1024))"
if [ "${FCR_BENCH_KEEP:-0}" != 1 ]; then
  (cd "$k" && bin/stop)
fi
