#!/bin/bash
# make-oracle.sh - boot real Debian kernels under QEMU (TCG, no KVM needed) with a
# tiny busybox initramfs and capture the kernel's own memory-management output
# (zoneinfo, buddyinfo, pagetypeinfo, meminfo, vmstat, dmesg, ...) for several
# memory configurations.
#
# Usage (as root, Debian 12 x86_64):
#   ./make-oracle.sh CACHE_DIR [OUT_DIR] [CASE ...]
#     CACHE_DIR  scratch dir for .deb files, unpacked kernels and initramfs images
#     OUT_DIR    where raw/ and cases/ go (default: the directory of this script)
#     CASE       only run these cases (default: all, see case_table below)
#   STAGES="install fetch unpack initramfs boot split summary" selects stages (default all).
#   JOBS=2 is the number of QEMUs run at once, BOOT_TIMEOUT=300 seconds per boot
#   (at least 1200 for "@trace" cases); TRACE_BUF_SIZE=64M is trace_buf_size (per CPU)
#   of the "@trace" cases (64M keeps ~2.4M of the ~6M events a 4G boot writes).
#
# Output:
#   OUT_DIR/raw/<case>.log            full serial console log of one boot (text)
#   OUT_DIR/cases/<case>/<section>    one file per marked section of the log
#   OUT_DIR/cases/<case>/case.txt     qemu command, kernel package/version, timing
#   OUT_DIR/kernels.txt               which kernel packages were used
#   OUT_DIR/summary.txt               key figures of every case (zones, watermarks, ...)
#   A split file or raw log over 40 MB is stored gzipped (<file>.gz); split reads raw/<case>.log.gz.
#   A section named <file>.base64 (the gzipped kmem trace) is decoded by split.
#
# Guest phases (see write_guest_init): boot state; workload (fill half of MemFree in
# tmpfs, free, compact); on x86_64 6.1 kernels a fragmentation phase (frag.c, next to
# this script: order-0 holes, then compaction, then exit; sections frag/...); and on
# cases whose cmdline has trace_event= (x86_64-4G-trace) a dump of the kmem trace
# (sections trace-end/... and trace).
#
# Additions over ../shared/oracle/make-oracle.sh (this copy captured x86_64-1G-fulltrace):
#   ARCHES="amd64" limits the initramfs stage to those guest architectures.
#   TRACE_EVENTS is the trace_event= list of the "@trace" cases (default: the six kmem page events).
#   If CACHE_DIR/tracecmd holds `dpkg -x` of Debian's trace-cmd, libtraceevent1, libtracefs1, libzstd1,
#   zlib1g and libc6, the amd64 initramfs gets trace-cmd; a traced boot then also writes
#   `trace-cmd extract` of the same (stopped) buffer as section trace.dat, after the text dump, and the
#   stats of every CPU (trace-start/stats-all, trace-end/stats-all).
#   Case x86_64-1G-2cpu-tracecmd (cmdline word oracle_tracecmd): a short `trace-cmd record -e kmem
#   -e compaction -e vmscan` around a small workload, written as section trace.dat; then a smaller one with
#   `trace-cmd start`, read as the kernel's text (small/trace) and by `trace-cmd extract` (small/trace.dat).
#   FRAG_C is the path of frag.c (default: next to this script).
# The apt mirror is never named here: foreign-architecture and trixie downloads
# reuse the mirror configured in the system's apt sources, via -o options only
# (the system's apt configuration is not changed).
set -euo pipefail

