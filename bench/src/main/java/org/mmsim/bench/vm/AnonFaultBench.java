package org.mmsim.bench.vm;

import java.util.concurrent.TimeUnit;
import org.mmsim.vm.Mman;
import org.mmsim.vm.Paging;
import org.mmsim.vm.Process;
import org.mmsim.vm.ThpSettings;
import org.mmsim.vm.VmSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Anonymous 4 KiB write faults in a simulated x86_64 process (THP off): every invocation maps 64 MiB,
 * write-faults all 16384 pages (do_anonymous_page(), allocating 1 PUD, 32 PMD... i.e. all needed page-table
 * pages on the way) and unmaps it again (zap + free_pgtables). The score is per fault, teardown included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnonFaultBench {
    static final int PAGES = 16384;
    static final long LEN = PAGES * 4096L;

    VmSystem sys;
    Process proc;

    @Setup
    public void setUp() {
        sys = VmSystem.simple(Paging.X86_64, 1 << 16);
        sys.thp().enabled = ThpSettings.Enabled.NEVER;
        proc = sys.newProcess();
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public long anonWriteFault4k() {
        long a = proc.mmap(LEN, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE);
        long sum = 0;
        for (long off = 0; off < LEN; off += 4096) {
            sum += proc.touch(a + off, true);
        }
        sum += proc.rss();
        proc.munmap(a, LEN);
        return sum;
    }
}
