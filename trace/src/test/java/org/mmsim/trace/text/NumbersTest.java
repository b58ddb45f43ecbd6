package org.mmsim.trace.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Numbers#fixedTimeNs}: the kernel's "%5lu.%06lu" time stamp column, or -1 for anything else. */
class NumbersTest {
    private static long fixed(String column) {
        byte[] b = column.getBytes(StandardCharsets.US_ASCII);
        return Numbers.fixedTimeNs(b, 0, b.length);
    }

    @Test
    void theKernelsColumnIsReadToTheNanosecond() {
        assertThat(fixed("    0.605251")).isEqualTo(605_251_000L);
        assertThat(fixed("   10.288087")).isEqualTo(10_288_087_000L);
        assertThat(fixed("12345.000001")).isEqualTo(12_345_000_001_000L);
    }

    @Test
    void anythingElseIsLeftToTheGeneralReader() {
        assertThat(fixed("     1.23456")).isEqualTo(-1);
        assertThat(fixed("    x.605251")).isEqualTo(-1);
        assertThat(fixed("    0.6052x1")).isEqualTo(-1);
        assertThat(fixed("     .605251")).isEqualTo(-1);
        assertThat(fixed("   0 .605251")).isEqualTo(-1);
    }
}