CACHE=$(mkdir -p "${1:?usage: $0 CACHE_DIR [OUT_DIR] [CASE ...]}" && cd "$1" && pwd)
OUT=${2:-$(dirname "$(readlink -f "$0")")}
shift $(( $# >= 2 ? 2 : 1 ))
ONLY_CASES="$*"
STAGES=${STAGES:-install fetch unpack initramfs boot split summary}
JOBS=${JOBS:-2}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-300}
mkdir -p "$OUT/raw" "$OUT/cases"

log() { echo "[make-oracle $(date +%H:%M:%S)] $*" >&2; }
want() { [[ " $STAGES " == *" $1 "* ]]; }

# ---------------------------------------------------------------------------
# Cases. Columns: name  guest-arch  kernel-series  memory  cpus  extra-cmdline  extra-qemu
#   cpus is passed to -smp as is (numa2: one socket per node, so that the two
#   CPUs do not share an LLC across nodes).
#   extra-cmdline "kaslr" means: do not add nokaslr (see BASE_CMDLINE);
#   "@trace" means: nokaslr plus $TRACE_CMDLINE (kmem trace events from boot on);
#   "@trace+ARG" adds one more kernel argument, e.g. @trace+memblock=debug. Size TRACE_BUF_SIZE so that
#   trace-end/stats shows "overrun: 0" (nothing overwritten).
#   extra-qemu "numa2": two nodes of equal size, cpu i on node i;
#   "numa:S0,S1,...": one node of size Si per entry (sizes must add up to memory),
#   cpu i on node i (give one socket per node in the cpus column).
#   kernel-series 6.1 = bookworm (linux-image-amd64/-arm64/-686-pae),
#                 6.12 = trixie (linux-image-amd64), "-" = nothing extra.
# ---------------------------------------------------------------------------
case_table() { cat <<'EOF'
x86_64-16G                amd64 6.1  16G  1 -              -
x86_64-4G-numa2           amd64 6.1  4G   2,sockets=2 -    numa2
x86_64-4G                 amd64 6.1  4G   1 -              -
x86_64-4G-movablecore1G   amd64 6.1  4G   1 movablecore=1G -
x86_64-1G                 amd64 6.1  1G   1 -              -
x86_64-1G-memblockdebug   amd64 6.1  1G   1 memblock=debug -
x86_64-256M               amd64 6.1  256M 1 -              -
x86_64-4G-linux6.12       amd64 6.12 4G   1 -              -
arm64-1G                  arm64 6.1  1G   1 -              -
i386pae-8G                i386  6.1  8G   1 -              -
i386pae-1G                i386  6.1  1G   1 -              -
x86_64-4G-frag            amd64 6.1  4G   1 -              -
x86_64-4G-trace           amd64 6.1  4G   1 @trace         -
x86_64-1G-fulltrace       amd64 6.1  1G   1 @trace+memblock=debug -
x86_64-1G-2cpu-tracecmd   amd64 6.1  1G   2 oracle_tracecmd -
EOF
}

# loglevel=7: full boot log on the console; mminit_loglevel=4: zonelists and
# memmap_init pfn ranges in dmesg; panic=-1 + -no-reboot: QEMU exits on a panic.
# nokaslr: with KASLR the x86 kernel image lands at a random physical address
# (below or above 4 GiB), which moves ~11k managed pages between DMA32 and Normal
# from boot to boot; nokaslr makes the figures repeatable. The "-kaslr" case
# keeps the default (randomized) behaviour for comparison.
# (No log_buf_len=: a bigger log buffer would itself change the reserved memory.)
BASE_CMDLINE="loglevel=7 mminit_loglevel=4 panic=-1"
NOKASLR="nokaslr"
# "@trace" cases: page allocator trace events enabled at boot (trace_buf_size is per CPU).
TRACE_EVENTS=${TRACE_EVENTS:-kmem:mm_page_alloc,kmem:mm_page_free,kmem:mm_page_free_batched,kmem:mm_page_alloc_zone_locked,kmem:mm_page_pcpu_drain,kmem:mm_page_alloc_extfrag}
TRACE_CMDLINE="trace_event=$TRACE_EVENTS trace_buf_size=${TRACE_BUF_SIZE:-64M}"
BIG=$((40 * 1000 * 1000))   # split files and raw logs above this size are gzipped

# ---------------------------------------------------------------------------
# Stage: install host tools
# ---------------------------------------------------------------------------
if want install; then
  log "installing qemu, busybox-static, cpio"
  apt-get update -q || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --no-upgrade \
    qemu-system-x86 qemu-system-arm busybox-static cpio gzip
fi

# apt options for a private package list of another architecture / suite.
# (The trixie sources list reuses the mirror URI of the system's bookworm entry.)
apt_opts() { # tag arch [suite]
  local tag=$1 arch=$2 suite=${3:-} d=$CACHE/apt/$1
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$d/parts"
  local o="-oAPT::Architecture=$arch -oAPT::Architectures=$arch"
  o+=" -oDir::State::Lists=$d/lists -oDir::Cache=$d/cache"
  if [ -n "$suite" ]; then
    local uri
    uri=$(apt-get indextargets --format '$(REPO_URI) $(CODENAME)' |
          awk '$2=="bookworm"{print $1; exit}')
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main" \
      > "$d/sources.list"
    o+=" -oDir::Etc::sourcelist=$d/sources.list -oDir::Etc::sourceparts=$d/parts"
  fi
  echo "$o"
}

# ---------------------------------------------------------------------------
# Stage: download kernel images and busybox-static for each guest architecture
# kernels.txt lines: <arch> <series> <abi> <package> <version> <deb>
# ---------------------------------------------------------------------------
fetch_one() { # tag arch series suite metapackage
  local tag=$1 arch=$2 series=$3 suite=$4 meta=$5 o pkg ver deb
  o=$(apt_opts "$tag" "$arch" "$suite")
  apt-get $o update -q >&2 || log "warning: apt update for $tag reported errors (continuing)"
  pkg=$(apt-cache $o depends "$meta" | awk '/Depends: linux-image-/{print $2; exit}')
  ver=$(apt-cache $o policy "$pkg" | awk '/Candidate:/{print $2}')
  mkdir -p "$CACHE/debs"
  (cd "$CACHE/debs" && apt-get $o download "$pkg" >&2)
  deb=$(ls "$CACHE/debs/${pkg}_"*"_$arch.deb" | tail -1)
  if [ -z "$suite" ]; then  # busybox of the same architecture (bookworm)
    (cd "$CACHE/debs" && apt-get $o download busybox-static >&2)
  fi
  echo "$arch $series ${pkg#linux-image-} $pkg $ver $deb"
}
if want fetch; then
  log "downloading kernels into $CACHE/debs"
  {
    fetch_one bookworm-amd64 amd64 6.1  ""     linux-image-amd64
    fetch_one bookworm-arm64 arm64 6.1  ""     linux-image-arm64
    fetch_one bookworm-i386  i386  6.1  ""     linux-image-686-pae
    fetch_one trixie-amd64   amd64 6.12 trixie linux-image-amd64 ||
      log "warning: trixie kernel not available"
  } > "$CACHE/kernels.txt"
  cp "$CACHE/kernels.txt" "$OUT/kernels.txt"
fi

# ---------------------------------------------------------------------------
# Stage: unpack (dpkg -x into the cache only, never into /)
# ---------------------------------------------------------------------------
if want unpack; then
  while read -r arch series abi pkg ver deb; do
    [ -e "$CACHE/k/$abi/boot/vmlinuz-$abi" ] && continue
    log "unpacking $pkg $ver"
    mkdir -p "$CACHE/k/$abi" && dpkg -x "$deb" "$CACHE/k/$abi"
  done < "$CACHE/kernels.txt"
  for arch in amd64 arm64 i386; do
    mkdir -p "$CACHE/bb/$arch"
    dpkg -x "$(ls "$CACHE"/debs/busybox-static_*_"$arch".deb | tail -1)" "$CACHE/bb/$arch"
  done
fi

# ---------------------------------------------------------------------------
# Stage: initramfs. /init is a busybox sh script that prints every section
# between "#@ORACLE-BEGIN name" and "#@ORACLE-END name rc=N" lines.
# ---------------------------------------------------------------------------
write_guest_init() { cat > "$1" <<'GUEST_INIT'
#!/bin/busybox sh
# PID 1 in the guest: dump memory-management state, run a small workload, power off.
/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox mount -t proc proc /proc
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug
mount -t tracefs tracefs /sys/kernel/tracing
export LD_LIBRARY_PATH=/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu
mkdir -p /dev/shm && mount -t tmpfs tmpfs /dev/shm
dmesg -n 1      # stop kernel messages from interleaving with the dump (dmesg has them)

sec() { # sec NAME CMD...   print CMD's output between markers
  n=$1; shift
  echo "#@ORACLE-BEGIN $n"
  "$@" 2>&1; r=$?
  echo "#@ORACLE-END $n rc=$r"
}
show() { if [ -e "$1" ]; then cat "$1"; else echo "#@MISSING $1"; return 1; fi; }
vmsysctl() { for f in /proc/sys/vm/*; do
    case ${f##*/} in stat_refresh|compact_memory|drop_caches) continue;; esac
    echo "${f##*/} = $(cat "$f" 2>&1 | tr '\n\t' '  ')"; done; }
