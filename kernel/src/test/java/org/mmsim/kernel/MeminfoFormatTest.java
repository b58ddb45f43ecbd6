package org.mmsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.kernel.slab.Slub;
import org.mmsim.kernel.vmalloc.Vmalloc;
import org.mmsim.testdata.Oracle;

/** The slab and vmalloc lines of meminfo, rendered from the oracle's own vmstat counters, equal its meminfo. */
class MeminfoFormatTest {
    /**
     * All 6.1 cases but numa2, whose vmstat and meminfo were read at different moments: its unreclaimable slab
     * count moved by 10 pages in between (meminfo SUnreclaim 6796 kB, vmstat nr_slab_unreclaimable 1709 pages).
     */
    static java.util.List<String> cases() {
        return Oracle.cases61().stream().filter(c -> !c.equals("x86_64-4G-numa2")).toList();
    }

    private static long value(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String lines(String meminfo, String... keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            Matcher m = Pattern.compile("^" + k + ":.*$", Pattern.MULTILINE).matcher(meminfo);
            assertThat(m.find()).isTrue();
            sb.append(m.group()).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void slabAndVmallocLines(String c) {
        String vmstat = Oracle.read(c, "vmstat");
        String meminfo = Oracle.read(c, "meminfo");
        long rec = value(vmstat, "^nr_slab_reclaimable (\\d+)$");
        long unrec = value(vmstat, "^nr_slab_unreclaimable (\\d+)$");
        assertThat(Slub.meminfoLines(rec, unrec, 12)).isEqualTo(lines(meminfo, "Slab", "SReclaimable", "SUnreclaim"));
        long total = value(meminfo, "^VmallocTotal:\\s+(\\d+) kB$");
        long usedPages = value(meminfo, "^VmallocUsed:\\s+(\\d+) kB$") / 4;
        assertThat(Vmalloc.meminfoLines(total, usedPages, 12))
                .isEqualTo(lines(meminfo, "VmallocTotal", "VmallocUsed", "VmallocChunk"));
    }
}
