package org.mmsim.boot.memblock;

import static org.mmsim.boot.memblock.PhysAddr.PHYS_ADDR_MAX;
import static org.mmsim.boot.memblock.PhysAddr.ge;
import static org.mmsim.boot.memblock.PhysAddr.gt;
import static org.mmsim.boot.memblock.PhysAddr.le;
import static org.mmsim.boot.memblock.PhysAddr.lt;

/**
 * Models struct memblock and mm/memblock.c of Linux 6.1: the boot-time memory manager that records the
 * physical memory ({@link #memory()}) and the ranges taken from it ({@link #reserved()}), and allocates
 * by searching memory minus reserved, top-down by default or bottom-up.
 *
 * <p>Functions keep the kernel's names in camel case and its return conventions: 0 for success or
 * {@code -ENOMEM}, and physical address 0 for a failed allocation. The virtual-address variants
 * (memblock_alloc*) return the physical address. Region arrays start with
 * {@link #INIT_MEMBLOCK_REGIONS} slots; like the kernel they can only grow after
 * {@link #allowResize()}, and growing reserves the new array in memblock itself.
 */
public final class Memblock {
    /** NUMA_NO_NODE. */
    public static final int NUMA_NO_NODE = -1;
    /** MEMBLOCK_ALLOC_ANYWHERE: no upper limit. */
    public static final long MEMBLOCK_ALLOC_ANYWHERE = PHYS_ADDR_MAX;
    /** MEMBLOCK_ALLOC_ACCESSIBLE: up to {@link #getCurrentLimit()}. */
    public static final long MEMBLOCK_ALLOC_ACCESSIBLE = 0;
    /** MEMBLOCK_ALLOC_NOLEAKTRACE: like ACCESSIBLE, but not recorded by kmemleak. */
    public static final long MEMBLOCK_ALLOC_NOLEAKTRACE = 1;
    /** MEMBLOCK_LOW_LIMIT. */
    public static final long MEMBLOCK_LOW_LIMIT = 0;
    /** INIT_MEMBLOCK_REGIONS: initial capacity of both region arrays. */
    public static final int INIT_MEMBLOCK_REGIONS = 128;
    /** ENOMEM, returned negated. */
    public static final int ENOMEM = 12;

    private final MemblockConfig config;
    private final MemblockType memory;
    private final MemblockType reserved;
    private final MemRangeCursor findCursor;
    private boolean bottomUp;
    private long currentLimit = MEMBLOCK_ALLOC_ANYWHERE;
    private boolean canResize;
    private boolean systemHasSomeMirror;
    private boolean mirroredKernelcore;
    private boolean movableNodeEnabled;
    private int isolateStart;
    private int isolateEnd;

    /** A memblock as the kernel's static initialiser leaves it: both types empty, top-down, no limit. */
    public Memblock(MemblockConfig config) {
        this.config = config;
        this.memory = new MemblockType("memory", INIT_MEMBLOCK_REGIONS);
        this.reserved = new MemblockType("reserved", INIT_MEMBLOCK_REGIONS);
        this.findCursor = new MemRangeCursor(this);
    }

    public MemblockConfig config() {
        return config;
    }

    /** memblock.memory. */
    public MemblockType memory() {
        return memory;
    }

    /** memblock.reserved. */
    public MemblockType reserved() {
        return reserved;
    }

    // ---------------------------------------------------------------- settings

    /** memblock_set_bottom_up(). */
    public void setBottomUp(boolean enable) {
        bottomUp = enable;
    }

    /** memblock_bottom_up(). */
    public boolean bottomUp() {
        return bottomUp;
    }

    /** memblock_set_current_limit(). */
    public void setCurrentLimit(long limit) {
        currentLimit = limit;
    }

    /** memblock_get_current_limit(). */
    public long getCurrentLimit() {
        return currentLimit;
    }

    /** memblock_allow_resize(): from now on full region arrays are doubled instead of failing. */
    public void allowResize() {
        canResize = true;
    }

    /** The global mirrored_kernelcore (kernelcore=mirror): without it memblock_mark_mirror() does nothing. */
    public void setMirroredKernelcore(boolean enabled) {
        mirroredKernelcore = enabled;
    }

