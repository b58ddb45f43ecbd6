package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.compaction.Compaction;
import org.mmsim.page.Machine;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.BuddyChecker;

/**
 * Random sequences of buffered writes, reads, truncations, drop_caches, memory pressure from a process and the
 * passing of time, checked after every step against what mm/page-writeback.c keeps true: nr_dirty and
 * nr_writeback count exactly the page-cache pages flagged dirty and under writeback; every page ever dirtied is
 * dirty, under writeback, written, or was cancelled by truncation; no dirty page is ever reclaimed or dropped.
 */
class WritebackPropertiesTest {
    private static final int OPS = 600;
    private static final long MS = 1_000_000L;

    /** The simulated clock and the flusher's wake-ups. */
    private static final class Clock implements MmEnvironment {
        long now;
        final PriorityQueue<Long> wakeups = new PriorityQueue<>();

        @Override
        public long nowNs() {
            return now;
        }

        @Override
        public void scheduleWriteback(long atNs) {
            wakeups.add(Math.max(atNs, now));
        }

        @Override
        public void wakeKswapdThread(int nid) {
        }

        @Override
        public void wakeKcompactdThread(int nid) {
        }

        @Override
        public void note(String text) {
        }
    }

    @Property(tries = 6, seed = "20261125")
    void dirtyAccountingHoldsUnderRandomOperations(@ForAll long seed) {
        Machine m = SimpleMachine.build(Arch.X86_64, 1, List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x1000, 16384)));
        for (Zone z : m.zones()) {
            z.setWatermarks(128, 256, 384);
            z.setPcpHighBatch(64, 16);
        }
        Clock clock = new Clock();
        Memory mem = new Memory(m, new MmConfig(60, 0, true, 0, 500, true), clock, Compaction::new);
        mem.writeback.configure(new Writeback.Config(20, 10, 1000 * MS, 500 * MS, 100 * MS, 384));
        AddressSpace[] files = new AddressSpace[3];
        for (int i = 0; i < files.length; i++) {
            files[i] = mem.newAddressSpace("f" + i, 4096, false);
        }
        SplittableRandom r = new SplittableRandom(seed);
        long cancelled = 0;
        for (int op = 0; op < OPS; op++) {
            AddressSpace f = files[r.nextInt(files.length)];
            int kind = r.nextInt(100);
            if (kind < 40) {
                int start = r.nextInt(4096);
                for (int i = start; i < Math.min(4096, start + 1 + r.nextInt(400)) && mem.writeback.mayDirty(); i++) {
                    mem.writeFile(f, i);
                }
            } else if (kind < 55) {
                int start = r.nextInt(4096);
                for (int i = start; i < Math.min(4096, start + 1 + r.nextInt(400)); i++) {
                    mem.readFile(f, i);
                }
            } else if (kind < 62) {
                cancelled += count(mem, f, PageOwners.F_DIRTY, 0);
                mem.truncate(f);
            } else if (kind < 67) {
                mem.dropCaches(1);
            } else if (kind < 75) {
                AnonProcesses procs = ReclaimFixture.processes(mem);
                AnonProcesses.Task p = procs.spawn(1000 + op, "pressure", 2048 + r.nextInt(8192));
                for (int v = 0; v < p.pte.length; v++) {
                    if (!procs.touch(p, v, false)) {
                        break;
                    }
                }
                procs.exit(p);
            } else {
                clock.now += r.nextInt(1500) * MS;
                while (!clock.wakeups.isEmpty() && clock.wakeups.peek() <= clock.now) {
                    long t = clock.wakeups.poll();
                    long saved = clock.now;
                    clock.now = t;
                    mem.writeback.run();
                    clock.now = saved;
                }
            }
            VmCounters c = mem.counters;
            long dirty = 0;
            long writeback = 0;
            for (AddressSpace a : files) {
                dirty += count(mem, a, PageOwners.F_DIRTY, 0);
                writeback += count(mem, a, PageOwners.F_WRITEBACK, 0);
            }
            assertThat(c.get(VmCounters.NR_DIRTY)).as("op %d nr_dirty", op).isEqualTo(dirty);
            assertThat(c.get(VmCounters.NR_WRITEBACK)).as("op %d nr_writeback", op).isEqualTo(writeback);
            assertThat(c.get(VmCounters.NR_DIRTY) + c.get(VmCounters.NR_WRITEBACK) + c.get(VmCounters.NR_WRITTEN)
                    + cancelled).as("op %d: dirtied pages accounted for", op).isEqualTo(c.get(VmCounters.NR_DIRTIED));
        }
        BuddyChecker.check(m);
    }

    /** Pages of the file flagged {@code flag} and not {@code unless}. */
    private static long count(Memory mem, AddressSpace a, int flag, int unless) {
        long n = 0;
        for (int i = 0; i < a.size(); i++) {
            int p = a.page(i);
            if (p >= 0 && mem.owners.hasFlag(p, flag) && (unless == 0 || !mem.owners.hasFlag(p, unless))) {
                n++;
            }
        }
        return n;
    }
}
