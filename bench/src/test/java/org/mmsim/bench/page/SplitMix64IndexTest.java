package org.mmsim.bench.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The index rule's division-based unsigned remainder equals Long.remainderUnsigned, the document's definition. */
class SplitMix64IndexTest {
    @Test
    void indexIsTheUnsignedRemainderOfTheNextOutput() {
        SplittableRandom sizes = new SplittableRandom(7);
        for (int t = 0; t < 200_000; t++) {
            int n = t < 1000 ? t + 1 : sizes.nextInt(1, Integer.MAX_VALUE);
            long seed = sizes.nextLong();
            long x = new SplitMix64(seed).next();
            assertThat(new SplitMix64(seed).index(n)).as("n=%d x=%s", n, Long.toUnsignedString(x))
                    .isEqualTo((int) Long.remainderUnsigned(x, n));
        }
    }

    @Test
    void extremeValues() {
        long[] xs = {0, 1, -1, -2, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 0xFFFF_FFFFL};
        int[] ns = {1, 2, 3, 139_935, 251_429, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        for (long x : xs) {
            for (int n : ns) {
                assertThat(SplitMix64.remainderUnsigned(x, n)).as("x=%s n=%d", Long.toUnsignedString(x), n)
                        .isEqualTo(Long.remainderUnsigned(x, n));
            }
        }
    }
}
