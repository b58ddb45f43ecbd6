package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.SlowPathHooks;
import org.mmsim.page.Zone;
import org.mmsim.page.Zonelist;

/**
 * The compaction hook of the allocator's slow path takes the request from the alloc_context it is given, as
 * mm/page_alloc.c 6.1 __alloc_pages_direct_compact() passes its own gfp_mask and order to try_to_compact_pages(),
 * and not from an earlier request: an allocator that calls the machine directly (SLUB, vmalloc) after a task's
 * order-0 allocation must still be compacted for at its own order.
 */
class SlowPathCompactHookTest {

    /** Records the try_to_compact_pages() calls and reports COMPACT_SKIPPED. */
    private static final class Recording implements CompactionApi {
        final List<String> calls = new ArrayList<>();

        @Override
        public int tryToCompactPages(Zonelist zl, int gfp, int order, int allocFlags, int highestZoneidx,
                int migratetype, int prio) {
            calls.add("order=" + order + " gfp=0x" + Integer.toHexString(gfp));
            return SlowPathHooks.COMPACT_SKIPPED;
        }

        @Override
        public boolean compactionReady(Zone z, int order, int highestZoneidx) {
            return false;
        }

        @Override
        public void compactionDeferReset(Zone z, int order, boolean allocSuccess) {
        }

        @Override
        public void resetIsolationSuitable(int nid) {
        }

        @Override
        public Zone zoneWithFreePage(Zonelist zl, int order, int highestZoneidx, int allocFlags) {
            return null;
        }

        @Override
        public void wakeupKcompactd(int nid, int order, int highestZoneidx) {
        }

        @Override
        public void runKcompactd(int nid) {
        }

        @Override
        public void proactiveTick(int nid) {
        }

        @Override
        public void compactMemory() {
        }
    }

    @Test
    void directCompactionIsAskedForTheOrderOfTheRequestInTheAllocContext() {
        // A zone of single free pages (every other page allocated): no block of order 4. A task's order-0
        // allocation goes first; then an allocator asks the machine for GFP_KERNEL | __GFP_NORETRY order 4: a
        // costly order with direct reclaim, so the slow path compacts once at INIT_COMPACT_PRIORITY before
        // anything else and, with __GFP_NORETRY and COMPACT_SKIPPED, fails.
        Machine m = SimpleMachine.build(Arch.X86_64, 1,
                List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x1000, 4096)));
        m.setPcpEnabled(false);
        Recording compaction = new Recording();
        Memory mem = new Memory(m, MmConfig.defaults(), MmEnvironment.NONE, x -> compaction);
        List<Long> pages = new ArrayList<>();
        for (long pfn = m.allocPages(Gfp.GFP_NOWAIT, 0); pfn >= 0; pfn = m.allocPages(Gfp.GFP_NOWAIT, 0)) {
            pages.add(pfn);
        }
        for (long pfn : pages) {
            if ((pfn & 1) == 0) {
                m.freePages(pfn, 0);
            }
        }
        assertThat(mem.allocPages(Gfp.GFP_NOWAIT, 0)).isNotNegative();
        int gfp = Gfp.GFP_KERNEL | Gfp.__GFP_NORETRY;
        assertThat(m.allocPages(gfp, 4)).isEqualTo(-1);
        assertThat(compaction.calls).containsExactly("order=4 gfp=0x" + Integer.toHexString(gfp));
    }
}
