package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * The default bounds let every built-in scenario through (each runs in seconds), and refuse the audit's runaway
 * scenarios with the estimate in the message.
 */
class RunLimitsTest {
    static java.util.List<String> builtins() {
        return ScenarioFile.builtins();
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void builtInScenariosAreWithinTheDefaultBounds(String name) {
        Scenario s = ScenarioFile.load(name);
        assertThatCode(() -> new RunLimits().check(s, boot(s))).doesNotThrowAnyException();
    }

    @Test
    void aKernelRateOfOneBillionIsRefusedWithTheEstimate() {
        Scenario s = ScenarioFile.parse("s.yaml", "machine: x86_64-256M\nduration: 10s\nworkload:\n"
                + "  - kernel: { rate: 1000000000 }\n");
        assertThatThrownBy(() -> new RunLimits().check(s, boot(s))).isInstanceOf(InputError.class)
                .hasMessageStartingWith("s.yaml: too much work: 1.00e+10 page operations, 10031 events and 11 snapshots,"
                        + " estimated 2.8 h on this machine, more than --max-time 1.0 h")
                .hasMessageContaining("--no-limit");
    }

    @Test
    void noLimitLetsItThrough() {
        Scenario s = ScenarioFile.parse("s.yaml", "machine: x86_64-256M\nduration: 1s\nworkload:\n"
                + "  - kernel: { rate: 1000000000 }\n");
        RunLimits limits = new RunLimits();
        limits.maxSeconds = 1;
        limits.noLimit = true;
        assertThatCode(() -> limits.check(s, boot(s))).doesNotThrowAnyException();
    }

    @Test
    void theEstimateGrowsWithTheWork() {
        RunLimits limits = new RunLimits();
        limits.maxSeconds = 600;
        Scenario within = ScenarioFile.parse("s.yaml", "machine: x86_64-256M\nduration: 100s\nworkload:\n"
                + "  - kernel: { rate: 1000000, lifetime_mean: 1s }\n");
        Scenario beyond = ScenarioFile.parse("s.yaml", "machine: x86_64-256M\nduration: 100s\nworkload:\n"
                + "  - kernel: { rate: 4000000, lifetime_mean: 1s }\n");
        assertThatCode(() -> limits.check(within, boot(within))).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.check(beyond, boot(beyond))).hasMessageContaining("8.00e+08 page operations");
    }

    private static BootedMachine boot(Scenario s) {
        return MemoryInit.boot(MachineFile.load(s.machine()), null, BootResidue.NONE);
    }
}
