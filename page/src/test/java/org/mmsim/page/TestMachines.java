package org.mmsim.page;

import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;

/** Small machines for tests, built through the public API. */
final class TestMachines {
    private TestMachines() {
    }

    /** One Normal zone of {@code pages} pages at pfn {@code start}, watermarks 0, pcp high/batch as given. */
    static Machine normalOnly(long start, long pages, int cpus, int high, int batch) {
        Machine m = SimpleMachine.build(Arch.X86_64, cpus, List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, start, pages)));
        for (Zone z : m.zones()) {
            z.setPcpHighBatch(high, batch);
        }
        return m;
    }

    /** DMA32 [0x1000, 0x1000+dma32) and Normal right above, x86_64. */
    static Machine dma32Normal(long dma32Pages, long normalPages, int cpus) {
        return SimpleMachine.build(Arch.X86_64, cpus, List.of(
                new SimpleMachine.ZoneSpec(ZoneType.DMA32, 0x1000, dma32Pages),
                new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x1000 + dma32Pages, normalPages)));
    }
}
