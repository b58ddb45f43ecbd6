package org.mmsim.bench.vm;

import java.util.concurrent.TimeUnit;
import org.mmsim.vm.Mman;
import org.mmsim.vm.Paging;
import org.mmsim.vm.Process;
import org.mmsim.vm.VmSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * mmap/munmap pairs in a simulated process that already has 64 other VMAs: a 64 KiB anonymous mapping
 * found top-down (get_unmapped_area), linked, then unmapped; and the same with one page touched, which
 * adds a fault and the allocation and freeing of its PUD/PMD/PTE tables.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MmapMunmapBench {
    VmSystem sys;
    Process proc;

    @Setup
    public void setUp() {
        sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        proc = sys.newProcess();
        for (int i = 0; i < 64; i++) {
            proc.mmap(4096 * (1 + i % 3), i % 2 == 0 ? Mman.PROT_READ : Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_PRIVATE);
        }
    }

    @Benchmark
    public long mmapMunmap() {
        long a = proc.mmap(65536, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE);
        proc.munmap(a, 65536);
        return a;
    }

    @Benchmark
    public long mmapTouchMunmap() {
        long a = proc.mmap(65536, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE);
        proc.touch(a, true);
        proc.munmap(a, 65536);
        return a;
    }
}