thp() { for f in /sys/kernel/mm/transparent_hugepage/* \
                 /sys/kernel/mm/transparent_hugepage/khugepaged/*; do
    [ -f "$f" ] && echo "${f#/sys/kernel/mm/transparent_hugepage/} = $(cat "$f")"; done; }
nodes() { for n in /sys/devices/system/node/node*; do
    echo "== ${n##*/} cpulist=$(cat $n/cpulist) distance=$(cat $n/distance)"
    cat $n/meminfo; done; }
memblocks() { echo "block_size_bytes=$(cat /sys/devices/system/memory/block_size_bytes)"
  for m in /sys/devices/system/memory/memory*; do
    echo "${m##*/} phys_index=$(cat $m/phys_index) state=$(cat $m/state)" \
         "node=$(ls -d $m/node* 2>/dev/null | sed 's,.*/node,,')" \
         "valid_zones=$(cat $m/valid_zones 2>/dev/null)"; done; }
vmalloc200() { head -n 200 /proc/vmallocinfo; }
dmesgtail() { dmesg | tail -n 40; }
phase() { mark "workload/$1"
  for f in buddyinfo pagetypeinfo meminfo vmstat zoneinfo; do
    sec "workload/$1/$f" cat /proc/$f; done
  sec "workload/$1/extfrag_index"  show /sys/kernel/debug/extfrag/extfrag_index
  sec "workload/$1/unusable_index" show /sys/kernel/debug/extfrag/unusable_index; }
