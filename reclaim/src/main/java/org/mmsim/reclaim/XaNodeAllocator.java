package org.mmsim.reclaim;

/**
 * Where the page cache's xarray nodes come from: lib/radix-tree.c's radix_tree_node_cachep, the
 * "radix_tree_node" slab cache that xas_alloc() allocates from and radix_tree_node_rcu_free() frees to. The
 * layer that owns the slab allocator supplies it; without one, a mapping's tree costs no memory.
 */
public interface XaNodeAllocator {
    /** kmem_cache_alloc() of one node; the object's handle, or -1 if it failed. */
    long alloc();

    /** kmem_cache_free() of a node's object, after its RCU grace period. */
    void free(long handle);
}
