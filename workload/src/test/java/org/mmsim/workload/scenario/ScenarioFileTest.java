package org.mmsim.workload.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.page.Gfp;

/** The scenario parser's values and units, worked by hand from the file's text. */
class ScenarioFileTest {
    private static Path file() throws URISyntaxException {
        return Path.of(ScenarioFileTest.class.getResource("/scenarios-test/values.yaml").toURI());
    }

    @Test
    void valuesBecomeBytesNanosecondsAndRatesPerSecond() throws URISyntaxException {
        Scenario s = ScenarioFile.load(file().toString());
        assertThat(s.name()).isEqualTo("values");
        assertThat(s.machine()).isEqualTo(file().getParent().resolve("machine.yaml").toString());
        assertThat(s.seed()).isEqualTo(9);
        assertThat(s.durationNs()).isEqualTo(90_000_000_000L);
        assertThat(s.hz()).isEqualTo(1000);
        assertThat(s.swapBytes()).isEqualTo(2L << 30);
        assertThat(s.compaction()).isFalse();
        assertThat(s.sysctl()).containsEntry("vm.min_free_kbytes", "67584").containsEntry("vm.extfrag_threshold", "500");
        assertThat(s.record().intervalNs()).isEqualTo(500_000_000L);
        assertThat(s.record().procFiles()).containsExactly("buddyinfo", "zoneinfo");
        assertThat(s.record().traceEvents()).containsExactly("mm_compaction_begin");
        List<Scenario.Generator> g = s.generators();
        assertThat(g).extracting(Scenario.Generator::kind).containsExactly("anon", "kernel", "drop_caches", "kernel");
        assertThat(g).extracting(Scenario.Generator::name).containsExactly("db", "kernel1", "drop_caches1", "kernel2");
        assertThat(g.get(0).params()).containsEntry("size", 1L << 30).containsEntry("rate", 512.0 * (1 << 20))
                .containsEntry("thp", true).containsEntry("processes", 2L).containsEntry("touch", "random");
        assertThat(g.get(0).line()).isEqualTo(14);
        assertThat(g.get(1).params()).containsEntry("rate", 2000.0).containsEntry("lifetime_mean", 5_000_000_000L)
                .containsEntry("orders", Map.of(0, 70.0, 3, 30.0))
                .containsEntry("gfp", new GfpMask(Gfp.GFP_KERNEL | Gfp.__GFP_NOWARN));
        assertThat(g.get(2).params()).containsEntry("at", 40_000_000_000L).containsEntry("value", 3L);
    }

    /**
     * A scenario's sysctls are checked against the settings table: kernel/sysctl.c bounds extfrag_threshold by
     * SYSCTL_ZERO..SYSCTL_ONE_THOUSAND, and a lowmem_reserve_ratio may have as many ratios as the architecture
     * with the most zones (x86_64's five: DMA, DMA32, Normal, Movable, Device).
     */
    @Test
    void sysctlsAreCheckedWithTheTablesRange() {
        String head = "machine: " + System.getProperty("java.home") + "/release\nduration: 1s\n"
                + "workload: [ {kernel: {rate: 1}} ]\nsysctl:\n";
        assertThatThrownBy(() -> ScenarioFile.parse("a.yaml", head + "  vm.extfrag_threshold: 1001\n"))
                .isInstanceOf(InputError.class)
                .hasMessage("a.yaml:5: sysctl vm.extfrag_threshold 1001 is outside 0..1000 (what Linux 6.1 accepts)");
        assertThat(ScenarioFile.parse("a.yaml", head + "  vm.lowmem_reserve_ratio: [1, 2, 3, 4, 5]\n").sysctl())
                .containsEntry("vm.lowmem_reserve_ratio", "1 2 3 4 5");
        assertThatThrownBy(() -> ScenarioFile.parse("a.yaml", head + "  vm.lowmem_reserve_ratio: [1, 2, 3, 4, 5, 6]\n"))
                .hasMessageContaining("one ratio per zone (5 on this architecture)");
    }

    @Test
    void unitsAreStrict() {
        String head = "machine: " + System.getProperty("java.home") + "/release\nduration: ";
        assertThatThrownBy(() -> ScenarioFile.parse("a.yaml", head + "5sec\nworkload: [ {kernel: {rate: 1}} ]"))
                .isInstanceOf(InputError.class).hasMessage("a.yaml:2: duration '5sec' is not a time: a number with a"
                        + " unit ns, us, ms, s or m (e.g. 60s)").isNotNull();
        assertThatThrownBy(() -> ScenarioFile.parse("a.yaml", head + "5s\nworkload: [ {anon: {size: 5KB}} ]"))
                .isInstanceOf(InputError.class).hasMessageStartingWith("a.yaml:3: anon size '5KB' is not a size");
        assertThatThrownBy(() -> ScenarioFile.parse("a.yaml", head + "5s\nworkload: [ {kernel: {rate: 5M}} ]"))
                .isInstanceOf(InputError.class).hasMessageStartingWith("a.yaml:3: kernel rate '5M' is not a rate");
    }

    /**
     * A gfp mask takes only the names show_gfp_flags() prints (mmflags.h, 6.1): __GFP_DMA is printed as GFP_DMA
     * there, and GFP_ZONEMASK is a mask of gfp.h, not a flag name; both are refused at load with file and line.
     */
    @Test
    void gfpNamesAreTheTraceNames() {
        String head = "machine: " + System.getProperty("java.home") + "/release\nduration: 5s\nworkload: ";
        assertThat(ScenarioFile.parse("a.yaml", head + "[ {kernel: {rate: 1, gfp: GFP_DMA | __GFP_ZERO}} ]")
                .generators().get(0).params()).containsEntry("gfp", new GfpMask(0x01 | 0x100));
        for (String name : new String[] {"__GFP_DMA", "GFP_ZONEMASK"}) {
            assertThatThrownBy(() -> ScenarioFile.parse("a.yaml", head + "[ {kernel: {rate: 1, gfp: " + name + "}} ]"))
                    .isInstanceOf(InputError.class)
                    .hasMessageStartingWith("a.yaml:3: kernel gfp: unknown gfp flag '" + name + "'");
        }
    }
}
