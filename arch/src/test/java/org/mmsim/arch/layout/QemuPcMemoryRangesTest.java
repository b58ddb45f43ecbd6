package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mmsim.testdata.Oracle;

/** The memblock pfn ranges of a QEMU pc machine against the oracles' "Early memory node ranges" and zoneinfo. */
class QemuPcMemoryRangesTest {
    private static final Pattern NODE_RANGE = Pattern.compile("node +\\d+: \\[mem 0x([0-9a-f]+)-0x([0-9a-f]+)\\]");

    /** The oracle's ranges as pfn pairs, ranges that touch merged (the numa2 case splits one at a node edge). */
    private static List<long[]> oracleRanges(String c) {
        List<long[]> out = new ArrayList<>();
        Matcher m = NODE_RANGE.matcher(Oracle.read(c, "dmesg"));
        while (m.find()) {
            long start = Long.parseLong(m.group(1), 16) >>> 12;
            long end = (Long.parseLong(m.group(2), 16) + 1) >>> 12;
            if (!out.isEmpty() && out.get(out.size() - 1)[1] == start) {
                out.get(out.size() - 1)[1] = end;
            } else {
                out.add(new long[] {start, end});
            }
        }
        return out;
    }

    @Test
    void matchesEveryX86Oracle() {
        for (String c : Oracle.allCases()) {
            if (c.startsWith("arm64")) {
                continue;
            }
            Matcher mem = Pattern.compile("-m (\\S+)").matcher(Oracle.read(c, "qemu-args"));
            assertThat(mem.find()).isTrue();
            long bits = c.startsWith("i386") ? 36 : 46;
            long[][] ranges = QemuPcMemoryMap.memoryPfnRanges(Sizes.parse(mem.group(1), "-m"),
                    QemuPcMemoryMap.maxArchPfn((int) bits));
            List<long[]> expected = oracleRanges(c);
            assertThat(ranges[0].length).as(c).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(ranges[0][i]).as(c).isEqualTo(expected.get(i)[0]);
                assertThat(ranges[1][i]).as(c).isEqualTo(expected.get(i)[1]);
            }
        }
    }

    @Test
    void presentPagesEqualTheZoneinfoSum() {
        for (String c : List.of("x86_64-4G", "i386pae-8G", "x86_64-1G")) {
            long sum = 0;
            Matcher m = Pattern.compile("\\n +present +(\\d+)").matcher(Oracle.read(c, "zoneinfo"));
            while (m.find()) {
                sum += Long.parseLong(m.group(1));
            }
            Matcher mem = Pattern.compile("-m (\\S+)").matcher(Oracle.read(c, "qemu-args"));
            assertThat(mem.find()).isTrue();
            long[][] r = QemuPcMemoryMap.memoryPfnRanges(Sizes.parse(mem.group(1), "-m"), 1L << 34);
            long pages = 0;
            for (int i = 0; i < r[0].length; i++) {
                pages += r[1][i] - r[0][i];
            }
            assertThat(pages).as(c).isEqualTo(sum);
        }
    }
}
