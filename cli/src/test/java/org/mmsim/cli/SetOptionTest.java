package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.testdata.Oracle;

/**
 * {@code --set NAME=VALUE} and {@code mmsim sysctl}: a sysctl set on the command line is the one in force, a boot
 * parameter set there boots the machine as the same word in its machine file does, and {@code mmsim sysctl} prints
 * what a real 6.1 kernel's {@code sysctl -a} showed for the vm settings of the table.
 */
class SetOptionTest {
    @TempDir
    Path dir;

    @Test
    void sysctlPrintsTheOracleKernelsValuesForTheDefaultScenario() {
        // The default scenario runs on the x86_64-4G oracle machine and sets only values equal to 6.1's defaults.
        CliRun r = CliRun.of("sysctl");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        Map<String, String> real = new HashMap<>();
        for (String line : Oracle.read("x86_64-4G", "sysctl_vm").split("\n")) {
            String[] kv = line.split(" = ", 2);
            real.put("vm." + kv[0], kv[1].trim());
        }
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(16).isSorted();
        for (String line : lines) {
            String[] kv = line.split(" = ", 2);
            assertThat(kv[1].replace('\t', ' ')).as(kv[0]).isEqualTo(real.get(kv[0]));
        }
    }

    @Test
    void aSetSysctlOverridesTheScenarios() {
        CliRun r = CliRun.of("sysctl", "--set", "vm.swappiness=10", "--set", "vm.lowmem_reserve_ratio=128,64");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("vm.swappiness = 10\n", "vm.lowmem_reserve_ratio = 128\t64\t32\t0\t0\n");
    }

    @Test
    void aSysctlAsOnAKernelCommandLineIsTheSameSetting() {
        CliRun r = CliRun.of("sysctl", "--set", "sysctl.vm.dirty_ratio=30",
                "--set", "sysctl/vm/watermark_scale_factor=20");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("vm.dirty_ratio = 30\n", "vm.watermark_scale_factor = 20\n");
    }

    @Test
    void theMachinesCommandLineSysctlsLieUnderTheScenarios() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), "arch: x86_64\nmemory:\n  - { start: 0x100000, size: 1G }\n"
                + "cmdline: \"sysctl.vm.swappiness=5 sysctl.vm.dirty_ratio=30 sysctl.vm.watermark_scale_factor=20\"\n"
                + "sysctl: { vm.watermark_scale_factor: 40 }\n");
        Path sc = dir.resolve("s.yaml");
        Files.writeString(sc, "machine: m.yaml\nduration: 1s\nsysctl: { vm.dirty_ratio: 25 }\n"
                + "workload:\n  - slab: { rate: 100 }\n");
        CliRun r = CliRun.of("sysctl", sc.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("vm.swappiness = 5\n", "vm.dirty_ratio = 25\n",
                "vm.watermark_scale_factor = 40\n");
    }

    @Test
    void aSetBootParameterBootsAsTheMachineFilesOwnWord() throws IOException {
        String preset = "x86_64-4G-movablecore1G";
        String text = MachineFile.write(MachineFile.preset(preset));
        assertThat(text).contains(" movablecore=1G\"");
        Path bare = dir.resolve("bare.yaml");
        Files.writeString(bare, text.replace(" movablecore=1G\"", "\""));
        CliRun viaSet = CliRun.of("boot", "--machine", bare.toString(), "--set", "movablecore=1G",
                "--print", "zoneinfo");
        CliRun viaFile = CliRun.of("boot", "--machine", preset, "--print", "zoneinfo");
        assertThat(viaSet.err()).isEmpty();
        assertThat(viaSet.out()).contains("Movable zone start for each node\n  Node 0: 0x").isEqualTo(viaFile.out());
    }

    @Test
    void aRunWritesTheSettingsInForceIntoEverySnapshot() throws IOException {
        Path sc = dir.resolve("s.yaml");
        Files.writeString(sc, "machine: x86_64-256M\nduration: 1s\nsysctl: { vm.swappiness: 30 }\n"
                + "workload:\n  - slab: { rate: 100 }\n");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("run", sc.toString(), "--out", out.toString(), "--set", "vm.dirty_ratio=40",
                "--set", "memblock=debug");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        for (String snap : new String[] {"start", "end"}) {
            Path p = out.resolve("proc").resolve(snap);
            assertThat(Files.readString(p.resolve("sys/vm/swappiness"))).isEqualTo("30\n");
            assertThat(Files.readString(p.resolve("sys/vm/dirty_ratio"))).isEqualTo("40\n");
            assertThat(Files.readString(p.resolve("sys/vm/dirty_background_ratio"))).isEqualTo("10\n");
            assertThat(Files.readString(p.resolve("cmdline"))).isEqualTo(
                    Oracle.read("x86_64-256M", "cmdline").trim() + " memblock=debug\n");
        }
    }
}
