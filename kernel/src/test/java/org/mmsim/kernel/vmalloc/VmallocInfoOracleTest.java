package org.mmsim.kernel.vmalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

/** Every line of every oracle vmallocinfo, parsed and printed again, must come out byte for byte. */
class VmallocInfoOracleTest {
    static Stream<String> cases() {
        return Oracle.allCases().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyLineRoundTrips(String caseName) {
        Path file = Oracle.file(caseName, "vmallocinfo");
        String[] lines = Oracle.read(caseName, "vmallocinfo").split("\n");
        assertThat(lines.length).isGreaterThan(5);
        for (int i = 0; i < lines.length; i++) {
            VmallocInfo.Parsed p = VmallocInfo.parse(lines[i], file, i + 1, 8);
            assertThat(VmallocInfo.render(p.line(), p.format())).as(caseName + ":" + (i + 1)).isEqualTo(lines[i]);
        }
    }

    @Test
    void badLinesNameFileAndLine() {
        Path f = Path.of("vmallocinfo");
        assertThatThrownBy(() -> VmallocInfo.parse("garbage", f, 3, 8)).isInstanceOf(InputError.class)
                .hasMessageStartingWith("vmallocinfo:3: ");
        assertThatThrownBy(() -> VmallocInfo.parse("0x0000000000001000-0x0000000000003000    8192 f+0x1/0x2 "
                + "pages=x vmalloc", f, 7, 8)).isInstanceOf(InputError.class).hasMessageStartingWith("vmallocinfo:7: ");
        assertThatThrownBy(() -> VmallocInfo.parse("0x0000000000001000-0x0000000000003000    8192 f+0x1/0x2 "
                + "bogus", f, 9, 8)).isInstanceOf(InputError.class).hasMessageStartingWith("vmallocinfo:9: ");
    }

    private static long meminfoKb(String caseName, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s+(\\d+) kB$").matcher(Oracle.read(caseName, "meminfo"));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void vmallocTotalMatchesOracle() {
        assertThat(VmallocRange.x86_64().totalKb()).isEqualTo(meminfoKb("x86_64-4G", "VmallocTotal"));
        assertThat(VmallocRange.arm64().totalKb()).isEqualTo(meminfoKb("arm64-1G", "VmallocTotal"));
    }
}
