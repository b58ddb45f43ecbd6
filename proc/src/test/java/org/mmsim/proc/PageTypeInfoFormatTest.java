package org.mmsim.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

class PageTypeInfoFormatTest {
    private static final List<String> X86_TYPES = List.of("Unmovable", "Movable", "Reclaimable", "HighAtomic",
            "Isolate");

    @Test
    void parsesArm64CmaColumn() {
        PageTypeInfo p = PageTypeInfoFormat.parse("pti", Oracle.read("arm64-1G", "pagetypeinfo"));
        PageTypeInfoNode n = p.nodes().get(0);
        assertThat(n.migratetypes()).containsExactly("Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA",
                "Isolate");
        assertThat(n.pageblockOrder()).isEqualTo(9);
        assertThat(n.pagesPerBlock()).isEqualTo(512);
        assertThat(n.blocks().get(0).count(n.migratetype("CMA"))).isEqualTo(32);
        assertThat(n.free().get(0).count(n.migratetype("CMA"), 10)).isEqualTo(15);
    }

    @Test
    void numaFileHasOneSectionPerNode() {
        PageTypeInfo p = PageTypeInfoFormat.parse("pti", Oracle.read("x86_64-4G-numa2", "pagetypeinfo"));
        assertThat(p.nodes()).extracting(PageTypeInfoNode::nodeId).containsExactly(0, 1);
        assertThat(p.node(1).blocks()).extracting(ZoneBlockCounts::zoneName).containsExactly("DMA32", "Normal");
        assertThat(p.node(1).blocks().get(0).total()).isEqualTo(512);
    }

    @Test
    void countsAtOrAboveTheCapRenderAsTheKernelsCappedWalk() {
        long[][] counts = new long[5][11];
        counts[1][0] = 217642;
        PageTypeInfoNode n = new PageTypeInfoNode(0, 9, 512, 11, X86_TYPES,
                List.of(new ZoneFreeByType("DMA32", counts)),
                List.of(new ZoneBlockCounts("DMA32", new long[] {4, 1522, 2, 0, 0})), List.of());
        String text = PageTypeInfoFormat.render(new PageTypeInfo(List.of(n)));
        assertThat(text.lines().filter(l -> l.contains("Movable") && l.startsWith("Node    0")))
                .containsExactly("Node    0, zone    DMA32, type      Movable >100000      0      0      0      0"
                        + "      0      0      0      0      0      0 ");
        // parsed back, the kernel's capped count is what remains
        assertThat(PageTypeInfoFormat.parse("pti", text).nodes().get(0).free().get(0).count(1, 0))
                .isEqualTo(PageTypeInfo.FREE_COUNT_CAP);
    }

    @Test
    void mixedBlockTableOfPageOwnerRoundTrips() {
        // with page_owner=on the kernel appends "\n%-23s" of "Number of mixed blocks " (already 23 wide), then
        // "%12s " per migratetype, and rows like the block table
        String text = Oracle.read("x86_64-4G", "pagetypeinfo")
                + "\nNumber of mixed blocks    Unmovable      Movable  Reclaimable   HighAtomic      Isolate \n"
                + "Node 0, zone      DMA            1            0            0            0            0 \n"
                + "Node 0, zone    DMA32            1            3            0            0            0 \n"
                + "Node 0, zone   Normal            9            2            4            0            0 \n";
        PageTypeInfo p = PageTypeInfoFormat.parse("pti", text);
        assertThat(p.nodes().get(0).mixedBlocks()).hasSize(3);
        assertThat(PageTypeInfoFormat.render(p)).isEqualTo(text);
    }

    private static String error(String text) {
        try {
            PageTypeInfoFormat.parse("pti", text);
        } catch (InputError e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void badInput() {
        String good = Oracle.read("x86_64-4G", "pagetypeinfo");
        assertThat(error("")).isEqualTo("pti: empty file");
        assertThat(error(good.replace("Page block order: 9", "Page block order: nine")))
                .isEqualTo("pti:1: expected a number for page block order, found 'nine'");
        assertThat(error(good.replace("type      Movable      0      0      0      0      0      0      0      0"
                + "      0      1      3", "type      Movable      0      0      0      0      0      0      0      0"
                + "      0      1 100000"))).isEqualTo("pti:6: free count 100000 at or above the kernel's cap should"
                        + " read >100000");
        assertThat(error(good.replace("zone    DMA32, type  Reclaimable", "zone    DMA32, type  HighAtomic")))
                .isEqualTo("pti:12: migratetype HighAtomic, expected Reclaimable");
        assertThat(error(good.replace("Node 0, zone   Normal           46", "Node 0, zone   Normal")))
                .isEqualTo("pti:24: expected 5 block counts, found 4");
        assertThatThrownBy(() -> PageTypeInfoFormat.parse("pti", good.substring(0, good.indexOf("\nNumber"))))
                .isInstanceOf(InputError.class).hasMessage("pti:19: unexpected end of file, expected a blank line");
    }
}
