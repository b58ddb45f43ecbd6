package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Gfp;
import org.mmsim.page.Zone;
import org.mmsim.page.debug.BuddyChecker;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.GfpMask;
import org.mmsim.workload.scenario.Scenario;

/** Two runs with the same seed give the recorder identical snapshots, trace lines and notes. */
class DeterminismTest {
    private static String digest(long seed) throws Exception {
        BootedMachine b = ScenarioFixtures.boot("x86_64-1G");
        long s = ScenarioFixtures.S;
        long mib = ScenarioFixtures.MIB;
        Scenario sc = ScenarioFixtures.scenario("mixed", seed, 4 * s, true, 256 * mib,
                List.of("mm_compaction_begin", "mm_compaction_end", "mm_vmscan_kswapd_wake", "mm_page_alloc_extfrag"),
                ScenarioFixtures.gen("anon", "name", "db", "size", 400 * mib, "touch", "random", "rate", 300.0 * mib,
                        "thp", Boolean.TRUE, "processes", 1L),
                ScenarioFixtures.gen("file", "name", "reader", "size", 600 * mib, "rate", 300.0 * mib, "repeat", 2L),
                ScenarioFixtures.gen("kernel", "rate", 2000.0, "orders", Map.of(0, 70.0, 1, 15.0, 2, 10.0, 3, 5.0),
                        "lifetime_mean", 1_000_000_000.0, "gfp", new GfpMask(Gfp.GFP_KERNEL)),
                ScenarioFixtures.gen("slab", "rate", 500.0, "lifetime_mean", 2_000_000_000.0, "reclaimable", Boolean.TRUE),
                ScenarioFixtures.gen("thp", "rate", 20.0, "gfp", new GfpMask(Gfp.GFP_TRANSHUGE), "hold", s, "start", s),
                ScenarioFixtures.gen("compact_memory", "at", 3 * s));
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        new LinuxSimulation().run(sc, b, new Recorder() {
            @Override
            public void snapshot(long timeNs, String label, SimulationView view) {
                StringBuilder sb = new StringBuilder(label).append(timeNs).append(view.counters());
                for (Zone z : view.booted().machine().zones()) {
                    for (int o = 0; o < 11; o++) {
                        sb.append(',').append(z.nrFree(o));
                    }
                }
                sb.append(view.processes()).append(view.slabPages());
                md.update(sb.toString().getBytes());
            }

            @Override
            public void trace(String line) {
                md.update(line.getBytes());
            }

            @Override
            public void note(long timeNs, String text) {
                md.update((timeNs + text).getBytes());
            }
        });
        BuddyChecker.check(b.machine());
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    @Test
    void sameSeedSameRecording() throws Exception {
        String a = digest(42);
        assertThat(digest(42)).isEqualTo(a);
        assertThat(digest(43)).isNotEqualTo(a);
    }
}
