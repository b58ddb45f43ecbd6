package org.mmsim.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

class BuddyInfoFormatTest {

    @Test
    void modelFilledRecordRendersTheKernelsLines() {
        BuddyInfo b = new BuddyInfo(List.of(
                new ZoneFreeArea(0, "DMA", new long[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 3}),
                new ZoneFreeArea(0, "DMA32", new long[] {1, 1, 2, 1, 0, 2, 2, 3, 2, 3, 732}),
                new ZoneFreeArea(0, "Normal", new long[] {1, 3, 2, 1, 0, 1, 3, 2, 1, 2, 229})));
        assertThat(BuddyInfoFormat.render(b)).isEqualTo(Oracle.read("x86_64-4G", "buddyinfo"));
    }

    @Test
    void parsedCountsAndFreePages() {
        BuddyInfo b = BuddyInfoFormat.parse("buddyinfo", Oracle.read("x86_64-4G-numa2", "buddyinfo"));
        assertThat(b.zones()).hasSize(4);
        ZoneFreeArea normal = b.zone(1, "Normal");
        assertThat(normal.nrFree(0)).isEqualTo(3);
        assertThat(normal.nrFree(10)).isEqualTo(242);
        // 3 + 4 + 12 + 8 + 16 + 0 + 128 + 384 + 0 + 512 + 242*1024
        assertThat(normal.freePages()).isEqualTo(3 + 4 + 12 + 8 + 16 + 128 + 384 + 512 + 242 * 1024);
        assertThat(b.zone(1, "DMA")).isNull();
    }

    @Test
    void wideCountsPushTheColumnsRight() {
        BuddyInfo b = new BuddyInfo(List.of(new ZoneFreeArea(0, "DMA32",
                new long[] {217642, 5, 5, 1, 4, 2, 4, 4, 4, 0, 0})));
        assertThat(BuddyInfoFormat.render(b)).isEqualTo(
                "Node 0, zone    DMA32 217642      5      5      1      4      2      4      4      4      0      0 \n");
    }

    private static String error(String text) {
        try {
            BuddyInfoFormat.parse("bi", text);
        } catch (InputError e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + text);
    }

    @Test
    void badInputNamesFileAndLine() {
        String ok = "Node 0, zone      DMA      0      0      0      0      0      0      0      1      0      1      3 \n";
        assertThat(error("")).isEqualTo("bi: empty file");
        assertThat(error(ok + "Node x, zone DMA 1 2 3 4 5 6 7 8 9 10 11\n"))
                .isEqualTo("bi:2: expected 'Node N, zone NAME' and free counts, found"
                        + " 'Node x, zone DMA 1 2 3 4 5 6 7 8 9 10 11'");
        assertThat(error(ok + "Node 0, zone DMA 1 2 3 4 5 6 7 8 9 10 11 12\n"))
                .isEqualTo("bi:2: expected 11 free counts (orders 0..10), found 12");
        assertThat(error("Node 0, zone DMA 1 2 3 4 5 6 7 8 9 10 -11\n"))
                .isEqualTo("bi:1: negative free count of order 10 '-11'");
        assertThat(error("Node 0, zone DMA 1 2 3 4 5 6 7 8 9 10 99999999999999999999\n"))
                .isEqualTo("bi:1: free count of order 10 '99999999999999999999' is too large");
        assertThatThrownBy(() -> BuddyInfoFormat.parse("bi", ok, 12)).isInstanceOf(InputError.class)
                .hasMessage("bi:1: expected 12 free counts (orders 0..11), found 11");
    }

    @Test
    void aLineOfMillionsOfColumnsIsRefusedAfterCountingThem() {
        assertThat(error("Node 0, zone   Normal" + " 0".repeat(8_000_000) + "\n"))
                .isEqualTo("bi:1: more than 64 free counts (one per order); no kernel prints more");
    }
}
