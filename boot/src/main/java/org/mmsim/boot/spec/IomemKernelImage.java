package org.mmsim.boot.spec;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmsim.arch.InputError;

/**
 * The kernel image (Kernel code .. Kernel bss end) from /proc/iomem, as setup_arch reserves it
 * (kernel/resource.c prints {@code start-end : name}, ends inclusive). It must lie in the boot log's usable
 * memory: an iomem of another machine, or one read without root (every address shown as 0), is refused.
 */
final class IomemKernelImage {
    private static final Pattern IOMEM = Pattern.compile("^\\s*([0-9a-fA-F]+)-([0-9a-fA-F]+) : (.+)$");

    private IomemKernelImage() {
    }

    /** The kernel's reservation; {@code memory} is the boot log's memory map. */
    static Reservation read(String file, String iomem, List<FirmwareRange> memory) {
        long start = -1;
        long end = -1;
        int startLine = 0;
        boolean allZero = true;
        boolean any = false;
        String[] lines = iomem.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (text.isBlank()) {
                continue;
            }
            Matcher m = IOMEM.matcher(text);
            if (!m.matches()) {
                throw InputError.at(file, i + 1, "not an /proc/iomem line: '" + LogNumber.shorten(text.strip(), 60)
                        + "'");
            }
            long[] r = LogNumber.inclusiveRange(m.group(1), m.group(2), file, i + 1);
            any = true;
            allZero &= r[0] == 0 && r[1] == 1;
            String what = m.group(3).trim();
            if (what.equals("Kernel code") && start < 0) {
                start = r[0];
                startLine = i + 1;
            }
            if (what.equals("Kernel bss") || what.equals("Kernel data")) {
                end = Math.max(end, r[1]);
            }
        }
        if (any && allZero) {
            throw InputError.at(file, 0, "every address is 0: this /proc/iomem was read without root; read it as root");
        }
        if (start < 0) {
            throw InputError.at(file, 0, "no 'Kernel code' entry: not the /proc/iomem of a running kernel");
        }
        if (end <= start) {
            throw InputError.at(file, startLine, "no 'Kernel data' or 'Kernel bss' entry above 'Kernel code'");
        }
        long s = start;
        long e = end;
        boolean inside = memory.stream().anyMatch(r -> r.type() == FirmwareRange.Type.USABLE && r.start() <= s
                && e <= r.end());
        if (!inside) {
            throw InputError.at(file, startLine, String.format("the kernel image [%#x-%#x] is not in the boot log's"
                    + " usable memory: is this /proc/iomem from another machine?", s, e - 1));
        }
        return Reservation.reserve(start, end, "kernel");
    }
}
