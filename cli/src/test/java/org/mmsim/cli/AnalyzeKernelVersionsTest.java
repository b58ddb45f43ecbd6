package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmsim.testdata.Oracle;
import org.mmsim.testdata.OtherKernels;

/**
 * {@code mmsim analyze} on the real buddyinfo, pagetypeinfo and zoneinfo of kernels other than 6.1: 5.8 and 5.10 (no
 * boost or cma line in zoneinfo, extfrag_index without padding), 6.12 (a promo line) and 6.18 (a promo line,
 * pagesets with high_min and high_max). Its indices must equal the kernel's own debugfs files where they were
 * captured (5.10, 6.12, 6.18) and the mm/vmstat.c formulas worked by hand otherwise (5.8). The 6.1 cases are
 * {@link AnalyzeCommandTest}'s.
 */
class AnalyzeKernelVersionsTest {
    private static final String EXTFRAG_HEADER = "# /sys/kernel/debug/extfrag/extfrag_index\n";
    private static final String UNUSABLE_HEADER = "# /sys/kernel/debug/extfrag/unusable_index\n";
    private static final String LINUX_5_8 = "linux-5.8-x86_64-jc";
    private static final String LINUX_6_18 = "linux-6.18-x86_64-this-machine";
    private static final String LINUX_5_10 = "linux-5.10-x86_64-2G";

    @TempDir
    Path tmp;

    private static String extfrag(CliRun r) {
        return r.out().substring(EXTFRAG_HEADER.length(), r.out().indexOf(UNUSABLE_HEADER));
    }

    private static String unusable(CliRun r) {
        String rest = r.out().substring(r.out().indexOf(UNUSABLE_HEADER) + UNUSABLE_HEADER.length());
        return rest.substring(0, rest.indexOf("\n\nDiagnosis: ") + 1);
    }

    private static String diagnosis(CliRun r) {
        return r.out().substring(r.out().indexOf("Diagnosis: ")).replace('\n', ' ');
    }

    private static CliRun analyze(String machine, String... more) {
        return analyzeAt(machine, "", more);
    }

