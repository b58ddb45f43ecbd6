package org.mmsim.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

class VmstatFormatTest {

    @Test
    void countersInTheKernelsOrderEndingWithTheDeprecatedOne() {
        Vmstat v = VmstatFormat.parse("vs", Oracle.read("x86_64-4G", "vmstat"));
        NamedCounters c = v.counters();
        assertThat(c.name(0)).isEqualTo("nr_free_pages");
        assertThat(v.get("nr_free_pages")).isEqualTo(992202);
        assertThat(c.name(c.size() - 1)).isEqualTo("nr_unstable");
    }

    @Test
    void modelCountersRender() {
        Vmstat v = new Vmstat(NamedCounters.builder().add("nr_free_pages", 5).add("pgfault", -1L).build());
        assertThat(VmstatFormat.render(v)).isEqualTo("nr_free_pages 5\npgfault 18446744073709551615\n");
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> VmstatFormat.parse("vs", "")).isInstanceOf(InputError.class)
                .hasMessage("vs: empty file");
        assertThatThrownBy(() -> VmstatFormat.parse("vs", "nr_free_pages 1\nnr_zone_active_anon\n"))
                .hasMessage("vs:2: expected 'name value', found 'nr_zone_active_anon'");
        assertThatThrownBy(() -> VmstatFormat.parse("vs", "nr_free_pages one\n"))
                .hasMessage("vs:1: expected a number for nr_free_pages, found 'one'");
    }
}
