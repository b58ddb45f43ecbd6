package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.MemoryInit;

/**
 * Debug mode checks the zone after every operation: 20,000 mixed allocations and frees of orders 0-10 and all
 * the common GFP types on the booted 256 MiB oracle machine run with the checker after each one, and it never
 * fires.
 */
class DebugVmTest {
    @Test
    void checkerAfterEveryOperation() {
        Machine m = MemoryInit.boot(MachineFile.preset("x86_64-256M")).machine();
        m.setDebugVm(BuddyChecker::check);
        assertThat(m.debugVm()).isTrue();
        int[] gfps = {Gfp.GFP_KERNEL, Gfp.GFP_HIGHUSER_MOVABLE, Gfp.GFP_KERNEL | Gfp.__GFP_RECLAIMABLE, Gfp.GFP_ATOMIC,
            Gfp.GFP_DMA32, Gfp.GFP_NOWAIT};
        SplittableRandom rng = new SplittableRandom(7);
        List<long[]> live = new ArrayList<>();
        int ops = 0;
        for (int i = 0; i < 20_000; i++) {
            if (!live.isEmpty() && (rng.nextInt(3) == 0 || live.size() > 3000)) {
                long[] b = live.remove(rng.nextInt(live.size()));
                m.freePages(b[0], (int) b[1]);
            } else {
                int order = rng.nextInt(8) == 0 ? rng.nextInt(11) : rng.nextInt(4);
                long pfn = m.allocPages(gfps[rng.nextInt(gfps.length)], order);
                if (pfn >= 0) {
                    live.add(new long[] {pfn, order});
                }
            }
            ops++;
        }
        assertThat(ops).isEqualTo(20_000);
        assertThat(live).isNotEmpty();
    }
}
