package org.mmsim.bench.boot;

import java.util.concurrent.TimeUnit;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.page.Node;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2, acceptance 5: booting a machine (by default the 1 TiB x86_64 preset, one node, 4 KiB pages) from its
 * machine description to a populated buddy allocator: zone sizing, memblock, memmap_init, memblock_free_all,
 * watermarks. Single-shot time per boot; run with {@code -prof gc} for allocation. {@link #main} prints the
 * bytes per simulated page of the resulting model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 5, jvmArgs = {"-Xmx8g"})
public class BootBench {
    @Param({"x86_64-1T"})
    public String machine;

    private MachineSpec spec;

    @Setup
    public void setup() {
        spec = MachineFile.preset(machine);
    }

    @Benchmark
    public BootedMachine boot() {
        return MemoryInit.boot(spec);
    }

    /** Prints the memory the booted model holds per simulated (present) page. */
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "x86_64-1T";
        BootedMachine b = MemoryInit.boot(MachineFile.preset(name));
        long bytes = 0;
        long present = 0;
        for (Node n : b.machine().nodes()) {
            bytes += n.memMap().bytes();
            present += n.presentPages();
        }
        System.out.printf("%s: %d present pages, mem_map model %d bytes, %.3f bytes per page%n", name, present, bytes,
                (double) bytes / present);
    }
}
