package org.mmsim.workload.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every built-in scenario parses, names a preset machine that exists, has a workload and a one-line description
 * (what {@code mmsim run --list} prints).
 */
class BuiltinScenariosTest {
    @Test
    void everyBuiltinParses() {
        assertThat(ScenarioFile.builtins()).contains("default", "compaction-test", "fragment-illuminator", "oracle-tmpfs",
                "oracle-frag", "processes", "slab-churn");
        for (String name : ScenarioFile.builtins()) {
            Scenario s = ScenarioFile.load(name);
            assertThat(s.generators()).as(name).isNotEmpty();
            assertThat(org.mmsim.boot.spec.MachineFile.presets()).as(name).contains(s.machine());
            assertThat(ScenarioFile.description(name)).as(name).isNotBlank().doesNotContain("\n");
        }
    }
}
