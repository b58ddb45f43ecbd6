package org.mmsim.cli;

import java.io.PrintStream;
import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.Zone;
import picocli.CommandLine.Command;

/**
 * {@code mmsim alloc-demo}: a short walk through the buddy allocator on a tiny machine (one 16 MiB Normal zone,
 * pcp lists off so every step touches the free lists), printing /proc/buddyinfo lines after each step: a split,
 * a merge, a fallback that steals a whole pageblock, and a partial steal.
 */
@Command(name = "alloc-demo", mixinStandardHelpOptions = true,
        description = "Show buddy split, merge, fallback and steal step by step on a tiny machine.")
public final class AllocDemoCommand implements Runnable {

    @Override
    public void run() {
        PrintStream out = System.out;
        Machine m = SimpleMachine.build(Arch.X86_64, 1,
                List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, 0x1000, 4096)));
        m.setPcpEnabled(false);
        Zone z = m.zones().get(2);
        out.println("One Normal zone of 16 MiB (4096 pages, pfn 0x1000-0x1fff), 8 pageblocks of 512 pages, all Movable.");
        out.println("buddyinfo columns: free blocks of order 0 (4 KiB) .. 10 (4 MiB).");
        step(out, z, "boot: memory handed to the buddy allocator in order-10 blocks");

        long a = m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
        step(out, z, String.format("alloc order 0 movable -> pfn 0x%x: an order-10 block splits into 9,8,...,1,0", a));

        long b = m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 2);
        step(out, z, String.format("alloc order 2 movable -> pfn 0x%x: taken from the order-2 piece left by the split", b));

        m.freePages(a, 0);
        step(out, z, String.format("free pfn 0x%x order 0: its buddy 0x%x is free, they merge up to order 2", a, a ^ 1));

        m.freePages(b, 2);
        step(out, z, String.format("free pfn 0x%x order 2: merges all the way back to order 10", b));

        long c = m.allocPages(Gfp.GFP_KERNEL, 0);
        step(out, z, String.format("alloc order 0 unmovable -> pfn 0x%x: no Unmovable block, fallback steals a whole"
                + " order-10 block (2 pageblocks become Unmovable)", c));

        for (int i = 0; i < 6; i++) {
            m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 9);
        }
        step(out, z, "alloc 6 x order 9 movable: the three Movable order-10 blocks are used up");
        long d = m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 9);
        step(out, z, String.format("alloc order 9 movable -> pfn 0x%x: fallback takes the largest Unmovable block,"
                + " a whole pageblock, which turns Movable", d));
        long e = m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
        step(out, z, String.format("alloc order 0 movable -> pfn 0x%x: fallback again; the order-8 block may be"
                + " stolen with its pageblock, whose 511 free pages (over half) move to Movable and claim it", e));
        out.printf("fallback events (mm_page_alloc_extfrag): %d%n", m.extfragEvents());
    }

    private static void step(PrintStream out, Zone z, String what) {
        out.println();
        out.println("# " + what);
        out.println("pageblocks: " + blockTypes(z));
        out.println(buddyinfo(z));
        for (int mt = 0; mt < MigrateType.PCPTYPES; mt++) {
            StringBuilder b = new StringBuilder(String.format("  %-11s", z.migrateTypes().name(mt)));
            for (int o = 0; o < 11; o++) {
                b.append(String.format(" %6d", z.freeCount(o, mt)));
            }
            out.println(b);
        }
    }

    /** A /proc/buddyinfo line (mm/vmstat.c frag_show_print): "Node %d, zone %8s" then " %6lu" per order. */
    static String buddyinfo(Zone z) {
        StringBuilder b = new StringBuilder(String.format("Node %d, zone %8s ", z.node().nid(), z.name()));
        for (int o = 0; o < 11; o++) {
            b.append(String.format("%6d ", z.nrFree(o)));
        }
        return b.toString();
    }

    private static String blockTypes(Zone z) {
        StringBuilder b = new StringBuilder();
        for (long pfn = z.zoneStartPfn(); pfn < z.zoneEndPfn(); pfn += 512) {
            b.append(String.format("0x%x=%s ", pfn, z.migrateTypes().name(z.getPageblockMigratetype(pfn))));
        }
        return b.toString().trim();
    }
}
