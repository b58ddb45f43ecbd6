package org.mmsim.workload.sim;

/**
 * The simulation's timer queue: a binary min-heap of events in primitive arrays, ordered by time and, for equal
 * times, by insertion order, so that runs are reproducible. An event is a kind, an int and a long argument.
 */
final class EventQueue {
    private long[] time = new long[1024];
    private long[] seq = new long[1024];
    private int[] kind = new int[1024];
    private int[] argInt = new int[1024];
    private long[] argLong = new long[1024];
    private int size;
    private long nextSeq;

    int size() {
        return size;
    }

    long peekTime() {
        return time[0];
    }

    int peekKind() {
        return kind[0];
    }

    int peekInt() {
        return argInt[0];
    }

    long peekLong() {
        return argLong[0];
    }

    void add(long t, int k, int ai, long al) {
        if (size == time.length) {
            int n = size * 2;
            time = java.util.Arrays.copyOf(time, n);
            seq = java.util.Arrays.copyOf(seq, n);
            kind = java.util.Arrays.copyOf(kind, n);
            argInt = java.util.Arrays.copyOf(argInt, n);
            argLong = java.util.Arrays.copyOf(argLong, n);
        }
        int i = size++;
        set(i, t, nextSeq++, k, ai, al);
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(i, p)) {
                break;
            }
            swap(i, p);
            i = p;
        }
    }

    void poll() {
        size--;
        if (size == 0) {
            return;
        }
        set(0, time[size], seq[size], kind[size], argInt[size], argLong[size]);
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int m = r < size && less(r, l) ? r : l;
            if (!less(m, i)) {
                break;
            }
            swap(i, m);
            i = m;
        }
    }

    private boolean less(int a, int b) {
        return time[a] < time[b] || (time[a] == time[b] && seq[a] < seq[b]);
    }

    private void set(int i, long t, long s, int k, int ai, long al) {
        time[i] = t;
        seq[i] = s;
        kind[i] = k;
        argInt[i] = ai;
        argLong[i] = al;
    }

    private void swap(int a, int b) {
        long t = time[a];
        long s = seq[a];
        int k = kind[a];
        int ai = argInt[a];
        long al = argLong[a];
        set(a, time[b], seq[b], kind[b], argInt[b], argLong[b]);
        set(b, t, s, k, ai, al);
    }
}
