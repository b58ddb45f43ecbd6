package org.mmsim.vm;

import org.mmsim.page.Gfp;

import java.util.Arrays;

/**
 * The contents of all page-table pages: one long[512] per table, indexed by a table id, plus the pfn of
 * each table page and the reverse map pfn -> table id so that walks follow the physical addresses stored in
 * the entries, as the MMU does. Table pages come from {@link PhysPages} with GFP_PGTABLE_USER
 * (pte_alloc_one()/pmd_alloc_one()/pud_alloc_one()/pgd_alloc() in 6.1). As in 6.1, only PTE and PMD tables
 * run pgtable_*_page_ctor() and so count in NR_PAGETABLE (nr_page_table_pages); PUD tables and the PGD are
 * plain pages. The PGD is an order-1 block on x86_64 with page table isolation (PGD_ALLOCATION_ORDER 1,
 * Debian's config): the second page is the PTI user copy, which this model does not fill. PAE's 32-byte PGD is
 * an object of the pgd_cache slab (_pgd_alloc()): it holds no page here ({@link Paging#PGD_IN_SLAB}, pfn -1), and
 * the slab page it lives in is not modelled. Table pages are never from highmem: GFP_PGTABLE_USER has no
 * __GFP_HIGHMEM and this model assumes no CONFIG_HIGHPTE.
 */
public final class PageTablePages {
    private final PhysPages phys;
    private final int[] tableOfPfn;
    private long[][] tables = new long[64][];
    private long[] pfnOfTable = new long[64];
    private int[] freeIds = new int[64];
    private int freeTop;
    private int nextId;
    private long nrPageTablePages;
    private long tablePagesAllocated;

    public PageTablePages(PhysPages phys) {
        this.phys = phys;
        this.tableOfPfn = new int[Math.toIntExact(phys.maxPfn())];
        Arrays.fill(tableOfPfn, -1);
    }

    /**
     * Allocates a zeroed table page for the given level (0 = PGD .. 3 = PTE) with the given allocation order
     * (non-zero only for the PGD; {@link Paging#PGD_IN_SLAB} for a PGD without a page of its own); returns its
     * id, or -1 when out of memory.
     */
    public int alloc(int level, int order) {
        long pfn = -1;
        if (order != Paging.PGD_IN_SLAB) {
            pfn = phys.allocPages(Gfp.GFP_PGTABLE_USER, order);
            if (pfn < 0) {
                return -1;
            }
        }
        int id;
        if (freeTop > 0) {
            id = freeIds[--freeTop];
            Arrays.fill(tables[id], 0L);
        } else {
            id = nextId++;
            if (id == tables.length) {
                tables = Arrays.copyOf(tables, id * 2);
                pfnOfTable = Arrays.copyOf(pfnOfTable, id * 2);
            }
            tables[id] = new long[Paging.ENTRIES];
        }
        pfnOfTable[id] = pfn;
        if (pfn >= 0) {
            tableOfPfn[(int) pfn] = id;
            tablePagesAllocated += 1L << order;
        }
        if (level >= 2) {
            nrPageTablePages++;
        }
        return id;
    }

    /** Frees a table page back to the allocator; its entries must already be cleared or moved. */
    public void free(int id, int level, int order) {
        long pfn = pfnOfTable[id];
        if (pfn >= 0) {
            tableOfPfn[(int) pfn] = -1;
            phys.freePages(pfn, order);
            tablePagesAllocated -= 1L << order;
        }
        if (freeTop == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeTop * 2);
        }
        freeIds[freeTop++] = id;
        if (level >= 2) {
            nrPageTablePages--;
        }
    }

    /** The 512 entries of a table (live array, not a copy). */
    public long[] entries(int id) {
        return tables[id];
    }

    /** The pfn of a table's page, or -1 for a PGD in a slab object. */
    public long pfnOf(int id) {
        return pfnOfTable[id];
    }

    /** The table id of a table page, or -1. */
    public int tableAt(long pfn) {
        return tableOfPfn[(int) pfn];
    }

    /** Physical pages held by all page tables of all address spaces (PGD, PUD, PMD, PTE pages; not PAE's slab PGD). */
    public long tablePagesAllocated() {
        return tablePagesAllocated;
    }

    /** NR_PAGETABLE of 6.1: PTE and PMD table pages of all address spaces. */
    public long nrPageTablePages() {
        return nrPageTablePages;
    }
}
