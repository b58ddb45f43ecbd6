package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.testdata.Oracle;

/** {@code mmsim analyze} on the oracle's real /proc files and on broken ones. */
class AnalyzeCommandTest {
    private static final String EXTFRAG_HEADER = "# /sys/kernel/debug/extfrag/extfrag_index\n";
    private static final String UNUSABLE_HEADER = "# /sys/kernel/debug/extfrag/unusable_index\n";
    /**
     * Two boot snapshots where the kernel's free lists changed between the read of buddyinfo and the read of
     * unusable_index: that one zone line cannot match (see FragmentationIndexOracleTest in proc).
     */
    private static final Map<String, String> SNAPSHOT_SKEW = Map.of(
            "x86_64-4G-frag", "Node 0, zone   Normal ",
            "x86_64-4G-numa2", "Node 1, zone   Normal ");

    @TempDir
    Path tmp;

    static List<String> allCases() {
        return Oracle.allCases();
    }

    private static List<String> without(String text, String skewPrefix) {
        return text.lines().filter(l -> skewPrefix == null || !l.startsWith(skewPrefix)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void bootBuddyinfoGivesTheKernelsIndexFiles(String caseName) {
        CliRun r = CliRun.of("analyze", Oracle.file(caseName, "buddyinfo").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith(EXTFRAG_HEADER);
        String extfrag = r.out().substring(EXTFRAG_HEADER.length(), r.out().indexOf(UNUSABLE_HEADER));
        String rest = r.out().substring(r.out().indexOf(UNUSABLE_HEADER) + UNUSABLE_HEADER.length());
        String unusable = rest.substring(0, rest.indexOf("\n\nDiagnosis: ") + 1);
        assertThat(extfrag).isEqualTo(Oracle.read(caseName, "extfrag_index"));
        String skew = SNAPSHOT_SKEW.get(caseName);
        if (skew == null) {
            assertThat(unusable).isEqualTo(Oracle.read(caseName, "unusable_index"));
        } else {
            assertThat(without(unusable, skew)).isEqualTo(without(Oracle.read(caseName, "unusable_index"), skew));
        }
    }

    @Test
    void fragmentedMachineIsDiagnosedFromAllThreeFilesInAnyOrder() {
        String dir = "frag/after-holes/";
        CliRun r = CliRun.of("analyze", Oracle.file("x86_64-4G-frag", dir + "zoneinfo").toString(),
                Oracle.file("x86_64-4G-frag", dir + "buddyinfo").toString(),
                Oracle.file("x86_64-4G-frag", dir + "pagetypeinfo").toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        String diagnosis = r.out().substring(r.out().indexOf("Diagnosis: ")).replace('\n', ' ');
        // the kernel's extfrag_index of this phase reads 0.999 at order 9 in DMA32 and Normal
        assertThat(diagnosis).contains("Node 0 DMA32: 219600 free pages")
                .contains("fragmentation index 0.999 is above extfrag_threshold 0.500")
                .contains("Node 0 DMA: 3712 free pages")
                .contains("Order-9 allocations succeed from the free lists (7 free order-9 blocks)")
                // pagetypeinfo's block table: 4 + 1522 + 2 DMA32 pageblocks
                .contains("Its 1528 pageblocks are")
                // zoneinfo watermarks of DMA32
                .contains("min 12710, low 15887, high 19064")
                .contains("2 of 3 zones cannot serve order-9 allocations now; fragmentation is the cause in all");
    }

    @Test
    void missingFile() {
        Path missing = tmp.resolve("nope");
        CliRun r = CliRun.of("analyze", missing.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("mmsim: " + missing + ": no such file\n");
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static final String DMA = "Node 0, zone      DMA      0      0      0      0      0      0      0      1      0      1      3 \n";

    @Test
    void garbageLineIsReportedWithItsLineNumber() throws IOException {
        // two distinct zones first: a zone listed twice is itself refused, on its own line
        Path p = write("buddyinfo", DMA + DMA.replace("     DMA", "   DMA32") + "this is not a zone\n");
        CliRun r = CliRun.of("analyze", p.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("mmsim: " + p
                + ":3: expected 'Node N, zone NAME' and free counts, found 'this is not a zone'\n");
    }

    @Test
    void wrongColumnCount() throws IOException {
        Path p = write("buddyinfo", DMA + "Node 0, zone    DMA32      1      1      2      1      0 \n");
        CliRun r = CliRun.of("analyze", p.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mmsim: " + p + ":2: expected 11 free counts (orders 0..10), found 5\n");
    }

    @Test
    void negativeNumber() throws IOException {
        Path p = write("buddyinfo", DMA.replace("      1      0      1      3", "     -1      0      1      3"));
        CliRun r = CliRun.of("analyze", p.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mmsim: " + p + ":1: negative free count of order 7 '-1'\n");
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("buddyinfo", "");
        CliRun r = CliRun.of("analyze", p.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mmsim: " + p + ": empty file\n");
    }

    @Test
    void notANumber() throws IOException {
        Path p = write("buddyinfo", DMA.replace("      3 \n", "    3x2 \n"));
        CliRun r = CliRun.of("analyze", p.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("mmsim: " + p + ":1: expected a number for free count of order 10, found '3x2'\n");
    }

    @Test
    void buddyinfoIsRequired() {
        Path zoneinfo = Oracle.file("x86_64-4G", "zoneinfo");
        CliRun r = CliRun.of("analyze", zoneinfo.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mmsim: " + zoneinfo + ": no buddyinfo among the files; analyze needs"
                + " /proc/buddyinfo\n");
    }

    @Test
    void unknownFileKind() {
        Path meminfo = Oracle.file("x86_64-4G", "meminfo");
        CliRun r = CliRun.of("analyze", meminfo.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("mmsim: " + meminfo + ":1: not a buddyinfo, pagetypeinfo or zoneinfo file")
                .hasLineCount(1);
    }

    @Test
    void indexFileInsteadOfBuddyinfo() {
        Path index = Oracle.file("x86_64-4G", "extfrag_index");
        CliRun r = CliRun.of("analyze", index.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("mmsim: " + index + ":1: this is a debugfs extfrag_index").hasLineCount(1);
    }

    @Test
    void twoBuddyinfos() {
        Path a = Oracle.file("x86_64-4G", "buddyinfo");
        Path b = Oracle.file("x86_64-1G", "buddyinfo");
        CliRun r = CliRun.of("analyze", a.toString(), b.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mmsim: " + b + ": a second buddyinfo (the first was " + a + ")\n");
    }

    @Test
    void truncatedZoneinfoNamesTheLine() throws IOException {
        String zoneinfo = Oracle.read("x86_64-4G", "zoneinfo");
        // line 50 of the kernel's file is DMA's "high 96"; "spanned" should follow
        String cut = String.join("\n", zoneinfo.lines().limit(50).toList()) + "\n";
        Path p = write("zi", cut);
        CliRun r = CliRun.of("analyze", Oracle.file("x86_64-4G", "buddyinfo").toString(), p.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mmsim: " + p + ":50: unexpected end of file, expected 'spanned'\n");
    }

    @Test
    void noFiles() {
        CliRun r = CliRun.of("analyze");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("mmsim: Missing required parameter");
    }
}
