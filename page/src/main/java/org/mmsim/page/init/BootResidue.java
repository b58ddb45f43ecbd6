package org.mmsim.page.init;

import org.mmsim.arch.InputError;

/**
 * What a real machine has already allocated when its /proc files are read after boot, from its /proc/meminfo:
 * the initramfs root in tmpfs (Shmem), user processes (AnonPages), reclaimable slab (SReclaimable) and the rest of
 * MemTotal - MemFree as unmovable kernel memory (slab, stacks, page tables, percpu, vmalloc, per-CPU lists).
 * mmsim's boot does not replay the kernel's own allocations; allocating this much, in the kernel's migratetypes,
 * brings a twinned machine's free memory and pageblock mix close to the real one. Sizes in pages.
 */
public record BootResidue(long unmovable, long reclaimable, long shmem, long anon) {
    public static final BootResidue NONE = new BootResidue(0, 0, 0, 0);

    /**
     * The residue of a machine of {@code machinePages} pages (get_num_physpages()) from its meminfo figures:
     * MemTotal cannot exceed them, MemFree cannot exceed MemTotal, and the memory counted as used (Shmem,
     * AnonPages, SReclaimable) cannot exceed MemTotal - MemFree; each refusal names the file and the line. Every
     * figure is a kB count below 2^42 (2^52 bytes: no machine has more memory; see proc's KernelLimits).
     */
    public static BootResidue of(ResidueMeminfo m, int pageShift, long machinePages) {
        String[] names = {"MemTotal", "MemFree", "Shmem", "AnonPages", "SReclaimable"};
        MeminfoFigure[] f = {m.memTotal(), m.memFree(), m.shmem(), m.anonPages(), m.sReclaimable()};
        for (int k = 0; k < f.length; k++) {
            if (f[k].kb() < 0 || f[k].kb() >= MAX_KIB) {
                throw InputError.at(m.file(), f[k].line(), names[k] + ": '" + Long.toUnsignedString(f[k].kb())
                        + "' is not a number of kB from 0 to 2^42");
            }
        }
        long total = f[0].kb();
        long free = f[1].kb();
        int toPages = pageShift - 10;
        if (total >> toPages > machinePages) {
            throw InputError.at(m.file(), f[0].line(), "MemTotal " + total + " kB is more than the machine's "
                    + (machinePages << toPages) + " kB of memory: is this meminfo from another machine?");
        }
        if (free > total) {
            throw InputError.at(m.file(), f[1].line(), "MemFree " + free + " kB is more than MemTotal " + total
                    + " kB");
        }
        long usedKib = total - free;
        for (int k = 2; k < f.length; k++) {
            if (f[k].kb() > usedKib) {
                throw InputError.at(m.file(), f[k].line(), names[k] + " " + f[k].kb() + " kB is more than the memory"
                        + " in use (MemTotal - MemFree = " + usedKib + " kB)");
            }
        }
        long used = (total >> toPages) - (free >> toPages);
        long shmem = f[2].kb() >> toPages;
        long anon = f[3].kb() >> toPages;
        long sreclaimable = f[4].kb() >> toPages;
        long unmovable = Math.max(0, used - shmem - anon - sreclaimable);
        return new BootResidue(unmovable, sreclaimable, shmem, anon);
    }

    /** The largest kB figure: 2^52 bytes, the highest physical address a supported kernel describes. */
    private static final long MAX_KIB = 1L << 42;

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
