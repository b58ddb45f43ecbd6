package org.mmsim.kernel.slab;

import java.util.Arrays;

/**
 * The machine and build facts SLUB's sizing and boot depend on: PAGE_SHIFT, sizeof(void *), cache_line_size(),
 * ARCH_KMALLOC_MINALIGN / KMALLOC_MIN_SIZE (include/linux/slab.h with the arch's ARCH_DMA_MINALIGN),
 * arch_slab_minalign(), CPUs and nodes, the slub_min_order= / slub_max_order= / slub_min_objects= boot
 * parameters, and the two struct sizes kmem_cache_init() creates its own caches with.
 *
 * @param kmemCacheNodeSize  sizeof(struct kmem_cache_node) (mm/slab.h; SLUB with CONFIG_SLUB_DEBUG)
 * @param kmemCacheNodeArray offsetof(struct kmem_cache, node): kmem_cache's object size is this plus
 *                           nr_node_ids pointers (worked by hand from include/linux/slub_def.h for Debian's config)
 * @param cpuToNode          the node of each possible CPU (cpu_to_node())
 */
public record SlubParams(int pageShift, int pointerSize, int cacheLineSize, int archKmallocMinalign,
                         int archSlabMinalign, int nrCpuIds, int numPresentCpus, int[] cpuToNode, int nrNodeIds,
                         int slubMinOrder, int slubMaxOrder, int slubMinObjects, int maxOrder, boolean zoneDma,
                         boolean memcgKmem, int kmemCacheNodeSize, int kmemCacheNodeArray) {

    /** PAGE_ALLOC_COSTLY_ORDER, slub_max_order's default. */
    public static final int PAGE_ALLOC_COSTLY_ORDER = 3;

    public SlubParams {
        cpuToNode = cpuToNode.clone();
        if (cpuToNode.length != nrCpuIds) {
            throw new IllegalArgumentException("cpuToNode needs one entry per CPU");
        }
    }

    /** x86_64 (Debian amd64 6.1): 8-byte kmalloc minimum, 64-byte cache lines, ZONE_DMA, memcg kmem. */
    public static SlubParams x86_64(int cpus, int nodes) {
        return new SlubParams(12, 8, 64, 8, 8, cpus, cpus, spread(cpus, nodes), nodes, 0, PAGE_ALLOC_COSTLY_ORDER,
                0, 11, true, true, 64, 216);
    }

    /** arm64 6.1: ARCH_DMA_MINALIGN is 128, so ARCH_KMALLOC_MINALIGN = KMALLOC_MIN_SIZE = 128. */
    public static SlubParams arm64(int cpus, int nodes) {
        return new SlubParams(12, 8, 64, 128, 8, cpus, cpus, spread(cpus, nodes), nodes, 0, PAGE_ALLOC_COSTLY_ORDER,
                0, 11, true, true, 64, 216);
    }

    /** i386 PAE (Debian 686-pae 6.1): 4-byte pointers, __alignof__(unsigned long long) = 8, one node. */
    public static SlubParams i386Pae(int cpus) {
        return new SlubParams(12, 4, 64, 8, 8, cpus, cpus, new int[cpus], 1, 0, PAGE_ALLOC_COSTLY_ORDER, 0, 11,
                true, true, 32, 136);
    }

    /** The same machine with the slub_min_order=, slub_max_order= and slub_min_objects= boot parameters. */
    public SlubParams withBootParams(int minOrder, int maxOrderParam, int minObjects) {
        return new SlubParams(pageShift, pointerSize, cacheLineSize, archKmallocMinalign, archSlabMinalign, nrCpuIds,
                numPresentCpus, cpuToNode, nrNodeIds, minOrder, maxOrderParam, minObjects, maxOrder, zoneDma, memcgKmem,
                kmemCacheNodeSize, kmemCacheNodeArray);
    }

    /** The same machine with its CPUs on these nodes (cpu_to_node() of each possible CPU). */
    public SlubParams withCpuToNode(int[] cpuNodes) {
        return new SlubParams(pageShift, pointerSize, cacheLineSize, archKmallocMinalign, archSlabMinalign, nrCpuIds,
                numPresentCpus, cpuNodes, nrNodeIds, slubMinOrder, slubMaxOrder, slubMinObjects, maxOrder, zoneDma,
                memcgKmem, kmemCacheNodeSize, kmemCacheNodeArray);
    }

    /** KMALLOC_MIN_SIZE: ARCH_DMA_MINALIGN when that exceeds 8, else 1 << KMALLOC_SHIFT_LOW (8). */
    public int kmallocMinSize() {
        return Math.max(8, archKmallocMinalign);
    }

    /** KMALLOC_SHIFT_LOW. */
    public int kmallocShiftLow() {
        return 31 - Integer.numberOfLeadingZeros(kmallocMinSize());
    }

    /** KMALLOC_SHIFT_HIGH for SLUB: PAGE_SHIFT + 1. */
    public int kmallocShiftHigh() {
        return pageShift + 1;
    }

    public int pageSize() {
        return 1 << pageShift;
    }

    /** The node of a CPU. */
    public int cpuNode(int cpu) {
        return cpuToNode[cpu];
    }

    @Override
    public int[] cpuToNode() {
        return cpuToNode.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlubParams p && p.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "SlubParams[pageShift=" + pageShift + ", pointerSize=" + pointerSize + ", cacheLineSize="
                + cacheLineSize + ", archKmallocMinalign=" + archKmallocMinalign + ", archSlabMinalign="
                + archSlabMinalign + ", cpus=" + nrCpuIds + "/" + numPresentCpus + ", cpuToNode="
                + Arrays.toString(cpuToNode) + ", nodes=" + nrNodeIds + ", order=" + slubMinOrder + "-" + slubMaxOrder
                + ", minObjects=" + slubMinObjects + ", maxOrder=" + maxOrder + ", zoneDma=" + zoneDma
                + ", memcgKmem=" + memcgKmem + ", kmemCacheNodeSize=" + kmemCacheNodeSize + ", kmemCacheNodeArray="
                + kmemCacheNodeArray + "]";
    }

    /** CPUs spread over nodes in blocks, as QEMU's -numa with one socket per node does. */
    private static int[] spread(int cpus, int nodes) {
        int[] map = new int[cpus];
        int perNode = Math.max(1, cpus / nodes);
        for (int c = 0; c < cpus; c++) {
            map[c] = Math.min(nodes - 1, c / perNode);
        }
        return map;
    }
}
