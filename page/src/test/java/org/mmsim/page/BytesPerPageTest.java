package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-page state stays within the 16-byte budget: 1 byte after boot, at most 9 once every section is split. */
class BytesPerPageTest {
    @Test
    void perPageBytes() {
        long pages = 65536;
        Machine m = TestMachines.normalOnly(0x100000, pages, 1, 0, 1);
        MemMap mm = m.node(0).memMap();
        // after boot: flags bytes (1 per page), one present byte per section of 32768 pages, and the coarse links
        // of max-order heads (8 bytes per 1024 pages)
        long sections = pages / 32768;
        assertThat(mm.bytes()).isEqualTo(pages + sections + pages / 1024 * 8);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 20000; i++) {
            m.allocPages(Gfp.GFP_KERNEL, r.nextInt(4));
        }
        // every section split: flags + fine links (1 + 8) + coarse links
        assertThat(mm.bytes()).isEqualTo(pages * 9 + sections + pages / 1024 * 8);
        assertThat((double) mm.bytes() / pages).isLessThanOrEqualTo(16.0);
    }
}