# frag phase helpers (x86_64 6.1 only: /bin/frag is only in the amd64 initramfs)
fragcap() { mark "frag/$1"
  for f in buddyinfo pagetypeinfo zoneinfo vmstat meminfo; do
    sec "frag/$1/$f" cat /proc/$f; done
  sec "frag/$1/extfrag_index"  show /sys/kernel/debug/extfrag/extfrag_index
  sec "frag/$1/unusable_index" show /sys/kernel/debug/extfrag/unusable_index; }
fragwait() { # wait (shell builtins only) for "READY $1" from frag on fd 4
  while :; do
    if read -t 5 l <&4; then case $l in "READY $1"*) return 0;; esac
    else kill -0 $fpid 2>/dev/null || { echo "frag died before READY $1"; return 1; }; fi
  done; }
catb() { while IFS= read -r l; do echo "$l"; done < "$1"; }  # cat without a fork
TR=/sys/kernel/debug/tracing
tracing=0; case " $(cat /proc/cmdline) " in *" trace_event="*) tracing=1;; esac
# traced boots: a "tracing_mark_write: oracle ..." line in the trace at each phase step
mark() { [ $tracing = 0 ] || echo "oracle $*" > $TR/trace_marker; }
# the trace text is far too slow for the serial console (~270 kB/s): gzip + base64
tracedump() { cat $TR/trace | gzip -c | base64; }
statsall() { for c in $TR/per_cpu/cpu*; do echo "== ${c##*/}"; catb $c/stats; done; }
filedump() { gzip -c "$1" | base64; }

# ---- trace-cmd recording (cmdline word oracle_tracecmd): a few seconds of kmem,
# compaction and vmscan events while a small workload runs, then power off ----
case " $(cat /proc/cmdline) " in *" oracle_tracecmd "*)
  sec uname uname -a
  sec cmdline cat /proc/cmdline
  sec tracecmd/version trace-cmd version
  sec tracecmd/buddyinfo-before cat /proc/buddyinfo
  cd /tmp
  sec tracecmd/record trace-cmd record -b 32768 -e kmem -e compaction -e vmscan -o /tmp/trace.dat \
    sh -c 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=128; echo "oracle dd-done" > /sys/kernel/tracing/trace_marker
           rm -f /dev/shm/fill; sync; echo 3 > /proc/sys/vm/drop_caches
           echo "oracle freed" > /sys/kernel/tracing/trace_marker
           echo 1 > /proc/sys/vm/compact_memory; echo "oracle compacted" > /sys/kernel/tracing/trace_marker; sleep 1'
  sec tracecmd/buddyinfo-after cat /proc/buddyinfo
  sec tracecmd/ls ls -l /tmp/trace.dat
  sec trace.dat.gz.base64 filedump /tmp/trace.dat
  rm -f /tmp/trace.dat
  # a second, smaller recording kept in the kernel's buffer (trace-cmd start/stop), read twice:
  # as the kernel's trace text and as trace-cmd extract's trace.dat (the same events)
  sec tracecmd/start trace-cmd start -b 8192 -e kmem -e compaction -e vmscan
  echo "oracle small/dd" > $TR/trace_marker
  dd if=/dev/zero of=/dev/shm/fill bs=1M count=16 2>/dev/null
  echo "oracle small/free" > $TR/trace_marker
  rm -f /dev/shm/fill; sync; echo 3 > /proc/sys/vm/drop_caches
  echo "oracle small/compact" > $TR/trace_marker
  echo 1 > /proc/sys/vm/compact_memory
  echo "oracle small/end" > $TR/trace_marker
  echo 0 > $TR/tracing_on
  sec small/stats-all statsall
  sec small/trace.gz.base64 tracedump
  sec small/extract trace-cmd extract -o /tmp/small.dat
  sec small/stats-after-extract statsall
  sec small/trace.dat.gz.base64 filedump /tmp/small.dat
  echo "#@ORACLE-DONE"
  poweroff -f;;
esac

# ---- phase 0: state right after boot ----
mark boot
sec uptime-start cat /proc/uptime
sec uname uname -a
sec cmdline cat /proc/cmdline
sec cpuinfo cat /proc/cpuinfo
for f in zoneinfo buddyinfo pagetypeinfo meminfo vmstat iomem slabinfo; do
  sec $f cat /proc/$f
