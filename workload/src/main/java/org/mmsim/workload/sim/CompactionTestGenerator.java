package org.mmsim.workload.sim;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.reclaim.VmCounters;
import org.mmsim.vm.Mman;
import org.mmsim.vm.Paging;
import org.mmsim.vm.Process;
import org.mmsim.workload.scenario.Scenario;

/**
 * compaction_test: the recipe of tools/testing/selftests/vm/compaction_test.c. It reads MemFree, maps 80 % of
 * it as MAP_LOCKED anonymous regions of map_size (100 MiB) and writes every page, then unmaps every other
 * region (newest first), then asks for 100000 huge pages through nr_hugepages. The selftest passes when
 * (MemFree * 0.8) / (nr_hugepages * Hugepagesize) is at most 3, i.e. at least about a third of that memory
 * came back as huge pages. Differs: two regions are faulted at a time, page by page in turn (two writer threads
 * of the one compaction_test process), so their pages interleave physically and the unmapped half leaves order-0
 * holes that only compaction can merge; each region is therefore locked with mlock2(MLOCK_ONFAULT) rather than
 * mapped MAP_LOCKED, which would populate it at once, and is madvise(MADV_NOHUGEPAGE), so that its pages are 4 KiB
 * ones whatever transparent_hugepage/enabled says (huge pages would leave whole free 2 MiB blocks behind). The result goes to the counters
 * compaction_test_hugepages_requested / _allocated / _passed.
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
        long len = (long) mapPages * Paging.PAGE_SIZE;
        Process test = spawn(run, "compaction_test");
        List<Long> list = new ArrayList<>();
        boolean failed = test == null;
        while (fragmentableMb > 0 && !failed) {
            long a = lockedRegion(test, len);
            list.add(0, a);
            fragmentableMb -= mapMb;
            long b = -1;
            if (fragmentableMb > 0) {
                b = lockedRegion(test, len);
                list.add(0, b);
                fragmentableMb -= mapMb;
            }
            if (Mman.isError(a) || Mman.isError(b) && b != -1) {
                failed = true;
            }
            for (int v = 0; v < mapPages && !failed; v++) {
                long off = (long) v * Paging.PAGE_SIZE;
                failed = test.touch(a + off, true) != 0 || (b != -1 && test.touch(b + off, true) != 0);
            }
        }
        unmapEveryOther(test, list, len);
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
        if (test != null) {
            test.exit();
        }
        return NO_MORE;
    }

    /** mmap of one region of 4 KiB pages (MADV_NOHUGEPAGE), locked on fault; the address or a negative errno. */
    private static long lockedRegion(Process test, long len) {
        long a = test.mmap(len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        if (!Mman.isError(a)) {
            test.madvise(a, len, Mman.MADV_NOHUGEPAGE);
            test.mm().mlock2(a, len, Mman.MLOCK_ONFAULT);
        }
        return a;
    }

    /** munmap of every other region of the list, from its first (the newest). */
    private static void unmapEveryOther(Process test, List<Long> regions, long len) {
        for (int i = 0; i < regions.size(); i += 2) {
            if (!Mman.isError(regions.get(i))) {
                test.munmap(regions.get(i), len);
            }
        }
    }
}
