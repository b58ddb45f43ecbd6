package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * The process generator on the oracle's 256 MiB x86_64 machine, against figures worked by hand from 6.1's rules.
 * <p>
 * The first mmap of 64 MiB in an empty x86_64 address space goes right below mmap_base = TASK_SIZE - 128 MiB
 * (arch/x86/mm/mmap.c mmap_base(): the stack gap of 8 MiB + the guard gap is raised to 128 MiB), i.e. to
 * [0x7ffff3fff000, 0x7ffff7fff000): not 2 MiB aligned (6.1 aligns only file THP mappings). With THP enabled
 * "always" (Debian) the 31 PMD ranges inside get a THP each, with a deposited PTE table; the 1 page below
 * 0x7ffff4000000 and the 511 pages above 0x7ffff7e00000 are base pages in two PTE tables. Page tables: PGD 2
 * pages (PTI), 1 PUD, 1 PMD, 2 + 31 PTE tables = 37 pages; user pages 1 + 31 * 512 + 511 = 16384 (the RSS).
 * <p>
 * fork(): each child gets its own PGD, PUD and PMD tables, copies of the 2 PTE tables (copy_pte_range()) and a
 * new deposited table for each of the 31 THPs (copy_huge_pmd()): 37 pages; its RSS is the parent's, 16384.
 * Each child then writes the first 8 MiB: the base page is copied (wp_page_copy()); in the THPs, shared with
 * the parent, do_huge_pmd_wp_page() splits the child's PMD (with its deposited table) and falls back to a COW
 * copy per 4 KiB page: 2048 new pages per child, the RSS stays 16384. The vm module's own zero page
 * (the kernel's empty_zero_page lives in .bss; the model takes one page from the allocator) stays.
 */
class ProcessGeneratorTest {
    private static final long S = ScenarioFixtures.S;
    private static final long MIB = ScenarioFixtures.MIB;

    /** Free pages including those on the per-CPU lists (NR_FREE_PAGES leaves them out). */
    static long freeAndPcp(Machine m) {
        long n = m.nrFreePages();
        for (Zone z : m.zones()) {
            if (z.populated()) {
                for (int cpu = 0; cpu < m.nrCpus(); cpu++) {
                    n += z.pcpCount(cpu);
                }
            }
        }
        return n;
    }

    private record Snap(long timeNs, List<SimulationView.ProcessInfo> processes, long free, Map<String, Long> c) {
    }

    private record Result(List<Snap> snaps, SimView view, Machine machine) {
    }

    private static Result run(long seed, String touch, Scenario.Generator... extra) {
        BootedMachine b = ScenarioFixtures.boot("x86_64-256M");
        List<Scenario.Generator> gens = new ArrayList<>();
        gens.add(ScenarioFixtures.gen("process", "name", "app", "size", 64 * MIB, "touch", touch,
                "rate", 128.0 * MIB, "forks", 2L, "fork_at", 1500 * 1_000_000L, "child_writes", 8 * MIB,
                "child_lifetime", S, "lifetime", 3500 * 1_000_000L));
        gens.addAll(List.of(extra));
        Scenario sc = ScenarioFixtures.scenario("processes", seed, 4 * S, true, 0, List.of(),
                gens.toArray(new Scenario.Generator[0]));
        List<Snap> snaps = new ArrayList<>();
        SimulationView v = new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                snaps.add(new Snap(timeNs, view.processes(), freeAndPcp(view.booted().machine()),
                        new LinkedHashMap<>(view.counters())));
            }
        });
        return new Result(snaps, (SimView) v, b.machine());
    }

    private static Map<String, Long> rss(Snap s) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (SimulationView.ProcessInfo p : s.processes()) {
            out.put(p.name() + "/" + p.pid(), p.rssPages());
        }
        return out;
    }

    @Test
    void rssFreePagesAndCountersFollowTouchForkCowAndExit() {
        Result r = run(42, "sequential");
        List<Snap> s = r.snaps();
        assertThat(s).extracting(Snap::timeNs).containsExactly(0L, S, 2 * S, 3 * S, 4 * S);
        long before = s.get(0).free();
        assertThat(rss(s.get(0))).isEmpty();
        // t=1s: 64 MiB touched at 128 MiB/s (done at 0.5 s).
        assertThat(rss(s.get(1))).containsExactly(Map.entry("app/1000", 16384L));
        assertThat(before - s.get(1).free()).isEqualTo(1 + 16384 + 37);
        assertThat(s.get(1).c().get("nr_anon_pages")).isEqualTo(16384);
        // PTE and PMD tables count in NR_PAGETABLE (2 + 31 PTE, 1 PMD); PUD and PGD do not.
        assertThat(s.get(1).c().get("nr_page_table_pages")).isEqualTo(34);
        // t=2s: two children forked at 1.5 s, each wrote 8 MiB.
        assertThat(rss(s.get(2))).containsExactly(Map.entry("app/1000", 16384L),
                Map.entry("app-child1/1001", 16384L), Map.entry("app-child2/1002", 16384L));
        assertThat(before - s.get(2).free()).isEqualTo(1 + 16384 + 37 + 2 * (37 + 2048));
        assertThat(s.get(2).c().get("nr_anon_pages")).isEqualTo(16384 + 2 * 2048);
        // t=3s: the children exited at 2.5 s.
        assertThat(rss(s.get(3))).containsExactly(Map.entry("app/1000", 16384L));
        assertThat(before - s.get(3).free()).isEqualTo(1 + 16384 + 37);
        // end: the parent exited at 3.5 s; every user page and page table went back, the zero page stays.
        assertThat(rss(s.get(4))).isEmpty();
        assertThat(before - s.get(4).free()).isEqualTo(1);
        assertThat(s.get(4).c().get("nr_anon_pages")).isZero();
        assertThat(s.get(4).c().get("nr_page_table_pages")).isZero();
        assertThat(r.view().vm().events().thpFaultAlloc).isEqualTo(31);
        BuddyChecker.check(r.machine());
    }

    @Test
    void sameSeedSameRssSeriesAndRandomTouchingEndsAtTheSameRss() {
        Result a = run(7, "random");
        Result b = run(7, "random");
        assertThat(b.snaps()).isEqualTo(a.snaps());
        assertThat(rss(a.snaps().get(1))).containsExactly(Map.entry("app/1000", 16384L));
        BuddyChecker.check(a.machine());
    }

    /**
     * A second process (pid 1001: both start at 0 s, the app is stepped first) unmaps the upper 32 MiB,
     * [0x7ffff5fff000, 0x7ffff7fff000), of its own region at 1.5 s: 8192 pages stay mapped; the THP across
     * 0x7ffff5fff000 is split (__split_huge_pmd()), so of the lower half's THPs 15 stay PMD-mapped
     * (AnonHugePages 15 * 2048 kB).
     */
    @Test
    void munmapOfHalfTheRegionHalvesTheRssAndTheMapsShowWhatIsLeft() {
        Result r = run(1, "sequential", ScenarioFixtures.gen("process", "name", "half", "size", 64 * MIB,
                "munmap_at", 1500 * 1_000_000L));
        assertThat(rss(r.snaps().get(1))).containsEntry("half/1001", 16384L);
        assertThat(rss(r.snaps().get(2))).containsEntry("half/1001", 8192L);
        assertThat(rss(r.snaps().get(4))).containsOnlyKeys("half/1001");
        Map<String, String> files = r.view().processFiles();
        assertThat(files).containsOnlyKeys("1001/maps", "1001/smaps");
        assertThat(files.get("1001/maps")).isEqualTo("7ffff3fff000-7ffff5fff000 rw-p 00000000 00:00 0 \n");
        assertThat(files.get("1001/smaps")).contains("Rss:               32768 kB", "AnonHugePages:     30720 kB");
        BuddyChecker.check(r.machine());
    }
}
