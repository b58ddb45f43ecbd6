package org.mmsim.vm;

import java.util.List;

/**
 * One level of a {@link PageTableWalk}: the table level's name and the address bits that index it, the entry
 * read there and its bits decoded by the architecture's entry format (pte_present(), pte_write(), pte_young(),
 * pte_dirty(), pmd_trans_huge(), the no-execute bit, and for a non-present entry its swap type and offset).
 *
 * @param level     the level's name (PGD, P4D, PUD, PMD, PTE, or PAE's)
 * @param index     the entry's index in its table, address bits {@code highBit}:{@code lowBit}
 * @param entry     the entry's value
 * @param words     the architecture's words for the entry's bits, as the walk's printout shows them
 * @param present   pte_present() (a PROT_NONE entry included)
 * @param write     the writable bit
 * @param user      the user-accessible bit
 * @param accessed  the accessed (young) bit
 * @param dirty     the dirty bit
 * @param noExec    the no-execute bit (x86 NX, arm64 UXN)
 * @param huge      a huge leaf at an upper level (x86 PSE)
 * @param swap      a swap entry (not none, not present)
 * @param swapType  the swap entry's type (-1 when not a swap entry)
 * @param swapOffset the swap entry's offset (-1 when not a swap entry)
 * @param nextTable the physical address of the next level's table, or -1 when the walk stops here
 */
public record WalkLevel(String level, int index, int highBit, int lowBit, long entry, List<String> words,
        boolean present, boolean write, boolean user, boolean accessed, boolean dirty, boolean noExec, boolean huge,
        boolean swap, int swapType, long swapOffset, long nextTable) {
}
