package org.mmsim.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * What the x86_64 and arm64 entry layouts share: present, PROT_NONE, special, young and no-execute are each one bit
 * of the entry and the pfn one field, so pte_present(), pte_special(), pte_mkspecial(), pte_young(),
 * pte_mkyoung(), pte_mkold(), pte_pfn() and the exec test are the same bit operations on each architecture's own
 * bits (arch/x86/include/asm/pgtable.h, arch/arm64/include/asm/pgtable.h). The page-table walk printout is the
 * architecture's words for the bits, listed as {@link Flag}s.
 */
abstract class FlagBitsPteFormat implements PteFormat {
    private final long valid;
    private final long protNone;
    private final long special;
    private final long young;
    private final long noExec;
    private final long pfnMask;
    private final String validWord;
    private final String protNoneWord;

    /**
     * @param valid        the bit the MMU checks (_PAGE_PRESENT, PTE_VALID)
     * @param protNone     the software bit of a present PROT_NONE entry
     * @param special      pte_special()'s bit
     * @param young        the accessed bit (_PAGE_ACCESSED, PTE_AF)
     * @param noExec       the bit forbidding user execution (_PAGE_NX, PTE_UXN)
     * @param pfnMask      the page frame address field, the pfn shifted by 12
     * @param validWord    the printout's first word for a valid entry
     * @param protNoneWord the printout's first word for a PROT_NONE entry
     */
    FlagBitsPteFormat(long valid, long protNone, long special, long young, long noExec, long pfnMask,
            String validWord, String protNoneWord) {
        this.valid = valid;
        this.protNone = protNone;
        this.special = special;
        this.young = young;
        this.noExec = noExec;
        this.pfnMask = pfnMask;
        this.validWord = validWord;
        this.protNoneWord = protNoneWord;
    }

    /** A leaf's frame address with the no-execute and accessed bits that mk_pte()'s exec and young ask for. */
    final long leafBase(long pfn, boolean exec, boolean young) {
        long e = pfn << 12;
        if (!exec) {
            e |= noExec;
        }
        if (young) {
            e |= this.young;
        }
        return e;
    }

    @Override
    public final long mkSpecial(long e) {
        return e | special;
    }

    @Override
    public final boolean isSpecial(long e) {
        return (e & special) != 0;
    }

    @Override
    public final boolean isPresent(long e) {
        return (e & (valid | protNone)) != 0;
    }

    @Override
    public final boolean hwValid(long e) {
        return (e & valid) != 0;
    }

    @Override
    public final long pfn(long e) {
        return (e & pfnMask) >>> 12;
    }

    @Override
    public final boolean isYoung(long e) {
        return (e & young) != 0;
    }

    @Override
    public final boolean isExec(long e) {
        return (e & noExec) == 0;
    }

    @Override
    public final long mkYoung(long e) {
        return e | young;
    }

    @Override
    public final long mkOld(long e) {
        return e & ~young;
    }

    @Override
    public final String describe(long e, boolean lastLevel) {
        if (e == 0) {
            return "none";
        }
        if (!isPresent(e)) {
            return "swap type=" + swapType(e) + " offset=" + swapOffset(e);
        }
        StringBuilder sb = new StringBuilder(hwValid(e) ? validWord : protNoneWord);
        for (Flag f : flags(e, lastLevel)) {
            String word = (e & f.bit()) != 0 ? f.set() : f.clear();
            if (word != null) {
                sb.append(' ').append(word);
            }
        }
        return sb.toString();
    }

    /** The words that follow the first one in the printout of the present entry {@code e}, in order. */
    abstract List<Flag> flags(long e, boolean lastLevel);

    /** The flags of {@code first} then those of {@code rest}, for building an architecture's tables. */
    static List<Flag> concat(List<Flag> first, List<Flag> rest) {
        List<Flag> all = new ArrayList<>(first);
        all.addAll(rest);
        return List.copyOf(all);
    }

    /**
     * One word of the printout: {@code set} when the entry has {@code bit}, else {@code clear}; null prints nothing.
     */
    record Flag(long bit, String set, String clear) {
        /** A word printed when the bit is set. */
        Flag(long bit, String set) {
            this(bit, set, null);
        }

        /** A word printed for every entry it is listed for. */
        static Flag word(String word) {
            return new Flag(0, null, word);
        }
    }
}
