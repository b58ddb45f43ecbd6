package org.mmsim.workload.sim;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.reclaim.Mm;
import org.mmsim.reclaim.VmCounters;
import org.mmsim.workload.scenario.Scenario;

/**
 * compaction_test: the recipe of tools/testing/selftests/vm/compaction_test.c. It reads MemFree, maps 80 % of
 * it as MAP_LOCKED anonymous regions of map_size (100 MiB) and writes every page, then unmaps every other
 * region (newest first), then asks for 100000 huge pages through nr_hugepages. The selftest passes when
 * (MemFree * 0.8) / (nr_hugepages * Hugepagesize) is at most 3, i.e. at least about a third of that memory
 * came back as huge pages. Two regions are faulted at a time, page by page in turn (two writer threads), so
 * their pages interleave physically and the unmapped half leaves order-0 holes that only compaction can
 * merge. The result goes to the counters compaction_test_hugepages_requested / _allocated / _passed.
 */
final class CompactionTestGenerator extends WorkloadGenerator {
    private final int mapPages;

    CompactionTestGenerator(Scenario.Generator g) {
        super(g, g.getLong("at", 0));
        mapPages = intPages(g.getLong("map_size", 100L << 20));
    }

    @Override
    long step(SimulationRun run) {
        long memFreeKb = run.machine.nrFreePages() * 4;
        long hugepageKb = 4L << run.machine.arch().pageblockOrder();
        long fragmentableMb = (long) (memFreeKb * 0.8 / 1024);
        long mapMb = (long) mapPages * 4 / 1024;
        List<Mm> list = new ArrayList<>();
        boolean failed = false;
        while (fragmentableMb > 0 && !failed) {
            Mm a = run.mem.newMm(run.nextPid(), "compaction_test", mapPages, true);
            list.add(0, a);
            fragmentableMb -= mapMb;
            Mm b = null;
            if (fragmentableMb > 0) {
                b = run.mem.newMm(run.nextPid(), "compaction_test", mapPages, true);
                list.add(0, b);
                fragmentableMb -= mapMb;
            }
            for (int v = 0; v < mapPages; v++) {
                if (!run.mem.touchAnon(a, v, false) || (b != null && !run.mem.touchAnon(b, v, false))) {
                    failed = true;
                    break;
                }
            }
        }
        for (int i = 0; i < list.size(); i += 2) {
            run.mem.exitMm(list.get(i));
        }
        long memFree80 = (long) (memFreeKb * 0.8);
        run.mem.setNrHugepages(0);
        long nr = run.mem.setNrHugepages(100000);
        boolean passed = nr > 0 && memFree80 / (nr * hugepageKb) <= 3;
        VmCounters c = run.mem.counters;
        c.set(VmCounters.COMPACTION_TEST_REQUESTED, memFree80 / hugepageKb);
        c.set(VmCounters.COMPACTION_TEST_ALLOCATED, nr);
        c.set(VmCounters.COMPACTION_TEST_PASSED, passed ? 1 : 0);
        run.note("compaction_test: " + nr + " huge pages allocated, MemFree*0.8 = " + memFree80 + " kB: "
                + (passed ? "pass" : "fail"));
        run.snapshot("compaction-test");
        run.mem.setNrHugepages(0);
        for (int i = 1; i < list.size(); i += 2) {
            run.mem.exitMm(list.get(i));
        }
        return NO_MORE;
    }
}
