package org.mmsim.page.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.arch.Arch;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.testdata.Oracle;

/**
 * {@link MemoryInit#bootToMemInit}: the machine right after mem_init(). Its free pages are the "Memory: NK/..."
 * line's first figure, which mem_init_print_info() takes from nr_free_pages() at that moment (on the x86_64
 * cases, whose early allocations are all modelled); the per-CPU lists come on with zone_batchsize() of the managed
 * pages of that moment, and the final figures are the boot's.
 */
class BootToMemInitTest {
    private static final Pattern MEMORY = Pattern.compile("\\] Memory: (\\d+)K/");

    static Stream<String> x86Cases() {
        return Oracle.cases61().stream().filter(n -> n.startsWith("x86_64"));
    }

    @ParameterizedTest
    @MethodSource("x86Cases")
    void theFreePagesAreTheMemoryLinesAvailableFigure(String name) throws Exception {
        BootedMachine b = MemoryInit.bootToMemInit(DmesgImporter.read(Oracle.file(name, "dmesg"), Oracle.file(name, "iomem")));
        assertThat(b.layout().spec().arch()).isEqualTo(Arch.X86_64);
        long kb = Files.readAllLines(Oracle.file(name, "dmesg")).stream().map(MEMORY::matcher).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).findFirst().orElseThrow();
        assertThat(b.machine().nrFreePages()).isEqualTo(kb / 4);
        assertThat(b.machine().pcpEnabled()).isFalse();
    }

    @Test
    void thePerCpuListsStartWithTheBatchOfTheManagedPagesThenBecomeTheBootsOnes() {
        // x86_64-1G-fulltrace: the first refill after setup_per_cpu_pageset() takes 15 pages (0xd037..0xd045 at
        // 0.662 s in its trace): zone_batchsize() of DMA32's ~48k managed pages; its zoneinfo says batch 63 at the end
        String name = "x86_64-1G-fulltrace";
        BootedMachine b = MemoryInit.bootToMemInit(DmesgImporter.read(Oracle.file(name, "dmesg"), Oracle.file(name, "iomem")));
        Machine m = b.machine();
        MemoryInit.setupPerCpuPageset(m);
        Zone dma32 = m.zones().stream().filter(z -> z.name().equals("DMA32")).findFirst().orElseThrow();
        assertThat(m.pcpEnabled()).isTrue();
        assertThat(dma32.pcpBatch()).isEqualTo(15);
        // zone_highsize() with the low watermark still 0: batch * 4
        assertThat(dma32.pcpHigh()).isEqualTo(60);
        MemoryInit.initPerZoneWmarkMin(b);
        // zoneinfo: DMA32 pagesets high 13857, batch 63
        assertThat(dma32.pcpBatch()).isEqualTo(63);
        assertThat(dma32.pcpHigh()).isEqualTo(13857);
    }
}
