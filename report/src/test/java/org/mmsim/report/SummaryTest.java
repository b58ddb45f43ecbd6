package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * summary.json is drawn from the run data it is given: each figure is read back with Jackson and compared with
 * the value worked out by hand from the hand-made samples.
 */
class SummaryTest {
    private static final String NORMAL = "Node 0, zone Normal";
    private static final String DMA32 = "Node 0, zone DMA32";

    /** Three snapshots: the lowest free memory in the middle, the cumulative counters rising to the end. */
    private static RunBuilder threeSnapshots() {
        return new RunBuilder().name("peaks").machine("x86_64-2G").seed(9).durationSeconds(4).zones(NORMAL)
                .sample(SampleBuilder.at(0).label("start").zone(5000, 100, 125, 150).rss("a (1000)", 100))
                .sample(SampleBuilder.at(2).zone(1200, 100, 125, 150).rss("a (1000)", 700).rss("b (1001)", 50)
                        .counter("thp_fault_alloc", 3).counter("thp_fault_fallback", 2))
                .sample(SampleBuilder.at(4).label("end").zone(3000, 100, 125, 150).rss("b (1001)", 20)
                        .counter("thp_fault_alloc", 10).counter("thp_fault_fallback", 4)
                        .counter("compact_stall", 6).counter("compact_success", 4).counter("compact_fail", 2)
                        .counter("compact_daemon_wake", 12).counter("pgmigrate_success", 3400)
                        .counter("pgscan_kswapd", 900).counter("pgscan_direct", 100).counter("pswpout", 33)
                        .counter("oom_kill", 1).counter("nr_dirtied", 500).counter("nr_written", 320)
                        .counter("nr_dirty", 180))
                .traceLines(77);
    }

    private static JsonNode json(RunData d) throws IOException {
        return new ObjectMapper().readTree(Summary.json(d));
    }

    @Test
    void identityFiguresComeFromTheScenario() throws IOException {
        JsonNode j = json(threeSnapshots().build());
        assertThat(j.get("scenario").asText()).isEqualTo("peaks");
        assertThat(j.get("machine").asText()).isEqualTo("x86_64-2G");
        assertThat(j.get("arch").asText()).isEqualTo("x86_64");
        assertThat(j.get("seed").asLong()).isEqualTo(9);
        assertThat(j.get("duration_s").asDouble()).isEqualTo(4.0);
        assertThat(j.get("snapshots").asInt()).isEqualTo(3);
        assertThat(j.get("trace_lines").asLong()).isEqualTo(77);
    }

    @Test
    void finalFreeIsTheLastSnapshotAndMinimumIsTheLowestWithItsTime() throws IOException {
        JsonNode j = json(threeSnapshots().build());
        assertThat(j.get("final_free_pages").asLong()).isEqualTo(3000);
        assertThat(j.get("min_free_pages").asLong()).isEqualTo(1200);
        assertThat(j.get("min_free_at_s").asDouble()).isEqualTo(2.0);
    }