done
sec vmallocinfo vmalloc200
sec extfrag_index  show /sys/kernel/debug/extfrag/extfrag_index
sec unusable_index show /sys/kernel/debug/extfrag/unusable_index
sec min_free_kbytes        show /proc/sys/vm/min_free_kbytes
sec watermark_scale_factor show /proc/sys/vm/watermark_scale_factor
sec lowmem_reserve_ratio   show /proc/sys/vm/lowmem_reserve_ratio
sec thp_enabled            show /sys/kernel/mm/transparent_hugepage/enabled
sec sysctl_vm vmsysctl
sec thp thp
sec nodes nodes
sec memory_blocks memblocks
sec memblock_memory   show /sys/kernel/debug/memblock/memory
sec memblock_reserved show /sys/kernel/debug/memblock/reserved
sec dmesg dmesg
if [ $tracing = 1 ]; then
  sec trace-start/events ls $TR/events/kmem
  sec trace-start/set_event show $TR/set_event
  sec trace-start/buffer_size_kb show $TR/buffer_size_kb
  sec trace-start/buffer_total_size_kb show $TR/buffer_total_size_kb
  sec trace-start/trace_clock show $TR/trace_clock
  sec trace-start/stats show $TR/per_cpu/cpu0/stats
  sec trace-start/stats-all statsall
  sec trace-start/set_event-all show $TR/set_event
fi

# ---- phase 1: workload: fill half of free memory in tmpfs, free it, compact ----
free_kb=$(awk '/^MemFree:/{print $2}' /proc/meminfo)
mb=$((free_kb / 2048))
sec workload/params echo "MemFree_kB_before=$free_kb dd_MiB=$mb target=/dev/shm/fill"
mark workload/dd
sec workload/dd dd if=/dev/zero of=/dev/shm/fill bs=1M count=$mb
phase after-alloc
mark workload/free
rm -f /dev/shm/fill; sync; echo 3 > /proc/sys/vm/drop_caches
phase after-free
mark workload/compact
echo 1 > /proc/sys/vm/compact_memory
phase after-compact
sec workload/dmesg-tail dmesgtail

# ---- phase 2 (x86_64 6.1 only): fragment free memory into order-0 holes (frag.c) ----
# Proactive compaction (kcompactd, every 500 ms while the fragmentation score is above
# 100 - compaction_proactiveness + 10) would undo the holes while they are captured,
# so it is off (0) for this phase and restored at its end.
case $(uname -r) in 6.1.*) [ -x /bin/frag ] && dofrag=1 || dofrag=0;; *) dofrag=0;; esac
if [ $dofrag = 1 ]; then
  pro=$(cat /proc/sys/vm/compaction_proactiveness)
  echo 0 > /proc/sys/vm/compaction_proactiveness
  sec frag/params echo "frag_pct=70 compaction_proactiveness_was=$pro (0 during this phase)" \
      "thp_enabled=$(cat /sys/kernel/mm/transparent_hugepage/enabled)" \
      "thp_defrag=$(cat /sys/kernel/mm/transparent_hugepage/defrag)" \
      "max_map_count=$(cat /proc/sys/vm/max_map_count)" \
      "MemFree_kB_before=$(awk '/^MemFree:/{print $2}' /proc/meminfo)"
  mkfifo /tmp/frag.ctl /tmp/frag.rdy
  exec 4<>/tmp/frag.rdy 3<>/tmp/frag.ctl
  mark frag/start
  frag 70 </tmp/frag.ctl >/tmp/frag.out 2>&1 3>&- 4>/tmp/frag.rdy &
  fpid=$!
  if fragwait punch; then
    fragcap after-punch                 # 70% touched, every other page freed
    mark frag/fill
    echo go >&3
    if fragwait fill; then
      fragcap after-holes               # + blocks of order >= 9 taken by THPs: holes only
      mark frag/compact
      echo 1 > /proc/sys/vm/compact_memory
      fragcap after-compact
    fi
  fi
  mark frag/exit
  exec 3>&-                             # EOF on frag's stdin: it exits
  wait $fpid; echo "frag_exit_status=$?" >> /tmp/frag.out
  fragcap after-exit
  exec 4>&-
  echo "$pro" > /proc/sys/vm/compaction_proactiveness
  sec frag/log cat /tmp/frag.out
  sec frag/dmesg-tail dmesgtail
fi

