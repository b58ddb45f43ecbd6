package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * report.html shows the run data it is given: one self-contained page, text from the scenario escaped, a
 * section for each kind of data the run has and none for the kinds it lacks.
 */
class HtmlReportTest {
    private static final String NORMAL = "Node 0, zone Normal";
    private static final String DMA32 = "Node 0, zone DMA32";
    private static final String[] TYPES = {"Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate"};

    /** Two zones, three snapshots, everything present: processes, slab, writeback, notes, three pictures. */
    private static RunBuilder full() {
        PageblockPicture dma = new PageblockPicture(DMA32, 0x1000, new int[] {1, 0, 2, PageblockPicture.HOLE},
                new float[] {1f, 0.5f, 0.25f, 0f}, TYPES);
        PageblockPicture normal = new PageblockPicture(NORMAL, 0x100000, new int[] {1, 1}, new float[] {0f, 0f},
                TYPES);
        return new RunBuilder().name("full").machine("x86_64-2G").seed(9).durationSeconds(4).zones(DMA32, NORMAL)
                .sample(SampleBuilder.at(0).label("start").zone(5000, 100, 125, 150, -1000, 0, 4, 0, 0, 2)
                        .zone(9000, 200, 250, 300, 120, 300).rss("a (1000)", 256).slab("dentry", 10))
                .sample(SampleBuilder.at(1.5).zone(1000, 100, 125, 150, 640, 900).zone(2000, 200, 250, 300, 310, 500)
                        .rss("a (1000)", 512).slab("dentry", 40).counter("nr_dirtied", 64))
                .sample(SampleBuilder.at(4).label("end").zone(4000, 100, 125, 150, 200, 400)
                        .zone(8000, 200, 250, 300, -1000, 0).rss("a (1000)", 128).slab("dentry", 30)
                        .counter("thp_fault_alloc", 7).counter("thp_fault_fallback", 3)
                        .counter("compact_stall", 6).counter("compact_success", 4).counter("compact_fail", 2)
                        .counter("pgscan_kswapd", 900).counter("pgscan_direct", 100).counter("oom_kill", 1)
                        .counter("nr_dirtied", 128).counter("nr_written", 64))
                .note("1.250", "kswapd0 woke").picture("start", dma, normal).picture("worst", dma, normal)
                .picture("end", dma, normal).worstAtSeconds(1.5);
    }

    /** One zone, two snapshots, nothing else: no process, slab cache, file write, note or picture. */
    private static RunBuilder bare() {
        return new RunBuilder().name("bare").zones(NORMAL).sample(SampleBuilder.at(0).zone(1000, 10, 20, 30))
                .sample(SampleBuilder.at(2).zone(900, 10, 20, 30));
    }

    @Test
    void thePageIsSelfContained() {
        String html = HtmlReport.render(full().build());
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</body></html>\n")
                .doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("src=")
                .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import");
    }

    @Test
    void theScenarioNameIsEscapedWhereverItAppears() {
        String html = HtmlReport.render(full().name("<script>alert(1)</script> & co").build());
        assertThat(html).doesNotContainIgnoringCase("<script")
                .contains("<title>mmsim run: &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>")
                .contains("<h1>mmsim run: &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>");
    }

    @Test
    void theMachineNameAndNotesAreEscaped() {
        String html = HtmlReport.render(full().machine("box <1> & 2").note("2.000", "<i>x</i> & y").build());
        assertThat(html).contains("<td>box &lt;1&gt; &amp; 2 (x86_64)</td>")
                .contains("<tr><td>2.000</td><td>&lt;i&gt;x&lt;/i&gt; &amp; y</td></tr>")
                .doesNotContain("<i>x</i>", "box <1>");
    }

    @Test
    void theHeadlineTableShowsTheRunsFigures() {
        String html = HtmlReport.render(full().build());
        assertThat(html).contains("<tr><th>seed / duration</th><td>9 / 4.000 s</td></tr>")
                .contains("<tr><th>free pages: final / minimum</th><td>12000 / 3000 (at 1.5 s, the worst moment)</td></tr>")
                .contains("<tr><th>THP faults: huge page / fallback</th><td>7 / 3</td></tr>")
                .contains("<tr><th>compaction and migration (vmstat)</th><td>compact_stall 6, compact_success 4,"
                        + " compact_fail 2, compact_migrate_scanned 0, compact_free_scanned 0, compact_isolated 0,"
                        + " compact_daemon_wake 0, compact_daemon_migrate_scanned 0, compact_daemon_free_scanned 0,"
                        + " pgmigrate_success 0, pgmigrate_fail 0</td></tr>")
                .contains("<tr><th>pages scanned: kswapd / direct reclaim</th><td>900 / 100</td></tr>")
                .contains("<tr><th>OOM kills</th><td>1</td></tr>")
                .contains("<tr><th>highest extfrag_index at order 9</th><td>0.640 in " + DMA32 + " at 1.500 s</td></tr>");
    }