    /** The movable_node command-line option, read through movable_node_is_enabled(). */
    public void setMovableNodeEnabled(boolean enabled) {
        movableNodeEnabled = enabled;
    }

    public boolean movableNodeEnabled() {
        return movableNodeEnabled;
    }

    /** system_has_some_mirror: set by the first memblock_mark_mirror(). */
    public boolean systemHasSomeMirror() {
        return systemHasSomeMirror;
    }

    /** choose_memblock_flags(). */
    private int chooseMemblockFlags() {
        return systemHasSomeMirror ? MemblockFlags.MIRROR : MemblockFlags.NONE;
    }

    // ---------------------------------------------------------------- region arrays

    /** memblock_cap_size(): shrinks {@code size} so that base + size does not overflow. */
    private static long capSize(long base, long size) {
        return PhysAddr.min(size, PHYS_ADDR_MAX - base);
    }

    private int emptyNid() {
        return config.numa() ? config.maxNumNodes() : 0;
    }

    private int regionNid(int nid) {
        return config.numa() ? nid : 0;
    }

    /**
     * memblock_add_range(): adds [base, base+size) to {@code type}; parts already covered keep their
     * node and flags, the new parts get {@code nid} and {@code flags}, and neighbours are merged.
     */
    int addRange(MemblockType type, long base, long size, int nid, int flags) {
        final long obase = base;
        size = capSize(base, size);
        final long end = base + size;
        if (size == 0) {
            return 0;
        }
        if (type.size[0] == 0) {
            type.base[0] = base;
            type.size[0] = size;
            type.flags[0] = flags;
            type.nid[0] = regionNid(nid);
            type.totalSize = size;
            return 0;
        }
        boolean insert = (long) type.cnt * 2 + 1 < type.max;
        while (true) {
            base = obase;
            int nrNew = 0;
            int idx;
            for (idx = firstEndingAbove(type, base); idx < type.cnt && lt(type.base[idx], end); idx++) {
                long rbase = type.base[idx];
                long rend = rbase + type.size[idx];
                if (gt(rbase, base)) {
                    nrNew++;
                    if (insert) {
                        type.insertRegion(idx++, base, rbase - base, regionNid(nid), flags);
                    }
                }
                base = PhysAddr.min(rend, end);
            }
            if (lt(base, end)) {
                nrNew++;
                if (insert) {
                    type.insertRegion(idx, base, end - base, regionNid(nid), flags);
                }
            }
            if (nrNew == 0) {
                return 0;
            }
            if (insert) {
                type.mergeRegions();
                return 0;
            }
            if (makeRoom(type, nrNew, obase, size) < 0) {
                return -ENOMEM;
            }
            insert = true;
        }
    }

    /**
     * The first region of {@code type} that ends above {@code base}: where the for_each_memblock_type() loops of
     * memblock_add_range() and memblock_isolate_range() stop skipping regions wholly below their range. The
     * regions before it are not touched by either loop, so it is found once, before the loop.
     */
    private static int firstEndingAbove(MemblockType type, long base) {
        int idx = 0;
        while (idx < type.cnt && le(type.base[idx] + type.size[idx], base)) {
            idx++;
        }
        return idx;
    }

    /** Doubles the arrays of {@code type} until {@code extra} more regions fit (or -ENOMEM when it cannot). */
    private int makeRoom(MemblockType type, int extra, long newAreaStart, long newAreaSize) {
        while (type.cnt + extra > type.max) {
            if (doubleArray(type, newAreaStart, newAreaSize) < 0) {
                return -ENOMEM;
            }
        }
        return 0;
    }

    /**
     * memblock_double_array(): doubles the capacity of {@code type}. The new array is found in memblock
     * (avoiding [newAreaStart, +newAreaSize) when growing reserved), the old one freed unless it was the
     * static initial array, and the new one reserved. Fails before {@link #allowResize()}.
     */
    private int doubleArray(MemblockType type, long newAreaStart, long newAreaSize) {
        if (!canResize) {
            return -1;
        }
        long pageSize = config.pageSize();
        long oldSize = type.max * MemblockType.REGION_BYTES;
        long newSize = oldSize << 1;
        long oldAllocSize = PhysAddr.roundUp(oldSize, pageSize);
        long newAllocSize = PhysAddr.roundUp(newSize, pageSize);
        if (type != reserved) {
            newAreaStart = 0;
            newAreaSize = 0;
        }
        long addr = findInRange(newAreaStart + newAreaSize, currentLimit, newAllocSize, pageSize);
        if (addr == 0 && newAreaSize != 0) {
            addr = findInRange(0, PhysAddr.min(newAreaStart, currentLimit), newAllocSize, pageSize);
        }
        if (addr == 0) {
            return -1;
        }
        long oldArray = type.arrayPhys;
        type.doubleCapacity();
        type.arrayPhys = addr;
        if (oldArray != 0) {
            physFree(oldArray, oldAllocSize);
        }
        if (reserve(addr, newAllocSize) != 0) {
            throw new IllegalStateException("memblock: cannot reserve the doubled " + type.name() + " array");
        }
        return 0;
    }

