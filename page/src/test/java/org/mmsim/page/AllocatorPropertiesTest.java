package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.debug.BuddyChecker;

/**
 * Properties over random sequences of 10^5 allocations and frees (mixed orders, GFP types and CPUs): the
 * debug checker never fires, and with grouping by mobility disabled and pcp off the model returns exactly the
 * pfns a plain reference buddy returns.
 */
class AllocatorPropertiesTest {
    static final int OPS = 100_000;
    static final int[] GFPS = {Gfp.GFP_KERNEL, Gfp.GFP_USER, Gfp.GFP_HIGHUSER_MOVABLE,
        Gfp.GFP_KERNEL | Gfp.__GFP_RECLAIMABLE, Gfp.GFP_NOWAIT, Gfp.GFP_ATOMIC, Gfp.GFP_DMA32,
        Gfp.GFP_TRANSHUGE_LIGHT, Gfp.GFP_HIGHUSER_MOVABLE | Gfp.__GFP_COMP};

    private static int randomOrder(SplittableRandom r) {
        int x = r.nextInt(100);
        return x < 60 ? 0 : x < 75 ? 1 : x < 85 ? 2 : x < 90 ? 3 : x < 93 ? 9 : r.nextInt(11);
    }

    @Property(tries = 4, seed = "20261125")
    void matchesReferenceBuddyWithoutMobilityAndPcp(@ForAll long seed) {
        long start = 0x8000;
        long pages = 16384;
        Machine m = buildUnmovable(start, pages);
        m.setPcpEnabled(false);
        m.setPageGroupByMobilityDisabled(true);
        ReferenceBuddy ref = new ReferenceBuddy(start, start + pages, 11);
        SplittableRandom r = new SplittableRandom(seed);
        List<long[]> live = new ArrayList<>();
        int[] gfps = {Gfp.GFP_KERNEL, Gfp.GFP_USER, Gfp.GFP_HIGHUSER_MOVABLE, Gfp.GFP_KERNEL | Gfp.__GFP_RECLAIMABLE,
            Gfp.GFP_NOWAIT, Gfp.GFP_TRANSHUGE_LIGHT};
        for (int i = 0; i < OPS; i++) {
            m.setCurrentCpu(r.nextInt(2));
            if (live.isEmpty() || r.nextInt(100) < 55) {
                int order = randomOrder(r);
                int gfp = gfps[r.nextInt(gfps.length)];
                long expected = ref.alloc(order);
                long got = m.allocPages(gfp, order);
                assertThat(got).as("op %d alloc order %d", i, order).isEqualTo(expected);
                if (got >= 0) {
                    live.add(new long[] {got, order});
                }
            } else {
                long[] b = live.remove(r.nextInt(live.size()));
                ref.free(b[0], (int) b[1]);
                m.freePages(b[0], (int) b[1]);
            }
        }
        BuddyChecker.check(m);
    }

    /** One Normal zone whose pageblocks are all Unmovable before the memory is freed: one list per order. */
    private static Machine buildUnmovable(long start, long pages) {
        Node node = new Node(Arch.X86_64, 0, start, pages);
        Machine m = new Machine(Arch.X86_64, 2, List.of(node));
        Zone z = node.initZone(ZoneType.NORMAL, start, pages);
        z.setPresentPages(pages);
        node.setPresentPages(pages);
        SimpleMachine.freeRange(z, start, start + pages, 11);
        m.buildZonelists();
        return m;
    }

    @Property(tries = 3, seed = "20261125")
    void checkerNeverFires(@ForAll long seed) {
        Machine m = TestMachines.dma32Normal(4096, 12288, 4);
        for (Zone z : m.zones()) {
            if (z.populated()) {
                z.setWatermarks(32, 40, 48);
                z.setPcpHighBatch(64, 8);
            }
        }
        m.zones().get(1).setLowmemReserve(new long[] {0, 0, 64, 64, 64});
        SplittableRandom r = new SplittableRandom(seed);
        List<long[]> live = new ArrayList<>();
        for (int i = 0; i < OPS; i++) {
            m.setCurrentCpu(r.nextInt(4));
            int op = r.nextInt(1000);
            if (op < 3) {
                m.drainAllPages();
            } else if (live.isEmpty() || op < 520) {
                int order = randomOrder(r);
                long got = m.allocPages(GFPS[r.nextInt(GFPS.length)], order);
                if (got >= 0) {
                    live.add(new long[] {got, order});
                }
            } else {
                long[] b = live.remove(r.nextInt(live.size()));
                m.freePages(b[0], (int) b[1]);
            }
            if (i % 97 == 0) {
                BuddyChecker.check(m);
            }
        }
        BuddyChecker.check(m);
        for (long[] b : live) {
            m.freePages(b[0], (int) b[1]);
        }
        m.drainAllPages();
        BuddyChecker.check(m);
        assertThat(m.nrFreePages()).isEqualTo(16384);
    }
}
