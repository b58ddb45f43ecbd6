package org.mmsim.reclaim;

/**
 * The vm sysctls and build options the reclaim and compaction model reads.
 *
 * @param swappiness            vm.swappiness (0..200, default 60)
 * @param swapPages             size of the swap device in pages (0 = no swap)
 * @param compaction            CONFIG_COMPACTION
 * @param proactiveness         vm.compaction_proactiveness (default 20)
 * @param extfragThreshold      vm.extfrag_threshold (default 500)
 * @param compactUnevictable    vm.compact_unevictable_allowed (default 1)
 */
public record MmConfig(int swappiness, long swapPages, boolean compaction, int proactiveness, int extfragThreshold,
        boolean compactUnevictable) {
    public static MmConfig defaults() {
        return new MmConfig(60, 0, true, 20, 500, true);
    }
}
