package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mmsim.testdata.Oracle;

/** The i386 lowmem split against the Debian 686-pae oracle boot logs, and its arithmetic worked by hand. */
class I386LowmemTest {

    private static List<String> dmesgLines(String oracleCase) {
        return Oracle.read(oracleCase, "dmesg").lines().map(l -> l.replaceFirst("^\\[[^]]*\\] ", "")).toList();
    }

    private static long lastPfn(String oracleCase) {
        Matcher m = Pattern.compile("last_pfn = 0x([0-9a-f]+) ").matcher(Oracle.read(oracleCase, "dmesg"));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1), 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i386pae-1G", "i386pae-8G"})
    void everyLineWePrintIsInTheOracleBootLog(String oracleCase) {
        I386Lowmem.Result split = I386Lowmem.compute(lastPfn(oracleCase), true);
        List<String> dmesg = dmesgLines(oracleCase);
        assertThat(split.bootLogLines()).hasSize(7);
        for (String line : split.bootLogLines()) {
            assertThat(dmesg).as("oracle %s", oracleCase).contains(line);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"i386pae-1G", "i386pae-8G"})
    void vmallocSizeMatchesOracleMeminfo(String oracleCase) {
        I386Lowmem.Result split = I386Lowmem.compute(lastPfn(oracleCase), true);
        long kb = (split.vmallocEnd() - split.vmallocStart()) >>> 10;
        assertThat(Oracle.read(oracleCase, "meminfo")).containsPattern("VmallocTotal:\\s+" + kb + " kB");
    }

    @Test
    void oracleNumbers() {
        // i386pae-1G: "143MB HIGHMEM available." "879MB LOWMEM available." HighMem (00036ffe:0003ffe0)
        I386Lowmem.Result oneG = I386Lowmem.compute(0x3ffe0, true);
        assertThat(oneG.maxLowPfn()).isEqualTo(0x36ffe);
        assertThat(oneG.highstartPfn()).isEqualTo(0x36ffe);
        assertThat(oneG.highendPfn()).isEqualTo(0x3ffe0);
        assertThat(oneG.highmemMb()).isEqualTo(143);
        assertThat(oneG.lowmemMb()).isEqualTo(879);
        // i386pae-8G: "8336MB HIGHMEM available." HighMem (00036ffe:00240000)
        I386Lowmem.Result eightG = I386Lowmem.compute(0x240000, true);
        assertThat(eightG.maxLowPfn()).isEqualTo(0x36ffe);
        assertThat(eightG.highendPfn()).isEqualTo(0x240000);
        assertThat(eightG.highmemMb()).isEqualTo(8336);
    }

    @Test
    void paeFixmapArithmeticWorkedByHand() {
        // 1+1+1+1 + 64 IO-APICs + 16 kmap x 32 CPUs + PCIE_MCFG + 2 GHES = 583 permanent slots.
        // 583..1094 would straddle a 512-entry page table, so the btmaps start at 583 + 512 - 71 = 1024;
        // FIX_BTMAP_BEGIN = 1535, FIX_WP_TEST = 1536, __end_of_fixed_addresses = 1537.
        I386FixedAreas a = new I386FixedAreas(I386Config.debian686Pae());
        assertThat(a.permanentSlots()).isEqualTo(583);
        assertThat(a.btmapEnd()).isEqualTo(1024);
        assertThat(a.totalSlots()).isEqualTo(1537);
        assertThat(a.fixaddrStart()).isEqualTo(0xfffff000L - 583 * 4096L);
        assertThat(a.fixaddrTotStart()).isEqualTo(0xff9fe000L);
        // 0xff9fe000 - 4096 * (32 * 43 + 1) = 0xff49d000, rounded down to 2 MiB.
        assertThat(a.cpuEntryAreaBase()).isEqualTo(0xff400000L);
        assertThat(a.ldtBase()).isEqualTo(0xff200000L);
        assertThat(a.pkmapBase()).isEqualTo(0xff000000L);
        assertThat(a.vmallocEnd()).isEqualTo(0xfeffe000L);
        assertThat(a.maxmem()).isEqualTo(0x36ffe000L);
    }

