package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;
import org.mmsim.workload.sim.Simulations;

/**
 * A real run (the test scenario compacting.yaml, 3 s on the 256 MiB machine, with direct compaction, kcompactd and
 * compact_memory) written as mmsim run writes it, then read back from its files: summary.json's compaction
 * figures are the lines of proc/end/vmstat; the worst moment of summary.json, the report and the picture is the
 * snapshot whose proc/MOMENT/vmstat has the fewest nr_free_pages (the earliest of a tie); and the story names
 * every workload entry's kind.
 */
class SimulatedRunTest {
    @TempDir
    static Path dir;
    private static Scenario scenario;
    private static RunData data;

    @BeforeAll
    static void run() throws URISyntaxException {
        scenario = ScenarioFile.load(Path.of(SimulatedRunTest.class.getResource("/scenarios/compacting.yaml").toURI())
                .toString());
        try (RunRecorder r = new RunRecorder(scenario, dir, null)) {
            SimulationView end = Simulations.create(false).run(scenario,
                    MemoryInit.boot(MachineFile.load(scenario.machine())), r);
            r.finish(end);
            data = r.data(end);
        }
    }

    /** A /proc/vmstat file as name to value. */
    private static Map<String, Long> vmstat(String moment) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("proc").resolve(moment).resolve("vmstat"))) {
            String[] f = line.split(" ");
            out.put(f[0], Long.parseLong(f[1]));
        }
        return out;
    }

    @Test
    void summarysCompactionFiguresAreTheEndVmstatsCounters() throws IOException {
        Map<String, Long> vmstat = vmstat("end");
        JsonNode compaction = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("compaction");
        assertThat(compaction.size()).isEqualTo(RunRecorder.COMPACTION_COUNTERS.size());
        compaction.fields().forEachRemaining(e -> assertThat(e.getValue().asLong()).as(e.getKey())
                .isEqualTo(vmstat.get(e.getKey())));
        // the run did compact: direct compaction stalled, kcompactd woke and pages migrated
        assertThat(vmstat.get("compact_stall")).isPositive();
        assertThat(vmstat.get("compact_daemon_wake")).isPositive();
        assertThat(vmstat.get("pgmigrate_success")).isPositive();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("compact_stall " + vmstat.get("compact_stall") + ", ")
                .contains("compact_daemon_wake " + vmstat.get("compact_daemon_wake") + ", ")
                .contains("pgmigrate_success " + vmstat.get("pgmigrate_success") + ", ");
    }

    @Test
    void theWorstMomentIsTheEarliestSnapshotWithTheFewestFreePages() throws IOException {
        long fewest = Long.MAX_VALUE;
        long at = -1;
        for (Sample s : data.samples()) {
            long free = vmstat(RunRecorder.snapshotName(s.timeNs(), s.label())).get("nr_free_pages");
            if (free < fewest) {
                fewest = free;
                at = s.timeNs();
            }
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("min_free_pages").asLong()).isEqualTo(fewest);
        assertThat(Math.round(summary.get("min_free_at_s").asDouble() * 1e9)).isEqualTo(at);
        assertThat(data.worstAtNs()).isEqualTo(at);
        String html = Files.readString(dir.resolve("report.html"));
        String atS = String.format(Locale.ROOT, "%.3f s", at / 1e9);
        assertThat(html).contains("<h3>worst moment (" + atS + ")</h3>")
                .contains(String.format(Locale.ROOT, "at %.1f s, the worst moment)", at / 1e9));
    }

    @Test
    void theStoryNamesEveryWorkloadEntry() throws IOException {
        String html = Files.readString(dir.resolve("report.html"));
        for (Scenario.Generator g : scenario.generators()) {
            assertThat(html).as(g.kind()).contains("<b>" + g.kind() + "</b>");
        }
    }
}
