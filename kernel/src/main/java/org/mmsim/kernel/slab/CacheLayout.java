package org.mmsim.kernel.slab;

/**
 * What mm/slub.c calculate_sizes() decides for a cache: the object stride, where the free pointer lives,
 * the preferred slab (s->oo) and the fallback slab (s->min), and the GFP bits slabs are allocated with.
 *
 * @param size       s->size, the stride between objects
 * @param inuse      s->inuse, the bytes the object itself uses (offset of the metadata)
 * @param offset     s->offset, the free pointer's offset within an object
 * @param order      oo_order(s->oo)
 * @param objects    oo_objects(s->oo)
 * @param minOrder   oo_order(s->min) = get_order(size)
 * @param minObjects oo_objects(s->min)
 * @param allocflags s->allocflags
 */
public record CacheLayout(int size, int inuse, int offset, int order, int objects, int minOrder, int minObjects,
                          int allocflags) {
    /** Whether the free pointer sits after the object (freeptr_outside_object()). */
    public boolean freePointerOutside() {
        return offset >= inuse;
    }
}
