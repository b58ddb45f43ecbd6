package org.mmsim.kernel.vmalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The free tree against the kernel's own cross-check (DEBUG_AUGMENT_LOWEST_MATCH_CHECK in mm/vmalloc.c): without
 * the size adjustment, find_vmap_lowest_match() must return the block find_vmap_lowest_linear_match() finds by
 * walking the address-ordered list; and the red-black and subtree_max_size invariants hold after every change.
 */
class VmapFreeTreeTest {
    private static final long PAGE = 4096;
    private static final long BASE = 0xffffc90000000000L;

    private static int linearMatch(VmapFreeTree t, long size, long align, long vstart) {
        for (int n = t.first(); n >= 0; n = t.next(n)) {
            long nva = t.candidateStart(n, align, vstart);
            if (Long.compareUnsigned(nva + size, nva) >= 0 && Long.compareUnsigned(nva, vstart) >= 0
                    && Long.compareUnsigned(nva + size, t.end(n)) <= 0) {
                return n;
            }
        }
        return -1;
    }

    @Property(tries = 60, seed = "20261125")
    void treeWalkEqualsLinearFirstFit(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random rnd = new Random(seed);
        VmapFreeTree t = new VmapFreeTree();
        t.insert(1, -1L);
        List<long[]> busy = new ArrayList<>();
        for (int step = 0; step < 300; step++) {
            if (busy.isEmpty() || rnd.nextInt(3) != 0) {
                long size = (1 + rnd.nextInt(64)) * PAGE;
                long align = PAGE << rnd.nextInt(5);
                long vstart = BASE + rnd.nextInt(256) * PAGE;
                boolean adjust = align > PAGE;
                int expected = linearMatch(t, size, align, vstart);
                int got = t.findLowestMatch(size, align, vstart, false);
                assertThat(got).isEqualTo(expected);
                int chosen = adjust ? t.findLowestMatch(size, align, vstart, true) : got;
                if (chosen >= 0) {
                    long nva = t.candidateStart(chosen, align, vstart);
                    // whatever the walk returns fits, and lies no higher than the lowest big-enough block
                    assertThat(Long.compareUnsigned(nva + size, t.end(chosen))).isLessThanOrEqualTo(0);
                    t.carve(chosen, nva, size);
                    busy.add(new long[] {nva, nva + size});
                }
            } else {
                long[] b = busy.remove(rnd.nextInt(busy.size()));
                t.insertMerge(b[0], b[1]);
            }
            t.checkInvariants();
        }
        for (long[] b : busy) {
            t.insertMerge(b[0], b[1]);
        }
        t.checkInvariants();
        StringBuilder sb = new StringBuilder();
        for (int n = t.first(); n >= 0; n = t.next(n)) {
            sb.append(Long.toHexString(t.start(n))).append('-').append(Long.toHexString(t.end(n))).append(' ');
        }
        assertThat(t.count()).as(sb.toString()).isEqualTo(1);
        assertThat(t.start(t.first())).isEqualTo(1);
    }
}
