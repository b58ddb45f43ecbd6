package org.mmsim.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.web.Json;
import org.mmsim.workload.SimulationView;

/**
 * Frames are fast and small. A frame of the 1 TiB preset (x86_64-1T, 524800 pageblocks), booted and then
 * fragmented by scattered allocations of mixed orders: captured well under a second, a few hundred KiB at most, per-block counts only
 * (no per-page state), and its blocks add up to every zone's NR_FREE_PAGES. (A whole scenario run of 1 TiB
 * needs more heap than a test has: the run's per-page owner arrays; the frame only needs the booted machine.)
 * A frame of the default 4 GiB run keeps every page and still stays small.
 */
class PageblockFrameSizeTest {

    @Test
    void aTerabyteFrameIsFastAndSmall() throws Exception {
        SimulationView view = terabyte();
        Machine m = view.booted().machine();
        PageblockFrame.capture(view);
        long t0 = System.nanoTime();
        PageblockFrame frame = PageblockFrame.capture(view);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long blocks = frame.zones().stream().mapToLong(PageblockZone::blocks).sum();
        int payload = Json.MAPPER.writeValueAsString(PageblockRoutes.pageblocks(new Frame(0, 0, 0, "start", Map.of(),
                frame, List.of(), null))).length();
        System.out.printf("1 TiB frame: %d pageblocks, capture %d ms, %d bytes kept, /api/run/pageblocks %d bytes%n",
                blocks, ms, frame.bytes(), payload);
        assertThat(payload).isLessThan(1024 * 1024);
        assertThat(blocks).isGreaterThanOrEqualTo(1L << 19);
        assertThat(frame.perPage()).isFalse();
        assertThat(ms).isLessThan(1000);
        assertThat(frame.bytes()).isLessThan(512 * 1024);
        List<Zone> zones = m.zones().stream().filter(Zone::populated).toList();
        for (int i = 0; i < zones.size(); i++) {
            PageblockZone.Blocks b = frame.zones().get(i).inflateBlocks();
            long free = 0;
            for (short f : b.free()) {
                free += f;
            }
            assertThat(free).as(zones.get(i).name()).isEqualTo(zones.get(i).nrFreePages());
        }
    }

    /** The x86_64-1T preset booted, then fragmented by 200000 allocations of orders 0 to 3 (a third freed). */
    static SimulationView terabyte() {
        BootedMachine booted = MemoryInit.boot(MachineFile.preset("x86_64-1T"));
        Machine m = booted.machine();
        Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int order = rnd.nextInt(4);
            long pfn = m.allocPages(rnd.nextBoolean() ? Gfp.GFP_KERNEL : Gfp.GFP_HIGHUSER_MOVABLE, order);
            if (pfn >= 0 && rnd.nextInt(3) == 0) {
                m.freePages(pfn, order);
            }
        }
        return new SimulationView() {
            @Override
            public BootedMachine booted() {
                return booted;
            }

            @Override
            public Map<String, Long> counters() {
                return Map.of();
            }

            @Override
            public List<ProcessInfo> processes() {
                return List.of();
            }

            @Override
            public Map<String, Long> slabPages() {
                return Map.of();
            }
        };
    }

    @Test
    void aFourGibibyteFrameKeepsEveryPageInLittleSpace() {
        try (RunSession run = RunSession.builtin("default")) {
            run.runUntil(3_000_000_000L);
            long[] measured = run.withLive(v -> {
                long t0 = System.nanoTime();
                PageblockFrame f = PageblockFrame.capture(v);
                return new long[] {(System.nanoTime() - t0) / 1_000_000, f.bytes(), f.perPage() ? 1 : 0};
            });
            System.out.printf("4 GiB frame (default at 3 s): capture %d ms, %d bytes kept with every page%n",
                    measured[0], measured[1]);
            assertThat(measured[2]).isEqualTo(1);
            assertThat(measured[0]).isLessThan(1000);
            assertThat(measured[1]).isLessThan(1024 * 1024);
        }
    }
}
