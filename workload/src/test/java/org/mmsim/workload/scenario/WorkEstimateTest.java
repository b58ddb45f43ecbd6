package org.mmsim.workload.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The work a scenario asks for, counted by hand from its settings. */
class WorkEstimateTest {
    private static final String SCENARIO = """
            machine: x86_64-4G
            duration: 10s
            record: { interval: 1s, trace: [mm_page_alloc, mm_compaction_begin] }
            workload:
              - kernel: { rate: 1000, lifetime_mean: 1s, start: 2s, stop: 6s }
              - anon: { size: 8M, processes: 3 }
              - fork: { every: 100ms, size: 40K, lifetime: 50ms }
              - compact_memory: { at: 5s }
              - snapshot: { at: 5s }
            """;

    @Test
    void countsEachGeneratorsWork() {
        WorkEstimate w = WorkEstimate.of(ScenarioFile.parse("s.yaml", SCENARIO), 1000, 1);
        // kernel: 4 s x 1000/s allocations, each freed again; anon: 3 x 2048 pages; fork: 100 children x 10 pages,
        // touched and freed; compact_memory: the machine's 1000 pages.
        assertThat(w.operations()).isEqualTo(8000 + 6144 + 2000 + 1000);
        // start, end, 9 interval snapshots and the snapshot entry.
        assertThat(w.snapshots()).isEqualTo(12);
        // kcompactd's timer 20, snapshots 12, kernel 4000 steps and 4000 frees, anon 1 step, fork 100 forks and
        // 100 exits, compact_memory 1.
        assertThat(w.events()).isEqualTo(20 + 12 + 8000 + 1 + 200 + 1);
        // mm_page_alloc fires once per page operation; mm_compaction_begin is not counted.
        assertThat(w.traceLines()).isEqualTo(w.operations());
    }

    @Test
    void aRateOfOneBillionIsTenBillionOperationsInTenSeconds() {
        WorkEstimate w = WorkEstimate.of(ScenarioFile.parse("s.yaml",
                "machine: x86_64-4G\nduration: 10s\nworkload:\n  - kernel: { rate: 1000000000 }\n"), 1000, 1);
        assertThat(w.operations()).isEqualTo(1e10);
        assertThat(w.traceLines()).isZero();
    }
}