    @Test
    void nonPaeUsesFourMegabytePmdsAndLosesFourMoreMegabytes() {
        // Same 1537 slots (1024-entry page tables: 583 ^ 1094 = 0x601, & -1024 = 0x400, still straddles),
        // cpu_entry_area 0xff49d000 & -4M = 0xff400000, LDT 0xff000000, PKMAP 0xfec00000,
        // VMALLOC_END 0xfebfe000, MAXMEM 0x36bfe000 = 875.99 MiB.
        I386FixedAreas a = new I386FixedAreas(I386Config.debian686());
        assertThat(a.totalSlots()).isEqualTo(1537);
        assertThat(a.cpuEntryAreaBase()).isEqualTo(0xff400000L);
        assertThat(a.ldtBase()).isEqualTo(0xff000000L);
        assertThat(a.pkmapBase()).isEqualTo(0xfec00000L);
        assertThat(a.pkmapEnd()).isEqualTo(0xff000000L);
        assertThat(a.maxmem()).isEqualTo(0x36bfe000L);
        assertThat(I386Lowmem.compute(0x3ffe0, false).lowmemMb()).isEqualTo(875);
    }

    @Test
    void nonPaeKernelUsesAtMostFourGigabytes() {
        I386Lowmem.Result r = I386Lowmem.compute(0x240000, false);
        assertThat(r.maxPfn()).isEqualTo(1L << 20);
        assertThat(r.warnings()).containsExactly("Warning: only 4GB will be used. Use a HIGHMEM64G enabled kernel!");
        assertThat(r.highmemMb()).isEqualTo((0x100000 - 0x36bfe) >> 8);
    }

    @Test
    void smallMachineIsAllLowmem() {
        // 512 MiB: max_pfn 0x1ffe0 <= MAXMEM_PFN, so lowmem_pfn_init(): max_low_pfn = max_pfn, no highmem.
        I386Lowmem.Result r = I386Lowmem.compute(0x1ffe0, true);
        assertThat(r.maxLowPfn()).isEqualTo(0x1ffe0);
        assertThat(r.highmemMb()).isZero();
        assertThat(r.bootLogLines()).contains("0MB HIGHMEM available.", "511MB LOWMEM available.")
                .noneMatch(l -> l.contains("HighMem"));
        // high_memory = 0xc0000000 + 0x1ffe0000; VMALLOC_START 8 MiB above it.
        assertThat(r.vmallocStart()).isEqualTo(0xdffe0000L + (8 << 20));
    }

    @Test
    void vmallocParameterMovesTheLimit() {
        // vmalloc=256M: __VMALLOC_RESERVE = 256M + 8M, so MAXMEM = 0xfeffe000 - 0xc0000000 - 0x10800000 = 0x2e7fe000.
        I386Config c = I386Config.debian686Pae().withVmallocParam(256L << 20);
        I386Lowmem.Result r = I386Lowmem.compute(0x240000, c, -1);
        assertThat(r.maxLowPfn()).isEqualTo(0x2e7fe);
        assertThat(r.vmallocEnd() - r.vmallocStart()).isEqualTo(256L << 20);
    }

    @Test
    void layoutPutsTheAreasInOrder() {
        MemoryLayout layout = I386Layout.build(0x3ffe0, true);
        assertThat(layout.regionOf(0xc0000000L).kind()).isEqualTo(RegionKind.DIRECT_MAP);
        assertThat(layout.regionOf(0xf6ffd000L).kind()).isEqualTo(RegionKind.DIRECT_MAP);
        assertThat(layout.regionOf(0xf6ffe000L).kind()).isEqualTo(RegionKind.GUARD);
        Region vmalloc = layout.regionOf(0xf77fe000L);
        assertThat(vmalloc.kind()).isEqualTo(RegionKind.VMALLOC);
        assertThat(vmalloc.end()).isEqualTo(0xfeffdfffL);
        assertThat(layout.regionOf(0xff000000L).kind()).isEqualTo(RegionKind.PKMAP);
        assertThat(layout.regionOf(0xff1ff000L).kind()).isEqualTo(RegionKind.PKMAP);
        assertThat(layout.regionOf(0xff200000L).kind()).isEqualTo(RegionKind.LDT_REMAP);
        assertThat(layout.regionOf(0xff400000L).kind()).isEqualTo(RegionKind.CPU_ENTRY_AREA);
        assertThat(layout.regionOf(0xfffef000L).kind()).isEqualTo(RegionKind.FIXMAP);
        assertThat(layout.regionOf(0xbfffffffL).kind()).isEqualTo(RegionKind.USER);
        AddressInfo info = layout.classify(0xc0100000L);
        assertThat(info.phys().getAsLong()).isEqualTo(0x100000L);
        assertThat(info.structPage()).isEmpty();
        assertThat(layout.va(0x36ffd000L).getAsLong()).isEqualTo(0xf6ffd000L);
        assertThat(layout.va(0x36ffe000L)).isEmpty();
    }
}