    @Test
    void minimumUsesTheMachineTotalNotAZone() throws IOException {
        RunData d = new RunBuilder().zones(DMA32, NORMAL)
                .sample(SampleBuilder.at(0).zone(10, 1, 2, 3).zone(990, 1, 2, 3))
                .sample(SampleBuilder.at(1).zone(400, 1, 2, 3).zone(500, 1, 2, 3))
                .sample(SampleBuilder.at(2).zone(900, 1, 2, 3).zone(950, 1, 2, 3)).build();
        JsonNode j = json(d);
        assertThat(j.get("min_free_pages").asLong()).isEqualTo(900);
        assertThat(j.get("min_free_at_s").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aTiedMinimumIsDatedAtItsFirstOccurrenceAsTheWorstPictureIs() throws IOException {
        RunData d = new RunBuilder().zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(800, 1, 2, 3))
                .sample(SampleBuilder.at(1.5).zone(300, 1, 2, 3))
                .sample(SampleBuilder.at(3).zone(300, 1, 2, 3))
                .sample(SampleBuilder.at(4).zone(600, 1, 2, 3)).build();
        assertThat(json(d).get("min_free_at_s").asDouble()).isEqualTo(1.5);
    }

    @Test
    void eventCountersAreTheEndSnapshotsCumulativeValues() throws IOException {
        JsonNode j = json(threeSnapshots().build());
        assertThat(j.at("/thp/fault_alloc").asLong()).isEqualTo(10);
        assertThat(j.at("/thp/fault_fallback").asLong()).isEqualTo(4);
        assertThat(j.at("/compaction/compact_stall").asLong()).isEqualTo(6);
        assertThat(j.at("/compaction/compact_success").asLong()).isEqualTo(4);
        assertThat(j.at("/compaction/compact_fail").asLong()).isEqualTo(2);
        assertThat(j.at("/compaction/compact_daemon_wake").asLong()).isEqualTo(12);
        assertThat(j.at("/compaction/pgmigrate_success").asLong()).isEqualTo(3400);
        assertThat(j.at("/reclaim/pgscan_kswapd").asLong()).isEqualTo(900);
        assertThat(j.at("/reclaim/pgscan_direct").asLong()).isEqualTo(100);
        assertThat(j.at("/reclaim/pswpout").asLong()).isEqualTo(33);
        assertThat(j.get("oom_kills").asLong()).isEqualTo(1);
    }

    @Test
    void compactionFiguresAreEveryCompactionCounterOfVmstatByItsName() throws IOException {
        List<String> expected = List.of("compact_stall", "compact_success", "compact_fail", "compact_migrate_scanned",
                "compact_free_scanned", "compact_isolated", "compact_daemon_wake", "compact_daemon_migrate_scanned",
                "compact_daemon_free_scanned", "pgmigrate_success", "pgmigrate_fail");
        assertThat(fieldNames(json(threeSnapshots().build()).get("compaction"))).containsExactlyElementsOf(expected);
    }

    @Test
    void writebackFiguresAreTheEndCountsAndTheDirtyLevelAtTheEnd() throws IOException {
        JsonNode j = json(threeSnapshots().build());
        assertThat(j.at("/writeback_pages/dirtied").asLong()).isEqualTo(500);
        assertThat(j.at("/writeback_pages/written").asLong()).isEqualTo(320);
        assertThat(j.at("/writeback_pages/dirty_at_end").asLong()).isEqualTo(180);
    }

    @Test
    void peakRssIsEachProcesssMaximumInKibEvenAfterItExited() throws IOException {
        JsonNode peaks = json(threeSnapshots().build()).get("peak_rss_kb");
        assertThat(fieldNames(peaks)).containsExactly("a (1000)", "b (1001)");
        assertThat(peaks.get("a (1000)").asLong()).isEqualTo(700 * 4);
        assertThat(peaks.get("b (1001)").asLong()).isEqualTo(50 * 4);
    }

    @Test
    void worstExtfragIsTheMaximumOverZonesAndSnapshotsWithWhereAndWhen() throws IOException {
        RunData d = new RunBuilder().zones(DMA32, NORMAL)
                .sample(SampleBuilder.at(0).zone(10, 1, 2, 3, -1000, 0).zone(10, 1, 2, 3, 120, 300))
                .sample(SampleBuilder.at(1).zone(10, 1, 2, 3, 640, 900).zone(10, 1, 2, 3, 310, 500))
                .sample(SampleBuilder.at(2).zone(10, 1, 2, 3, 200, 400).zone(10, 1, 2, 3, 639, 700)).build();
        JsonNode w = json(d).get("worst_extfrag_order9");
        assertThat(w.get("index").asDouble()).isEqualTo(0.640);
        assertThat(w.get("zone").asText()).isEqualTo(DMA32);
        assertThat(w.get("at_s").asDouble()).isEqualTo(1.0);
    }

    @Test
    void extfragThatAlwaysWouldSucceedIsMinusOne() throws IOException {
        RunData d = new RunBuilder().zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(10, 1, 2, 3, -1000, 0))
                .sample(SampleBuilder.at(1).zone(10, 1, 2, 3, -1000, 0)).build();
        JsonNode w = json(d).get("worst_extfrag_order9");
        assertThat(w.get("index").asDouble()).isEqualTo(-1.0);
        assertThat(w.get("zone").asText()).isEqualTo(NORMAL);
        assertThat(w.get("at_s").asDouble()).isEqualTo(0.0);
    }

    @Test
    void notesKeepTheirOrderTimeAndText() throws IOException {
        RunData d = threeSnapshots().note("0.250", "kswapd0 woke").note("3.125", "OOM: killed b").build();
        JsonNode notes = json(d).get("notes");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).get("at_s").asDouble()).isEqualTo(0.25);
        assertThat(notes.get(0).get("text").asText()).isEqualTo("kswapd0 woke");
        assertThat(notes.get(1).get("at_s").asDouble()).isEqualTo(3.125);
        assertThat(notes.get(1).get("text").asText()).isEqualTo("OOM: killed b");
    }

    @Test
    void aRunWithoutProcessesOrNotesHasEmptyPeaksAndNotes() throws IOException {
        RunData d = new RunBuilder().zones(NORMAL).sample(SampleBuilder.at(0).zone(10, 1, 2, 3))
                .sample(SampleBuilder.at(4).zone(10, 1, 2, 3)).build();
        JsonNode j = json(d);
        assertThat(j.get("peak_rss_kb").size()).isZero();
        assertThat(j.get("notes").size()).isZero();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
