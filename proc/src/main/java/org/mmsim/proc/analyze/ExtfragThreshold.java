package org.mmsim.proc.analyze;

import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.proc.TextLines;

/**
 * {@code vm.extfrag_threshold} as a user gives it to {@code mmsim analyze}: the fragmentation index above which
 * mm/compaction.c {@code compaction_suitable()} compacts a zone for a costly-order allocation rather than leave it to
 * reclaim. Reads a copy of /proc/sys/vm/extfrag_threshold (one decimal and a newline, as
 * {@code proc_dointvec_minmax()} prints it) or a command-line value, and checks it against the sysctl's range
 * ({@link KernelSysctl#EXTFRAG_THRESHOLD}, 0..1000 with default 500 on every kernel from 4.19 to 6.18).
 */
public final class ExtfragThreshold {
    private ExtfragThreshold() {
    }

    /** The kernel's default, 500. */
    public static int kernelDefault() {
        return KernelSysctl.EXTFRAG_THRESHOLD.kernelDefault();
    }

    /** The threshold in a copy of /proc/sys/vm/extfrag_threshold. */
    public static int parse(String file, String text) {
        TextLines in = new TextLines(file, text);
        in.requireNotEmpty();
        String line = in.next("the threshold");
        if (in.hasNext()) {
            in.next("nothing more");
            throw in.error("a second line; /proc/sys/vm/extfrag_threshold holds one number");
        }
        return value(file, in.lineNo(), line);
    }

    /** A threshold given as the value of a command-line option. */
    public static int of(String option, String value) {
        return value(option, 0, value);
    }

    private static int value(String where, int line, String text) {
        try {
            return Integer.parseInt(KernelSysctl.EXTFRAG_THRESHOLD.check(text, 1));
        } catch (IllegalArgumentException e) {
            throw InputError.at(where, line, e.getMessage());
        }
    }
}
