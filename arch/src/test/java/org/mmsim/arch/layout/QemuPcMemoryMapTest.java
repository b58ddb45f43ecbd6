package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mmsim.testdata.Oracle;

/** max_pfn of a QEMU pc machine against every x86 oracle boot log ("last_pfn = ... max_arch_pfn = ..."). */
class QemuPcMemoryMapTest {

    @Test
    void matchesEveryX86OracleCase() {
        int checked = 0;
        for (String c : Oracle.allCases()) {
            if (c.startsWith("arm64")) {
                continue;
            }
            Matcher mem = Pattern.compile("-m (\\S+)").matcher(Oracle.read(c, "qemu-args"));
            Matcher pfn = Pattern.compile("last_pfn = 0x([0-9a-f]+) max_arch_pfn = 0x([0-9a-f]+)")
                    .matcher(Oracle.read(c, "dmesg"));
            assertThat(mem.find()).isTrue();
            assertThat(pfn.find()).isTrue();
            long ram = Sizes.parse(mem.group(1), "qemu -m");
            assertThat(QemuPcMemoryMap.maxPfn(ram, Long.parseLong(pfn.group(2), 16)))
                    .as(c).isEqualTo(Long.parseLong(pfn.group(1), 16));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }
}
