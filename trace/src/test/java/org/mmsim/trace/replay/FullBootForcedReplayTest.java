package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Machine;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.testdata.Oracle;

/**
 * Forced replay of the x86_64-1G-fulltrace kmem trace, complete from trace_init(), from the model's own boot of
 * its machine (dmesg) prepared as at trace_init() ({@link StartState#atTraceInit}), through every phase marker to
 * the end. The expected values are the kernel's: the event counts of the trace (a grep of the file, case README),
 * the buddyinfo and pagetypeinfo of each phase's snapshot, the ring buffer's size (trace-start/buffer_size_kb).
 * Where the model differs, the tolerance is the difference measured when this test was written, so a change
 * that makes it worse fails.
 */
class FullBootForcedReplayTest {
    private static final Pattern NR_TAKEN = Pattern.compile("nr_taken=(\\d+)");
    private static Machine machine;
    private static ForcedReplay replay;
    private static Map<String, ReplayFixture.Snapshot> atMarker;
    /** Measured |model - kernel| of DMA32's buddyinfo per order at each phase (DMA is exact at every phase). */
    private static final Map<String, long[]> DMA32_RESIDUAL = new LinkedHashMap<>();

    static {
        DMA32_RESIDUAL.put("boot", new long[] {1, 2, 1, 1, 2, 2, 2, 1, 1, 1, 32});
        DMA32_RESIDUAL.put("workload/after-alloc", new long[] {1, 1, 0, 1, 2, 2, 1, 1, 1, 1, 32});
        DMA32_RESIDUAL.put("workload/after-free", new long[] {1, 1, 0, 5, 4, 2, 1, 1, 1, 1, 32});
        DMA32_RESIDUAL.put("workload/after-compact", new long[] {3, 2, 0, 2, 4, 5, 3, 3, 1, 1, 32});
        DMA32_RESIDUAL.put("frag/after-punch", new long[] {5, 7, 0, 3, 4, 4, 3, 3, 1, 1, 32});
        DMA32_RESIDUAL.put("frag/after-holes", new long[] {4, 7, 0, 3, 4, 4, 3, 3, 1, 1, 32});
        DMA32_RESIDUAL.put("frag/after-compact", new long[] {29067, 10, 1, 3, 4, 4, 3, 4, 2, 1, 32});
        DMA32_RESIDUAL.put("frag/after-exit", new long[] {512, 7, 4, 1, 1, 1, 1, 1, 1, 0, 35});
        DMA32_RESIDUAL.put("trace-end", new long[] {512, 7, 4, 1, 1, 1, 1, 1, 1, 0, 35});
    }

    @BeforeAll
    static void replay() {
        machine = FullBootFixture.preparedAtTraceInit();
        replay = new ForcedReplay(machine, 20);
        atMarker = FullBootFixture.replay(FullBootFixture.TEXT, replay, machine);
    }

    @Test
    void everyPageEventIsAppliedAndEveryMarkerSeen() {
        // grep counts: 260380 mm_page_alloc, 246990 zone_locked, 291173 mm_page_free, 254837 mm_page_free_batched,
        // 263139 mm_page_pcpu_drain, 7 mm_page_alloc_extfrag; 16 tracing_mark_write markers
        assertThat(replay.events()).isEqualTo(260380 + 246990 + 291173 + 254837 + 263139 + 7);
        assertThat(replay.extfragEvents()).isEqualTo(7);
        assertThat(replay.batchedCommits()).isEqualTo(254837);
        assertThat(atMarker.keySet()).hasSize(16).containsAll(FullBootFixture.PHASES);
    }

    @Test
    void theModelsInvariantsHoldAfterTheReplay() {
        assertThatCode(() -> BuddyChecker.check(machine)).doesNotThrowAnyException();
    }

    @Test
    void inconsistenciesAreCompactionsSilentIsolationsAndTwoPcpTakes() {
        // measured: 29972 frees of pages the model holds free (compaction's free scanner took them without a kmem
        // event, isolate_freepages, and they come back as frees), 2 buddy takes of pages the model has on a
        // per-CPU list; nothing else
        assertThat(replay.count(Inconsistency.FREE_OF_FREE)).isLessThanOrEqualTo(29972);
        assertThat(replay.count(Inconsistency.TAKE_OF_PCP_PAGE)).isLessThanOrEqualTo(2);
        assertThat(replay.inconsistencies()).isEqualTo(
                replay.count(Inconsistency.FREE_OF_FREE) + replay.count(Inconsistency.TAKE_OF_PCP_PAGE));
        // measured: 965 of the frees are of pages the model has on a per-CPU list, the first at line 10404
        // (cryptomgr_test, 2.02 s): __alloc_pages_bulk() took them off the list without mm_page_alloc, for vmalloc
        assertThat(replay.freesOfPcpPages()).isLessThanOrEqualTo(965);
        // measured: 2671 events met a page the model could not place and took the state the event implies
        assertThat(replay.resolvedByFirstTouch()).isLessThanOrEqualTo(2671);
        assertThat(replay.examples()).hasSize(20);
    }

