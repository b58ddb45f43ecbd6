package org.mmsim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.boot.log.BootLog;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.EarlyBoot;

/**
 * The built-in machines: each oracle preset is the oracle machine written as a machine file, so booting it
 * prints the same boot-log lines as importing the oracle's dmesg; and every machine file written by
 * MachineFile.write reads back to the same spec.
 */
class MachinePresetTest {
    static Stream<String> oraclePresets() {
        return MachineFile.presets().stream().filter(p -> !p.equals("x86_64-1T"));
    }

    @ParameterizedTest
    @MethodSource("oraclePresets")
    void presetBootsLikeItsOracleCase(String name) {
        MachineSpec preset = MachineFile.preset(name);
        MachineSpec imported = OracleBootLogTest.importCase(name);
        assertThat(BootLog.lines(EarlyBoot.layout(preset))).containsExactlyElementsOf(BootLog.lines(EarlyBoot.layout(imported)));
        assertThat(preset.reservations()).isEqualTo(imported.reservations());
    }

    @ParameterizedTest
    @MethodSource("oraclePresets")
    void machineFileRoundTrips(String name) {
        MachineSpec spec = OracleBootLogTest.importCase(name);
        MachineSpec back = MachineFile.parse(name + ".yaml", MachineFile.write(spec));
        assertThat(back).isEqualTo(spec);
    }
}
