package org.mmsim.bench.kernel;

import java.util.concurrent.TimeUnit;

import org.mmsim.kernel.SimplePageSource;
import org.mmsim.kernel.slab.Slub;
import org.mmsim.kernel.slab.SlubParams;
import org.mmsim.kernel.vmalloc.Vmalloc;
import org.mmsim.kernel.vmalloc.VmallocRange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * vmalloc(64 KiB) + vfree() pairs on a 1-CPU x86_64 machine with SLUB for vm_struct, vmap_area and the pages
 * array, backed by SimplePageSource. Each pair reserves 17 pages of address space, maps 16 pages, and frees them
 * lazily; every ~482 pairs the lazy areas pass lazy_max_pages() (8192 pages) and are purged.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VmallocBench {
    private Vmalloc vmalloc;

    @Setup
    public void setup() {
        SimplePageSource pages = SimplePageSource.ofBytes(1L << 30);
        Slub slub = Slub.boot(SlubParams.x86_64(1, 1), pages);
        vmalloc = new Vmalloc(VmallocRange.x86_64(), pages, slub, new int[] {0}, 1);
    }

    /** One vmalloc(64 KiB) and its vfree(). */
    @Benchmark
    public long vmallocVfree64k() {
        long a = vmalloc.vmalloc(65536, "bench+0x0/0x10");
        vmalloc.vfree(a);
        return a;
    }
}
