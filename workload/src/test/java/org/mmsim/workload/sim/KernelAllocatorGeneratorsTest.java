package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmsim.workload.sim.ScenarioFixtures.S;
import static org.mmsim.workload.sim.ScenarioFixtures.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.page.Gfp;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.GfpMask;
import org.mmsim.workload.scenario.Scenario;

/**
 * The kmalloc, kmem_cache and vmalloc generators on the booted machine's SLUB and vmalloc: each cache's slab
 * pages show in the view, the slab counters carry them, drop_caches shrinks the reclaimable caches, the buddy
 * allocator stays consistent, and runs are reproducible from the seed.
 */
class KernelAllocatorGeneratorsTest {
    /** Snapshots of one run: label@time -> slab pages per cache, and the last counters. */
    private record Run(Map<String, Map<String, Long>> slabPages, Map<String, Long> lastCounters) {
    }

    private static Run run(long seed) {
        BootedMachine b = ScenarioFixtures.boot("x86_64-1G");
        Scenario sc = ScenarioFixtures.scenario("slab", seed, 3 * S, false, 0, List.of(),
                gen("kmalloc", "name", "k200", "size", 200L, "rate", 20000.0, "lifetime_mean", 0.5 * S),
                gen("kmalloc", "name", "k3000", "size", 3000L, "rate", 2000.0, "lifetime_mean", 1.0 * S,
                        "gfp", new GfpMask(Gfp.GFP_KERNEL_ACCOUNT)),
                gen("kmem_cache", "name", "test_dentry", "object_size", 200L, "reclaimable", Boolean.TRUE,
                        "rate", 30000.0, "lifetime_mean", 0.1 * S, "stop", S),
                gen("kmem_cache", "name", "test_inode", "object_size", 600L, "rate", 5000.0, "lifetime_mean",
                        0.1 * S, "stop", S),
                gen("kmem_cache", "name", "test_buf", "object_size", 1000L, "rate", 1000.0),
                gen("vmalloc", "name", "test_vmalloc", "size", 64 * 1024L, "rate", 200.0, "lifetime_mean", 0.1 * S,
                        "stop", 2 * S),
                gen("drop_caches", "at", 2_500_000_000L, "value", 2L));
        Map<String, Map<String, Long>> slab = new LinkedHashMap<>();
        List<Map<String, Long>> counters = new ArrayList<>();
        new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                slab.put(label + "@" + timeNs, new LinkedHashMap<>(view.slabPages()));
                counters.add(view.counters());
            }
        });
        BuddyChecker.check(b.machine());
        return new Run(slab, counters.get(counters.size() - 1));
    }

    @Test
    void slabPagesPerCacheAppearAndReclaimableCachesAreShrunk() {
        Run r = run(7);
        Map<String, Long> at1 = r.slabPages().get("interval@" + S);
        assertThat(at1).as("caches at 1 s").containsKeys("test_dentry", "test_inode", "test_buf", "kmalloc-256",
                "kmalloc-cg-4k", "vmap_area", "kmem_cache", "kmem_cache_node");
        // Live objects need at least their bytes in slab pages: test_buf never frees, one 1000-byte object per
        // millisecond (the 1 s snapshot comes before the 1 s step; the end one after the 3 s step).
        assertThat(at1.get("test_buf")).isGreaterThanOrEqualTo(1000L * 1000 / 4096);
        Map<String, Long> end = r.slabPages().get("end@" + 3 * S);
        assertThat(end.get("test_buf")).isGreaterThanOrEqualTo(3001L * 1000 / 4096);
        // All test_dentry and test_inode objects were freed by then (mean life 0.1 s, none allocated after 1 s);
        // SLUB keeps empty slabs (min_partial, the CPU slab) until kmem_cache_shrink(): drop_caches at 2.5 s frees
        // those of the SLAB_RECLAIM_ACCOUNT cache only.
        Map<String, Long> at2 = r.slabPages().get("interval@" + 2 * S);
        assertThat(at2.get("test_dentry")).isPositive();
        assertThat(at2.get("test_inode")).isPositive();
        assertThat(end).doesNotContainKey("test_dentry");
        assertThat(end.get("test_inode")).isEqualTo(at2.get("test_inode"));

        Map<String, Long> c = r.lastCounters();
        long unreclaimableCaches = end.entrySet().stream().filter(e -> !e.getKey().startsWith("test_dentry"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(c.get("nr_slab_unreclaimable")).isGreaterThanOrEqualTo(unreclaimableCaches);
        assertThat(c.get("nr_slab_reclaimable")).isZero();
        assertThat(c.get("nr_vmalloc")).isZero();
        assertThat(c.get("drop_slab")).isEqualTo(1);
    }

    @Test
    void sameSeedSameSlabPages() {
        Run a = run(11);
        assertThat(run(11).slabPages()).isEqualTo(a.slabPages());
        assertThat(run(12).slabPages()).isNotEqualTo(a.slabPages());
    }

    @Test
    void badSettingsGetOneLine() {
        BootedMachine b = ScenarioFixtures.boot("x86_64-1G");
        Recorder none = (t, l, v) -> { };
        for (Scenario.Generator g : List.of(gen("kmalloc", "size", 8L << 20, "rate", 1.0),
                gen("kmalloc", "size", 64L, "rate", 1.0, "gfp", new GfpMask(Gfp.GFP_HIGHUSER)),
                gen("kmem_cache", "name", "two words", "object_size", 64L, "rate", 1.0),
                gen("vmalloc", "size", 0L, "rate", 1.0))) {
            Scenario sc = ScenarioFixtures.scenario("bad", 1, S, false, 0, List.of(), g);
            assertThatThrownBy(() -> new LinuxSimulation().run(sc, b, none)).isInstanceOf(InputError.class)
                    .hasMessageContaining(":1: " + g.kind() + ": ");
        }
    }
}
