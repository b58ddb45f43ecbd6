package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.workload.sim.ScenarioFixtures.MIB;
import static org.mmsim.workload.sim.ScenarioFixtures.S;
import static org.mmsim.workload.sim.ScenarioFixtures.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * Random scenarios on the 256 MiB machine, mixing every kind of workload (anonymous and vm processes with fork,
 * page cache read and written, tmpfs, kernel and slab streams, THP, kmalloc, kmem_cache, vmalloc, the frag
 * program, compact_memory, drop_caches), with or without swap and THP: each runs to the end under memory
 * pressure without an error, leaves a consistent buddy allocator, keeps the dirty accounting balanced, and
 * gives the same counters when run again with the same seed.
 */
class ScenarioFuzzPropertiesTest {
    private static final String[] THP = {"always", "madvise", "never"};

    static Scenario randomScenario(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Scenario.Generator> g = new ArrayList<>();
        int n = 3 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            long start = r.nextInt(2000) * 1_000_000L;
            long size = (4 + r.nextInt(60)) * MIB;
            switch (r.nextInt(13)) {
                case 0 -> g.add(gen("anon", "name", "a" + i, "size", size, "start", start, "rate", 64.0 * MIB,
                        "thp", r.nextBoolean(), "touch", r.nextBoolean() ? "random" : "sequential",
                        "lifetime", (1 + r.nextInt(3)) * S));
                case 1 -> g.add(gen("file", "name", "f" + i, "size", size, "start", start, "rate", 80.0 * MIB,
                        "write", r.nextBoolean(), "repeat", 1L + r.nextInt(2)));
                case 2 -> g.add(gen("shmem", "name", "s" + i, "size", size, "start", start, "rate", 0.0,
                        "lifetime", S));
                case 3 -> g.add(gen("kernel", "name", "k" + i, "rate", 500.0 + r.nextInt(3000),
                        "orders", Map.of(0, 70.0, 1, 15.0, 2, 10.0, 3, 5.0), "lifetime_mean", 0.3 * S));
                case 4 -> g.add(gen("slab", "name", "sl" + i, "rate", 200.0 + r.nextInt(2000),
                        "lifetime_mean", 0.5 * S, "reclaimable", r.nextBoolean()));
                case 5 -> g.add(gen("thp", "name", "t" + i, "rate", 5.0 + r.nextInt(50), "hold", 0.5 * S,
                        "start", start));
                case 6 -> g.add(gen("process", "name", "p" + i, "size", size, "start", start, "rate", 64.0 * MIB,
                        "thp", r.nextBoolean(), "write", Boolean.TRUE, "lifetime", 3 * S, "forks", (long) r.nextInt(3),
                        "fork_at", start + S / 2, "child_writes", size / 4, "child_lifetime", S / 2,
                        "munmap_at", start + 2 * S));
                case 7 -> g.add(gen("kmalloc", "name", "km" + i, "size", 32L << r.nextInt(8), "rate", 2000.0,
                        "lifetime_mean", 0.2 * S));
                case 8 -> g.add(gen("kmem_cache", "name", "kc" + i, "object_size", 100L + r.nextInt(900),
                        "rate", 3000.0, "lifetime_mean", 0.2 * S, "reclaimable", r.nextBoolean()));
                case 9 -> g.add(gen("vmalloc", "name", "v" + i, "size", (4L + r.nextInt(60)) * 4096, "rate", 100.0,
                        "lifetime_mean", 0.2 * S));
                case 10 -> g.add(gen("compact_memory", "at", start + S));
                case 11 -> g.add(gen("drop_caches", "at", start + S, "value", 1L + r.nextInt(3)));
                default -> g.add(gen("fork", "name", "fk" + i, "every", S / 2, "size", size / 4, "lifetime", S / 4));
            }
        }
        if (r.nextInt(4) == 0) {
            g.add(gen("frag", "pct", 20L + r.nextInt(40), "start", 500_000_000L, "fill", 1500_000_000L,
                    "exit", 2500_000_000L));
        }
        long swap = r.nextBoolean() ? 0 : 64 * MIB;
        return new Scenario("fuzz", "fuzz.yaml", "test", seed, 3 * S, 250, Map.of("vm.swappiness", "60"), swap, true,
                Scenario.DEFAULT_WRITEBACK_DELAY_NS, THP[r.nextInt(3)], g, new Scenario.Record(S, List.of(), List.of()));
    }

    private static Map<String, Long> run(Scenario sc) {
        BootedMachine b = ScenarioFixtures.boot("x86_64-256M");
        SimulationView end = new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
            }
        });
        BuddyChecker.check(b.machine());
        return end.counters();
    }

    @Property(tries = 60, seed = "20261125")
    void randomScenariosRunCleanlyAndRepeat(@ForAll long seed) {
        Scenario sc = randomScenario(seed);
        Map<String, Long> first = run(sc);
        assertThat(first.get("nr_dirty") + first.get("nr_writeback") + first.get("nr_written"))
                .isLessThanOrEqualTo(first.get("nr_dirtied"));
        assertThat(run(sc)).isEqualTo(first);
    }
}
