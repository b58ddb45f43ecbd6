package org.mmsim.page;

import java.util.OptionalInt;
import org.mmsim.arch.InputError;

/**
 * The one GFP name table: show_gfp_flags() of include/trace/events/mmflags.h (6.1, no KASAN_HW_TAGS), in its
 * order. Composite names come first (GFP_TRANSHUGE ... GFP_NOWAIT), each printed when all its bits are still
 * set and then removed, then single flags, joined by '|'; "none" for 0; leftover bits as 0x%lx. Trace lines
 * are formatted with it, and scenario files and trace text are parsed back through it.
 */
public final class GfpNames {
    private GfpNames() {
    }

    private static final String[] NAMES = {
        "GFP_TRANSHUGE", "GFP_TRANSHUGE_LIGHT", "GFP_HIGHUSER_MOVABLE", "GFP_HIGHUSER", "GFP_USER",
        "GFP_KERNEL_ACCOUNT", "GFP_KERNEL", "GFP_NOFS", "GFP_ATOMIC", "GFP_NOIO", "GFP_NOWAIT", "GFP_DMA",
        "__GFP_HIGHMEM", "GFP_DMA32", "__GFP_HIGH", "__GFP_ATOMIC", "__GFP_IO", "__GFP_FS", "__GFP_NOWARN",
        "__GFP_RETRY_MAYFAIL", "__GFP_NOFAIL", "__GFP_NORETRY", "__GFP_COMP", "__GFP_ZERO", "__GFP_NOMEMALLOC",
        "__GFP_MEMALLOC", "__GFP_HARDWALL", "__GFP_THISNODE", "__GFP_RECLAIMABLE", "__GFP_MOVABLE",
        "__GFP_ACCOUNT", "__GFP_WRITE", "__GFP_RECLAIM", "__GFP_DIRECT_RECLAIM", "__GFP_KSWAPD_RECLAIM",
        "__GFP_ZEROTAGS",
    };
    private static final int[] VALUES = {
        Gfp.GFP_TRANSHUGE, Gfp.GFP_TRANSHUGE_LIGHT, Gfp.GFP_HIGHUSER_MOVABLE, Gfp.GFP_HIGHUSER, Gfp.GFP_USER,
        Gfp.GFP_KERNEL_ACCOUNT, Gfp.GFP_KERNEL, Gfp.GFP_NOFS, Gfp.GFP_ATOMIC, Gfp.GFP_NOIO, Gfp.GFP_NOWAIT,
        Gfp.GFP_DMA, Gfp.__GFP_HIGHMEM, Gfp.GFP_DMA32, Gfp.__GFP_HIGH, Gfp.__GFP_ATOMIC, Gfp.__GFP_IO,
        Gfp.__GFP_FS, Gfp.__GFP_NOWARN, Gfp.__GFP_RETRY_MAYFAIL, Gfp.__GFP_NOFAIL, Gfp.__GFP_NORETRY,
        Gfp.__GFP_COMP, Gfp.__GFP_ZERO, Gfp.__GFP_NOMEMALLOC, Gfp.__GFP_MEMALLOC, Gfp.__GFP_HARDWALL,
        Gfp.__GFP_THISNODE, Gfp.__GFP_RECLAIMABLE, Gfp.__GFP_MOVABLE, Gfp.__GFP_ACCOUNT, Gfp.__GFP_WRITE,
        Gfp.__GFP_RECLAIM, Gfp.__GFP_DIRECT_RECLAIM, Gfp.__GFP_KSWAPD_RECLAIM, Gfp.__GFP_ZEROTAGS,
    };

    /** Models __print_flags(flags, "|", gfpflag names) as show_gfp_flags uses it. */
    public static String format(int gfp) {
        if (gfp == 0) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        int rest = gfp;
        for (int i = 0; i < NAMES.length && rest != 0; i++) {
            int v = VALUES[i];
            if ((rest & v) == v) {
                if (b.length() > 0) {
                    b.append('|');
                }
                b.append(NAMES[i]);
                rest &= ~v;
            }
        }
        if (rest != 0) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append("0x").append(Integer.toHexString(rest));
        }
        return b.toString();
    }

    /** Parses the printed form back into a mask; {@code where} names the input for the error ("FILE:LINE"). */
    public static int parse(String text, String where) {
        String t = text.trim();
        if (t.equals("none")) {
            return 0;
        }
        int gfp = 0;
        for (String part : t.split("\\|")) {
            gfp |= parseOne(part.trim(), where);
        }
        return gfp;
    }

    /** The bits of one name of the table (GFP_KERNEL, __GFP_NOWARN, ...), or empty when it has no such name. */
    public static OptionalInt flag(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return OptionalInt.of(VALUES[i]);
            }
        }
        return OptionalInt.empty();
    }

    private static int parseOne(String name, String where) {
        OptionalInt named = flag(name);
        if (named.isPresent()) {
            return named.getAsInt();
        }
        if (name.startsWith("0x")) {
            try {
                return Integer.parseUnsignedInt(name.substring(2), 16);
            } catch (NumberFormatException e) {
                throw new InputError(where + ": bad GFP mask " + name);
            }
        }
        throw new InputError(where + ": unknown GFP flag " + name);
    }
}
