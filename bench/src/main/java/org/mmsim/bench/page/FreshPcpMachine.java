package org.mmsim.bench.page;

import org.mmsim.page.Machine;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A fresh 4 GiB machine with the per-CPU lists on, built untimed before every measured iteration: the empty
 * allocator that peer workload (a) starts from.
 */
@State(Scope.Thread)
public class FreshPcpMachine {
    Machine m;

    @Setup(Level.Iteration)
    public void setup() {
        m = PageBenchMachines.fourGiB(true);
    }
}