    /**
     * memblock_isolate_range(): splits the regions of {@code type} that cross base or base+size, so that
     * the range is covered by whole regions. Their index range is left in {@link #isolateStart} ..
     * {@link #isolateEnd} (exclusive), both 0 when nothing lies inside.
     */
    int isolateRange(MemblockType type, long base, long size) {
        size = capSize(base, size);
        long end = base + size;
        isolateStart = 0;
        isolateEnd = 0;
        if (size == 0) {
            return 0;
        }
        if (makeRoom(type, 2, base, size) < 0) {
            return -ENOMEM;
        }
        for (int idx = firstEndingAbove(type, base); idx < type.cnt && lt(type.base[idx], end); idx++) {
            long rbase = type.base[idx];
            long rend = rbase + type.size[idx];
            int rnid = type.nid[idx];
            int rflags = type.flags[idx];
            if (lt(rbase, base)) {
                // crosses base: keep the top half here, insert the bottom half before it, go on with the top
                type.base[idx] = base;
                type.size[idx] -= base - rbase;
                type.totalSize -= base - rbase;
                type.insertRegion(idx, rbase, base - rbase, rnid, rflags);
            } else if (gt(rend, end)) {
                // crosses end: keep the top half, insert the bottom half, and look at the bottom half again
                type.base[idx] = end;
                type.size[idx] -= end - rbase;
                type.totalSize -= end - rbase;
                type.insertRegion(idx, rbase, end - rbase, rnid, rflags);
                idx--;
            } else {
                if (isolateEnd == 0) {
                    isolateStart = idx;
                }
                isolateEnd = idx + 1;
            }
        }
        return 0;
    }

    /** memblock_remove_range(). */
    int removeRange(MemblockType type, long base, long size) {
        int ret = isolateRange(type, base, size);
        if (ret != 0) {
            return ret;
        }
        for (int i = isolateEnd - 1; i >= isolateStart; i--) {
            type.removeRegion(i, emptyNid());
        }
        return 0;
    }

    /** memblock_add_node(). */
    public int addNode(long base, long size, int nid, int flags) {
        return addRange(memory, base, size, nid, flags);
    }

    /** memblock_add(): memory not yet on any node (MAX_NUMNODES). */
    public int add(long base, long size) {
        return addRange(memory, base, size, config.maxNumNodes(), MemblockFlags.NONE);
    }

    /** memblock_remove(). */
    public int remove(long base, long size) {
        return removeRange(memory, base, size);
    }

    /** memblock_reserve(). */
    public int reserve(long base, long size) {
        return addRange(reserved, base, size, config.maxNumNodes(), MemblockFlags.NONE);
    }

    /** memblock_phys_free(): drops [base, base+size) from reserved (nothing goes to the buddy allocator). */
    public int physFree(long base, long size) {
        return removeRange(reserved, base, size);
    }

    /** memblock_free(): the virtual-address variant; here addresses are physical and 0 means NULL. */
    public void free(long ptr, long size) {
        if (ptr != 0) {
            physFree(ptr, size);
        }
    }

    /** memblock_setclr_flag() on memblock.memory. */
    private int setclrFlag(long base, long size, boolean set, int flag) {
        int ret = isolateRange(memory, base, size);
        if (ret != 0) {
            return ret;
        }
        for (int i = isolateStart; i < isolateEnd; i++) {
            if (set) {
                memory.flags[i] |= flag;
            } else {
                memory.flags[i] &= ~flag;
            }
        }
        memory.mergeRegions();
        return 0;
    }