    @Test
    void everyZoneGetsItsFreeByOrderAndWatermarkCharts() {
        String section = section(HtmlReport.render(full().build()), "Free memory per zone");
        for (String zone : List.of(DMA32, NORMAL)) {
            assertThat(section).contains("<title>" + zone + ": free pages by order of the free block (stacked)</title>")
                    .contains("<title>" + zone + ": free pages against the watermarks (log scale)</title>");
        }
        assertThat(count(section, "<svg")).isEqualTo(4);
    }

    @Test
    void freeByOrderCountsPagesNotBlocks() {
        // 4 order-0 blocks and 2 order-3 blocks are 4 + 16 = 20 pages at both snapshots: axis 0..20 in steps of 5
        RunData d = new RunBuilder().zones(NORMAL).sample(SampleBuilder.at(0).zone(20, 1, 2, 3, -1000, 0, 4, 0, 0, 2))
                .sample(SampleBuilder.at(1).zone(20, 1, 2, 3, -1000, 0, 4, 0, 0, 2)).build();
        String chart = charts(HtmlReport.render(d)).get(0);
        assertThat(SvgChartTest.texts(chart, "yt")).containsExactly("0", "5", "10", "15", "20");
        assertThat(SvgChartTest.texts(chart, "lg")).hasSize(11).startsWith("order 10").endsWith("order 0");
    }

    @Test
    void theWatermarkChartPlotsFreeAgainstEachSnapshotsWatermarks() {
        RunData d = new RunBuilder().zones(NORMAL).sample(SampleBuilder.at(0).zone(1000, 100, 200, 300))
                .sample(SampleBuilder.at(1).zone(500, 400, 600, 800)).build();
        String chart = charts(HtmlReport.render(d)).get(1);
        assertThat(SvgChartTest.texts(chart, "lg")).containsExactly("free", "high", "low", "min");
        // log axis 100..1000 (one decade): y = 254 - log10(v / 100) * 220, to one decimal; lines drawn last series
        // first: min, low, high, free
        List<List<double[]>> lines = SvgChartTest.points(chart, "polyline");
        assertThat(lines.get(0).get(1)[1]).as("min at 1 s = 400: 254 - 0.60206 * 220").isEqualTo(121.5);
        assertThat(lines.get(2).get(1)[1]).as("high at 1 s = 800: 254 - 0.90309 * 220").isEqualTo(55.3);
        assertThat(lines.get(3).get(0)[1]).as("free at 0 s = 1000").isEqualTo(34.0);
        assertThat(lines.get(0).get(0)[1]).as("min at 0 s = 100").isEqualTo(254.0);
    }

    @Test
    void watermarksStayApartWhenFreeMemoryIsHundredsOfTimesLarger() {
        // 800k free pages against watermarks 5000 / 6250 / 7500 (a large zone): on a linear axis to 800k the three
        // watermarks would fall within 2 pixels; on the log axis 1000..1M (three decades, 73.3 px each) min and
        // high are log10(1.5) * 73.3 = 12.9 px apart and free sits 2.0 decades above min.
        RunData d = new RunBuilder().zones(NORMAL).sample(SampleBuilder.at(0).zone(800_000, 5000, 6250, 7500))
                .sample(SampleBuilder.at(1).zone(790_000, 5000, 6250, 7500)).build();
        String chart = charts(HtmlReport.render(d)).get(1);
        List<List<double[]>> lines = SvgChartTest.points(chart, "polyline");
        double min = lines.get(0).get(0)[1];
        double low = lines.get(1).get(0)[1];
        double high = lines.get(2).get(0)[1];
        double free = lines.get(3).get(0)[1];
        assertThat(min - low).isCloseTo(Math.log10(1.25) * 220 / 3, within(0.1));
        assertThat(min - high).isCloseTo(Math.log10(1.5) * 220 / 3, within(0.1)).isGreaterThan(12);
        assertThat(min - free).isCloseTo(Math.log10(160) * 220 / 3, within(0.1));
        assertThat(SvgChartTest.texts(chart, "yt")).startsWith("1000", "2000", "5000", "10k").endsWith("1.0M");
    }

