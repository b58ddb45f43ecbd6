package org.mmsim.proc.model;

import java.nio.file.Path;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.proc.Meminfo;
import org.mmsim.proc.MeminfoEntry;
import org.mmsim.proc.MeminfoFormat;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.MeminfoFigure;
import org.mmsim.page.init.ResidueMeminfo;

/**
 * A real machine's /proc/meminfo, read with {@link MeminfoFormat}, as the boot residue it describes. The front ends
 * and the oracle tests read meminfo files through here, so there is one meminfo parser; {@link BootResidue}
 * checks the figures against the machine.
 */
public final class BootResidueMeminfo {
    private BootResidueMeminfo() {
    }

    /** The fields a residue is made of; a file without MemTotal or MemFree is not a /proc/meminfo. */
    public static ResidueMeminfo figures(String file, String text) {
        Meminfo info = MeminfoFormat.parse(file, text);
        if (info.entry("MemTotal") == null || info.entry("MemFree") == null) {
            throw InputError.at(file, 0, "no MemTotal or MemFree line: not a /proc/meminfo");
        }
        return new ResidueMeminfo(file, figure(info, "MemTotal"), figure(info, "MemFree"), figure(info, "Shmem"),
                figure(info, "AnonPages"), figure(info, "SReclaimable"), figure(info, "SUnreclaim"),
                figure(info, "Cached"));
    }

    /** Reads {@code file} for a machine of {@code machinePages} pages (see {@link BootResidue#of}). */
    public static BootResidue read(Path file, int pageShift, long machinePages) {
        return BootResidue.of(figures(file.toString(), InputFiles.readText(file)), pageShift, machinePages);
    }

    /** Reads {@code file} without a machine size to check MemTotal against. */
    public static BootResidue read(Path file, int pageShift) {
        return read(file, pageShift, Long.MAX_VALUE);
    }

    private static MeminfoFigure figure(Meminfo info, String name) {
        MeminfoEntry e = info.entry(name);
        return e == null ? MeminfoFigure.ABSENT : new MeminfoFigure(e.value(), MeminfoFormat.lineOf(info, name));
    }
}
