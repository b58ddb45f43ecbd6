package org.mmsim.bench.page;

import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Machine;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.Zone;

/** Machines for the page allocator benchmarks: one x86_64 Normal zone, watermarks 0. */
final class PageBenchMachines {
    private PageBenchMachines() {
    }

    /** 4 GiB (T = 1,048,576 pages) at pfn 0x100000, pcp batch 63 and high 1512 (or pcp off). */
    static Machine fourGiB(boolean pcp) {
        return zone(1L << 20, pcp);
    }

    static Machine zone(long pages, boolean pcp) {
        Machine m = SimpleMachine.build(Arch.X86_64, 1,
                List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x100000, pages)));
        for (Zone z : m.zones()) {
            z.setPcpHighBatch(1512, 63);
        }
        m.setPcpEnabled(pcp);
        return m;
    }
}