# ---- end of a traced boot: stop tracing, record the final state, dump the trace ----
if [ $tracing = 1 ]; then
  mark trace-end
  echo 0 > $TR/tracing_on
  # shell builtins only (no fork) between the end of the trace and these snapshots
  sec trace-end/buddyinfo    catb /proc/buddyinfo
  sec trace-end/pagetypeinfo catb /proc/pagetypeinfo
  sec trace-end/zoneinfo     catb /proc/zoneinfo
  sec trace-end/stats        catb $TR/per_cpu/cpu0/stats
  sec trace-end/stats-all    statsall
  sec trace-end/uptime       catb /proc/uptime
  sec trace-end/set_event    catb $TR/set_event
  sec trace-end/buffer_size_kb catb $TR/buffer_size_kb
  sec trace.gz.base64 tracedump       # split decodes it to trace (trace.gz if > 40 MB)
  if [ -x /usr/bin/trace-cmd ]; then  # the same buffer, read once more (consuming) as trace.dat
    cd /tmp
    sec trace-end/extract trace-cmd extract -o /tmp/trace.dat
    sec trace-end/stats-after-extract statsall
    sec trace-end/trace.dat.ls ls -l /tmp/trace.dat
    sec trace.dat.gz.base64 filedump /tmp/trace.dat
    rm -f /tmp/trace.dat
  fi
fi
sec uptime-end cat /proc/uptime
echo "#@ORACLE-DONE"
poweroff -f
GUEST_INIT
}

if want initramfs; then
  write_guest_init "$CACHE/init"
  for arch in ${ARCHES:-amd64 arm64 i386}; do
    log "building initramfs for $arch"
    r=$CACHE/initramfs/$arch
    rm -rf "$r" && mkdir -p "$r/bin" "$r/dev" "$r/proc" "$r/sys" "$r/tmp"
    cp "$CACHE/bb/$arch/bin/busybox" "$r/bin/busybox"
    install -m 0755 "$CACHE/init" "$r/init"
    if [ "$arch" = amd64 ]; then  # frag phase: x86_64 only (see frag.c)
      gcc -O2 -static -nostdlib -ffreestanding -fno-stack-protector -fno-pie -no-pie -s \
        -o "$r/bin/frag" "${FRAG_C:-$(dirname "$(readlink -f "$0")")/frag.c}"
    fi
    if [ "$arch" = amd64 ] && [ -d "$CACHE/tracecmd" ]; then  # Debian trace-cmd + its libraries
      t=$CACHE/tracecmd
      mkdir -p "$r/usr/bin" "$r/lib64" "$r/lib/x86_64-linux-gnu" "$r/usr/lib/x86_64-linux-gnu"
      cp "$t/usr/bin/trace-cmd" "$r/usr/bin/"
      cp -L "$t"/lib/x86_64-linux-gnu/{ld-linux-x86-64.so.2,libc.so.6,libz.so.1} "$r/lib/x86_64-linux-gnu/"
      cp -L "$t"/usr/lib/x86_64-linux-gnu/{libtraceevent.so.1,libtracefs.so.1,libzstd.so.1} \
        "$r/usr/lib/x86_64-linux-gnu/"
      ln -s /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$r/lib64/ld-linux-x86-64.so.2"
    fi
    mknod -m 600 "$r/dev/console" c 5 1
    (cd "$r" && find . | cpio -o -H newc --quiet | gzip -9) > "$CACHE/initramfs-$arch.cpio.gz"
  done
fi

# ---------------------------------------------------------------------------
# Stage: boot
# ---------------------------------------------------------------------------
kernel_field() { # arch series fieldno  (from kernels.txt)
  awk -v a="$1" -v s="$2" -v f="$3" '$1==a && $2==s {print $f; exit}' "$CACHE/kernels.txt"
}

