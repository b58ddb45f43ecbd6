package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The xarray's node shape, worked by hand from lib/xarray.c: 64 slots per node, a tree as tall as the mapping's
 * size needs, nodes created top-down by xas_create() and freed bottom-up by xas_delete_node().
 */
class XaNodesTest {
    /** Hands out handles 0, 1, 2... and records the order of allocations and frees. */
    private static final class Recording implements XaNodeAllocator {
        final List<String> log = new ArrayList<>();
        long next;

        @Override
        public long alloc() {
            log.add("alloc " + next);
            return next++;
        }

        @Override
        public void free(long handle) {
            log.add("free " + handle);
        }
    }

    @Test
    void aSequentialFillOfTheOneGigabyteOracleFileNeeds1878Nodes() {
        // dd of 462 MiB = 118,272 pages: 1,848 leaves (64 pages each), 29 nodes one level up (4,096 pages each,
        // the last one partly used) and one root (262,144 pages) = 1,878.
        XaNodes xa = new XaNodes(118_272);
        Recording a = new Recording();
        for (int i = 0; i < 118_272; i++) {
            xa.add(i, a);
        }
        assertThat(xa.nodes()).isEqualTo(1_878);
        assertThat(a.next).isEqualTo(1_878);
        for (int i = 0; i < 118_272; i++) {
            xa.remove(i, a);
        }
        assertThat(xa.nodes()).isZero();
        assertThat(a.log.stream().filter(l -> l.startsWith("free"))).hasSize(1_878);
    }

    @Test
    void nodesAreCreatedTopDownAndFreedBottomUp() {
        // 100,000 slots need three levels (4,096 < 100,000 <= 262,144). Index 0: root, its first child, a leaf.
        // Index 99,999 shares the root and adds its level-1 node (24) and leaf (1,562).
        XaNodes xa = new XaNodes(100_000);
        Recording a = new Recording();
        xa.add(0, a);
        assertThat(a.log).containsExactly("alloc 0", "alloc 1", "alloc 2");
        xa.add(99_999, a);
        assertThat(a.log).containsExactly("alloc 0", "alloc 1", "alloc 2", "alloc 3", "alloc 4");
        xa.add(1, a);
        assertThat(xa.nodes()).isEqualTo(5);
        xa.remove(0, a);
        assertThat(xa.nodes()).isEqualTo(5);
        xa.remove(1, a);
        assertThat(a.log.subList(5, a.log.size())).containsExactly("free 2", "free 1");
        xa.remove(99_999, a);
        assertThat(a.log.subList(7, a.log.size())).containsExactly("free 4", "free 3", "free 0");
    }

    @Test
    void aOnePageMappingKeepsItsEntryInTheRoot() {
        XaNodes xa = new XaNodes(1);
        Recording a = new Recording();
        xa.add(0, a);
        assertThat(a.log).isEmpty();
        assertThat(xa.nodes()).isZero();
    }
}
