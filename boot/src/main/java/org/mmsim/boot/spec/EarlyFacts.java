package org.mmsim.boot.spec;

/**
 * Sizes of early boot allocations that the boot log states and mmsim otherwise computes: the percpu first
 * chunk ({@code percpu: Embedded N pages/cpu}, mm/percpu.c pcpu_embed_first_chunk) and the dentry and inode
 * hash tables when they come from memblock ({@code ... hash table entries: N (order: k, B bytes, linear)},
 * mm/page_alloc.c alloc_large_system_hash). -1 means "not stated: compute it"; a hash of 0 bytes means
 * it was not taken from memblock (vmalloc'ed on NUMA machines).
 */
public record EarlyFacts(long percpuPagesPerCpu, long dentryHashBytes, long inodeHashBytes) {
    public static final EarlyFacts UNKNOWN = new EarlyFacts(-1, -1, -1);
}
