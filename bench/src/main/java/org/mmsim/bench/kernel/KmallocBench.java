package org.mmsim.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.mmsim.page.Gfp;
import org.mmsim.kernel.SimplePageSource;
import org.mmsim.kernel.slab.Kmalloc;
import org.mmsim.kernel.slab.Slub;
import org.mmsim.kernel.slab.SlubParams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * kmalloc(64, GFP_KERNEL) + kfree() pairs on CPU 0 of a booted 1-CPU x86_64 SLUB, backed by SimplePageSource
 * (the real page allocator is not wired in yet). After warm-up every pair hits the per-CPU freelist fast path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KmallocBench {
    private Kmalloc kmalloc;

    @Setup
    public void setup() {
        Slub slub = Slub.boot(SlubParams.x86_64(1, 1), SimplePageSource.ofBytes(1L << 30));
        kmalloc = slub.kmalloc();
    }

    /** One kmalloc(64) and its kfree(). */
    @Benchmark
    public long kmallocKfree64() {
        long a = kmalloc.kmalloc(64, Gfp.GFP_KERNEL);
        kmalloc.kfree(a);
        return a;
    }
}
