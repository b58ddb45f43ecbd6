package org.mmsim.workload.sim;

import org.mmsim.workload.scenario.Scenario;

/**
 * The generators that act once at a given time: compact_memory (echo 1 > /proc/sys/vm/compact_memory),
 * drop_caches (echo value > /proc/sys/vm/drop_caches), nr_hugepages (echo count > /proc/sys/vm/nr_hugepages)
 * and snapshot (a recorder snapshot under a label, e.g. after-alloc).
 */
final class OneShotGenerator extends WorkloadGenerator {

    OneShotGenerator(Scenario.Generator g) {
        super(g, g.getLong("at", 0));
    }

    @Override
    long step(SimulationRun run) {
        switch (spec.kind()) {
            case "compact_memory" -> {
                run.mem.compaction.compactMemory();
                run.note("echo 1 > /proc/sys/vm/compact_memory");
            }
            case "drop_caches" -> {
                int v = (int) spec.getLong("value", 3);
                if (v < 1 || v > 3) {
                    throw bad("value must be 1, 2 or 3");
                }
                run.mem.dropCaches(v);
            }
            case "nr_hugepages" -> run.mem.setNrHugepages(spec.getLong("count", 0));
            case "snapshot" -> run.snapshot(spec.getString("label", "interval"));
            default -> throw bad("unknown one-shot generator");
        }
        return NO_MORE;
    }
}
