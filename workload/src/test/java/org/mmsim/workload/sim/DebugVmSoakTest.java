package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * The debug-vm soak: random scenarios of {@link ScenarioFuzzPropertiesTest} (every workload kind, with or without
 * swap, each THP mode, the frag program, memory pressure) run one after the other with every invariant checked
 * after every event ({@link DebugVmChecker}), for a wall-clock budget (the scenario under way when it is spent
 * stops there), and not one check may fail. It prints the scenarios run to the end, the events checked and the
 * violations. The budget is {@code -Dmmsim.soak.seconds} (default 5 s, the short pass of every build; the
 * acceptance soak is 600); {@code -Dmmsim.soak.seed} picks another series.
 */
class DebugVmSoakTest {
    /** Thrown through the checker's test hook when the budget is spent, ending the scenario under way. */
    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    @Test
    void randomScenariosKeepEveryInvariant() {
        long budgetNs = Long.getLong("mmsim.soak.seconds", 5) * 1_000_000_000L;
        SplittableRandom seeds = new SplittableRandom(Long.getLong("mmsim.soak.seed", 20261207L));
        long start = System.nanoTime();
        long deadline = start + budgetNs;
        long scenarios = 0;
        long events = 0;
        List<String> violations = new ArrayList<>();
        DebugVmChecker.beforeCheckForTest = (run, n) -> {
            if (System.nanoTime() - deadline > 0) {
                throw new BudgetSpent();
            }
        };
        try {
            while (System.nanoTime() - deadline < 0) {
                long seed = seeds.nextLong();
                Scenario sc = ScenarioFuzzPropertiesTest.randomScenario(seed);
                BootedMachine b = ScenarioFixtures.boot("x86_64-256M");
                SimulationRun run = null;
                try {
                    run = new SimulationRun(sc, b, new Recorder() {
                        @Override
                        public void snapshot(long timeNs, String label, SimulationView view) {
                        }
                    }, true);
                    run.run();
                    scenarios++;
                } catch (BudgetSpent e) {
                    break;
                } catch (RuntimeException e) {
                    violations.add("scenario seed " + seed + ": " + e);
                    scenarios++;
                } finally {
                    events += run == null ? 0 : run.debugVm.eventsChecked();
                }
            }
        } finally {
            DebugVmChecker.beforeCheckForTest = null;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("debug-vm soak: %d scenarios run to the end, %d events checked, %d violations in %.0f s%n",
                scenarios, events, violations.size(), seconds);
        violations.forEach(System.out::println);
        assertThat(violations).isEmpty();
        assertThat(events).isPositive();
    }
}
