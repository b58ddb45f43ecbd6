package org.mmsim.page;

import org.mmsim.arch.Arch;

/**
 * The migrate types of {@code enum migratetype} (include/linux/mmzone.h, 6.1) as Debian configures them per
 * architecture: CONFIG_CMA is set on arm64 (six types, CMA = 4, ISOLATE = 5) and not on x86_64 or i386 (five
 * types, ISOLATE = 4), as the oracle's pagetypeinfo files show.
 */
public final class MigrateType {
    public static final int UNMOVABLE = 0;
    public static final int MOVABLE = 1;
    public static final int RECLAIMABLE = 2;
    /** MIGRATE_PCPTYPES: the number of types kept on per-CPU lists. */
    public static final int PCPTYPES = 3;
    public static final int HIGHATOMIC = 3;

    private static final String[] NAMES_CMA = {"Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA", "Isolate"};
    private static final String[] NAMES_NO_CMA = {"Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate"};

    private final boolean hasCma;

    private MigrateType(boolean hasCma) {
        this.hasCma = hasCma;
    }

    private static final MigrateType WITH_CMA = new MigrateType(true);
    private static final MigrateType WITHOUT_CMA = new MigrateType(false);

    /** The set of types of an architecture's Debian 6.1 build. */
    public static MigrateType forArch(Arch arch) {
        return arch == Arch.ARM64 ? WITH_CMA : WITHOUT_CMA;
    }

    /** CONFIG_CMA. */
    public boolean hasCma() {
        return hasCma;
    }

    /** MIGRATE_CMA, or -1 without CONFIG_CMA. */
    public int cma() {
        return hasCma ? 4 : -1;
    }

    /** MIGRATE_ISOLATE. */
    public int isolate() {
        return hasCma ? 5 : 4;
    }

    /** MIGRATE_TYPES. */
    public int count() {
        return hasCma ? 6 : 5;
    }

    /** The name pagetypeinfo prints ({@code migratetype_names[]} in mm/page_alloc.c). */
    public String name(int mt) {
        return (hasCma ? NAMES_CMA : NAMES_NO_CMA)[mt];
    }

    /** migratetype_is_mergeable(): only the three pcp types merge across pageblock borders. */
    public static boolean isMergeable(int mt) {
        return mt < PCPTYPES;
    }
}
