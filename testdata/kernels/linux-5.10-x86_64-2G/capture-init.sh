#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug
dmesg -n 1
sec() { n=$1; shift; echo "#@ORACLE-BEGIN $n"; "$@" 2>&1; echo "#@ORACLE-END $n rc=$?"; }
snap() { # one quiet moment: buddyinfo read first and last must agree
  for i in 1 2 3 4 5; do
    cat /proc/buddyinfo > /tmp/b1
    cat /sys/kernel/debug/extfrag/extfrag_index > /tmp/e; cat /sys/kernel/debug/extfrag/unusable_index > /tmp/u
    cat /proc/pagetypeinfo > /tmp/p; cat /proc/zoneinfo > /tmp/z; cat /proc/buddyinfo > /tmp/b2
    cmp -s /tmp/b1 /tmp/b2 && break
  done
  sec $1/buddyinfo cat /tmp/b1; sec $1/extfrag_index cat /tmp/e; sec $1/unusable_index cat /tmp/u
  sec $1/pagetypeinfo cat /tmp/p; sec $1/zoneinfo cat /tmp/z; sec $1/buddyinfo-after cat /tmp/b2
  sec $1/extfrag_threshold cat /proc/sys/vm/extfrag_threshold
}
sec uname uname -a
snap boot
echo 0 > /proc/sys/vm/compaction_proactiveness
mkfifo /tmp/frag.ctl /tmp/frag.rdy
exec 4<>/tmp/frag.rdy 3<>/tmp/frag.ctl
frag 70 </tmp/frag.ctl >/tmp/frag.out 2>&1 3>&- 4>/tmp/frag.rdy &
fpid=$!
fragwait() { while :; do if read -t 5 l <&4; then case $l in "READY $1"*) return 0;; esac
  else kill -0 $fpid 2>/dev/null || return 1; fi; done; }
if fragwait punch; then echo go >&3; if fragwait fill; then snap holes; fi; fi
exec 3>&-
wait $fpid
sec frag-log cat /tmp/frag.out
echo "#@ORACLE-DONE"
poweroff -f
