package org.mmsim.workload.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmsim.compaction.Compaction;
import org.mmsim.kernel.slab.SlabInfo;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.MmConfig;
import org.mmsim.reclaim.MmEnvironment;
import org.mmsim.testdata.Oracle;

/**
 * The page cache's node cache is radix_tree_init()'s "radix_tree_node": SLUB sizes it on each machine as the
 * real kernel did, by the oracle's slabinfo (object size, objects per slab, pages per slab).
 */
class RadixTreeNodeCacheTest {
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-1G", "x86_64-4G-numa2", "i386pae-1G", "arm64-1G"})
    void sizedAsTheKernelSizedIt(String name) throws Exception {
        BootedMachine b = ScenarioFixtures.boot(name);
        Memory mem = new Memory(b.machine(), MmConfig.defaults(), MmEnvironment.NONE, Compaction::new);
        SimKernel kernel = new SimKernel(b, mem);
        kernel.radixTreeNodes();
        SlabInfo.Row ours = kernel.slub().slabinfo(kernel.slub().findCache("radix_tree_node"));
        List<SlabInfo.Row> real = SlabInfo.parse(Oracle.read(name, "slabinfo"), Oracle.file(name, "slabinfo"));
        SlabInfo.Row theirs = real.stream().filter(r -> r.name().equals("radix_tree_node")).findFirst().orElseThrow();
        assertThat(ours.objSize()).isEqualTo(theirs.objSize());
        assertThat(ours.objPerSlab()).isEqualTo(theirs.objPerSlab());
        assertThat(ours.pagesPerSlab()).isEqualTo(theirs.pagesPerSlab());
    }
}
