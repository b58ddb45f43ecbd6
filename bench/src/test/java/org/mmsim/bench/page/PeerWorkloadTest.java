package org.mmsim.bench.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.page.Machine;

/** The harness reproduces the check values of benchmark-workloads.md (they depend only on the RNG and rules). */
class PeerWorkloadTest {
    /** Hands out increasing handles; the checks do not depend on the allocator. */
    static final class Counter implements PeerWorkload.Allocator {
        long next;

        @Override
        public long alloc(int order) {
            return next++;
        }

        @Override
        public void free(long handle, int order) {
        }
    }

    @Test
    void splitMix64FirstOutputs() {
        SplitMix64 r = new SplitMix64(42);
        assertThat(Long.toUnsignedString(r.next())).isEqualTo("13679457532755275413");
        assertThat(Long.toUnsignedString(r.next())).isEqualTo("2949826092126892291");
        assertThat(Long.toUnsignedString(r.next())).isEqualTo("5139283748462763858");
        assertThat(Long.toUnsignedString(r.next())).isEqualTo("6349198060258255764");
        assertThat(Long.toUnsignedString(r.next())).isEqualTo("701532786141963250");
    }

    private static void check(int pct, int n, long uFill, long[] firstSteps, long sumJ, long sumK, long uEnd,
            long uMin, long uMax, int[] byOrder) {
        PeerWorkload w = new PeerWorkload(pct);
        assertThat(w.fill(new Counter())).isEqualTo(n);
        assertThat(w.used()).isEqualTo(uFill);
        assertThat(new int[] {w.order(0), w.order(1), w.order(2), w.order(3), w.order(4), w.order(5), w.order(6), w.order(7)})
                .containsExactly(1, 3, 2, 0, 2, 2, 1, 0);
        Counter c = new Counter();
        long sj = 0;
        long sk = 0;
        long min = w.used();
        long max = w.used();
        for (int i = 0; i < PeerWorkloadBench.STEPS; i++) {
            long jk = w.step(c);
            if (i < 3) {
                assertThat(new long[] {jk >> 2, jk & 3}).containsExactly(firstSteps[2 * i], firstSteps[2 * i + 1]);
            }
            sj += jk >> 2;
            sk += jk & 3;
            min = Math.min(min, w.used());
            max = Math.max(max, w.used());
        }
        assertThat(sj).isEqualTo(sumJ);
        assertThat(sk).isEqualTo(sumK);
        assertThat(w.used()).isEqualTo(uEnd);
        assertThat(min).isEqualTo(uMin);
        assertThat(max).isEqualTo(uMax);
        int[] counts = new int[4];
        for (int i = 0; i < w.n(); i++) {
            counts[w.order(i)]++;
        }
        assertThat(counts).containsExactly(byOrder);
    }

    @Test
    void workloadB() {
        check(50, 139_935, 524_291, new long[] {49671, 0, 111432, 3, 17684, 2}, 349_715_847_774L, 7_499_222,
                525_187, 522_199, 526_961, new int[] {34_895, 34_922, 35_124, 34_994});
    }

    @Test
    void workloadC() {
        check(90, 251_429, 943_718, new long[] {38946, 0, 209254, 2, 135673, 2}, 628_425_825_331L, 7_498_644,
                943_974, 940_316, 946_490, new int[] {62_994, 62_278, 63_208, 62_949});
    }

    @Test
    void workloadCRunsOnTheModelWithoutFailures() {
        Machine m = PageBenchMachines.fourGiB(true);
        PeerWorkload w = new PeerWorkload(90);
        PeerWorkload.Allocator a = PeerWorkloadBench.of(m);
        w.fill(a);
        for (int i = 0; i < 200_000; i++) {
            w.step(a);
        }
        assertThat(w.failures()).isZero();
    }

    /** The per-page state stays within 16 bytes a page after the full (b) and (c) churn (5M steps each). */
    @Test
    void perPageStateAfterTheChurnOfBAndC() {
        for (int pct : new int[] {50, 90}) {
            Machine m = PageBenchMachines.fourGiB(true);
            PeerWorkload w = new PeerWorkload(pct);
            PeerWorkload.Allocator a = PeerWorkloadBench.of(m);
            w.fill(a);
            for (int i = 0; i < PeerWorkloadBench.STEPS; i++) {
                w.step(a);
            }
            assertThat(w.failures()).isZero();
            long bytes = m.node(0).memMap().bytes() + m.zones().stream().mapToLong(z -> z.pcpListBytes()).sum();
            assertThat((double) bytes / PeerWorkload.T).as("bytes per page at %d %%", pct).isLessThanOrEqualTo(16.0);
        }
    }
}
