package org.mmsim.kernel.vmalloc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mmsim.arch.InputError;

/**
 * /proc/vmallocinfo of Linux 6.1: s_show(), show_numa_info() and show_purge_info() in mm/vmalloc.c, with the
 * {@code %pK} pointer printing of lib/vsprintf.c; and a reader for such lines.
 */
public final class VmallocInfo {
    private VmallocInfo() {
    }

    /** The three kinds of line s_show() prints. */
    public enum Kind { AREA, VM_MAP_RAM, UNPURGED }

    /**
     * How {@code %pK} shows addresses: REAL (kptr_restrict=1 for a CAP_SYSLOG reader, or hashed values that
     * print like them), PLACEHOLDER ("(____ptrval____)", or "(ptrval)" on 32-bit, before the hashing key is
     * ready), ZEROS (kptr_restrict=2).
     */
    public enum PointerStyle { REAL, PLACEHOLDER, ZEROS }

    /**
     * One line.
     *
     * @param start     v->addr (va_start for vm_map_ram and unpurged lines)
     * @param end       v->addr + v->size
     * @param size      v->size, guard page included
     * @param caller    %pS of v->caller, or null
     * @param nrPages   v->nr_pages
     * @param phys      v->phys_addr, 0 if none
     * @param flags     VM_* flags
     * @param vpages    whether the pages array itself was vmalloc'ed
     * @param nodePages pages per node (N%u=%u), or null
     */
    public record Line(Kind kind, long start, long end, long size, String caller, int nrPages, long phys, int flags,
                       boolean vpages, int[] nodePages) {
        public static Line unpurged(long start, long end) {
            return new Line(Kind.UNPURGED, start, end, end - start, null, 0, 0, 0, false, null);
        }
    }

    /** Formatting choices: pointer width and style, sizeof(phys_addr_t). */
    public record Format(int addressBits, PointerStyle style, int physAddrBytes) {
        public static Format of(VmallocRange range, PointerStyle style) {
            return new Format(range.addressBits(), style, range.physAddrBytes());
        }
    }

