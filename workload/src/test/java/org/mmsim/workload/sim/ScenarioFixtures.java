package org.mmsim.workload.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.testdata.Oracle;
import org.mmsim.workload.scenario.Scenario;

/**
 * Helpers for the simulation tests, here and in proc's oracle tests: oracle machines booted from their dmesg/iomem,
 * scenario records.
 */
public final class ScenarioFixtures {
    private ScenarioFixtures() {
    }

    public static BootedMachine boot(String oracleCase) {
        return MemoryInit.boot(DmesgImporter.read(Oracle.file(oracleCase, "dmesg"), Oracle.file(oracleCase, "iomem")));
    }

    public static Scenario.Generator gen(String kind, Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return new Scenario.Generator(kind, (String) p.getOrDefault("name", kind), p, 1);
    }

    public static Scenario scenario(String name, long seed, long durationNs, boolean compaction, long swapBytes,
            List<String> trace, Scenario.Generator... gens) {
        return new Scenario(name, name + ".yaml", "test", seed, durationNs, 250,
                Map.of("vm.swappiness", "60"), swapBytes, compaction, Scenario.DEFAULT_WRITEBACK_DELAY_NS, "always",
                new ArrayList<>(List.of(gens)),
                new Scenario.Record(1_000_000_000L, List.of(), trace));
    }

    /** The scenario with /sys/kernel/mm/transparent_hugepage/enabled set to {@code thp}. */
    public static Scenario withThp(Scenario s, String thp) {
        return new Scenario(s.name(), s.sourceFile(), s.machine(), s.seed(), s.durationNs(), s.hz(), s.sysctl(),
                s.swapBytes(), s.compaction(), s.writebackDelayNs(), thp, s.generators(), s.record());
    }

    public static final long S = 1_000_000_000L;
    public static final long MIB = 1L << 20;
}
