package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.workload.sim.ScenarioFixtures.MIB;
import static org.mmsim.workload.sim.ScenarioFixtures.S;
import static org.mmsim.workload.sim.ScenarioFixtures.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.vm.Mm;
import org.mmsim.vm.Process;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * An {@code anon} entry on the oracle's i386 PAE machine (1 GiB: 879 MiB lowmem, 143 MiB HighMem) runs as a
 * process of the vm module with PAE paging. Worked by hand from 6.1: the 16 MiB region goes right below
 * mmap_base = 0xC0000000 - 128 MiB = 0xb8000000 (arch/x86/mm/mmap.c), i.e. [0xb7000000, 0xb8000000); its 4096
 * pages are GFP_HIGHUSER_MOVABLE, so they come from HighMem, the first zone of the zonelist. Its page tables
 * are lowmem (GFP_PGTABLE_USER has no __GFP_HIGHMEM): the 3 PMDs pgd_alloc() preallocates and 8 PTE tables
 * (16 MiB / 2 MiB, THP off for the region), plus the vm module's zero page (GFP_KERNEL): 12 pages from Normal
 * between the snapshots at 0 s and 1 s. NR_PAGETABLE counts the PMDs and PTE tables (pgtable_pmd/pte_page_ctor()):
 * 11; the 32-byte PGD is a slab object.
 */
class I386PaeAnonTest {
    private static long freeAndPcp(Machine m, ZoneType type) {
        long n = 0;
        for (Zone z : m.zones()) {
            if (z.populated() && z.type() == type) {
                n += z.nrFreePages();
                for (int cpu = 0; cpu < m.nrCpus(); cpu++) {
                    n += z.pcpCount(cpu);
                }
            }
        }
        return n;
    }

    @Test
    void anonEntryRunsWithPaePagingAndHighMemPages() {
        BootedMachine b = ScenarioFixtures.boot("i386pae-1G");
        Machine m = b.machine();
        Scenario sc = ScenarioFixtures.scenario("pae-anon", 1, 2 * S, true, 0, List.of(),
                gen("anon", "name", "pae", "size", 16 * MIB, "rate", 0.0, "touch", "sequential", "lifetime", 10 * S));
        List<long[]> zoneFree = new ArrayList<>();
        List<Long> pageTablePages = new ArrayList<>();
        List<Map<String, String>> files = new ArrayList<>();
        List<Long> pagesOutsideHighMem = new ArrayList<>();
        new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                zoneFree.add(new long[] {freeAndPcp(m, ZoneType.HIGHMEM), freeAndPcp(m, ZoneType.NORMAL)});
                if (timeNs != S) {
                    return;
                }
                pageTablePages.add(view.counters().get("nr_page_table_pages"));
                files.add(view.processFiles());
                for (Process p : ((SimView) view).vm().processes()) {
                    Mm mm = p.mm();
                    long outside = 0;
                    for (long a = 0xb7000000L; a < 0xb8000000L; a += 4096) {
                        if (m.zoneOf(mm.pfnAt(a)).type() != ZoneType.HIGHMEM) {
                            outside++;
                        }
                    }
                    pagesOutsideHighMem.add(outside);
                }
            }
        });
        BuddyChecker.check(m);
        assertThat(pagesOutsideHighMem).containsExactly(0L);
        assertThat(zoneFree.get(0)[0] - zoneFree.get(1)[0]).isEqualTo(4096);
        assertThat(zoneFree.get(0)[1] - zoneFree.get(1)[1]).isEqualTo(12);
        assertThat(pageTablePages).containsExactly(11L);
        assertThat(files.get(0)).containsOnlyKeys("1000/maps", "1000/smaps");
        assertThat(files.get(0).get("1000/maps")).isEqualTo("b7000000-b8000000 rw-p 00000000 00:00 0 \n");
        assertThat(files.get(0).get("1000/smaps")).contains("Rss:               16384 kB\n",
                "VmFlags: rd wr mr mw me ac nh \n");
    }
}