    @Test
    void countersAreChartedByMagnitudeAndTheZerosNamed() {
        // end values: pgscan_kswapd 900, pgscan_direct 100, thp_fault_alloc 7, compact_stall 6, compact_success 4,
        // thp_fault_fallback 3, compact_fail 2, oom_kill 1; the other compaction counters 0.
        String section = section(HtmlReport.render(full().build()), "Reclaim, compaction, THP and OOM counters");
        List<String> charts = charts(section);
        assertThat(charts).hasSize(2);
        // 900 down to 100 (within 20 times): one chart, axis to 1000 (step nice(180) = 200)
        assertThat(SvgChartTest.texts(charts.get(0), "lg")).containsExactly("pgscan_kswapd", "pgscan_direct");
        assertThat(charts.get(0)).contains("<title>vmstat counters ending at 100 to 900 (cumulative)</title>");
        assertThat(SvgChartTest.texts(charts.get(0), "yt")).last().isEqualTo("1000");
        // 7 is over 20 times below 900: a chart of its own magnitude, 7 down to 1, axis to 8 (step nice(1.4) = 2)
        assertThat(SvgChartTest.texts(charts.get(1), "lg")).containsExactly("thp_fault_alloc", "compact_stall",
                "compact_success", "thp_fault_fallback", "compact_fail", "oom_kill");
        assertThat(SvgChartTest.texts(charts.get(1), "yt")).last().isEqualTo("8");
        List<String> zeros = new ArrayList<>(RunRecorder.CHARTED_COUNTERS);
        zeros.removeAll(List.of("pgscan_kswapd", "pgscan_direct", "thp_fault_alloc", "compact_stall",
                "compact_success", "thp_fault_fallback", "compact_fail", "oom_kill"));
        assertThat(section).contains("Stayed 0 through the run: " + String.join(", ", zeros) + ".");
    }

    @Test
    void writebackSectionOnlyWhenFilesWereDirtied() {
        assertThat(HtmlReport.render(full().build())).contains("<h2>Page cache and writeback</h2>");
        assertThat(HtmlReport.render(bare().build())).doesNotContain("Page cache and writeback");
    }

    @Test
    void processesAreChartedInMibOrSaidToBeAbsent() {
        String section = section(HtmlReport.render(full().build()), "Processes");
        assertThat(SvgChartTest.texts(section, "lg")).containsExactly("a (1000)");
        // peak 512 pages = 2 MiB: step nice(0.4) = 0.5, axis to 2
        assertThat(SvgChartTest.texts(section, "yt")).last().isEqualTo("2");
        assertThat(section(HtmlReport.render(bare().build()), "Processes"))
                .contains("No process ran.").doesNotContain("<svg");
    }

    @Test
    void slabSectionOnlyWhenACacheHadPages() {
        String section = section(HtmlReport.render(full().build()), "Slab");
        assertThat(SvgChartTest.texts(section, "lg")).containsExactly("dentry");
        assertThat(SvgChartTest.texts(section, "yt")).last().isEqualTo("40");
        assertThat(HtmlReport.render(bare().build())).doesNotContain("<h2>Slab</h2>");
    }

    @Test
    void notesSectionOnlyWhenThereAreNotes() {
        String html = HtmlReport.render(full().build());
        assertThat(section(html, "Notes from the simulation")).contains("<tr><td>1.250</td><td>kswapd0 woke</td></tr>");
        assertThat(HtmlReport.render(bare().build())).doesNotContain("Notes from the simulation");
    }

    @Test
    void aRunWithoutPicturesHasNoPageblockSection() {
        assertThat(HtmlReport.render(bare().build())).doesNotContain("Physical memory by pageblock")
                .contains("<h2>Processes</h2>");
    }

    @Test
    void eachMomentWithPicturesGetsItsHeadingAndTheOthersNone() {
        PageblockPicture p = new PageblockPicture(NORMAL, 0, new int[] {1}, new float[] {0f}, TYPES);
        String section = section(HtmlReport.render(bare().picture("start", p).picture("end", p).worstAtSeconds(2)
                .build()), "Physical memory by pageblock");
        assertThat(section).contains("<h3>start</h3>", "<h3>end</h3>").doesNotContain("<h3>worst");
        assertThat(section(HtmlReport.render(full().build()), "Physical memory by pageblock"))
                .contains("<h3>worst moment (1.500 s)</h3>").contains("at 1.500 s.</p>")
                .contains("One square per pageblock (2 MiB)");
    }

    @Test
    void onePictureSquarePerPageblockColouredAsTheLegendSaysAndLighterWhenFree() {
        String html = HtmlReport.render(full().build());
        String section = section(html, "Physical memory by pageblock");
        String start = section.substring(section.indexOf("<h3>start</h3>"), section.indexOf("<h3>worst"));
        Matcher m = Pattern.compile("<div class=\"note\">" + DMA32 + ": 4 pageblocks from pfn 0x1000</div>"
                + "<svg[^>]*>(.*?)</svg>").matcher(start);
        assertThat(m.find()).isTrue();
        List<String[]> squares = squares(m.group(1));
        assertThat(squares).hasSize(4);
        // blocks: Movable fully free, Unmovable half free, Reclaimable a quarter free, a hole
        assertThat(squares.get(0)).containsExactly("0", "0", legendColour(html, "Movable"), "0.20");
        assertThat(squares.get(1)).containsExactly("12", "0", legendColour(html, "Unmovable"), "0.60");
        assertThat(squares.get(2)).containsExactly("24", "0", legendColour(html, "Reclaimable"), "0.80");
        assertThat(squares.get(3)).containsExactly("36", "0", legendColour(html, "no memory (hole)"), "1.00");
        assertThat(start).contains(NORMAL + ": 2 pageblocks from pfn 0x100000");
    }

