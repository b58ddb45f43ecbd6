package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.workload.SimulationView;

/**
 * The recorder keeps what the run showed it: each snapshot's counters, processes and slab caches as the view
 * gave them, the machine's free pages at that moment, the worst picture at the lowest free memory, the notes and
 * trace lines; and what it writes (proc/ snapshots, summary.json) carries those values. The machine is the
 * x86_64-256M preset, driven by hand between snapshots.
 */
class RunRecorderTest {
    @TempDir
    Path dir;

    /** A view whose counters, processes and slab caches the test sets. */
    private static final class HandView implements SimulationView {
        private final BootedMachine booted;
        final Map<String, Long> counters = new LinkedHashMap<>();
        final List<ProcessInfo> processes = new ArrayList<>();
        final Map<String, Long> slab = new LinkedHashMap<>();

        HandView(BootedMachine booted) {
            this.booted = booted;
        }

        @Override
        public BootedMachine booted() {
            return booted;
        }

        @Override
        public Map<String, Long> counters() {
            return counters;
        }

        @Override
        public List<ProcessInfo> processes() {
            return processes;
        }

        @Override
        public Map<String, Long> slabPages() {
            return slab;
        }
    }

    @Test
    void theRecordedRunCarriesTheViewsValuesAndTheLowestMoment() throws IOException {
        BootedMachine booted = MemoryInit.boot(MachineFile.preset("x86_64-256M"));
        Machine m = booted.machine();
        HandView view = new HandView(booted);
        long[] freeAt = new long[3];
        List<Long> taken = new ArrayList<>();
        RunData d;
        try (RunRecorder r = new RunRecorder(new RunBuilder().name("rec").scenario(List.of("vmstat")), dir, null)) {
            view.processes.add(new SimulationView.ProcessInfo(1000, "cat", 300, 0));
            freeAt[0] = m.nrFreePages();
            r.snapshot(0, "start", view);

            for (int i = 0; i < 8; i++) {
                taken.add(m.allocPages(Gfp.GFP_KERNEL, 9));
            }
            assertThat(taken).doesNotContain(-1L);
            view.counters.put("compact_stall", 2L);
            view.counters.put("thp_fault_alloc", 5L);
            view.processes.set(0, new SimulationView.ProcessInfo(1000, "cat", 900, 0));
            view.slab.put("dentry", 12L);
            r.note(1_250_000_000L, "halfway");
            r.trace("cat-1000 [000] ..... 1.250000: mm_page_alloc: order=9");
            freeAt[1] = m.nrFreePages();
            PageblockPicture[] atLowest = lowestPictures(m);
            r.snapshot(1_500_000_000L, "interval", view);

            for (long pfn : taken) {
                m.freePages(pfn, 9);
            }
            view.counters.put("compact_stall", 3L);
            view.processes.clear();
            freeAt[2] = m.nrFreePages();
            r.snapshot(3_000_000_000L, "end", view);
            assertThat(freeAt[1]).isLessThan(freeAt[0]).isLessThan(freeAt[2] + 1);

            d = r.data(view);
            assertThat(d.samples()).extracting(Sample::totalFree).containsExactly(freeAt[0], freeAt[1], freeAt[2]);
            assertThat(d.samples()).extracting(Sample::label).containsExactly("start", "interval", "end");
            assertThat(d.samples()).extracting(s -> s.counters().get("compact_stall")).containsExactly(0L, 2L, 3L);
            assertThat(d.samples().get(1).counters().get("thp_fault_alloc")).isEqualTo(5);
            assertThat(d.samples()).extracting(Sample::rssPages)
                    .containsExactly(Map.of("cat (1000)", 300L), Map.of("cat (1000)", 900L), Map.of());
            assertThat(d.samples().get(1).slabPages()).containsExactly(Map.entry("dentry", 12L));
            assertThat(d.worstAtNs()).isEqualTo(1_500_000_000L);
            assertThat(d.pictures().keySet()).containsExactlyInAnyOrder("start", "worst", "end");
            PageblockPicture[] worst = d.pictures().get("worst");
            assertThat(worst).hasSameSizeAs(atLowest);
            for (int z = 0; z < worst.length; z++) {
                assertThat(worst[z].freeFraction()).containsExactly(atLowest[z].freeFraction());
            }
            assertThat(d.notes()).hasSize(1);
            assertThat(d.notes().get(0)).containsExactly("1.250", "halfway");
            assertThat(d.traceLines()).isEqualTo(1);

            assertThat(Files.readString(dir.resolve("proc/t0001.500s/vmstat"))).contains("\ncompact_stall 2\n");
            assertThat(Files.readString(dir.resolve("proc/end/vmstat"))).contains("\ncompact_stall 3\n");
            r.finish(view);
        }
        JsonNode j = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(j.get("min_free_pages").asLong()).isEqualTo(freeAt[1]);
        assertThat(j.get("min_free_at_s").asDouble()).isEqualTo(1.5);
        assertThat(j.get("final_free_pages").asLong()).isEqualTo(freeAt[2]);
        assertThat(j.at("/compaction/compact_stall").asLong()).isEqualTo(3);
        assertThat(j.at("/peak_rss_kb/cat (1000)").asLong()).isEqualTo(900 * 4);
        assertThat(Files.readString(dir.resolve("trace.txt"))).endsWith("mm_page_alloc: order=9\n")
                .contains("entries-in-buffer/entries-written: 1/1");
        assertThat(dir.resolve("report.html")).exists();
    }

    /** Every populated zone's picture, taken by the test at the moment it knows is the lowest. */
    private static PageblockPicture[] lowestPictures(Machine m) {
        List<PageblockPicture> out = new ArrayList<>();
        for (Zone z : m.zones()) {
            if (z.populated()) {
                out.add(PageblockPicture.of(z));
            }
        }
        return out.toArray(new PageblockPicture[0]);
    }
}
