package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.testdata.Oracle;

/**
 * free_reserved_area() frees the late "Freeing ... memory" pages one by one through free_unref_page(), so on a
 * machine whose pcp high is far above their number they all stay on the boot CPU's list. The x86_64-4G oracle
 * shows it: its dmesg frees 36 + 1008 + 2036 + 2824 + 2040 + 1108 KiB = 2,263 pages, all in the kernel image's
 * and initrd's zone, DMA32, and its zoneinfo right after boot has exactly "count: 2263" for DMA32.
 */
class LateFreesOnPcpTest {
    @Test
    void lateFreedPagesSitOnTheDma32PerCpuList() throws Exception {
        Path dir = Oracle.caseDir("x86_64-4G");
        var spec = DmesgImporter.read(dir.resolve("dmesg"), dir.resolve("iomem"));
        Machine m = MemoryInit.boot(spec, null, BootResidueMeminfo.read(dir.resolve("meminfo"), 12)).machine();
        Zone dma32 = m.node(0).zone(ZoneType.DMA32);
        assertThat(dma32.pcpCount(0)).isEqualTo(2263);
    }
}
