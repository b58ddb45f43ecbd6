package org.mmsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.workload.scenario.Scenario;

/**
 * The words of {@code --set} and of a study's axes: sysctls over the scenario's, boot parameters onto the machine's
 * command line, scenario fields into the scenario file's tree before its checks, each mistake naming its origin.
 */
class RunSettingsTest {
    @Test
    void scenarioFieldsChangeTheScenarioAndSysctlsStillApply() {
        RunSettings settings = new RunSettings(List.of("duration=25s", "workload.db.size=512M", "vm.swappiness=10",
                "machine=x86_64-1G"), "--set", 0);
        Scenario s = settings.load("default");
        assertThat(s.durationNs()).isEqualTo(25_000_000_000L);
        assertThat(s.machine()).isEqualTo("x86_64-1G");
        assertThat(s.generators()).filteredOn(g -> g.name().equals("db")).singleElement()
                .satisfies(g -> assertThat(g.params()).containsEntry("size", 512L << 20));
        MachineSpec spec = settings.machine(MachineFile.load(s.machine()), false);
        assertThat(spec.cmdline().text()).doesNotContain("duration", "workload", "machine");
        assertThat(settings.scenario(s, spec).sysctl()).containsEntry("vm.swappiness", "10");
    }

    @Test
    void aLaterWordWinsAndAnOptionOfItsOwnComesAfterSet() {
        RunSettings settings = new RunSettings(List.of("duration=25s", "duration=27s"), "--set", 0)
                .withField("duration", "24s", "--duration");
        assertThat(settings.load("default").durationNs()).isEqualTo(24_000_000_000L);
        assertThat(settings.settings()).containsExactly("duration=25s", "duration=27s", "duration=24s");
    }

    /** transparent_hugepage= is a boot parameter and the run's THP mode: the word sets both. */
    @Test
    void transparentHugepageIsTheCommandLinesWordAndTheRunsMode() {
        RunSettings settings = new RunSettings(List.of("transparent_hugepage=madvise"), "--set", 0);
        Scenario s = settings.load("default");
        assertThat(s.thpEnabled()).isEqualTo("madvise");
        assertThat(settings.machine(MachineFile.load(s.machine()), false).cmdline().text())
                .contains("transparent_hugepage=madvise");
    }

    @Test
    void eachMistakeNamesWhereTheWordCameFrom() {
        assertThatThrownBy(() -> new RunSettings(List.of("duration=5x"), "study.yaml", 7).load("default"))
                .isInstanceOf(InputError.class).hasMessage("study.yaml:7: duration=5x: duration '5x' is not a time: a"
                        + " number with a unit ns, us, ms, s or m (e.g. 60s)");
        assertThatThrownBy(() -> new RunSettings(List.of(), "--set", 0).withField("duration", "5x", "--duration")
                .load("default")).hasMessageStartingWith("--duration: 5x: duration '5x' is not a time");
        assertThatThrownBy(() -> new RunSettings(List.of(), "--set", 0).withField("duration", "5s", "--duration")
                .load("default")).hasMessageStartingWith("--duration: 5s: scenario:default:")
                .hasMessageEndingWith(": anon start is after the end of the scenario");
    }

    @Test
    void aCommandThatOnlyBootsRefusesAScenarioField() {
        RunSettings settings = new RunSettings(List.of("seed=3"), "--set", 0);
        assertThatThrownBy(() -> settings.machine(MachineFile.load("x86_64-1G"), true))
                .hasMessage("--set: seed=3: seed is a field of the scenario: it matters only to a run (mmsim run)");
    }

    @Test
    void anUnknownWordListsTheScenarioFieldsToo() {
        RunSettings settings = new RunSettings(List.of("durartion=5s"), "--set", 0);
        Scenario s = settings.load("default");
        assertThatThrownBy(() -> settings.machine(MachineFile.load(s.machine()), false))
                .hasMessageStartingWith("--set: durartion=5s: unknown setting 'durartion' (sysctls: ")
                .hasMessageEndingWith("; scenario fields: name, description, machine, seed, duration, hz, swap,"
                        + " compaction, writeback_delay, transparent_hugepage, record.interval|proc|trace,"
                        + " workload.NAME.FIELD)");
    }
}