    /** Analyzes the three files in {@code dir} (a moment's folder, or "") of a machine, and {@code more}. */
    private static CliRun analyzeAt(String machine, String dir, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "analyze";
        args[1] = OtherKernels.file(machine, dir + "zoneinfo").toString();
        args[2] = OtherKernels.file(machine, dir + "pagetypeinfo").toString();
        args[3] = OtherKernels.file(machine, dir + "buddyinfo").toString();
        System.arraycopy(more, 0, args, 4, more.length);
        CliRun r = CliRun.of(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        return r;
    }

    @Test
    void linux618FilesGiveThatKernelsOwnIndexFiles() {
        CliRun r = analyze(LINUX_6_18, OtherKernels.file(LINUX_6_18, "extfrag_threshold").toString());
        assertThat(extfrag(r)).isEqualTo(OtherKernels.read(LINUX_6_18, "extfrag_index"));
        assertThat(unusable(r)).isEqualTo(OtherKernels.read(LINUX_6_18, "unusable_index"));
        // watermarks from the 6.18 zoneinfo, read past its promo line and its wide pagesets
        assertThat(diagnosis(r)).contains("Zoneinfo counts 772845 free pages against watermarks min 3145, low 3931,"
                + " high 4717").contains("Its 1528 pageblocks are 100.0% Movable");
    }

    /** At boot, and with free memory cut into order-0 holes (extfrag_index 0.999 and 1.000 in DMA32). */
    @ParameterizedTest
    @ValueSource(strings = {"boot", "holes"})
    void linux510FilesGiveThatKernelsOwnIndexFilesInItsLayout(String moment) {
        String dir = moment + "/";
        CliRun r = analyzeAt(LINUX_5_10, dir, OtherKernels.file(LINUX_5_10, dir + "extfrag_threshold").toString());
        assertThat(extfrag(r)).isEqualTo(OtherKernels.read(LINUX_5_10, dir + "extfrag_index"));
        assertThat(unusable(r)).isEqualTo(OtherKernels.read(LINUX_5_10, dir + "unusable_index"));
    }

    /** Without a zoneinfo to tell the kernel, extfrag_index has 6.1's layout: the same figures, padded. */
    @Test
    void linux510BuddyinfoAloneGivesTheSameFiguresIn61Layout() {
        CliRun r = CliRun.of("analyze", OtherKernels.file(LINUX_5_10, "holes/buddyinfo").toString());
        assertThat(r.status()).isZero();
        assertThat(extfrag(r)).contains(" 0.999  1.000 \n");
        assertThat(extfrag(r).replaceAll(" +", " "))
                .isEqualTo(OtherKernels.read(LINUX_5_10, "holes/extfrag_index").replaceAll(" +", " "));
        assertThat(diagnosis(r)).contains("fragmentation index 0.999 is above extfrag_threshold 0.500");
    }

    @Test
    void linux612FilesGiveThatKernelsOwnIndexFiles() {
        String c = "x86_64-4G-linux6.12";
        CliRun r = CliRun.of("analyze", Oracle.file(c, "buddyinfo").toString(),
                Oracle.file(c, "pagetypeinfo").toString(), Oracle.file(c, "zoneinfo").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(extfrag(r)).isEqualTo(Oracle.read(c, "extfrag_index"));
        assertThat(unusable(r)).isEqualTo(Oracle.read(c, "unusable_index"));
    }

    /**
     * 5.8's buddyinfo, worked by hand with mm/vmstat.c {@code fill_contig_page_info()},
     * {@code __fragmentation_index()} and {@code unusable_free_index()}. DMA holds 1 block each of orders 3..7, 1 of
     * order 9 and 3 of order 10: 3832 pages. Normal holds 0, 22, 8, 10, 1, 1, 2, 11, 13, 0, 0 blocks of orders 0..10:
     * 5068 pages in 68 blocks, none of order 9 or above.
     */
    @Test
    void linux58FilesGiveTheKernelFormulaWorkedByHand() {
        CliRun r = analyze(LINUX_5_8);
        // order 9: 1000 - (1000 + 5068 * 1000 / 512) / 68 = 1000 - 10898 / 68 = 1000 - 160 = 840;
        // order 10: 1000 - (1000 + 5068 * 1000 / 1024) / 68 = 1000 - 5949 / 68 = 1000 - 87 = 913;
        // orders 0..8 have a free block at or above them (13 of order 8): -1000; unpadded, as 5.8 prints them
        assertThat(extfrag(r).lines()).contains("Node 0, zone   Normal" + " -1.000".repeat(9) + " 0.840 0.913 ");
        // unusable = free pages in blocks below the order * 1000 / 5068:
        // order 2: 44 -> 8; 3: 76 -> 14; 4: 156 -> 30; 5: 172 -> 33; 6: 204 -> 40; 7: 332 -> 65; 8: 1740 -> 343;
        // orders 9 and 10: all 5068 -> 1000
        assertThat(unusable(r).lines()).contains(
                "Node 0, zone   Normal 0.000 0.000 0.008 0.014 0.030 0.033 0.040 0.065 0.343 1.000 1.000 ");
        // DMA: below order 4: 8 pages -> 2; 5: 24 -> 6; 6: 56 -> 14; 7: 120 -> 31; 8 and 9: 248 -> 64; 10: 760 -> 198
        assertThat(unusable(r).lines()).contains(
                "Node 0, zone      DMA 0.000 0.000 0.000 0.000 0.002 0.006 0.014 0.031 0.064 0.064 0.198 ");
        assertThat(extfrag(r).lines()).contains("Node 0, zone      DMA" + " -1.000".repeat(11) + " ");
        // the 5.8 zoneinfo has no boost and no cma line; its Normal watermarks are read all the same
        assertThat(diagnosis(r)).contains("Zoneinfo counts 5113 free pages against watermarks min 4097, low 5121,"
                + " high 6145").contains("fragmentation index 0.840 is above extfrag_threshold 0.500");
    }

    @Test
    void extfragThresholdFromTheFlag() {
        String d = diagnosis(analyze(LINUX_5_8, "--extfrag-threshold", "900"));
        assertThat(d).contains("fragmentation index 0.840 is at most extfrag_threshold 0.900, so the kernel would"
                + " reclaim rather than compact").contains("the cause is a lack of free memory");
    }

    @Test
    void extfragThresholdFromTheFile() throws IOException {
        Path file = tmp.resolve("extfrag_threshold");
        Files.writeString(file, "840\n", StandardCharsets.UTF_8);
        // compaction_suitable() leaves an index equal to the threshold to reclaim
        assertThat(diagnosis(analyze(LINUX_5_8, file.toString())))
                .contains("fragmentation index 0.840 is at most extfrag_threshold 0.840");
        Files.writeString(file, "839\n", StandardCharsets.UTF_8);
        assertThat(diagnosis(analyze(LINUX_5_8, file.toString())))
                .contains("fragmentation index 0.840 is above extfrag_threshold 0.839");
    }

    @Test
    void extfragThresholdAsBothFileAndFlagIsRefused() {
        Path file = OtherKernels.file(LINUX_6_18, "extfrag_threshold");
        CliRun r = CliRun.of("analyze", OtherKernels.file(LINUX_6_18, "buddyinfo").toString(), file.toString(),
                "--extfrag-threshold", "500");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("mmsim: --extfrag-threshold: given beside the file " + file
                + "; give one or the other\n");
    }
}
