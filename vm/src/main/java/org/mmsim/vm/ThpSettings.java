package org.mmsim.vm;

import org.mmsim.page.Gfp;

/**
 * /sys/kernel/mm/transparent_hugepage: enabled, defrag and use_zero_page. The defaults are Debian 6.1's
 * (oracle case x86_64-1G: enabled [always], defrag [madvise], use_zero_page 1).
 */
public final class ThpSettings {
    /** transparent_hugepage/enabled. */
    public enum Enabled { ALWAYS, MADVISE, NEVER }

    /** transparent_hugepage/defrag. */
    public enum Defrag { ALWAYS, DEFER, DEFER_MADVISE, MADVISE, NEVER }

    public Enabled enabled = Enabled.ALWAYS;
    public Defrag defrag = Defrag.MADVISE;
    public boolean useZeroPage = true;

    /**
     * vma_thp_gfp_mask() of mm/huge_memory.c: the GFP mask of a THP fault for a VMA with or without
     * VM_HUGEPAGE.
     */
    public int gfpMask(boolean madvised) {
        switch (defrag) {
            case ALWAYS:
                return Gfp.GFP_TRANSHUGE | (madvised ? 0 : Gfp.__GFP_NORETRY);
            case DEFER:
                return Gfp.GFP_TRANSHUGE_LIGHT | Gfp.__GFP_KSWAPD_RECLAIM;
            case DEFER_MADVISE:
                return Gfp.GFP_TRANSHUGE_LIGHT | (madvised ? Gfp.__GFP_DIRECT_RECLAIM : Gfp.__GFP_KSWAPD_RECLAIM);
            case MADVISE:
                return Gfp.GFP_TRANSHUGE_LIGHT | (madvised ? Gfp.__GFP_DIRECT_RECLAIM : 0);
            default:
                return Gfp.GFP_TRANSHUGE_LIGHT;
        }
    }

    /** hugepage_flags_enabled() and the always/madvise test of hugepage_vma_check(). */
    public boolean allows(long vmFlags) {
        switch (enabled) {
            case ALWAYS:
                return true;
            case MADVISE:
                return (vmFlags & VmFlags.VM_HUGEPAGE) != 0;
            default:
                return false;
        }
    }
}
