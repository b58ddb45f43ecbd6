package org.mmsim.boot.spec;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.Arch;

/**
 * What {@link DmesgImporter} has read of a boot log so far, with the line each fact came from, so that
 * {@link DmesgChecks} can name the line of a fact that contradicts the others. Line 0 means "not seen".
 */
final class DmesgLog {
    final String file;
    Arch arch;
    String release;
    int versionLine;
    final List<FirmwareRange> e820 = new ArrayList<>();
    final List<Integer> e820Lines = new ArrayList<>();
    final List<FirmwareRange> nodeRanges = new ArrayList<>();
    final List<Integer> nodeRangeLines = new ArrayList<>();
    final List<NumaRange> numa = new ArrayList<>();
    final List<Integer> numaLines = new ArrayList<>();
    /** In log order; the initrd's entry is replaced (set to null, then dropped) when the initrd moves. */
    final List<Reservation> reservations = new ArrayList<>();
    int initrdIndex = -1;
    final List<LateFree> lateFrees = new ArrayList<>();
    final List<Integer> lateFreeLines = new ArrayList<>();
    String cmdline;
    int cmdlineLine;
    int cpus;
    int nodes;
    int slubLine;
    KernelImage image;
    long totalKib;
    long reserved;
    int memoryLine;
    long cmaBytes;
    int cmaLine;
    long initrdStart = -1;
    long percpu = -1;
    int percpuLine;
    long dentry = -1;
    int dentryLine;
    long inode = -1;
    int inodeLine;
    boolean arm64Features;
    int lastLine;

    DmesgLog(String file) {
        this.file = file;
    }
}
