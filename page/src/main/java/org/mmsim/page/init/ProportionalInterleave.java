package org.mmsim.page.init;

/**
 * A proportional round-robin over a few counts: each call picks the kind whose share of the picks so far lags its
 * share of the whole most (the first such kind on a tie), so kinds allocated together interleave in memory in
 * proportion, as boot and early userspace interleave them.
 */
final class ProportionalInterleave {
    private final long[] want;
    private final long[] left;
    private final long[] credit;
    private final long total;

    ProportionalInterleave(long... want) {
        this.want = want.clone();
        this.left = want.clone();
        this.credit = new long[want.length];
        long sum = 0;
        for (long w : want) {
            sum += w;
        }
        this.total = sum;
    }

    /** The next kind's index; only called while some kind has picks left. */
    int next() {
        int best = -1;
        for (int k = 0; k < want.length; k++) {
            if (left[k] == 0) {
                continue;
            }
            credit[k] += want[k];
            if (best < 0 || credit[k] > credit[best]) {
                best = k;
            }
        }
        credit[best] -= total;
        left[best]--;
        return best;
    }
}
