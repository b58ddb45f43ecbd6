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
        return fromMeminfo(file, text, pageShift, Long.MAX_VALUE);
    }

    /**
     * Reads a /proc/meminfo text for a machine of {@code machinePages} pages (get_num_physpages()): MemTotal cannot
     * exceed them, MemFree cannot exceed MemTotal, and the memory counted as used (Shmem, AnonPages, SReclaimable)
     * cannot exceed MemTotal - MemFree; each refusal names the file and the line. Every figure is a kB count
     * below 2^52 (no machine has more memory; see KernelLimits).
     */
    public static BootResidue fromMeminfo(String file, String text, int pageShift, long machinePages) {
        long[] kib = {-1, -1, 0, 0, 0};
        int[] at = new int[kib.length];
        java.util.List<String> keys = java.util.List.of("MemTotal", "MemFree", "Shmem", "AnonPages", "SReclaimable");
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.isEmpty()) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon < 0) {
                throw InputError.at(file, i + 1, "not a meminfo line: '" + shorten(l) + "'");
            }
            String key = l.substring(0, colon);
            String v = l.substring(colon + 1).trim().split("\\s+")[0];
            if (!v.matches("[0-9]{1,16}") || Long.parseLong(v) >= MAX_KIB) {
                throw InputError.at(file, i + 1, key + ": '" + shorten(v) + "' is not a number of kB from 0 to 2^42");
            }
            int k = keys.indexOf(key);
            if (k >= 0) {
                kib[k] = Long.parseLong(v);
                at[k] = i + 1;
            }
        }
        if (kib[0] < 0 || kib[1] < 0) {
            throw InputError.at(file, 0, "no MemTotal or MemFree line: not a /proc/meminfo");
        }
        int toPages = pageShift - 10;
        if (kib[0] >> toPages > machinePages) {
            throw InputError.at(file, at[0], "MemTotal " + kib[0] + " kB is more than the machine's "
                    + (machinePages << toPages) + " kB of memory: is this meminfo from another machine?");
        }
        if (kib[1] > kib[0]) {
            throw InputError.at(file, at[1], "MemFree " + kib[1] + " kB is more than MemTotal " + kib[0] + " kB");
        }
        long usedKib = kib[0] - kib[1];
        for (int k = 2; k < kib.length; k++) {
            if (kib[k] > usedKib) {
                throw InputError.at(file, at[k], keys.get(k) + " " + kib[k] + " kB is more than the memory in use"
                        + " (MemTotal - MemFree = " + usedKib + " kB)");
            }
        }
        long used = (kib[0] >> toPages) - (kib[1] >> toPages);
        long shmem = kib[2] >> toPages;
        long anon = kib[3] >> toPages;
        long sreclaimable = kib[4] >> toPages;
        long unmovable = Math.max(0, used - shmem - anon - sreclaimable);
        return new BootResidue(unmovable, sreclaimable, shmem, anon);
    }

    /** The largest kB figure: 2^52 bytes, the highest physical address a supported kernel describes. */
    private static final long MAX_KIB = 1L << 42;

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    public static BootResidue read(Path file, int pageShift) {
        return fromMeminfo(file.toString(), InputFiles.readText(file), pageShift);
    }

    /** Reads {@code file} for a machine of {@code machinePages} pages (see {@link #fromMeminfo(String, String, int, long)}). */
    public static BootResidue read(Path file, int pageShift, long machinePages) {
        return fromMeminfo(file.toString(), InputFiles.readText(file), pageShift, machinePages);
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
