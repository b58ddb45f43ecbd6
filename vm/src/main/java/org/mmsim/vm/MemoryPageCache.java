package org.mmsim.vm;

import java.util.HashMap;
import java.util.Map;
import org.mmsim.reclaim.AddressSpace;
import org.mmsim.reclaim.Memory;

/**
 * The machine's one page cache as the fault path sees it: each mapped {@link VmFile} is an
 * {@link AddressSpace} of the memory model (its f_mapping), so a file or shmem page a process maps is the page the
 * LRU, the workingset, dirty accounting and the xarray nodes know. filemap_fault() / shmem_fault() read the page
 * in through {@link Memory#faultPage}, which marks it mapped; the cache's reference is the page's first one here.
 */
public final class MemoryPageCache implements PageCache {
    private final Memory mem;
    private final PageRefs refs;
    private final Map<Long, AddressSpace> mappings = new HashMap<>();

    public MemoryPageCache(Memory mem, PageRefs refs) {
        this.mem = mem;
        this.refs = refs;
    }

    private AddressSpace mapping(VmFile file) {
        return mappings.computeIfAbsent(file.id(),
                id -> mem.newAddressSpace(file.path(), Math.toIntExact(file.sizePages()), file.shmem()));
    }

    @Override
    public long findOrRead(VmFile file, long index) {
        if (index >= file.sizePages()) {
            return -1;
        }
        long pfn = mem.faultPage(mapping(file), (int) index);
        if (pfn >= 0 && refs.refcount(pfn) == 0) {
            refs.setRefcount(pfn, 1);
            if (file.shmem()) {
                refs.set(pfn, PageRefs.SWAPBACKED);
            }
        }
        return pfn;
    }

    @Override
    public long lookup(VmFile file, long index) {
        AddressSpace as = mappings.get(file.id());
        if (as == null || index >= as.size()) {
            return -1;
        }
        int p = as.page((int) index);
        return p >= 0 ? p : -1;
    }

    @Override
    public long nrPages() {
        long n = 0;
        for (AddressSpace as : mappings.values()) {
            n += as.nrPages();
        }
        return n;
    }
}
