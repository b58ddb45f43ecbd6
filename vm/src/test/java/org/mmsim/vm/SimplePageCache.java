package org.mmsim.vm;

import org.mmsim.page.Gfp;

import java.util.Arrays;

/**
 * A test double of the page cache (the machine's one is {@link MemoryPageCache}): an open-addressing hash from
 * (file id, index) to pfn in primitive arrays. A newly read page is allocated with GFP_HIGHUSER_MOVABLE (mapping_gfp_mask() of a regular file), gets the
 * cache's reference, and is marked swap-backed for shmem files, as filemap_add_folio()/shmem_add_to_page_cache()
 * do. Nothing is ever evicted here.
 */
final class SimplePageCache implements PageCache {
    private final PhysPages phys;
    private final PageRefs refs;
    private long[] keys = new long[1024];
    private long[] pfns = new long[1024];
    private int size;

    SimplePageCache(PhysPages phys, PageRefs refs) {
        this.phys = phys;
        this.refs = refs;
        Arrays.fill(keys, -1L);
    }

    private static long key(VmFile file, long index) {
        return (file.id() << 40) | index;
    }

    private int slot(long key, long[] ks) {
        int mask = ks.length - 1;
        int i = (int) (mix(key) & mask);
        while (ks[i] != -1L && ks[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        return k ^ (k >>> 33);
    }

    @Override
    public long lookup(VmFile file, long index) {
        long k = key(file, index);
        int i = slot(k, keys);
        return keys[i] == k ? pfns[i] : -1;
    }

    @Override
    public long findOrRead(VmFile file, long index) {
        long k = key(file, index);
        int i = slot(k, keys);
        if (keys[i] == k) {
            return pfns[i];
        }
        long pfn = phys.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
        if (pfn < 0) {
            return -1;
        }
        refs.setRefcount(pfn, 1);
        if (file.shmem()) {
            refs.set(pfn, PageRefs.SWAPBACKED);
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
            i = slot(k, keys);
        }
        keys[i] = k;
        pfns[i] = pfn;
        size++;
        return pfn;
    }

    private void grow() {
        long[] ok = keys;
        long[] op = pfns;
        keys = new long[ok.length * 2];
        pfns = new long[ok.length * 2];
        Arrays.fill(keys, -1L);
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != -1L) {
                int i = slot(ok[j], keys);
                keys[i] = ok[j];
                pfns[i] = op[j];
            }
        }
    }

    @Override
    public long nrPages() {
        return size;
    }
}