    /** memblock_mark_hotplug(). */
    public int markHotplug(long base, long size) {
        return setclrFlag(base, size, true, MemblockFlags.HOTPLUG);
    }

    /** memblock_clear_hotplug(). */
    public int clearHotplug(long base, long size) {
        return setclrFlag(base, size, false, MemblockFlags.HOTPLUG);
    }

    /** memblock_mark_mirror(): only with kernelcore=mirror ({@link #setMirroredKernelcore}). */
    public int markMirror(long base, long size) {
        if (!mirroredKernelcore) {
            return 0;
        }
        systemHasSomeMirror = true;
        return setclrFlag(base, size, true, MemblockFlags.MIRROR);
    }

    /** memblock_mark_nomap(). */
    public int markNomap(long base, long size) {
        return setclrFlag(base, size, true, MemblockFlags.NOMAP);
    }

    /** memblock_clear_nomap(). */
    public int clearNomap(long base, long size) {
        return setclrFlag(base, size, false, MemblockFlags.NOMAP);
    }

    /** memblock_set_node(): puts the part of {@code type} inside the range on node {@code nid}. */
    public int setNode(long base, long size, MemblockType type, int nid) {
        if (!config.numa()) {
            return 0;
        }
        int ret = isolateRange(type, base, size);
        if (ret != 0) {
            return ret;
        }
        for (int i = isolateStart; i < isolateEnd; i++) {
            type.nid[i] = nid;
        }
        type.mergeRegions();
        return 0;
    }

    // ---------------------------------------------------------------- iteration

    /** should_skip_region(): filters only memblock.memory. */
    boolean shouldSkipRegion(MemblockType type, int i, int nid, int flags) {
        if (type != memory) {
            return false;
        }
        int rflags = type.flags[i];
        if (nid != NUMA_NO_NODE && nid != type.nid[i]) {
            return true;
        }
        if (movableNodeEnabled && (rflags & MemblockFlags.HOTPLUG) != 0 && (flags & MemblockFlags.HOTPLUG) == 0) {
            return true;
        }
        if ((flags & MemblockFlags.MIRROR) != 0 && (rflags & MemblockFlags.MIRROR) == 0) {
            return true;
        }
        if ((flags & MemblockFlags.NOMAP) == 0 && (rflags & MemblockFlags.NOMAP) != 0) {
            return true;
        }
        return (flags & MemblockFlags.DRIVER_MANAGED) == 0 && (rflags & MemblockFlags.DRIVER_MANAGED) != 0;
    }

    /** __for_each_mem_range() / __for_each_mem_range_rev(): a new cursor over {@code a} minus {@code b}. */
    public MemRangeCursor memRanges(MemblockType a, MemblockType b, int nid, int flags, boolean reverse) {
        return new MemRangeCursor(this).reset(a, b, nid, flags, reverse);
    }

    /** for_each_mem_range(): all memory regions, hotplug and driver-managed included. */
    public MemRangeCursor memRanges() {
        return memRanges(memory, null, NUMA_NO_NODE, MemblockFlags.HOTPLUG | MemblockFlags.DRIVER_MANAGED, false);
    }

    /** for_each_free_mem_range(): memory minus reserved, ascending. */
    public MemRangeCursor freeMemRanges(int nid, int flags) {
        return memRanges(memory, reserved, nid, flags, false);
    }

    /** for_each_free_mem_range_reverse(): memory minus reserved, descending. */
    public MemRangeCursor freeMemRangesReverse(int nid, int flags) {
        return memRanges(memory, reserved, nid, flags, true);
    }

    /** for_each_reserved_mem_range(). */
    public MemRangeCursor reservedMemRanges() {
        return memRanges(reserved, null, NUMA_NO_NODE, MemblockFlags.NONE, false);
    }

    /** for_each_mem_pfn_range(): pass {@code config().maxNumNodes()} for all nodes, as the kernel does. */
    public MemPfnRangeCursor memPfnRanges(int nid) {
        return new MemPfnRangeCursor(this).reset(nid);
    }

    /** A range handed to a callback: start inclusive, end exclusive, node. */
    @FunctionalInterface
    public interface RangeConsumer {
        void accept(long start, long end, int nid);
    }

