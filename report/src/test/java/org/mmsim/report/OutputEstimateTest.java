package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.workload.scenario.Scenario;

/**
 * The output estimate counts, per snapshot, a PID folder with maps and smaps for each process the scenario's
 * entries keep alive at once, by the rule its Javadoc and docs/bounded-work.md state.
 */
class OutputEstimateTest {
    private static final long S = 1_000_000_000L;

    private static Scenario.Generator gen(String kind, Map<String, Object> params) {
        return new Scenario.Generator(kind, kind, params, 1, "p.yaml");
    }

    @Test
    void processesAliveAtOnceByEntry() {
        Scenario sc = new Scenario("p", "p.yaml", "test", 1, 10 * S, 250, Map.of(), 0, true,
                Scenario.DEFAULT_WRITEBACK_DELAY_NS, "always", List.of(
                        gen("anon", Map.of("size", 1L << 20, "processes", 3L)),
                        gen("process", Map.of("size", 1L << 20, "forks", 4L, "fork_at", S)),
                        gen("frag", Map.of("start", S, "fill", 2 * S, "exit", 3 * S)),
                        gen("fork", Map.of("every", S, "size", 1L << 20, "lifetime", 3 * S)),
                        gen("file", Map.of("size", 1L << 20))),
                new Scenario.Record(S, List.of(), List.of()));
        assertThat(OutputEstimate.processes(sc)).isEqualTo(3 + (1 + 4) + 1 + (1 + 3));
    }
}
