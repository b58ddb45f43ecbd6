package org.mmsim.bench.page;

import java.util.concurrent.TimeUnit;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The standard peer workloads (a), (b), (c) of /work/shared/design/benchmark-workloads.md on a 4 GiB machine
 * (one Normal zone of 1,048,576 pages). Each measured iteration is one full timed region (10M pairs for (a), 5M
 * steps for (b) and (c)) on a fresh machine whose fill phase ran untimed in setup; divide the time by 10M pairs or
 * 5M steps for ns per pair or step. Allocations use GFP_KERNEL through the per-CPU lists.
 * <ul>
 * <li>{@code workloadA}, {@code workloadBC}: the steady state, 3 warm-up iterations (the JIT compiles the paths)
 * then 10 measured, each on a fresh allocator; take the median.</li>
 * <li>{@code workloadAColdStart}, {@code workloadBCColdStart}: the single shot of a fresh JVM, JIT warm-up
 * included, one per fork.</li>
 * <li>{@code harnessOnlyBC}: the steps of (b) and (c) against a counter instead of the model, to tell the
 * harness's cost (random numbers, the live table) from the allocator's.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(3)
public class PeerWorkloadBench {
    public static final int PAIRS_A = 10_000_000;
    public static final int STEPS = 5_000_000;

    static PeerWorkload.Allocator of(Machine m) {
        return new PeerWorkload.Allocator() {
            @Override
            public long alloc(int order) {
                return m.allocPages(Gfp.GFP_KERNEL, order);
            }

            @Override
            public void free(long handle, int order) {
                m.freePages(handle, order);
            }
        };
    }

    @Benchmark
    public long workloadA(FreshPcpMachine s) {
        return pairs(s.m);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public long workloadAColdStart(FreshPcpMachine s) {
        return pairs(s.m);
    }

    private static long pairs(Machine m) {
        long sum = 0;
        for (int i = 0; i < PAIRS_A; i++) {
            long p = m.allocPages(Gfp.GFP_KERNEL, 0);
            m.freePages(p, 0);
            sum += p;
        }
        return sum;
    }

    @State(Scope.Thread)
    public static class Steady {
        @Param({"50", "90"})
        public int pct;
        PeerWorkload w;
        PeerWorkload.Allocator a;
        Machine m;

        @Setup(Level.Iteration)
        public void setup() {
            m = PageBenchMachines.fourGiB(true);
            a = of(m);
            w = new PeerWorkload(pct);
            w.fill(a);
        }
    }

    @Benchmark
    public long workloadBC(Steady s) {
        return steps(s);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public long workloadBCColdStart(Steady s) {
        return steps(s);
    }

    /** The harness alone for (b) and (c): the same steps against an allocator that hands out counter values. */
    @State(Scope.Thread)
    public static class HarnessOnly {
        @Param({"50", "90"})
        public int pct;
        PeerWorkload w;
        PeerWorkload.Allocator a;

        @Setup(Level.Iteration)
        public void setup() {
            a = new PeerWorkload.Allocator() {
                private long next;

                @Override
                public long alloc(int order) {
                    next = (next + 1) & ((1 << 28) - 1);
                    return next;
                }

                @Override
                public void free(long handle, int order) {
                }
            };
            w = new PeerWorkload(pct);
            w.fill(a);
        }
    }

    @Benchmark
    public long harnessOnlyBC(HarnessOnly s) {
        long x = 0;
        for (int i = 0; i < STEPS; i++) {
            x += s.w.step(s.a);
        }
        return x;
    }

    private static long steps(Steady s) {
        long x = 0;
        for (int i = 0; i < STEPS; i++) {
            x += s.w.step(s.a);
        }
        if (s.w.failures() != 0) {
            throw new IllegalStateException(s.w.failures() + " allocation failures");
        }
        return x;
    }
}
