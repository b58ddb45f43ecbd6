package org.mmsim.kernel.highmem;

import java.util.HashMap;
import java.util.Map;
import org.mmsim.arch.layout.I386Config;
import org.mmsim.arch.layout.I386FixedAreas;

/**
 * Temporary kernel mappings of pages on a 32-bit kernel with HIGHMEM (mm/highmem.c in 6.1). A lowmem page
 * always has a kernel-logical address (PAGE_OFFSET + its physical address), so kmap() returns it. A highmem
 * page has none: kmap() / kmap_high() gives it one of the LAST_PKMAP slots of the pkmap area
 * (map_new_virtual(): the next slot after last_pkmap_nr whose pkmap_count is 0; on wrap-around
 * flush_all_zero_pkmaps() frees every slot left at count 1 and flushes the TLB), kunmap() drops its count.
 * kmap_local_page() and kmap_atomic() use a per-CPU stack of KM_MAX_IDX fixmap slots instead
 * (__kmap_local_pfn_prot: FIX_KMAP_BEGIN + idx + KM_MAX_IDX * cpu), released in reverse order.
 * pkmap_count[i]: 0 unused, 1 mapped with no user (stale until the next flush), n &gt; 1 n - 1 users.
 */
public final class Kmap {
    private static final int PAGE_SHIFT = 12;

    private final long pageOffset;
    private final long maxLowPfn;
    private final long pkmapBase;
    private final int lastPkmap;
    private final long fixaddrTop;
    private final int fixKmapBegin;
    private final int kmMaxIdx;
    private final int[] pkmapCount;
    private final long[] pkmapPfn;
    private final Map<Long, Integer> pageAddress = new HashMap<>();
    private final int[] localIdx;
    private final long[][] localPfn;
    private int lastPkmapNr;
    private long flushes;

    /**
     * @param maxLowPfn pages from this pfn on are highmem
     * @param nrCpus    CPUs with a kmap_local stack
     */
    public Kmap(I386Config config, long maxLowPfn, int nrCpus) {
        I386FixedAreas areas = new I386FixedAreas(config);
        this.pageOffset = config.pageOffset();
        this.maxLowPfn = maxLowPfn;
        this.pkmapBase = areas.pkmapBase();
        this.lastPkmap = config.lastPkmap();
        this.fixaddrTop = config.fixaddrTop();
        this.fixKmapBegin = 4 + config.maxIoApics();
        this.kmMaxIdx = config.kmapMaxIdx();
        this.pkmapCount = new int[lastPkmap];
        this.pkmapPfn = new long[lastPkmap];
        this.localIdx = new int[nrCpus];
        this.localPfn = new long[nrCpus][kmMaxIdx];
    }

    /** PageHighMem(). */
    public boolean isHighmem(long pfn) {
        return pfn >= maxLowPfn;
    }

    /** page_address(): the kernel-logical address of a lowmem page, the pkmap address of a mapped highmem page, else 0. */
    public long pageAddress(long pfn) {
        if (!isHighmem(pfn)) {
            return pageOffset + (pfn << PAGE_SHIFT);
        }
        Integer nr = pageAddress.get(pfn);
        return nr == null ? 0 : pkmapAddr(nr);
    }

    /** PKMAP_ADDR(nr). */
    public long pkmapAddr(int nr) {
        return pkmapBase + ((long) nr << PAGE_SHIFT);
    }

    /** kmap(): a lowmem page's own address, or a pkmap slot for a highmem page; 0 when every slot is in use (the kernel would sleep). */
    public long kmap(long pfn) {
        if (!isHighmem(pfn)) {
            return pageAddress(pfn);
        }
        Integer nr = pageAddress.get(pfn);
        if (nr == null) {
            nr = mapNewVirtual(pfn);
            if (nr < 0) {
                return 0;
            }
        }
        pkmapCount[nr]++;
        return pkmapAddr(nr);
    }

    /** map_new_virtual(). */
    private int mapNewVirtual(long pfn) {
        int count = lastPkmap;
        while (true) {
            lastPkmapNr = (lastPkmapNr + 1) & (lastPkmap - 1);
            if (lastPkmapNr == 0) {
                flushAllZeroPkmaps();
                count = lastPkmap;
            }
            if (pkmapCount[lastPkmapNr] == 0) {
                break;
            }
            if (--count == 0) {
                return -1;
            }
        }
        pkmapCount[lastPkmapNr] = 1;
        pkmapPfn[lastPkmapNr] = pfn;
        pageAddress.put(pfn, lastPkmapNr);
        return lastPkmapNr;
    }

    /** flush_all_zero_pkmaps(): frees the slots nobody uses any more and flushes the TLB once if any. */
    private void flushAllZeroPkmaps() {
        boolean needFlush = false;
        for (int i = 0; i < lastPkmap; i++) {
            if (pkmapCount[i] != 1) {
                continue;
            }
            pkmapCount[i] = 0;
            pageAddress.remove(pkmapPfn[i]);
            needFlush = true;
        }
        if (needFlush) {
            flushes++;
        }
    }

    /** kunmap(): nothing for lowmem; drops a highmem page's pkmap user (kunmap_high). */
    public void kunmap(long pfn) {
        if (!isHighmem(pfn)) {
            return;
        }
        Integer nr = pageAddress.get(pfn);
        if (nr == null || pkmapCount[nr] < 2) {
            throw new IllegalStateException("kunmap of pfn 0x" + Long.toHexString(pfn) + " that is not kmapped");
        }
        pkmapCount[nr]--;
    }

    /** kmap_local_page() / kmap_atomic() on {@code cpu}: lowmem directly, highmem in the CPU's next fixmap slot. */
    public long kmapLocal(int cpu, long pfn) {
        if (!isHighmem(pfn)) {
            return pageAddress(pfn);
        }
        int idx = localIdx[cpu];
        if (idx >= kmMaxIdx) {
            throw new IllegalStateException("kmap_local stack of cpu " + cpu + " is full (KM_MAX_IDX " + kmMaxIdx + ")");
        }
        localPfn[cpu][idx] = pfn;
        localIdx[cpu] = idx + 1;
        return fixToVirt(fixKmapBegin + idx + kmMaxIdx * cpu);
    }

    /** kunmap_local(): must release the CPU's most recent highmem mapping (the stack is LIFO). */
    public void kunmapLocal(int cpu, long vaddr) {
        if (vaddr >= pageOffset && vaddr < pageOffset + (maxLowPfn << PAGE_SHIFT)) {
            return;
        }
        int idx = localIdx[cpu] - 1;
        if (idx < 0 || vaddr != fixToVirt(fixKmapBegin + idx + kmMaxIdx * cpu)) {
            throw new IllegalStateException("kunmap_local of 0x" + Long.toHexString(vaddr) + " out of order on cpu " + cpu);
        }
        localIdx[cpu] = idx;
    }

    /** __fix_to_virt(). */
    public long fixToVirt(int idx) {
        return fixaddrTop - ((long) idx << PAGE_SHIFT);
    }

    /** pkmap_count[nr]. */
    public int pkmapCount(int nr) {
        return pkmapCount[nr];
    }

    /** TLB flushes done by flush_all_zero_pkmaps(). */
    public long flushes() {
        return flushes;
    }
}
