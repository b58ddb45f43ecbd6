package org.mmsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;

/** Settings over a scenario: a transparent_hugepage= setting is the run's THP mode, as the boot parameter is. */
class RunSettingsTest {
    private final Scenario scenario = ScenarioFile.load("default");
    private final MachineSpec machine = MachineFile.load(scenario.machine());

    @Test
    void aTransparentHugepageSettingIsTheRunsThpMode() {
        RunSettings madvise = new RunSettings(List.of("transparent_hugepage=madvise"), "--set", 0);
        assertThat(scenario.thpEnabled()).isEqualTo("always");
        assertThat(madvise.scenario(scenario, madvise.machine(machine, false)).thpEnabled()).isEqualTo("madvise");
        RunSettings later = new RunSettings(List.of("transparent_hugepage=never", "transparent_hugepage=always"),
                "--set", 0);
        assertThat(later.scenario(scenario, machine).thpEnabled()).isEqualTo("always");
    }

    @Test
    void withoutOneTheScenariosModeStands() {
        RunSettings none = new RunSettings(List.of("vm.swappiness=10"), "--set", 0);
        Scenario s = none.scenario(scenario, machine);
        assertThat(s.thpEnabled()).isEqualTo("always");
        assertThat(s.sysctl()).containsEntry("vm.swappiness", "10");
    }
}