    /** for_each_free_mem_range() with a callback. */
    public void forEachFreeMemRange(int nid, int flags, RangeConsumer action) {
        MemRangeCursor c = freeMemRanges(nid, flags);
        while (c.next()) {
            action.accept(c.start(), c.end(), c.nid());
        }
    }

    /** for_each_reserved_mem_range() with a callback. */
    public void forEachReservedMemRange(RangeConsumer action) {
        MemRangeCursor c = reservedMemRanges();
        while (c.next()) {
            action.accept(c.start(), c.end(), c.nid());
        }
    }

    // ---------------------------------------------------------------- finding free space

    /** __memblock_find_range_bottom_up(). */
    private long findRangeBottomUp(long start, long end, long size, long align, int nid, int flags) {
        MemRangeCursor c = findCursor.reset(memory, reserved, nid, flags, false);
        while (c.next()) {
            long thisStart = PhysAddr.clamp(c.start(), start, end);
            long thisEnd = PhysAddr.clamp(c.end(), start, end);
            long cand = PhysAddr.roundUp(thisStart, align);
            if (lt(cand, thisEnd) && ge(thisEnd - cand, size)) {
                return cand;
            }
        }
        return 0;
    }

    /** __memblock_find_range_top_down(). */
    private long findRangeTopDown(long start, long end, long size, long align, int nid, int flags) {
        MemRangeCursor c = findCursor.reset(memory, reserved, nid, flags, true);
        while (c.next()) {
            long thisStart = PhysAddr.clamp(c.start(), start, end);
            long thisEnd = PhysAddr.clamp(c.end(), start, end);
            if (lt(thisEnd, size)) {
                continue;
            }
            long cand = PhysAddr.roundDown(thisEnd - size, align);
            if (ge(cand, thisStart)) {
                return cand;
            }
        }
        return 0;
    }

