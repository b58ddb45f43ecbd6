package org.mmsim.page.init;

import org.mmsim.arch.InputError;

/**
 * What a real machine has already allocated when its /proc files are read after boot, from its /proc/meminfo
 * (fs/proc/meminfo.c {@code meminfo_proc_show()}): unreclaimable and reclaimable slab (SUnreclaim, SReclaimable),
 * tmpfs pages such as the initramfs root (Shmem), the rest of the page cache (Cached less Shmem), user processes
 * (AnonPages), and the rest of MemTotal - MemFree as kernel memory (stacks, page tables, percpu, vmalloc, per-CPU
 * lists). mmsim's boot does not replay the kernel's own allocations; allocating this much, in the kernel's
 * migratetypes, brings a twinned machine's free memory and pageblock mix close to the real one, and a run hands
 * the typed pages over to its memory model. Sizes in pages.
 */
public record BootResidue(long kernel, long slabUnreclaimable, long slabReclaimable, long shmem, long cache,
        long anon) {
    public static final BootResidue NONE = new BootResidue(0, 0, 0, 0, 0, 0);

    /** The largest kB figure: 2^52 bytes, the highest physical address a supported kernel describes. */
    private static final long MAX_KIB = 1L << 42;

    /**
     * The residue of a machine of {@code machinePages} pages (get_num_physpages()) from its meminfo figures:
     * MemTotal cannot exceed them, MemFree cannot exceed MemTotal, and no figure counted as used (Shmem,
     * AnonPages, SReclaimable, SUnreclaim, Cached) can exceed MemTotal - MemFree; each refusal names the file and
     * the line. Every figure is a kB count below 2^42 (2^52 bytes: no machine has more memory; see proc's
     * KernelLimits).
     */
    public static BootResidue of(ResidueMeminfo m, int pageShift, long machinePages) {
        String[] names = {"MemTotal", "MemFree", "Shmem", "AnonPages", "SReclaimable", "SUnreclaim", "Cached"};
        MeminfoFigure[] f = {m.memTotal(), m.memFree(), m.shmem(), m.anonPages(), m.sReclaimable(), m.sUnreclaim(),
            m.cached()};
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
        long sunreclaim = f[5].kb() >> toPages;
        long cache = Math.max(0, (f[6].kb() >> toPages) - shmem);
        long typed = shmem + anon + sreclaimable + sunreclaim + cache;
        if (typed > used) {
            throw InputError.at(m.file(), 0, "Shmem, AnonPages, SReclaimable, SUnreclaim and the rest of Cached"
                    + " add up to " + (typed << toPages) + " kB, more than the memory in use (MemTotal - MemFree = "
                    + usedKib + " kB)");
        }
        return new BootResidue(used - typed, sunreclaim, sreclaimable, shmem, cache, anon);
    }

    /** Kernel memory alone, {@code pages} of it. */
    public static BootResidue kernelOnly(long pages) {
        return new BootResidue(pages, 0, 0, 0, 0, 0);
    }

    /**
     * This residue with {@code pages} fewer kernel pages: meminfo's MemFree leaves out the pages on the per-CPU
     * lists, which the formula above counts as used kernel memory; the model's own per-CPU pages are free.
     */
    public BootResidue withoutKernel(long pages) {
        return new BootResidue(Math.max(0, kernel - pages), slabUnreclaimable, slabReclaimable, shmem, cache, anon);
    }

    /** The pages of one kind. */
    public long pages(BootResidueKind kind) {
        return switch (kind) {
            case KERNEL -> kernel;
            case SLAB_UNRECLAIMABLE -> slabUnreclaimable;
            case SLAB_RECLAIMABLE -> slabReclaimable;
            case SHMEM -> shmem;
            case CACHE -> cache;
            case ANON -> anon;
        };
    }

    /** The pages allocated GFP_KERNEL: kernel memory and unreclaimable slab (MIGRATE_UNMOVABLE). */
    public long unmovable() {
        return kernel + slabUnreclaimable;
    }

    /** The pages allocated GFP_KERNEL | __GFP_RECLAIMABLE: reclaimable slab (MIGRATE_RECLAIMABLE). */
    public long reclaimable() {
        return slabReclaimable;
    }

    /** The pages allocated GFP_HIGHUSER_MOVABLE: tmpfs, page cache and anonymous pages (MIGRATE_MOVABLE). */
    public long movable() {
        return shmem + cache + anon;
    }

    /** The pages that are something other than kernel memory: what a run's memory model takes over. */
    public long typed() {
        return slabUnreclaimable + slabReclaimable + movable();
    }

    public long total() {
        return unmovable() + reclaimable() + movable();
    }
}
