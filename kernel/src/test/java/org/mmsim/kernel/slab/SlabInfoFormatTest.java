package org.mmsim.kernel.slab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.kernel.SimplePageSource;
import org.mmsim.testdata.Oracle;

class SlabInfoFormatTest {
    @Test
    void everyOracleLineRendersByteForByte() {
        for (String c : Oracle.allCases()) {
            String text = Oracle.read(c, "slabinfo");
            String[] lines = text.split("\n");
            assertThat(lines[0]).isEqualTo(SlabInfo.VERSION_LINE);
            assertThat(lines[1]).isEqualTo(SlabInfo.COLUMNS_LINE);
            List<SlabInfo.Row> rows = SlabInfo.parse(text, Oracle.file(c, "slabinfo"));
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).render()).as(c + ":" + (i + 3)).isEqualTo(lines[i + 2]);
            }
        }
    }

    @Test
    void rendersHeaderAndNewestCacheFirst() {
        Slub slub = Slub.boot(SlubParams.x86_64(1, 1), SimplePageSource.ofBytes(1L << 30));
        String[] lines = SlabInfo.render(slub).split("\n");
        assertThat(lines[0]).isEqualTo("slabinfo - version: 2.1");
        assertThat(lines[2]).startsWith("dma-kmalloc-8k ");
        assertThat(lines[lines.length - 1]).startsWith("kmem_cache ");
        assertThat(lines[lines.length - 2]).startsWith("kmem_cache_node ");
    }

    @Test
    void malformedLinesAreInputErrors() {
        Path f = Path.of("slabinfo");
        assertThatThrownBy(() -> SlabInfo.parse("hello\n", f)).isInstanceOf(InputError.class)
                .hasMessage("slabinfo:1: not a slabinfo 2.1 file: expected \"slabinfo - version: 2.1\"");
        String bad = SlabInfo.VERSION_LINE + "\n" + SlabInfo.COLUMNS_LINE + "\n"
                + "kmalloc-8 1 2 8 512 1 : tunables 0 0 0 : slabdata 1 1 0\nkmalloc-16 x 2 16\n";
        assertThatThrownBy(() -> SlabInfo.parse(bad, f)).isInstanceOf(InputError.class)
                .hasMessageStartingWith("slabinfo:4: ");
        String badNumber = SlabInfo.VERSION_LINE + "\n" + SlabInfo.COLUMNS_LINE + "\n"
                + "kmalloc-8 1 2 8 5x2 1 : tunables 0 0 0 : slabdata 1 1 0\n";
        assertThatThrownBy(() -> SlabInfo.parse(badNumber, f)).isInstanceOf(InputError.class)
                .hasMessageStartingWith("slabinfo:3: not a number");
    }

    @Test
    void twoNodesGetOneKmemCacheNodeObjectPerNodePerCache() {
        Slub slub = Slub.boot(SlubParams.x86_64(2, 2),
                new SimplePageSource(12, 11, 0, 1 << 18, 1 << 18, 1 << 19));
        int caches = slub.slabCaches().size();
        slub.flushAll(slub.kmemCacheNode());
        assertThat(slub.slabinfo(slub.kmemCacheNode()).activeObjs()).isEqualTo(2L * caches);
        assertThat(slub.kmemCacheNode().nrSlabs(0)).isPositive();
        assertThat(slub.kmemCacheNode().nrSlabs(1)).isPositive();
    }
}