    /** One line as s_show() prints it, without the newline. */
    public static String render(Line l, Format f) {
        StringBuilder sb = new StringBuilder(96);
        sb.append("0x").append(pointer(l.start(), f)).append("-0x").append(pointer(l.end(), f));
        sb.append(String.format(" %7d", l.size()));
        switch (l.kind()) {
            case VM_MAP_RAM -> sb.append(" vm_map_ram");
            case UNPURGED -> sb.append(" unpurged vm_area");
            case AREA -> {
                if (l.caller() != null) {
                    sb.append(' ').append(l.caller());
                }
                if (l.nrPages() != 0) {
                    sb.append(" pages=").append(l.nrPages());
                }
                if (l.phys() != 0) {
                    sb.append(" phys=0x").append(hex(l.phys(), 2 * f.physAddrBytes()));
                }
                int fl = l.flags();
                if ((fl & VmFlags.VM_IOREMAP) != 0) {
                    sb.append(" ioremap");
                }
                if ((fl & VmFlags.VM_ALLOC) != 0) {
                    sb.append(" vmalloc");
                }
                if ((fl & VmFlags.VM_MAP) != 0) {
                    sb.append(" vmap");
                }
                if ((fl & VmFlags.VM_USERMAP) != 0) {
                    sb.append(" user");
                }
                if ((fl & VmFlags.VM_DMA_COHERENT) != 0) {
                    sb.append(" dma-coherent");
                }
                if (l.vpages()) {
                    sb.append(" vpages");
                }
                if (l.nodePages() != null) {
                    int[] n = l.nodePages();
                    for (int i = 0; i < n.length; i++) {
                        if (n[i] != 0) {
                            sb.append(" N").append(i).append('=').append(n[i]);
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The whole file for a vmalloc instance. */
    public static String render(Vmalloc vm, PointerStyle style) {
        Format f = Format.of(vm.range(), style);
        StringBuilder sb = new StringBuilder();
        for (Line l : vm.vmallocinfoLines()) {
            sb.append(render(l, f)).append('\n');
        }
        return sb.toString();
    }

    private static String pointer(long v, Format f) {
        int digits = f.addressBits() / 4;
        return switch (f.style()) {
            case REAL -> hex(v, digits);
            case ZEROS -> "0".repeat(digits);
            case PLACEHOLDER -> f.addressBits() == 64 ? "(____ptrval____)" : "(ptrval)";
        };
    }

    private static String hex(long v, int digits) {
        String h = Long.toHexString(v);
        return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
    }

    /** A parsed line together with the pointer format it was printed in. */
    public record Parsed(Line line, Format format) {
    }

    /** Parses one vmallocinfo line; {@code physAddrBytes} is taken from the phys= width when present. */
    public static Parsed parse(String text, Path file, int lineNo, int defaultPhysAddrBytes) {
        int dash = text.indexOf("-0x");
        int sp = text.indexOf(' ');
        if (!text.startsWith("0x") || dash < 0 || sp < dash) {
            throw InputError.at(file, lineNo, "expected \"0xSTART-0xEND SIZE ...\", got \"" + text + "\"");
        }
        String a = text.substring(2, dash);
        String b = text.substring(dash + 3, sp);
        PointerStyle style;
        int bits;
        long start = 0;
        long end = 0;
        if (a.equals("(____ptrval____)") || a.equals("(ptrval)")) {
            style = PointerStyle.PLACEHOLDER;
            bits = a.length() == 16 ? 64 : 32;
            if (!b.equals(a)) {
                throw InputError.at(file, lineNo, "mixed pointer formats in \"" + text + "\"");
            }
        } else {
            if (a.length() != b.length() || (a.length() != 16 && a.length() != 8)) {
                throw InputError.at(file, lineNo, "bad address width in \"" + text + "\"");
            }
            bits = a.length() * 4;
            start = parseHex(a, file, lineNo);
            end = parseHex(b, file, lineNo);
            style = start == 0 && end == 0 ? PointerStyle.ZEROS : PointerStyle.REAL;
        }
        String rest = text.substring(sp).stripLeading();
        String[] tok = rest.split(" ", -1);
        long size;
        try {
            size = Long.parseLong(tok[0]);
        } catch (NumberFormatException e) {
            throw InputError.at(file, lineNo, "bad size in \"" + text + "\"");
        }
        int physBytes = defaultPhysAddrBytes;
        Line line;
        if (tok.length == 2 && tok[1].equals("vm_map_ram")) {
            line = new Line(Kind.VM_MAP_RAM, start, end, size, null, 0, 0, 0, false, null);
        } else if (tok.length == 3 && tok[1].equals("unpurged") && tok[2].equals("vm_area")) {
            line = new Line(Kind.UNPURGED, start, end, size, null, 0, 0, 0, false, null);
        } else {
            int i = 1;
            String caller = null;
            if (i < tok.length && !isKeyword(tok[i])) {
                caller = tok[i++];
                if (i < tok.length && tok[i].startsWith("[") && tok[i].endsWith("]")) {
                    caller += " " + tok[i++];
                }
            }
            int nrPages = 0;
            long phys = 0;
            int flags = 0;
            boolean vpages = false;
            List<int[]> nodes = new ArrayList<>();
            for (; i < tok.length; i++) {
                String t = tok[i];
                try {
                    if (t.startsWith("pages=")) {
                        nrPages = Integer.parseInt(t.substring(6));
                    } else if (t.startsWith("phys=0x")) {
                        physBytes = (t.length() - 7) / 2;
                        phys = parseHex(t.substring(7), file, lineNo);
                    } else if (t.equals("ioremap")) {
                        flags |= VmFlags.VM_IOREMAP;
                    } else if (t.equals("vmalloc")) {
                        flags |= VmFlags.VM_ALLOC;
                    } else if (t.equals("vmap")) {
                        flags |= VmFlags.VM_MAP;
                    } else if (t.equals("user")) {
                        flags |= VmFlags.VM_USERMAP;
                    } else if (t.equals("dma-coherent")) {
                        flags |= VmFlags.VM_DMA_COHERENT;
                    } else if (t.equals("vpages")) {
                        vpages = true;
                    } else if (t.matches("N\\d+=\\d+")) {
                        int eq = t.indexOf('=');
                        nodes.add(new int[] {Integer.parseInt(t.substring(1, eq)), Integer.parseInt(t.substring(eq + 1))});
                    } else {
                        throw InputError.at(file, lineNo, "unknown field \"" + t + "\"");
                    }
                } catch (NumberFormatException e) {
                    throw InputError.at(file, lineNo, "bad number in \"" + t + "\"");
                }
            }
            int[] nodePages = null;
            if (!nodes.isEmpty()) {
                int max = nodes.stream().mapToInt(n -> n[0]).max().getAsInt();
                nodePages = new int[max + 1];
                for (int[] n : nodes) {
                    nodePages[n[0]] = n[1];
                }
            }
            line = new Line(Kind.AREA, start, end, size, caller, nrPages, phys, flags, vpages, nodePages);
        }
        return new Parsed(line, new Format(bits, style, physBytes));
    }

    private static boolean isKeyword(String t) {
        return t.startsWith("pages=") || t.startsWith("phys=") || t.equals("ioremap") || t.equals("vmalloc")
                || t.equals("vmap") || t.equals("user") || t.equals("dma-coherent") || t.equals("vpages")
                || t.matches("N\\d+=\\d+");
    }

    private static long parseHex(String s, Path file, int lineNo) {
        try {
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            throw InputError.at(file, lineNo, "bad hex number \"" + s + "\"");
        }
    }
}
