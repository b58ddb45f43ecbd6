package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.mmsim.page.debug.BuddyChecker;

/**
 * The allocation shortcut (allocFromPreferredPcp, with its one-comparison order-0 watermark test) is
 * indistinguishable from get_page_from_freelist()'s full walk: two machines run the same random operations, one
 * with the shortcut and one without, and hand out the same pages and reach the same free lists, per-CPU lists,
 * counters and vm events. The operations move what the shortcut reads: watermarks, boost, lowmem_reserve, the
 * highatomic reserve (GFP_ATOMIC high orders), reclaim's pcp limit, the CPU, drains and near-full zones.
 */
class FastPathDifferentialTest {
    static final int OPS = 60_000;
    static final int[] GFPS = {Gfp.GFP_KERNEL, Gfp.GFP_USER, Gfp.GFP_HIGHUSER_MOVABLE,
        Gfp.GFP_KERNEL | Gfp.__GFP_RECLAIMABLE, Gfp.GFP_NOWAIT, Gfp.GFP_ATOMIC, Gfp.GFP_DMA32,
        Gfp.GFP_TRANSHUGE_LIGHT, Gfp.GFP_HIGHUSER_MOVABLE | Gfp.__GFP_COMP};

    @Property(tries = 6, seed = "20261208")
    void shortcutGivesWhatTheWalkGives(@ForAll long seed) {
        Machine fast = machine();
        Machine walk = machine();
        walk.setFastPaths(false);
        SplittableRandom r = new SplittableRandom(seed);
        List<long[]> live = new ArrayList<>();
        for (int i = 0; i < OPS; i++) {
            int cpu = r.nextInt(3);
            fast.setCurrentCpu(cpu);
            walk.setCurrentCpu(cpu);
            int op = r.nextInt(1000);
            if (op < 2) {
                fast.drainAllPages();
                walk.drainAllPages();
            } else if (op < 6) {
                Zone zf = fast.zones().get(1 + r.nextInt(2));
                Zone zw = walk.zones().get(zf.zoneIdx());
                long min = r.nextInt(400);
                long boost = r.nextInt(3) == 0 ? r.nextInt(600) : 0;
                zf.setWatermarks(min, min * 5 / 4, min * 3 / 2);
                zw.setWatermarks(min, min * 5 / 4, min * 3 / 2);
                zf.setWatermarkBoost(boost);
                zw.setWatermarkBoost(boost);
            } else if (op < 8) {
                int zi = 1 + r.nextInt(2);
                long[] reserve = new long[fast.zones().size()];
                for (int above = zi + 1; above < reserve.length; above++) {
                    reserve[above] = r.nextInt(800);
                }
                fast.zones().get(zi).setLowmemReserve(reserve);
                walk.zones().get(zi).setLowmemReserve(reserve);
            } else if (op < 9) {
                boolean active = r.nextBoolean();
                fast.zones().get(2).setReclaimActive(active);
                walk.zones().get(2).setReclaimActive(active);
            } else if (live.isEmpty() || op < 530) {
                int order = r.nextInt(10) < 8 ? r.nextInt(4) : r.nextInt(11);
                int gfp = GFPS[r.nextInt(GFPS.length)];
                long got = fast.allocPages(gfp, order);
                assertThat(got).as("op %d: alloc gfp %x order %d", i, gfp, order)
                        .isEqualTo(walk.allocPages(gfp, order));
                if (got >= 0) {
                    live.add(new long[] {got, order});
                }
            } else {
                long[] b = live.remove(r.nextInt(live.size()));
                fast.freePages(b[0], (int) b[1]);
                walk.freePages(b[0], (int) b[1]);
            }
            if (i % 1009 == 0) {
                assertSameState(fast, walk, i);
            }
        }
        assertSameState(fast, walk, OPS);
        BuddyChecker.check(fast);
    }

    /** Counts kswapd wake-ups, which a pending ZONE_BOOSTED_WATERMARK causes at the next rmqueue(). */
    static final class Wakes implements SlowPathHooks {
        long count;

        @Override
        public void wakeKswapd(Machine m, Zone zone, int gfp, int order, int highestZoneidx) {
            count = count * 31 + zone.zoneIdx() * 7 + order + 1;
        }
    }

    /** DMA32 and Normal on three CPUs, small enough that random traffic fills them and empties the lists. */
    private static Machine machine() {
        Machine m = TestMachines.dma32Normal(4096, 12288, 3);
        m.setHooks(new Wakes());
        for (Zone z : m.zones()) {
            if (z.populated()) {
                z.setWatermarks(32, 40, 48);
                z.setPcpHighBatch(96, 12);
            }
        }
        return m;
    }

    private static void assertSameState(Machine a, Machine b, int op) {
        assertThat(a.events()).as("vm events after op %d", op).isEqualTo(b.events());
        assertThat(((Wakes) a.hooks()).count).as("kswapd wakes after op %d", op)
                .isEqualTo(((Wakes) b.hooks()).count);
        for (int zi = 0; zi < a.zones().size(); zi++) {
            Zone x = a.zones().get(zi);
            Zone y = b.zones().get(zi);
            assertThat(x.nrFreePages()).as("%s free pages after op %d", x, op).isEqualTo(y.nrFreePages());
            assertThat(x.nrReservedHighatomic()).isEqualTo(y.nrReservedHighatomic());
            assertThat(x.boostedWatermark()).as("%s boosted after op %d", x, op).isEqualTo(y.boostedWatermark());
            assertThat(x.watermarkBoost()).isEqualTo(y.watermarkBoost());
            for (int o = 0; o < x.maxOrder; o++) {
                for (int mt = 0; mt < x.nrTypes; mt++) {
                    assertThat(x.freeList(o, mt)).as("%s free list order %d type %d after op %d", x, o, mt, op)
                            .isEqualTo(y.freeList(o, mt));
                }
            }
            for (int cpu = 0; cpu < a.nrCpus(); cpu++) {
                assertThat(x.pcpCount(cpu)).isEqualTo(y.pcpCount(cpu));
                for (int pi = 0; pi < Zone.NR_PCP_LISTS; pi++) {
                    assertThat(x.pcpList(cpu, pi)).as("%s cpu %d pcp list %d after op %d", x, cpu, pi, op)
                            .isEqualTo(y.pcpList(cpu, pi));
                }
            }
        }
    }
}