qemu_cmd() { # prints the qemu argv, one word per line
  local arch=$1 series=$2 mem=$3 cpus=$4 xcmd=$5 xqemu=$6 abi cmdline
  abi=$(kernel_field "$arch" "$series" 3)
  [ -n "$abi" ] || { log "no kernel for $arch $series"; return 1; }
  cmdline=$BASE_CMDLINE
  case $xcmd in
    -)     cmdline+=" $NOKASLR";;
    kaslr) ;;                               # leave KASLR on (the kernel default)
    @trace) cmdline+=" $NOKASLR $TRACE_CMDLINE";;
    @trace+*) cmdline+=" $NOKASLR $TRACE_CMDLINE ${xcmd#@trace+}";;
    *)     cmdline+=" $NOKASLR $xcmd";;
  esac
  case $arch in
    amd64) printf '%s\n' qemu-system-x86_64 -M pc -accel tcg; cmdline="console=ttyS0 $cmdline";;
    # i386 (32-bit PAE kernel) runs on qemu-system-x86_64's default 64-bit-capable
    # qemu64 CPU. With qemu-system-i386 (QEMU 7.2, TCG) RAM above 4 GiB is broken:
    # with the default qemu32 CPU (no PSE36) the kernel oopses with reserved-bit page
    # faults (#PF error 0xa) on kmap of pages above 4 GiB; with +pse36 or -cpu max
    # it boots but /init never starts (300 s timeout).
    i386)  printf '%s\n' qemu-system-x86_64 -M pc -accel tcg
           cmdline="console=ttyS0 $cmdline";;
    arm64) printf '%s\n' qemu-system-aarch64 -M virt -cpu cortex-a57 -accel tcg
           cmdline="console=ttyAMA0 $cmdline";;
  esac
  printf '%s\n' -m "$mem" -smp "$cpus" -nographic -no-reboot -nic none \
    -kernel "$CACHE/k/$abi/boot/vmlinuz-$abi" -initrd "$CACHE/initramfs-$arch.cpio.gz" \
    -append "$cmdline"
  case $xqemu in
    numa2) # two nodes, half the memory and one cpu each
      local half=$(( ${mem%G} * 512 ))M
      printf '%s\n' -object "memory-backend-ram,id=m0,size=$half" \
        -object "memory-backend-ram,id=m1,size=$half" \
        -numa node,nodeid=0,cpus=0,memdev=m0 -numa node,nodeid=1,cpus=1,memdev=m1;;
    numa:*) # numa:S0,S1,... one node per size, cpu i on node i
      local i=0 sz
      for sz in $(echo "${xqemu#numa:}" | tr ',' ' '); do
        printf '%s\n' -object "memory-backend-ram,id=m$i,size=$sz" \
          -numa "node,nodeid=$i,cpus=$i,memdev=m$i"
        i=$((i + 1))
      done;;
  esac
}

boot_case() { # name arch series mem cpus xcmd xqemu
  local name=$1 arch=$2 series=$3 logf=$OUT/raw/$1.log t0 t1 rc
  local -a cmd
  mapfile -t cmd < <(qemu_cmd "$2" "$3" "$4" "$5" "$6" "$7")
  [ ${#cmd[@]} -gt 0 ] || return 0
  log "boot $name: ${cmd[*]}"
  t0=$(date +%s.%N)
  rm -f "$logf.gz"
  local to=$BOOT_TIMEOUT   # a traced boot needs ~250-300 s (trace dump at ~150-270 kB/s)
  case $6 in @trace*) [ "$to" -ge 1200 ] || to=1200;; esac
  rc=0; timeout "$to" "${cmd[@]}" < /dev/null > "$logf.tmp" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  # text only: drop CRs and the terminal escape sequences SeaBIOS prints
  sed -e 's/\r$//' -e 's/\r/\n/g' -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\x1b[A-Za-z]//g' \
    < "$logf.tmp" > "$logf" && rm -f "$logf.tmp"
  {
    echo "case: $name"
    echo "kernel_package: $(kernel_field "$arch" "$series" 4) $(kernel_field "$arch" "$series" 5) ($arch)"
    echo "qemu_version: $("${cmd[0]}" --version | head -1)"
    echo "qemu_exit_status: $rc$([ $rc = 124 ] && echo ' (timeout)')"
    echo "boot_wall_seconds: $(echo "$t0 $t1" | awk '{printf "%.1f", $2-$1}')"
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf 'qemu_command:'; printf " %q" "${cmd[@]}"; echo
  } > "$OUT/raw/$name.meta"
  log "done $name rc=$rc $(grep boot_wall "$OUT/raw/$name.meta")"
}

if want boot; then
  running=0
  while read -r name arch series mem cpus xcmd xqemu; do
    [ -z "$ONLY_CASES" ] || [[ " $ONLY_CASES " == *" $name "* ]] || continue
    if [ "$running" -ge "$JOBS" ]; then wait -n || true; running=$((running - 1)); fi
    boot_case "$name" "$arch" "$series" "$mem" "$cpus" "$xcmd" "$xqemu" &
    running=$((running + 1))
  done < <(case_table)
  wait
fi

# ---------------------------------------------------------------------------
# Stage: split each raw log into cases/<case>/<section>
# ---------------------------------------------------------------------------
split_log() { # logfile casedir
  local cat=cat; case $1 in *.gz) cat=zcat;; esac
  $cat "$1" | awk -v dir="$2" '
    /^#@ORACLE-BEGIN / { f = dir "/" $2; d = f; sub(/\/[^\/]*$/, "", d)
                         system("mkdir -p \"" d "\""); printf "" > f; inside = 1; next }
    /^#@ORACLE-END /   { if (inside) close(f); inside = 0; next }
    inside             { print > f }'
}
if want split; then
  while read -r name _; do
    [ -z "$ONLY_CASES" ] || [[ " $ONLY_CASES " == *" $name "* ]] || continue
    rawlog=$OUT/raw/$name.log
    [ -f "$rawlog" ] || rawlog=$rawlog.gz
    [ -f "$rawlog" ] || continue
    d=$OUT/cases/$name
    rm -rf "$d" && mkdir -p "$d"
    split_log "$rawlog" "$d"
    # sections sent as base64 (the gzipped kmem trace): decode; keep .gz only if big
    find "$d" -type f -name '*.base64' | while read -r f; do
      base64 -d "$f" > "${f%.base64}" && rm -f "$f"
      case $f in *.gz.base64)
        g=${f%.base64}
        if gzip -t "$g" && [ "$(zcat "$g" | wc -c)" -le "$BIG" ]; then gunzip -f "$g"; fi;;
      esac
    done
    grep '^qemu_command:' "$OUT/raw/$name.meta" | sed 's/^qemu_command: //' > "$d/qemu-args"
    { cat "$OUT/raw/$name.meta"
      echo "guest_uname: $(cat "$d/uname" 2>/dev/null)"
      echo "guest_cmdline: $(cat "$d/cmdline" 2>/dev/null)"
      echo "guest_uptime_start_end: $(cut -d' ' -f1 "$d/uptime-start" 2>/dev/null) $(cut -d' ' -f1 "$d/uptime-end" 2>/dev/null)"
      zgrep -q '^#@ORACLE-DONE' "$rawlog" && echo "complete: yes" || echo "complete: NO"
    } > "$d/case.txt"
    # very big split files (the kmem trace) and raw logs are stored gzipped
    find "$d" -type f -size +${BIG}c ! -name '*.gz' -exec gzip -f {} +
    if [ "${rawlog%.gz}" = "$rawlog" ] && [ "$(stat -c %s "$rawlog")" -gt "$BIG" ]; then
      gzip -f "$rawlog"
    fi
    log "split $name: $(ls "$d" | wc -l) entries"
  done < <(case_table)
