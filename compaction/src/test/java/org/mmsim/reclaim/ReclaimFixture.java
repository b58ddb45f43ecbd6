package org.mmsim.reclaim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.compaction.Compaction;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.Zone;

/**
 * Small machines for the reclaim tests: one node of 8192-page zones (32 MiB each) with round watermarks
 * (min 128, low 256, high 384 unless given), per-CPU lists that hold nothing (pcp high 0), and a clock and
 * flusher recorder as the environment.
 */
final class ReclaimFixture {
    static final long MIN = 128;
    static final long LOW = 256;
    static final long HIGH = 384;
    static final long ZONE_PAGES = 8192;

    private ReclaimFixture() {
    }

    /** The environment: a settable clock, the flusher wake-ups asked for, and kswapd wake-ups. */
    static final class Env implements MmEnvironment {
        long now;
        final List<Long> writebackAt = new ArrayList<>();
        int kswapdWakeups;

        @Override
        public long nowNs() {
            return now;
        }

        @Override
        public void scheduleWriteback(long atNs) {
            writebackAt.add(atNs);
        }

        @Override
        public void wakeKswapdThread(int nid) {
            kswapdWakeups++;
        }

        @Override
        public void wakeKcompactdThread(int nid) {
        }

        @Override
        public void note(String text) {
        }
    }

    /** A machine with a Normal zone at pfn 0x1000, or DMA32 at 0x1000 and Normal at 0x3000 when twoZones. */
    static Memory memory(boolean twoZones, long swapPages, int swappiness) {
        List<SimpleMachine.ZoneSpec> specs = twoZones
                ? List.of(new SimpleMachine.ZoneSpec(ZoneType.DMA32, 0x1000, ZONE_PAGES),
                        new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x3000, ZONE_PAGES))
                : List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x1000, ZONE_PAGES));
        return memory(specs, swapPages, swappiness);
    }

    /** A machine of one Normal zone of the given size at pfn 0x40000. */
    static Memory memory(long normalPages, long swapPages, int swappiness) {
        return memory(List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x40000, normalPages)), swapPages,
                swappiness);
    }

    private static Memory memory(List<SimpleMachine.ZoneSpec> specs, long swapPages, int swappiness) {
        Machine m = SimpleMachine.build(Arch.X86_64, 1, specs);
        for (Zone z : m.zones()) {
            z.setWatermarks(MIN, LOW, HIGH);
            z.setPcpHighBatch(0, 1);
        }
        return new Memory(m, new MmConfig(swappiness, swapPages, true, 0, 500, true), new Env(), Compaction::new);
    }

    static Env env(Memory mem) {
        return (Env) mem.env;
    }

    static Zone zone(Memory mem, ZoneType type) {
        for (Zone z : mem.machine.zones()) {
            if (z.type() == type) {
                return z;
            }
        }
        throw new IllegalArgumentException(type.toString());
    }

    /** Reads pages [0, n) of a new regular file: n clean, unreferenced pages on the inactive file list. */
    static AddressSpace file(Memory mem, int n) {
        AddressSpace as = mem.newAddressSpace("f", n, false);
        for (int i = 0; i < n; i++) {
            if (!mem.readFile(as, i)) {
                throw new IllegalStateException("read " + i);
            }
        }
        return as;
    }

    private static final Map<Memory, AnonProcesses> PROCESSES = new WeakHashMap<>();

    /** The processes of a machine (made on first use; they become its rmap and OOM task list). */
    static AnonProcesses processes(Memory mem) {
        return PROCESSES.computeIfAbsent(mem, AnonProcesses::new);
    }

    /** A process that touched pages [0, n) once: n young pages on the inactive anon list. */
    static AnonProcesses.Task anon(Memory mem, int n) {
        AnonProcesses procs = processes(mem);
        AnonProcesses.Task t = procs.spawn(100 + n, "p" + n, n);
        for (int i = 0; i < n; i++) {
            if (!procs.touch(t, i, false)) {
                throw new IllegalStateException("touch " + i);
            }
        }
        return t;
    }

    /** Unmovable kernel pages, n of them, as a stand-in for memory reclaim cannot free. */
    static void kernel(Memory mem, int n) {
        for (int i = 0; i < n; i++) {
            if (mem.allocKernel(Gfp.GFP_KERNEL, 0) < 0) {
                throw new IllegalStateException("kernel " + i);
            }
        }
    }

    /** Sets the scan_control of a kswapd-style pass at a priority (no slab, swap allowed). */
    static ScanControl scan(Memory mem, boolean kswapd, int priority, long nrToReclaim) {
        ScanControl sc = mem.reclaim.sc;
        sc.reset(nrToReclaim, priority, 0, 4, Gfp.GFP_KERNEL, kswapd);
        return sc;
    }

    /** The slot of the page mapped at a process's virtual page. */
    static int slot(Memory mem, AnonProcesses.Task t, int vpage) {
        return mem.owners.slot(t.pte(vpage));
    }

    /** The slot of a cached file page. */
    static int slot(Memory mem, AddressSpace as, int index) {
        return mem.owners.slot(as.pages[index]);
    }
}
