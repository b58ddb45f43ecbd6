package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmsim.testdata.Oracle;

/**
 * {@code mmsim boot --from-dmesg <case> --print slabinfo,meminfo}: the kmalloc caches kmem_cache_init() creates
 * on the booted machine have the real kernel's geometry (objsize, objperslab, pagesperslab from the oracle's
 * /proc/slabinfo), and meminfo's Slab lines count the pages of the slabs printed.
 */
class BootSlabinfoOracleTest {
    /** name -> {objsize, objperslab, pagesperslab, num_slabs} of every kmalloc line of a slabinfo text. */
    private static Map<String, List<Long>> kmallocLines(String text) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 16 && f[0].contains("kmalloc-") && f[6].equals(":")) {
                out.put(f[0], List.of(Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                        Long.parseLong(f[14])));
            }
        }
        return out;
    }

    private static String section(String out, String header) {
        int i = out.indexOf(header + "\n");
        assertThat(i).as(header).isNotNegative();
        int end = out.indexOf("\n# /", i + header.length());
        return out.substring(i + header.length() + 1, end < 0 ? out.length() : end);
    }

    private static long meminfoKb(String meminfo, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s+(\\d+) kB$").matcher(meminfo);
        assertThat(m.find()).as(key).isTrue();
        return Long.parseLong(m.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-4G", "arm64-1G", "x86_64-4G-numa2"})
    void kmallocCachesHaveTheOraclesGeometry(String caseName) {
        CliRun r = CliRun.of("boot", "--from-dmesg",
                Oracle.file(caseName, "dmesg").toString(), "--print", "slabinfo,meminfo,vmallocinfo");
        assertThat(r.status()).as(r.err()).isZero();
        String slabinfo = section(r.out(), "# /proc/slabinfo");
        assertThat(slabinfo).startsWith("slabinfo - version: 2.1\n");
        Map<String, List<Long>> mine = kmallocLines(slabinfo);
        Map<String, List<Long>> oracle = kmallocLines(Oracle.read(caseName, "slabinfo"));
        assertThat(oracle).hasSizeGreaterThan(20);
        assertThat(mine.keySet()).as("kmalloc caches").containsExactlyInAnyOrderElementsOf(oracle.keySet());
        for (Map.Entry<String, List<Long>> e : oracle.entrySet()) {
            assertThat(mine.get(e.getKey()).subList(0, 3)).as(caseName + " " + e.getKey()
                    + " objsize/objperslab/pagesperslab").isEqualTo(e.getValue().subList(0, 3));
        }

        long slabPages = 0;
        for (String line : slabinfo.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 16 && f[6].equals(":")) {
                slabPages += Long.parseLong(f[14]) * Long.parseLong(f[5]);
            }
        }
        assertThat(slabPages).isPositive();
        String meminfo = section(r.out(), "# /proc/meminfo");
        assertThat(meminfoKb(meminfo, "SUnreclaim")).isEqualTo(slabPages * 4);
        assertThat(meminfoKb(meminfo, "Slab")).isEqualTo(slabPages * 4);
        assertThat(r.out()).contains("# /proc/vmallocinfo\n");
    }
}
