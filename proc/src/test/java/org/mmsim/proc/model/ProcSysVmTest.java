package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.testdata.Oracle;

/**
 * The /proc/sys/vm view of a twin (boot log and zoneinfo's managed pages) prints what the real 6.1 kernels
 * printed right after boot: the oracle's min_free_kbytes,
 * watermark_scale_factor and lowmem_reserve_ratio files byte for byte (one int, or one per zone separated by tabs,
 * then a newline: proc_dointvec), /proc/cmdline, and every other file as its sysctl_vm line.
 */
class ProcSysVmTest {
    private static BootedMachine boot(String preset) {
        return MemoryInit.boot(MachineFile.preset(preset), null, BootResidue.NONE);
    }

    /** A real machine booted as a twin (its boot log, and the managed pages of its zoneinfo). */
    private static BootedMachine twin(String name) throws IOException {
        Path dir = Oracle.caseDir(name);
        MachineSpec spec = DmesgImporter.read(dir.resolve("dmesg"), dir.resolve("iomem"));
        List<ZoneType> types = spec.arch().zoneTypes();
        BootLayout layout = EarlyBoot.layout(spec);
        long[][] managed = new long[layout.nodes().size()][types.size()];
        for (OracleZone z : OracleZone.read(dir.resolve("zoneinfo"))) {
            int zone = 0;
            while (!types.get(zone).kernelName().equals(z.zone())) {
                zone++;
            }
            managed[z.nid()][zone] = z.managed();
        }
        return MemoryInit.boot(spec, managed, BootResidue.NONE);
    }

    static Stream<String> cases() {
        return Oracle.cases61().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void filesAreTheOracleKernels(String name) throws IOException {
        Map<String, String> files = ProcSysVm.files(twin(name), Map.of());
        for (String f : List.of("min_free_kbytes", "watermark_scale_factor", "lowmem_reserve_ratio")) {
            assertThat(files.get("sys/vm/" + f)).as(f).isEqualTo(Oracle.read(name, f));
        }
        assertThat(files.get("cmdline")).isEqualTo(Oracle.read(name, "cmdline"));
        Map<String, String> real = new HashMap<>();
        for (String line : Oracle.read(name, "sysctl_vm").split("\n")) {
            String[] kv = line.split(" = ", 2);
            real.put("sys/vm/" + kv[0], kv[1].trim());
        }
        files.forEach((file, text) -> {
            if (!file.equals("cmdline")) {
                assertThat(text.trim().replace('\t', ' ')).as(file).isEqualTo(real.get(file));
            }
        });
        assertThat(files).hasSize(name.startsWith("i386") ? 16 : 17);
    }

    @Test
    void aPresetPrintsItsCommandLine() {
        assertThat(ProcSysVm.files(boot("x86_64-4G-movablecore1G"), Map.of()).get("cmdline"))
                .isEqualTo(Oracle.read("x86_64-4G-movablecore1G", "cmdline"));
    }

    @Test
    void theRunsSettingsAreInForce() {
        BootedMachine booted = boot("x86_64-256M");
        Map<String, String> files = ProcSysVm.files(booted, Map.of("vm.swappiness", "10", "vm.dirty_ratio", "40"));
        assertThat(files.get("sys/vm/swappiness")).isEqualTo("10\n");
        assertThat(files.get("sys/vm/dirty_ratio")).isEqualTo("40\n");
        assertThat(files.get("sys/vm/dirty_background_ratio")).isEqualTo("10\n");
        assertThat(ProcSysVm.sysctlLines(booted, Map.of("vm.swappiness", "10")))
                .contains("vm.swappiness = 10", "vm.lowmem_reserve_ratio = 256\t256\t32\t0\t0")
                .isSorted();
    }

    @Test
    void theMachinesBootSysctlsAreInForce() {
        var spec = MachineFile.preset("x86_64-256M");
        BootedMachine booted = MemoryInit.boot(spec.withSysctl(Map.of("vm.min_free_kbytes", "4096",
                "vm.lowmem_reserve_ratio", "128 64", "vm.watermark_scale_factor", "200")), null, BootResidue.NONE);
        Map<String, String> files = ProcSysVm.files(booted, Map.of());
        assertThat(files.get("sys/vm/min_free_kbytes")).isEqualTo("4096\n");
        assertThat(files.get("sys/vm/lowmem_reserve_ratio")).isEqualTo("128\t64\t32\t0\t0\n");
        assertThat(files.get("sys/vm/watermark_scale_factor")).isEqualTo("200\n");
    }
}