    @Test
    void buddyinfoResidualPerOrderAtEachPhase() {
        for (Map.Entry<String, long[]> phase : DMA32_RESIDUAL.entrySet()) {
            Map<String, long[]> kernel = FullBootFixture.kernelBuddyinfo(phase.getKey());
            Map<String, long[]> model = atMarker.get(phase.getKey()).buddyinfo();
            assertThat(model.get("DMA")).as(phase.getKey()).isEqualTo(kernel.get("DMA"));
            for (int o = 0; o < kernel.get("DMA32").length; o++) {
                long diff = Math.abs(model.get("DMA32")[o] - kernel.get("DMA32")[o]);
                assertThat(diff).as("%s DMA32 order %d", phase.getKey(), o).isLessThanOrEqualTo(phase.getValue()[o]);
            }
        }
    }

    @Test
    void theRingBufferAllocatedBeforeTraceInitIsTheOrderTenResidual() {
        // early_trace_init() allocates the ring buffer before the events are enabled, and it stays allocated: the
        // model has its pages free, as order-10 blocks of DMA32, from the first snapshot on
        long ringBufferPages = Long.parseLong(Oracle.read(FullBootFixture.CASE, "trace-start/buffer_size_kb").trim()) / 4;
        long blocks = ringBufferPages >> 10;
        assertThat(blocks).isEqualTo(32);
        long excess = atMarker.get("boot").buddyinfo().get("DMA32")[10]
                - FullBootFixture.kernelBuddyinfo("boot").get("DMA32")[10];
        assertThat(excess).isEqualTo(blocks);
    }

    @Test
    void compactionsSilentIsolationsAreTheOrderZeroResidualAfterCompact() throws IOException {
        // isolate_freepages() takes free pages as migration targets with no kmem event; the trace's
        // mm_compaction_isolate_freepages lines of frag/compact count them (nr_taken). The model still holds them
        // free at frag/after-compact: measured 29067 of the 29457 taken (the rest were put back or freed again)
        long taken = 0;
        boolean inPhase = false;
        try (BufferedReader r = FullBootFixture.textLines()) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.contains("tracing_mark_write: oracle ")) {
                    inPhase = line.endsWith("oracle frag/compact");
                } else if (inPhase && line.contains("mm_compaction_isolate_freepages:")) {
                    Matcher m = NR_TAKEN.matcher(line);
                    assertThat(m.find()).as(line).isTrue();
                    taken += Long.parseLong(m.group(1));
                }
            }
        }
        assertThat(taken).isEqualTo(29457);
        long excess = atMarker.get("frag/after-compact").buddyinfo().get("DMA32")[0]
                - FullBootFixture.kernelBuddyinfo("frag/after-compact").get("DMA32")[0];
        assertThat(excess).isBetween(taken * 98 / 100, taken);
    }

    @Test
    void buddyinfoAndPagetypeinfoErrorAtEachPhase() {
        // measured: |model - kernel| in pages over the kernel's free pages
        double[] buddy = {0.1678, 0.3288, 0.1659, 0.1687, 0.2859, 0.5664, 1.0397, 0.1914, 0.1914};
        double[] pagetype = {0.1678, 0.3288, 0.1660, 0.1687, 0.2860, 0.5664, 1.0398, 0.1914, 0.1914};
        FullBootFixture.assertErrorsBelow(atMarker, buddy, pagetype);
    }

    @Test
    void onlyDma32sMovableListsAreOffByMoreThanAFewBlocks() {
        for (String phase : FullBootFixture.PHASES) {
            Pagetypeinfo kernel = FullBootFixture.kernelPagetypeinfo(phase);
            Pagetypeinfo model = atMarker.get(phase).pagetypeinfo();
            for (Map.Entry<String, long[]> list : kernel.free().entrySet()) {
                if (list.getKey().equals("DMA32/Movable")) {
                    continue;
                }
                long[] m = model.free().get(list.getKey());
                for (int o = 0; o < list.getValue().length; o++) {
                    // measured: at most 4 blocks (DMA32 Unmovable order 3 after workload/free)
                    assertThat(Math.abs((m == null ? 0 : m[o]) - list.getValue()[o]))
                            .as("%s %s order %d", phase, list.getKey(), o).isLessThanOrEqualTo(4);
                }
            }
        }
    }
}
