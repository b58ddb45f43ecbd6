package org.mmsim.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * defer_compaction(), compaction_deferred(), compaction_defer_reset() and compaction_restarting() of
 * mm/compaction.c 6.1, worked by hand from a zeroed zone (compact_considered = compact_defer_shift =
 * compact_order_failed = 0). compaction_deferred(): orders below order_failed are never deferred; otherwise
 * ++considered and deferred while it is below 1 &lt;&lt; defer_shift, where it then stays.
 */
class DeferralTest {

    /** How many compaction_deferred() calls in a row say "skip" before one lets compaction run. */
    private static int skippedInARow(Deferral d, int order) {
        int n = 0;
        while (d.compactionDeferred(order)) {
            n++;
        }
        return n;
    }

    @Test
    void aFreshZoneIsNeverDeferred() {
        // limit 1 << 0 = 1; ++considered = 1 >= 1 -> not deferred, considered stays 1.
        Deferral d = new Deferral();
        assertThat(d.compactionDeferred(4)).isFalse();
        assertThat(d.considered()).isEqualTo(1);
    }

    @Test
    void oneFailureSkipsExactlyOneAttempt() {
        // defer: considered 0, shift 1, order_failed min(0, 4) stays 0. limit 2: ++considered = 1 < 2 -> deferred;
        // ++considered = 2 >= 2 -> runs.
        Deferral d = new Deferral();
        d.deferCompaction(4);
        assertThat(d.deferShift()).isEqualTo(1);
        assertThat(d.compactionDeferred(4)).isTrue();
        assertThat(d.compactionDeferred(4)).isFalse();
    }

    @Test
    void eachFailureDoublesTheBackoff() {
        // After 3 failures shift 3, limit 8: considered 1..7 are deferred, 8 runs -> 7 skipped.
        Deferral d = new Deferral();
        for (int i = 0; i < 3; i++) {
            d.deferCompaction(4);
        }
        assertThat(skippedInARow(d, 4)).isEqualTo(7);
    }

    @Test
    void theShiftStopsAtCompactMaxDeferShift() {
        // Ten failures: the shift is capped at COMPACT_MAX_DEFER_SHIFT = 6, limit 64 -> 63 skipped, not 1023.
        Deferral d = new Deferral();
        for (int i = 0; i < 10; i++) {
            d.deferCompaction(4);
        }
        assertThat(d.deferShift()).isEqualTo(6);
        assertThat(skippedInARow(d, 4)).isEqualTo(63);
    }

    @Test
    void consideredSaturatesAtTheLimit() {
        // shift 1, limit 2: calls give considered 1 (deferred), 2 (runs), then stay at 2.
        Deferral d = new Deferral();
        d.deferCompaction(4);
        for (int i = 0; i < 5; i++) {
            d.compactionDeferred(4);
        }
        assertThat(d.considered()).isEqualTo(2);
    }

    @Test
    void ordersBelowTheFailedOrderAreNotDeferredNorCounted() {
        // defer_reset(3, false): 3 >= 0 -> order_failed 4. defer(5): 5 < 4 false -> order_failed stays 4, shift 1.
        // deferred(3): 3 < 4 -> false, considered untouched (0). deferred(4): ++considered 1 < 2 -> true.
        Deferral d = new Deferral();
        d.compactionDeferReset(3, false);
        d.deferCompaction(5);
        assertThat(d.orderFailed()).isEqualTo(4);
        assertThat(d.compactionDeferred(3)).isFalse();
        assertThat(d.considered()).isZero();
        assertThat(d.compactionDeferred(4)).isTrue();
    }

    @Test
    void aFailureAtALowerOrderLowersTheFailedOrder() {
        // defer_reset(8, false) -> order_failed 9; defer(5): 5 < 9 -> order_failed 5.
        Deferral d = new Deferral();
        d.compactionDeferReset(8, false);
        assertThat(d.orderFailed()).isEqualTo(9);
        d.deferCompaction(5);
        assertThat(d.orderFailed()).isEqualTo(5);
    }

    @Test
    void deferResetAfterASuccessfulAllocationEndsTheBackoff() {
        // Two failures (shift 2); defer_reset(4, true): considered 0, shift 0, order_failed 5 -> next call runs.
        Deferral d = new Deferral();
        d.deferCompaction(4);
        d.deferCompaction(4);
        d.compactionDeferReset(4, true);
        assertThat(d.deferShift()).isZero();
        assertThat(d.orderFailed()).isEqualTo(5);
        assertThat(d.compactionDeferred(5)).isFalse();
    }

    @Test
    void deferResetWithoutAllocationKeepsTheBackoff() {
        // Two failures (shift 2, considered 0); defer_reset(4, false): shift stays 2, order_failed 5.
        // deferred(5): ++considered = 1 < 4 -> still deferred.
        Deferral d = new Deferral();
        d.deferCompaction(4);
        d.deferCompaction(4);
        d.compactionDeferReset(4, false);
        assertThat(d.deferShift()).isEqualTo(2);
        assertThat(d.compactionDeferred(5)).isTrue();
    }

    @Test
    void restartingOnlyOnceTheLongestBackoffHasRunOut() {
        // Six failures: shift 6. Not restarting while considered < 64; after 63 deferred calls and one that runs,
        // considered = 64 -> compaction_restarting true for order >= order_failed (0), false below it.
        Deferral d = new Deferral();
        for (int i = 0; i < 6; i++) {
            d.deferCompaction(4);
        }
        assertThat(d.compactionRestarting(4)).isFalse();
        assertThat(skippedInARow(d, 4)).isEqualTo(63);
        assertThat(d.considered()).isEqualTo(64);
        assertThat(d.compactionRestarting(4)).isTrue();
        d.compactionDeferReset(6, false);
        assertThat(d.compactionRestarting(4)).isFalse();
    }
}