    /**
     * memblock_find_in_range_node(): a free, aligned area of {@code size} bytes within [start, end) on
     * {@code nid}, never in the first page; 0 if none.
     */
    public long findInRangeNode(long size, long align, long start, long end, int nid, int flags) {
        if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end == MEMBLOCK_ALLOC_NOLEAKTRACE) {
            end = currentLimit;
        }
        start = PhysAddr.max(start, config.pageSize());
        end = PhysAddr.max(start, end);
        return bottomUp
                ? findRangeBottomUp(start, end, size, align, nid, flags)
                : findRangeTopDown(start, end, size, align, nid, flags);
    }

    /** memblock_find_in_range(): any node, mirrored memory first when the system has some. */
    public long findInRange(long start, long end, long size, long align) {
        int flags = chooseMemblockFlags();
        while (true) {
            long ret = findInRangeNode(size, align, start, end, NUMA_NO_NODE, flags);
            if (ret == 0 && (flags & MemblockFlags.MIRROR) != 0) {
                flags &= ~MemblockFlags.MIRROR;
                continue;
            }
            return ret;
        }
    }

    // ---------------------------------------------------------------- allocation

    /**
     * memblock_alloc_range_nid(): finds and reserves {@code size} bytes in [start, end). Falls back to any
     * node unless {@code exactNid}, then to non-mirrored memory. Returns the address or 0.
     */
    public long allocRangeNid(long size, long align, long start, long end, int nid, boolean exactNid) {
        int flags = chooseMemblockFlags();
        if (nid == config.maxNumNodes()) {
            nid = NUMA_NO_NODE;
        }
        if (align == 0) {
            align = config.smpCacheBytes();
        }
        while (true) {
            long found = findInRangeNode(size, align, start, end, nid, flags);
            if (found != 0 && reserve(found, size) == 0) {
                return found;
            }
            if (nid != NUMA_NO_NODE && !exactNid) {
                found = findInRangeNode(size, align, start, end, NUMA_NO_NODE, flags);
                if (found != 0 && reserve(found, size) == 0) {
                    return found;
                }
            }
            if ((flags & MemblockFlags.MIRROR) != 0) {
                flags &= ~MemblockFlags.MIRROR;
                continue;
            }
            return 0;
        }
    }

    /** memblock_phys_alloc_range(). */
    public long physAllocRange(long size, long align, long start, long end) {
        return allocRangeNid(size, align, start, end, NUMA_NO_NODE, false);
    }

    /** memblock_phys_alloc(). */
    public long physAlloc(long size, long align) {
        return physAllocRange(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE);
    }

    /** memblock_phys_alloc_try_nid(). */
    public long physAllocTryNid(long size, long align, int nid) {
        return allocRangeNid(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE, nid, false);
    }

    /**
     * memblock_alloc_internal(): caps maxAddr at the current limit, and retries without minAddr when
     * nothing fits above it.
     */
    private long allocInternal(long size, long align, long minAddr, long maxAddr, int nid, boolean exactNid) {
        if (gt(maxAddr, currentLimit)) {
            maxAddr = currentLimit;
        }
        long alloc = allocRangeNid(size, align, minAddr, maxAddr, nid, exactNid);
        if (alloc == 0 && minAddr != 0) {
            alloc = allocRangeNid(size, align, 0, maxAddr, nid, exactNid);
        }
        return alloc;
    }

    /** memblock_alloc_exact_nid_raw(). */
    public long allocExactNidRaw(long size, long align, long minAddr, long maxAddr, int nid) {
        return allocInternal(size, align, minAddr, maxAddr, nid, true);
    }

    /** memblock_alloc_try_nid_raw(). */
    public long allocTryNidRaw(long size, long align, long minAddr, long maxAddr, int nid) {
        return allocInternal(size, align, minAddr, maxAddr, nid, false);
    }

    /** memblock_alloc_try_nid() (the zeroing is not modelled). */
    public long allocTryNid(long size, long align, long minAddr, long maxAddr, int nid) {
        return allocInternal(size, align, minAddr, maxAddr, nid, false);
    }

    /** memblock_alloc(). */
    public long alloc(long size, long align) {
        return allocTryNid(size, align, MEMBLOCK_LOW_LIMIT, MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
    }

    /** memblock_alloc_raw(). */
    public long allocRaw(long size, long align) {
        return allocTryNidRaw(size, align, MEMBLOCK_LOW_LIMIT, MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
    }

    /** memblock_alloc_from(). */
    public long allocFrom(long size, long align, long minAddr) {
        return allocTryNid(size, align, minAddr, MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
    }

    /** memblock_alloc_low(): below ARCH_LOW_ADDRESS_LIMIT. */
    public long allocLow(long size, long align) {
        return allocTryNid(size, align, MEMBLOCK_LOW_LIMIT, config.archLowAddressLimit(), NUMA_NO_NODE);
    }

    /** memblock_alloc_node(). */
    public long allocNode(long size, long align, int nid) {
        return allocTryNid(size, align, MEMBLOCK_LOW_LIMIT, MEMBLOCK_ALLOC_ACCESSIBLE, nid);
    }

    // ---------------------------------------------------------------- sizes and limits

    /** memblock_phys_mem_size(). */
    public long physMemSize() {
        return memory.totalSize;
    }

    /** memblock_reserved_size(). */
    public long reservedSize() {
        return reserved.totalSize;
    }

    /** memblock_start_of_DRAM(). */
    public long startOfDram() {
        return memory.base[0];
    }

    /** memblock_end_of_DRAM(). */
    public long endOfDram() {
        int idx = memory.cnt - 1;
        return memory.base[idx] + memory.size[idx];
    }

    /** __find_max_addr(): the address below which the memory regions hold {@code limit} bytes. */
    private long findMaxAddr(long limit) {
        for (int i = 0; i < memory.cnt; i++) {
            if (le(limit, memory.size[i])) {
                return memory.base[i] + limit;
            }
            limit -= memory.size[i];
        }
        return PHYS_ADDR_MAX;
    }

    /** memblock_enforce_memory_limit() ({@code mem=}): drops memory and reservations past the limit. */
    public void enforceMemoryLimit(long limit) {
        if (limit == 0) {
            return;
        }
        long maxAddr = findMaxAddr(limit);
        if (maxAddr == PHYS_ADDR_MAX) {
            return;
        }
        removeRange(memory, maxAddr, PHYS_ADDR_MAX);
        removeRange(reserved, maxAddr, PHYS_ADDR_MAX);
    }

    /**
     * memblock_cap_memory_range(): keeps only [base, base+size) of memory (plus NOMAP regions) and of
     * reserved.
     */
    public void capMemoryRange(long base, long size) {
        if (size == 0 || memory.totalSize == 0) {
            return;
        }
        if (isolateRange(memory, base, size) != 0) {
            return;
        }
        int start = isolateStart;
        int end = isolateEnd;
        for (int i = memory.cnt - 1; i >= end; i--) {
            if ((memory.flags[i] & MemblockFlags.NOMAP) == 0) {
                memory.removeRegion(i, emptyNid());
            }
        }
        for (int i = start - 1; i >= 0; i--) {
            if ((memory.flags[i] & MemblockFlags.NOMAP) == 0) {
                memory.removeRegion(i, emptyNid());
            }
        }
        removeRange(reserved, 0, base);
        removeRange(reserved, base + size, PHYS_ADDR_MAX);
    }

    /** memblock_mem_limit_remove_map(): the {@code mem=} handling of arm64. */
    public void memLimitRemoveMap(long limit) {
        if (limit == 0) {
            return;
        }
        long maxAddr = findMaxAddr(limit);
        if (maxAddr == PHYS_ADDR_MAX) {
            return;
        }
        capMemoryRange(0, maxAddr);
    }

    /**
     * memblock_trim_memory(): shrinks each memory region to {@code align} boundaries and drops those left
     * empty. As in 6.1, shrinking (unlike dropping) does not update memory.total_size.
     */
    public void trimMemory(long align) {
        for (int i = 0; i < memory.cnt; i++) {
            long origStart = memory.base[i];
            long origEnd = origStart + memory.size[i];
            long start = PhysAddr.roundUp(origStart, align);
            long end = PhysAddr.roundDown(origEnd, align);
            if (start == origStart && end == origEnd) {
                continue;
            }
            if (lt(start, end)) {
                memory.base[i] = start;
                memory.size[i] = end - start;
            } else {
                memory.removeRegion(i, emptyNid());
                i--;
            }
        }
    }

    // ---------------------------------------------------------------- queries

    /** memblock_search(): index of the region holding {@code addr}, or -1. */
    static int search(MemblockType type, long addr) {
        int left = 0;
        int right = type.cnt;
        do {
            int mid = (right + left) >>> 1;
            if (lt(addr, type.base[mid])) {
                right = mid;
            } else if (ge(addr, type.base[mid] + type.size[mid])) {
                left = mid + 1;
            } else {
                return mid;
            }
        } while (left < right);
        return -1;
    }

    /** memblock_overlaps_region(). */
    public boolean overlapsRegion(MemblockType type, long base, long size) {
        size = capSize(base, size);
        for (int i = 0; i < type.cnt; i++) {
            long rbase = type.base[i];
            if (lt(base, rbase + type.size[i]) && lt(rbase, base + size)) {
                return true;
            }
        }
        return false;
    }

    /** memblock_is_reserved(). */
    public boolean isReserved(long addr) {
        return search(reserved, addr) != -1;
    }

    /** memblock_is_memory(). */
    public boolean isMemory(long addr) {
        return search(memory, addr) != -1;
    }

    /** memblock_is_map_memory(): memory and not NOMAP. */
    public boolean isMapMemory(long addr) {
        int i = search(memory, addr);
        return i != -1 && (memory.flags[i] & MemblockFlags.NOMAP) == 0;
    }

    /** memblock_is_region_memory(): whether [base, base+size) lies inside one memory region. */
    public boolean isRegionMemory(long base, long size) {
        int idx = search(memory, base);
        long end = base + capSize(base, size);
        return idx != -1 && ge(memory.base[idx] + memory.size[idx], end);
    }

    /** memblock_is_region_reserved(): whether [base, base+size) intersects a reserved region. */
    public boolean isRegionReserved(long base, long size) {
        return overlapsRegion(reserved, base, size);
    }

    /**
     * memblock_search_pfn_nid(): node of the memory region holding {@code pfn}, or -1; the region's
     * start and end pfn are written to {@code outPfns[0]} and {@code outPfns[1]}.
     */
    public int searchPfnNid(long pfn, long[] outPfns) {
        int mid = search(memory, pfn << config.pageShift());
        if (mid == -1) {
            return -1;
        }
        outPfns[0] = memory.base[mid] >>> config.pageShift();
        outPfns[1] = (memory.base[mid] + memory.size[mid]) >>> config.pageShift();
        return memory.nid[mid];
    }
}
