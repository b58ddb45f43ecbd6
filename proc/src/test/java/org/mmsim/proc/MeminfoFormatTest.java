package org.mmsim.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

class MeminfoFormatTest {

    @Test
    void parsesValuesAndUnits() {
        Meminfo m = MeminfoFormat.parse("mi", Oracle.read("x86_64-16G", "meminfo"));
        assertThat(m.get("MemTotal")).isEqualTo(16377256);
        assertThat(m.entry("MemTotal").kb()).isTrue();
        assertThat(m.entry("HugePages_Total").kb()).isFalse();
        assertThat(m.get("VmallocTotal")).isEqualTo(34359738367L);
        assertThat(m.entries().get(m.entries().size() - 1).name()).isEqualTo("DirectMap2M");
    }

    /** Layouts from fs/proc/meminfo.c and mm/hugetlb.c worked by hand, including values wider than the field. */
    @Test
    void eachKernelLayoutIncludingOverflow() {
        Meminfo m = new Meminfo(List.of(
                MeminfoEntry.kb("MemTotal", 16377256),
                MeminfoEntry.kb("VmallocTotal", 34359738367L),
                MeminfoEntry.kb("ShadowCallStack", 12),
                MeminfoEntry.kb("HardwareCorrupted", 0),
                MeminfoEntry.kb("HardwareCorrupted", 1234567),
                new MeminfoEntry("HugePages_Total", 5, false),
                new MeminfoEntry("HugePages_Free", 123456, false),
                MeminfoEntry.kb("Hugepagesize", 2048)));
        assertThat(MeminfoFormat.render(m)).isEqualTo("""
                MemTotal:       16377256 kB
                VmallocTotal:   34359738367 kB
                ShadowCallStack:      12 kB
                HardwareCorrupted:     0 kB
                HardwareCorrupted: 1234567 kB
                HugePages_Total:       5
                HugePages_Free:    123456
                Hugepagesize:       2048 kB
                """);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> MeminfoFormat.parse("mi", "")).isInstanceOf(InputError.class)
                .hasMessage("mi: empty file");
        assertThatThrownBy(() -> MeminfoFormat.parse("mi", "MemTotal:  100 kB\nMemFree 12 kB\n"))
                .hasMessage("mi:2: expected 'Name:  value [kB]', found 'MemFree 12 kB'");
        assertThatThrownBy(() -> MeminfoFormat.parse("mi", "MemTotal:  -100 kB\n"))
                .hasMessage("mi:1: negative MemTotal '-100'");
    }
}
