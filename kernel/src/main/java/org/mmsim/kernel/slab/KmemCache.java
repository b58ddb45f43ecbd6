package org.mmsim.kernel.slab;

import java.util.Arrays;

/**
 * One slab cache: the fields of {@code struct kmem_cache} (include/linux/slub_def.h) that the model uses, its
 * per-CPU state ({@code struct kmem_cache_cpu}: the CPU slab, its lockless freelist and the per-CPU partial
 * list) and its per-node state ({@code struct kmem_cache_node}: the partial list and slab/object counts), all
 * in primitive arrays indexed by CPU or node. Slabs and objects are ids into {@link Slub}'s slab table.
 */
public final class KmemCache {
    final int id;
    final String name;
    int objectSize;
    final int size;
    final int align;
    final int flags;
    final int offset;
    int inuse;
    final boolean hasCtor;
    final int usersize;
    final CacheLayout layout;
    final int order;
    final int objects;
    final int allocflags;
    final int minPartial;
    final int cpuPartial;
    final int cpuPartialSlabs;
    int refcount;
    /** floor(2^40 / size) + 1: offset * this >>> 40 is offset / size for any offset in a slab (size < 2^17). */
    private final long reciprocal;

    /** kmem_cache_cpu: c->slab, c->freelist (object index in c->slab) and c->partial (slab id), -1 for none. */
    final int[] cpuSlab;
    final int[] cpuFreelist;
    final int[] cpuPartialHead;

    /** kmem_cache_node: the partial list (intrusive through the slab table) and the counters. */
    final int[] partialHead;
    final int[] partialTail;
    final long[] nrPartial;
    final long[] nrSlabs;
    final long[] totalObjects;

    /** Pages held by this cache's slabs, whatever order each slab got (allocate_slab() may fall back to s->min). */
    long pages;

    /** The address of this cache's own struct (an object of the kmem_cache cache), or 0 for the static boot copy. */
    long structAddress;
    /** The addresses of the struct kmem_cache_node objects, one per node. */
    final long[] nodeStructAddress;

    KmemCache(int id, String name, int objectSize, int align, int flags, boolean hasCtor, int usersize,
              CacheLayout layout, int minPartial, int cpuPartial, int cpuPartialSlabs, int cpus, int nodes) {
        this.id = id;
        this.name = name;
        this.objectSize = objectSize;
        this.size = layout.size();
        this.align = align;
        this.flags = flags;
        this.offset = layout.offset();
        this.inuse = layout.inuse();
        this.hasCtor = hasCtor;
        this.usersize = usersize;
        this.layout = layout;
        this.order = layout.order();
        this.objects = layout.objects();
        this.allocflags = layout.allocflags();
        this.minPartial = minPartial;
        this.cpuPartial = cpuPartial;
        this.cpuPartialSlabs = cpuPartialSlabs;
        this.reciprocal = size < (1 << 17) ? (1L << 40) / size + 1 : 0;
        this.cpuSlab = filled(cpus);
        this.cpuFreelist = filled(cpus);
        this.cpuPartialHead = filled(cpus);
        this.partialHead = filled(nodes);
        this.partialTail = filled(nodes);
        this.nrPartial = new long[nodes];
        this.nrSlabs = new long[nodes];
        this.totalObjects = new long[nodes];
        this.nodeStructAddress = new long[nodes];
    }

    /**
     * The index of the object containing byte {@code offset} of a slab: offset / s->size, by multiplication as
     * the kernel's obj_to_index() does with reciprocal_divide(). Exact: offsets stay below 2^23 (an order-10 slab
     * of 4 KiB pages), so the error of the rounded-up reciprocal stays below 1 / size.
     */
    int objectIndex(long offset) {
        return reciprocal != 0 ? (int) ((offset * reciprocal) >>> 40) : (int) (offset / size);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    public String name() {
        return name;
    }

    /** s->object_size (grows when another cache is merged into this one). */
    public int objectSize() {
        return objectSize;
    }

    /** s->size, the object stride shown as slabinfo's objsize. */
    public int size() {
        return size;
    }

    public int align() {
        return align;
    }

    public int flags() {
        return flags;
    }

    /** s->offset, the free pointer's offset in a free object. */
    public int offset() {
        return offset;
    }

    public int inuse() {
        return inuse;
    }

    /** oo_order(s->oo). */
    public int order() {
        return order;
    }

    /** oo_objects(s->oo). */
    public int objectsPerSlab() {
        return objects;
    }

    public CacheLayout layout() {
        return layout;
    }

    public int allocflags() {
        return allocflags;
    }

    public int minPartial() {
        return minPartial;
    }

    /** s->cpu_partial (objects). */
    public int cpuPartial() {
        return cpuPartial;
    }

    /** s->cpu_partial_slabs. */
    public int cpuPartialSlabs() {
        return cpuPartialSlabs;
    }

    public int refcount() {
        return refcount;
    }

    /** Whether objects are accounted as reclaimable slab (SLAB_RECLAIM_ACCOUNT). */
    public boolean reclaimable() {
        return (flags & SlabFlags.SLAB_RECLAIM_ACCOUNT) != 0;
    }

    /** Pages held by this cache's slabs on all nodes. */
    public long pages() {
        return pages;
    }

    /** The node partial list length (n->nr_partial). */
    public long nrPartial(int node) {
        return nrPartial[node];
    }

    /** Slabs of this cache on a node (n->nr_slabs). */
    public long nrSlabs(int node) {
        return nrSlabs[node];
    }

    /** Objects in this cache's slabs on a node (n->total_objects). */
    public long totalObjects(int node) {
        return totalObjects[node];
    }

    @Override
    public String toString() {
        return "kmem_cache " + name + " size=" + size + " order=" + order + " objects=" + objects;
    }
}
