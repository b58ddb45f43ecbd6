package org.mmsim.bench.page;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the page allocator: order-0 pairs through pcp, random orders 0..10 through the buddy with pcp
 * off, and a fragmenting unmovable/movable mix at 90 % occupancy (with fallback events per second).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(5)
public class PageAllocBench {

    /** A 4 GiB machine with the per-CPU lists on, built once per trial: the pcp lists stay warm across iterations. */
    @State(Scope.Thread)
    public static class Pcp {
        Machine m;

        @Setup(Level.Trial)
        public void setup() {
            m = PageBenchMachines.fourGiB(true);
        }
    }

    /** Order-0 alloc + free through the per-CPU lists; one op = one pair. */
    @Benchmark
    public long order0PairPcp(Pcp s) {
        long p = s.m.allocPages(Gfp.GFP_KERNEL, 0);
        s.m.freePages(p, 0);
        return p;
    }

    static final int SEQ = 1 << 16;

    /** Random orders 0..10 at about half occupancy, pcp off; one op = one alloc or one free. */
    @State(Scope.Thread)
    public static class Mixed {
        Machine m;
        final int[] orders = new int[SEQ];
        final int[] victims = new int[SEQ];
        final long[] live = new long[4096];
        final int[] liveOrder = new int[4096];
        int i;

        @Setup(Level.Trial)
        public void setup() {
            m = PageBenchMachines.fourGiB(false);
            SplittableRandom r = new SplittableRandom(7);
            for (int k = 0; k < SEQ; k++) {
                orders[k] = r.nextInt(11);
                victims[k] = r.nextInt(live.length);
            }
            for (int k = 0; k < live.length; k++) {
                liveOrder[k] = orders[k];
                live[k] = m.allocPages(Gfp.GFP_KERNEL, orders[k]);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public long mixedOrdersBuddy(Mixed s) {
        int k = s.i++ & (SEQ - 1);
        int v = s.victims[k];
        if (s.live[v] >= 0) {
            s.m.freePages(s.live[v], s.liveOrder[v]);
        }
        int o = s.orders[k];
        long p = s.m.allocPages(Gfp.GFP_KERNEL, o);
        s.live[v] = p;
        s.liveOrder[v] = o;
        return p;
    }

    /** Unmovable and movable orders 0..3 with random lifetimes at 90 % occupancy of a 1 GiB zone. */
    @State(Scope.Thread)
    public static class Frag {
        Machine m;
        long[] live;
        int[] liveOrder;
        int[] liveGfp;
        final int[] victims = new int[SEQ];
        final int[] orders = new int[SEQ];
        final int[] gfps = new int[SEQ];
        int i;

        @Setup(Level.Trial)
        public void setup() {
            m = PageBenchMachines.zone(1L << 18, true);
            SplittableRandom r = new SplittableRandom(11);
            for (int k = 0; k < SEQ; k++) {
                orders[k] = r.nextInt(4);
                gfps[k] = r.nextInt(100) < 30 ? Gfp.GFP_KERNEL : Gfp.GFP_HIGHUSER_MOVABLE;
            }
            int n = (int) ((1L << 18) * 90 / 100 / 2.5);
            live = new long[n];
            liveOrder = new int[n];
            liveGfp = new int[n];
            for (int k = 0; k < SEQ; k++) {
                victims[k] = r.nextInt(n);
            }
            for (int k = 0; k < n; k++) {
                liveOrder[k] = orders[k & (SEQ - 1)];
                live[k] = m.allocPages(gfps[k & (SEQ - 1)], liveOrder[k]);
            }
        }
    }

    /** Fallback events counted per second next to the op rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class FallbackEvents {
        public long fallbacks;

        @Setup(Level.Iteration)
        public void reset() {
            fallbacks = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public long fragmentingMix90(Frag s, FallbackEvents ev) {
        int k = s.i++ & (SEQ - 1);
        int v = s.victims[k];
        if (s.live[v] >= 0) {
            s.m.freePages(s.live[v], s.liveOrder[v]);
        }
        long before = s.m.extfragEvents();
        long p = s.m.allocPages(s.gfps[k], s.orders[k]);
        ev.fallbacks += s.m.extfragEvents() - before;
        s.live[v] = p;
        s.liveOrder[v] = s.orders[k];
        return p;
    }
}