fi

# ---------------------------------------------------------------------------
# Stage: summary.txt - key figures per case, extracted from the split files
# ---------------------------------------------------------------------------
summarize_case() { # casedir
  local d=$1
  echo "=== $(basename "$d")"
  grep -E '^(kernel_package|boot_wall_seconds|qemu_exit_status|complete|guest_cmdline):' "$d/case.txt"
  echo "min_free_kbytes=$(cat "$d/min_free_kbytes" 2>/dev/null)" \
       "watermark_scale_factor=$(cat "$d/watermark_scale_factor" 2>/dev/null)" \
       "lowmem_reserve_ratio=($(cat "$d/lowmem_reserve_ratio" 2>/dev/null | tr -s '\t ' ' '))"
  grep -m2 -E '^(Page block order|Pages per block)' "$d/pagetypeinfo" | tr -s '\n ' '  '; echo
  # zones that span memory: spanned/present/managed, watermarks, protection
  awk '/^Node [0-9]+, zone/ { if (z != "" && sp > 0) print line
                              z = $4; n = $2; sub(",", "", n); sp = 0
                              line = sprintf("  node %s %-8s", n, z) }
       $1 == "spanned" { sp = $2 }
       $1 ~ /^(spanned|present|managed|min|low|high)$/ { line = line " " $1 "=" $2 }
       $1 == "protection:" { p = $0; sub(/.*protection: /, "", p); line = line " protection=" p }
       END { if (z != "" && sp > 0) print line }' "$d/zoneinfo" 2>/dev/null
  # dmesg lines about the zone layout and the early Memory: line (timestamps removed)
  sed -n -e 's/^\[ *[0-9.]*\] //' -e '/^mminit::/d' \
      -e '/^Zone ranges:/,/^Initmem setup node/p' -e '/^Initmem setup node/p' \
      -e '/^Memory: /p' -e '/^Built [0-9]* zonelists/p' -e '/^Policy zone/p' \
      -e '/^Initializing HighMem/p' -e '/^cma: Reserved/p' "$d/dmesg" | uniq |
    sed 's/^/  dmesg: /'
  # fragmentation phase (x86_64 6.1): extfrag/unusable index in the holed state
  local f
  for f in extfrag_index unusable_index; do
    [ -f "$d/frag/after-holes/$f" ] && sed "s/^/  frag after-holes $f: /" "$d/frag/after-holes/$f"
  done
  echo
}
if want summary; then
  (set +e +o pipefail  # a missing file (failed boot) must not stop the summary
   for d in "$OUT"/cases/*/; do summarize_case "${d%/}"; done) > "$OUT/summary.txt"
  log "wrote $OUT/summary.txt"
fi
