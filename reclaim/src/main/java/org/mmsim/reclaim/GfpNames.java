package org.mmsim.reclaim;

import org.mmsim.arch.InputError;
import org.mmsim.page.Gfp;

/**
 * GFP masks by name: show_gfp_flags() of include/trace/events/mmflags.h (composite names first, then single
 * bits, joined by '|') for trace lines, and the reverse lookup for scenario files.
 */
public final class GfpNames {
    private GfpNames() {
    }

    private static final Object[][] FLAGS = {
            {"GFP_TRANSHUGE", Gfp.GFP_TRANSHUGE}, {"GFP_TRANSHUGE_LIGHT", Gfp.GFP_TRANSHUGE_LIGHT},
            {"GFP_HIGHUSER_MOVABLE", Gfp.GFP_HIGHUSER_MOVABLE}, {"GFP_HIGHUSER", Gfp.GFP_HIGHUSER},
            {"GFP_USER", Gfp.GFP_USER}, {"GFP_KERNEL_ACCOUNT", Gfp.GFP_KERNEL_ACCOUNT},
            {"GFP_KERNEL", Gfp.GFP_KERNEL}, {"GFP_NOFS", Gfp.GFP_NOFS}, {"GFP_ATOMIC", Gfp.GFP_ATOMIC},
            {"GFP_NOIO", Gfp.GFP_NOIO}, {"GFP_NOWAIT", Gfp.GFP_NOWAIT}, {"GFP_DMA", Gfp.GFP_DMA},
            {"__GFP_HIGHMEM", Gfp.__GFP_HIGHMEM}, {"GFP_DMA32", Gfp.GFP_DMA32}, {"__GFP_HIGH", Gfp.__GFP_HIGH},
            {"__GFP_ATOMIC", Gfp.__GFP_ATOMIC}, {"__GFP_IO", Gfp.__GFP_IO}, {"__GFP_FS", Gfp.__GFP_FS},
            {"__GFP_NOWARN", Gfp.__GFP_NOWARN}, {"__GFP_RETRY_MAYFAIL", Gfp.__GFP_RETRY_MAYFAIL},
            {"__GFP_NOFAIL", Gfp.__GFP_NOFAIL}, {"__GFP_NORETRY", Gfp.__GFP_NORETRY},
            {"__GFP_COMP", Gfp.__GFP_COMP}, {"__GFP_ZERO", Gfp.__GFP_ZERO},
            {"__GFP_NOMEMALLOC", Gfp.__GFP_NOMEMALLOC}, {"__GFP_MEMALLOC", Gfp.__GFP_MEMALLOC},
            {"__GFP_HARDWALL", Gfp.__GFP_HARDWALL}, {"__GFP_THISNODE", Gfp.__GFP_THISNODE},
            {"__GFP_RECLAIMABLE", Gfp.__GFP_RECLAIMABLE}, {"__GFP_MOVABLE", Gfp.__GFP_MOVABLE},
            {"__GFP_ACCOUNT", Gfp.__GFP_ACCOUNT}, {"__GFP_WRITE", Gfp.__GFP_WRITE},
            {"__GFP_RECLAIM", Gfp.__GFP_RECLAIM}, {"__GFP_DIRECT_RECLAIM", Gfp.__GFP_DIRECT_RECLAIM},
            {"__GFP_KSWAPD_RECLAIM", Gfp.__GFP_KSWAPD_RECLAIM}, {"__GFP_ZEROTAGS", Gfp.__GFP_ZEROTAGS}};

    /** show_gfp_flags(): "none" for 0. */
    public static String show(int gfp) {
        if (gfp == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        int rest = gfp;
        for (Object[] f : FLAGS) {
            int mask = (Integer) f[1];
            if (mask != 0 && (rest & mask) == mask) {
                if (sb.length() > 0) {
                    sb.append('|');
                }
                sb.append((String) f[0]);
                rest &= ~mask;
            }
        }
        if (rest != 0) {
            sb.append(sb.length() > 0 ? "|" : "").append("0x").append(Integer.toHexString(rest));
        }
        return sb.toString();
    }

    /** A mask written as names joined by '|', e.g. "GFP_KERNEL|__GFP_RECLAIMABLE". */
    public static int parse(String text, String where) {
        int gfp = 0;
        for (String part : text.split("\\|")) {
            String p = part.trim();
            boolean found = false;
            for (Object[] f : FLAGS) {
                if (f[0].equals(p)) {
                    gfp |= (Integer) f[1];
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw new InputError(where + ": unknown GFP flag " + p);
            }
        }
        return gfp;
    }
}
