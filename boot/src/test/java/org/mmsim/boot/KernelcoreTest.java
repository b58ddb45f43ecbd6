package org.mmsim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.log.BootLog;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;

/**
 * kernelcore= on the oracle's 4 GiB QEMU memory map, worked by hand through 6.1's
 * find_zone_movable_pfns_for_nodes(): required_kernelcore = 3 GiB = 786432 pages; movable_zone is Normal, whose
 * lowest pfn is 0x100000. The ranges below it give 158 (pfn 1-0x9f) and 786144 (0x100-0xbffe0) kernel pages,
 * leaving 130, so ZONE_MOVABLE would start at 0x100000 + 130 = 0x100082, rounded up to MAX_ORDER_NR_PAGES: 0x100400.
 * Normal keeps 1024 pages; Movable spans the remaining 261120.
 */
class KernelcoreTest {
    @Test
    void kernelcoreThreeGigabytesOnTheFourGigabyteMachine() {
        String text = MachineFile.write(MachineFile.preset("x86_64-4G")).replace("nokaslr\"", "nokaslr kernelcore=3G\"");
        MachineSpec spec = MachineFile.parse("kc.yaml", text);
        BootLayout b = EarlyBoot.layout(spec);
        assertThat(b.sizer().zoneMovablePfn(0)).isEqualTo(0x100400);
        assertThat(b.zone(0, ZoneType.NORMAL).spanned()).isEqualTo(1024);
        assertThat(b.zone(0, ZoneType.MOVABLE).startPfn()).isEqualTo(0x100400);
        assertThat(b.zone(0, ZoneType.MOVABLE).spanned()).isEqualTo(261120);
        assertThat(BootLog.lines(b)).contains("  Node 0: 0x0000000100400000");
    }
}
