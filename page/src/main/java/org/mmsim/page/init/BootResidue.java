package org.mmsim.page.init;

import java.nio.file.Path;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;

/**
 * What a real machine has already allocated when its /proc files are read after boot, from its /proc/meminfo:
 * the initramfs root in tmpfs (Shmem), user processes (AnonPages), reclaimable slab (SReclaimable) and the rest of
 * MemTotal - MemFree as unmovable kernel memory (slab, stacks, page tables, percpu, vmalloc, per-CPU lists).
 * mmsim's boot does not replay the kernel's own allocations; allocating this much, in the kernel's migratetypes,
 * brings a twinned machine's free memory and pageblock mix close to the real one. Sizes in pages.
 */
public record BootResidue(long unmovable, long reclaimable, long shmem, long anon) {
    public static final BootResidue NONE = new BootResidue(0, 0, 0, 0);

    /** Reads a /proc/meminfo text; missing fields count as 0, a malformed line is an error naming the line. */
    public static BootResidue fromMeminfo(String file, String text, int pageShift) {
        long total = -1;
        long free = -1;
        long shmem = 0;
        long anon = 0;
        long sreclaimable = 0;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.isEmpty()) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon < 0) {
                throw InputError.at(file, i + 1, "not a meminfo line: '" + l + "'");
            }
            String key = l.substring(0, colon);
            String[] v = l.substring(colon + 1).trim().split("\\s+");
            long kb;
            try {
                kb = Long.parseLong(v[0]);
            } catch (NumberFormatException e) {
                throw InputError.at(file, i + 1, "not a number: '" + v[0] + "'");
            }
            long pages = kb >> (pageShift - 10);
            switch (key) {
                case "MemTotal": total = pages; break;
                case "MemFree": free = pages; break;
                case "Shmem": shmem = pages; break;
                case "AnonPages": anon = pages; break;
                case "SReclaimable": sreclaimable = pages; break;
                default: break;
            }
        }
        if (total < 0 || free < 0) {
            throw InputError.at(file, 0, "no MemTotal or MemFree line: not a /proc/meminfo");
        }
        long used = Math.max(0, total - free);
        long unmovable = Math.max(0, used - shmem - anon - sreclaimable);
        return new BootResidue(unmovable, sreclaimable, shmem, anon);
    }

    public static BootResidue read(Path file, int pageShift) {
        return fromMeminfo(file.toString(), InputFiles.readText(file), pageShift);
    }

    /**
     * This residue with {@code pages} fewer unmovable pages: meminfo's MemFree leaves out the pages on the per-CPU
     * lists, which the formula above counts as used kernel memory; the model's own per-CPU pages are free.
     */
    public BootResidue withoutUnmovable(long pages) {
        return new BootResidue(Math.max(0, unmovable - pages), reclaimable, shmem, anon);
    }

    public long total() {
        return unmovable + reclaimable + shmem + anon;
    }
}
