package org.mmsim.vm;

/**
 * The bit layout of page-table entries of one architecture: how pfn_pte(), pte_mkwrite(), pte_mkdirty(),
 * pte_mkyoung(), pmd_mkhuge(), pmd_populate() and __swp_entry() build entries and how pte_present(),
 * pte_write(), pte_dirty(), pte_young(), pmd_trans_huge() read them. Implementations hold no state.
 */
public interface PteFormat {
    /** The entry pointing at a next-level user page table (pgd/pud/pmd_populate()). */
    long mkTable(long pfn);

    /** A leaf mapping a 4 KiB page at the last level (mk_pte() with the given permission and state bits). */
    long mkPte(long pfn, boolean write, boolean exec, boolean dirty, boolean young);

    /** A PMD-level leaf mapping a 2 MiB page (pmd_mkhuge(mk_huge_pmd())). */
    long mkHugePmd(long pfn, boolean write, boolean exec, boolean dirty, boolean young);

    /** pte_mkspecial(): marks a mapping that has no refcounted struct page (the zero page). */
    long mkSpecial(long e);

    boolean isSpecial(long e);

    /** pte_present(): a mapping, including a PROT_NONE one that the hardware does not see as valid. */
    boolean isPresent(long e);

    /** The hardware's view: a valid entry the MMU may use without faulting. */
    boolean hwValid(long e);

    /** pte_modify() to PAGE_NONE: keeps the page mapped for the kernel but makes every access fault. */
    long mkProtNone(long e);

    /** At an upper level: does this present entry point to a next-level table (not a huge leaf)? */
    boolean isTable(long e);

    /** pmd_trans_huge(): a present huge leaf at the PMD level. */
    boolean isHuge(long e);

    long pfn(long e);

    boolean isWrite(long e);

    boolean isDirty(long e);

    boolean isYoung(long e);

    /** Whether user code may execute from the mapping (no NX / UXN). */
    boolean isExec(long e);

    long mkWrite(long e);

    long wrprotect(long e);

    long mkDirty(long e);

    long mkClean(long e);

    long mkYoung(long e);

    long mkOld(long e);

    /** A non-present entry holding a swap entry (__swp_entry_to_pte(__swp_entry(type, offset))). */
    long mkSwap(int type, long offset);

    /** is_swap_pte(): not none and not present. */
    default boolean isSwap(long e) {
        return e != 0 && !isPresent(e);
    }

    int swapType(long e);

    long swapOffset(long e);

    /** The flag names set in an entry, for the page-table walk printout. */
    String describe(long e, boolean lastLevel);
}
