package org.mmsim.page.init;

/**
 * What one page of a {@link BootResidue} is on the real machine, after fs/proc/meminfo.c's split of used memory:
 * kernel memory the model keeps no counter for (stacks, page tables, percpu, vmalloc, per-CPU lists), unreclaimable
 * and reclaimable slab (SUnreclaim, SReclaimable), tmpfs pages (Shmem), other page cache (Cached less Shmem) and
 * anonymous pages (AnonPages).
 */
public enum BootResidueKind {
    KERNEL, SLAB_UNRECLAIMABLE, SLAB_RECLAIMABLE, SHMEM, CACHE, ANON
}
