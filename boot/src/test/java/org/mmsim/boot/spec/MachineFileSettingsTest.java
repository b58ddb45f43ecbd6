package org.mmsim.boot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;

/** A machine file's settings (its sysctl: key and its command line) go through the settings table. */
class MachineFileSettingsTest {
    private static final String MEMORY = "arch: x86_64\nmemory:\n  - { start: 0x100000, size: 1G }\n";

    @Test
    void theSysctlKeyIsCheckedWithTheTablesRange() {
        assertThatThrownBy(() -> MachineFile.parse("m.yaml", MEMORY + "sysctl: { vm.watermark_scale_factor: 3001 }\n"))
                .isInstanceOf(InputError.class)
                .hasMessage("m.yaml:4: sysctl vm.watermark_scale_factor 3001 is outside 1..3000 (what Linux 6.1"
                        + " accepts)");
        assertThatThrownBy(() -> MachineFile.parse("m.yaml", MEMORY + "sysctl: { vm.swappiness: 10 }\n"))
                .hasMessageStartingWith("m.yaml:4: unknown sysctl 'vm.swappiness' (vm.min_free_kbytes, ");
    }

    @Test
    void bootSysctlsAndCmaOfTheCommandLineAreTheMachines() {
        MachineSpec spec = MachineFile.parse("m.yaml", MEMORY
                + "cmdline: \"sysctl.vm.min_free_kbytes=4096 sysctl.vm.watermark_scale_factor=20 cma=16M\"\n"
                + "sysctl: { vm.watermark_scale_factor: 30 }\n");
        assertThat(spec.sysctl()).isEqualTo(Map.of("vm.min_free_kbytes", "4096", "vm.watermark_scale_factor", "30"));
        assertThat(spec.cmaBytes()).isEqualTo(16L << 20);
        assertThat(MachineFile.parse("m.yaml", MachineFile.write(spec))).isEqualTo(spec);
        assertThatThrownBy(() -> MachineFile.parse("m.yaml", MEMORY + "cmdline: \"cma=16M\"\ncma: 32M\n"))
                .hasMessageStartingWith("m.yaml:5: cma: 33554432 bytes differs from the command line's cma=16777216");
    }

    @Test
    void aBadCommandLineWordIsRefusedAtTheCmdlineLine() {
        assertThatThrownBy(() -> MachineFile.parse("m.yaml", MEMORY + "cmdline: \"quiet numa=noacpi\"\n"))
                .hasMessage("m.yaml:4: kernel command line 'numa=noacpi': 'noacpi' is not a value mmsim takes (numa="
                        + " takes off)");
    }

    @Test
    void aBootParameterAddedLaterIsCheckedAsTheFilesOwn() {
        MachineSpec spec = MachineFile.parse("m.yaml", MEMORY + "cmdline: \"nokaslr\"\n");
        MachineSpec moved = MachineFile.withBootParam(spec, "movablecore=256M", "--set");
        assertThat(moved.cmdline().text()).isEqualTo("nokaslr movablecore=256M");
        assertThat(moved.cmdline().movablecore().bytes()).isEqualTo(256L << 20);
        assertThat(MachineFile.withBootParam(spec, "transparent_hugepage=never", "--set").thpEnabled()).isFalse();
        assertThat(MachineFile.withBootParam(spec, "sysctl.vm.min_free_kbytes=2048", "--set").sysctl())
                .isEqualTo(Map.of("vm.min_free_kbytes", "2048"));
        assertThatThrownBy(() -> MachineFile.withBootParam(spec, "mem=512K", "--set"))
                .hasMessageStartingWith("--set: mem=512K: mem=524288 removes all usable RAM");
        assertThatThrownBy(() -> MachineFile.withBootParam(spec, "cma=2G", "--set"))
                .hasMessageStartingWith("--set: cma=2G: cma of 2048M is more than the usable memory (1024M)");
    }
}