    @Test
    void manyPageblocksWrapIntoRowsOfSmallerSquares() {
        int n = 2000;
        int[] mt = new int[n];
        PageblockPicture p = new PageblockPicture(NORMAL, 0, mt, new float[n], TYPES);
        String section = section(HtmlReport.render(bare().picture("end", p).build()), "Physical memory by pageblock");
        List<String[]> squares = squares(section.substring(section.indexOf("<h3>end</h3>")));
        assertThat(squares).hasSize(n);
        // over 1024 blocks: 8-pixel cells, 1100 / 8 = 137 per row, so block 137 starts the second row
        assertThat(squares.get(136)).startsWith("1088", "0");
        assertThat(squares.get(137)).startsWith("0", "8");
        assertThat(squares.get(n - 1)).startsWith(String.valueOf((n - 1) % 137 * 8), String.valueOf((n - 1) / 137 * 8));
    }

    @Test
    void aTerabyteMachinesPicturesAreDrawnInCellsAndTheReportStaysUnderFiveMegabytes() {
        // the x86_64-1T preset's zones: DMA 8, DMA32 2040 and Normal 522752 pageblocks, three moments, 21
        // snapshots; mixed migratetypes and free shares so that no two neighbouring squares are alike
        String dma = "Node 0, zone DMA";
        int[] blocks = {8, 2040, 522_752};
        java.util.Random rnd = new java.util.Random(1);
        RunBuilder b = new RunBuilder().machine("x86_64-1T").durationSeconds(20).zones(dma, DMA32, NORMAL);
        for (int i = 0; i <= 20; i++) {
            b.sample(SampleBuilder.at(i).zone(3000 - i, 1, 2, 3).zone(700_000 - i, 100, 200, 300)
                    .zone(260_000_000 - i, 60_000, 75_000, 90_000));
        }
        for (String moment : List.of("start", "worst", "end")) {
            PageblockPicture[] pics = new PageblockPicture[3];
            String[] zones = {dma, DMA32, NORMAL};
            for (int z = 0; z < 3; z++) {
                int[] mt = new int[blocks[z]];
                float[] free = new float[blocks[z]];
                for (int k = 0; k < mt.length; k++) {
                    mt[k] = rnd.nextInt(TYPES.length);
                    free[k] = rnd.nextFloat();
                }
                pics[z] = new PageblockPicture(zones[z], 0, mt, free, TYPES);
            }
            b.picture(moment, pics);
        }
        String html = HtmlReport.render(b.worstAtSeconds(20).build());
        assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(5_000_000);
        String section = section(html, "Physical memory by pageblock");
        // 524800 pageblocks / 6144 = 85.4: 128 per square; Normal's 522752 / 128 = 4084 squares
        assertThat(section).contains("One square per 128 pageblocks (256 MiB), coloured by the migratetype most of"
                + " them have").contains(NORMAL + ": 522752 pageblocks from pfn 0x0, 4084 squares of 128")
                .contains(DMA32 + ": 2040 pageblocks from pfn 0x0, 16 squares of 128")
                .contains(dma + ": 8 pageblocks from pfn 0x0, 1 square of 128");
        String end = section.substring(section.indexOf("<h3>end</h3>"));
        assertThat(squares(end)).hasSize(1 + 16 + 4084);
    }

    /** The text of an h2 section, up to the next h2 or the end of the body. */
    private static String section(String html, String title) {
        int from = html.indexOf("<h2>" + title + "</h2>");
        assertThat(from).as("section %s", title).isNotNegative();
        int to = html.indexOf("<h2>", from + 4);
        return html.substring(from, to < 0 ? html.indexOf("</body>") : to);
    }

    private static List<String> charts(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg class=\"chart\".*?</svg>").matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Each pageblock square as {x, y, fill, fill-opacity}. */
    private static List<String[]> squares(String svg) {
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"\\d+\" height=\"\\d+\" fill=\"([^\"]+)\""
                + " fill-opacity=\"([0-9.]+)\"/>").matcher(svg);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        return out;
    }

    private static String legendColour(String html, String name) {
        Matcher m = Pattern.compile("fill=\"(#[0-9a-f]{6})\"[^>]*/><text x=\"\\d+\" y=\"18\" class=\"lg\">"
                + Pattern.quote(name) + "</text>").matcher(html);
        assertThat(m.find()).as("legend entry %s", name).isTrue();
        return m.group(1);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
