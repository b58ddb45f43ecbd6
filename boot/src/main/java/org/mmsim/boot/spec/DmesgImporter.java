package org.mmsim.boot.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmsim.arch.Arch;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;

/**
 * Builds a {@link MachineSpec} from a real kernel's boot log (dmesg), so that mmsim can twin the machine:
 * the x86 {@code BIOS-e820:} map, arm64's {@code Early memory node ranges}, ACPI SRAT node ranges, the
 * command line, the CPU count ({@code SLUB: ... CPUs=N}), the reservations the log reveals (initrd, kernel
 * image from /proc/iomem when given, swiotlb, NODE_DATA, CMA, ACPI tables, and with {@code memblock=debug}
 * every memblock_reserve and memblock_phys_free), the kernel image sizes from the {@code Memory:} line and the
 * {@code Freeing ... memory} hand-overs.
 */
public final class DmesgImporter {
    private static final Pattern STAMP = Pattern.compile("^\\[\\s*[0-9.]+\\]\\s?");
    private static final Pattern E820 = Pattern.compile(
            "^BIOS-e820: \\[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\\] (.+)$");
    private static final Pattern NODE_RANGE = Pattern.compile(
            "^  node\\s+(\\d+): \\[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\\]$");
    private static final Pattern SRAT = Pattern.compile(
            "^ACPI: SRAT: Node (\\d+) PXM \\d+ \\[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\\]( hotplug)?$");
    private static final Pattern CMDLINE = Pattern.compile("^(?:Kernel )?[Cc]ommand line: (.*)$");
    private static final Pattern SLUB = Pattern.compile("^SLUB: .*CPUs=(\\d+), Nodes=(\\d+)$");
    private static final Pattern VERSION = Pattern.compile("^Linux version (\\S+)");
    private static final Pattern RANGE = Pattern.compile("\\[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\\]");
    private static final Pattern MEMBLOCK_OP = Pattern.compile(
            "^(memblock_reserve|memblock_phys_free|memblock_free): \\[(0x[0-9a-f]+)-(0x[0-9a-f]+)\\] (\\S+)");
    private static final Pattern CMA = Pattern.compile("^cma: Reserved (\\d+) MiB at (0x[0-9a-f]+)");
    private static final Pattern MEMORY = Pattern.compile("^Memory: \\d+K/\\d+K available \\((\\d+)K kernel code, "
            + "(\\d+)K rwdata, (\\d+)K rodata, (\\d+)K init, (\\d+)K bss, ");
    private static final Pattern FREEING = Pattern.compile("^Freeing (.+) memory: (\\d+)K$");
    private static final Pattern PERCPU = Pattern.compile("^percpu: Embedded (\\d+) pages/cpu");
    private static final Pattern HASH = Pattern.compile(
            "^(Dentry cache|Inode-cache) hash table entries: \\d+ \\(order: \\d+, (\\d+) bytes, (\\w+)");
    private static final Pattern IOMEM = Pattern.compile("^\\s*([0-9a-f]+)-([0-9a-f]+) : (.+)$");

    private DmesgImporter() {
    }

    /** Reads {@code dmesg} and, when not null, the same machine's /proc/iomem. */
    public static MachineSpec read(Path dmesg, Path iomem) {
        String text = InputFiles.readText(dmesg);
        String iomemText = iomem == null ? null : InputFiles.readText(iomem);
        return parse(dmesg.toString(), text, iomem == null ? null : iomem.toString(), iomemText);
    }

    /** Parses boot-log text; {@code iomemText} may be null. */
    public static MachineSpec parse(String file, String text, String iomemFile, String iomemText) {
        Arch arch = null;
        List<FirmwareRange> e820 = new ArrayList<>();
        List<FirmwareRange> nodeRanges = new ArrayList<>();
        List<NumaRange> numa = new ArrayList<>();
        List<Reservation> reservations = new ArrayList<>();
        List<LateFree> lateFrees = new ArrayList<>();
        String cmdline = null;
        int cmdlineLine = 0;
        int cpus = 0;
        KernelImage image = null;
        long cmaBytes = 0;
        long initrdStart = -1;
        long percpu = -1;
        long dentry = -1;
        long inode = -1;
        boolean inNodeRanges = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = STAMP.matcher(lines[i]).replaceFirst("");
            if (line.startsWith("Early memory node ranges")) {
                inNodeRanges = true;
                continue;
            }
            Matcher m;
            if (inNodeRanges) {
                m = NODE_RANGE.matcher(line);
                if (m.matches()) {
                    nodeRanges.add(new FirmwareRange(hex(m.group(2), file, lineNo), hex(m.group(3), file, lineNo) + 1,
                            FirmwareRange.Type.USABLE));
                    continue;
                }
                inNodeRanges = false;
            }
            if ((m = VERSION.matcher(line)).find() && arch == null) {
                String v = m.group(1);
                arch = v.endsWith("arm64") ? Arch.ARM64 : v.contains("686") ? Arch.I386_PAE
                        : v.endsWith("amd64") || v.contains("x86_64") ? Arch.X86_64 : null;
            } else if ((m = E820.matcher(line)).matches()) {
                FirmwareRange.Type t = FirmwareRange.Type.parse(m.group(3).trim());
                if (t == null) {
                    throw InputError.at(file, lineNo, "unknown e820 type '" + m.group(3) + "'");
                }
                e820.add(new FirmwareRange(hex(m.group(1), file, lineNo), hex(m.group(2), file, lineNo) + 1, t));
            } else if ((m = SRAT.matcher(line)).matches()) {
                numa.add(new NumaRange(Integer.parseInt(m.group(1)), hex(m.group(2), file, lineNo),
                        hex(m.group(3), file, lineNo) + 1));
            } else if ((m = CMDLINE.matcher(line)).matches()) {
                if (cmdline == null) {
                    cmdline = m.group(1);
                    cmdlineLine = lineNo;
                }
            } else if ((m = SLUB.matcher(line)).matches()) {
                cpus = Integer.parseInt(m.group(1));
            } else if ((m = MEMBLOCK_OP.matcher(line)).find()) {
                long s = hex(m.group(2), file, lineNo);
                long e = hex(m.group(3), file, lineNo) + 1;
                boolean free = !m.group(1).equals("memblock_reserve");
                reservations.add(new Reservation(s, e, m.group(4), free));
            } else if ((m = CMA.matcher(line)).find()) {
                cmaBytes = Long.parseLong(m.group(1)) << 20;
                long base = hex(m.group(2), file, lineNo);
                reservations.add(Reservation.reserve(base, base + cmaBytes, "cma"));
            } else if ((m = PERCPU.matcher(line)).find()) {
                percpu = Long.parseLong(m.group(1));
            } else if ((m = HASH.matcher(line)).find()) {
                long bytes = m.group(3).equals("linear") ? Long.parseLong(m.group(2)) : 0;
                if (m.group(1).startsWith("Dentry")) {
                    dentry = bytes;
                } else {
                    inode = bytes;
                }
            } else if ((m = MEMORY.matcher(line)).find()) {
                image = new KernelImage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
            } else if ((m = FREEING.matcher(line)).matches()) {
                String what = m.group(1);
                long kib = Long.parseLong(m.group(2));
                long where = what.equals("initrd") ? initrdStart : -1;
                lateFrees.add(new LateFree(what, kib, where, what.equals("SMP alternatives")));
            } else if (line.startsWith("RAMDISK: ") || line.startsWith("Move RAMDISK from")) {
                m = RANGE.matcher(line);
                long s = -1;
                long e = -1;
                while (m.find()) {
                    s = hex(m.group(1), file, lineNo);
                    e = hex(m.group(2), file, lineNo) + 1;
                }
                if (s >= 0) {
                    initrdStart = s;
                    reservations.removeIf(r -> r.what().equals("initrd"));
                    reservations.add(Reservation.reserve(s, e, "initrd"));
                }
            } else if (line.startsWith("software IO TLB: mapped") || line.startsWith("NODE_DATA(")
                    || line.startsWith("NUMA: NODE_DATA") || line.startsWith("ACPI: Reserving ")) {
                m = RANGE.matcher(line);
                if (m.find()) {
                    String what = line.startsWith("software") ? "swiotlb" : line.startsWith("ACPI") ? "acpi" : "node_data";
                    long end = hex(m.group(2), file, lineNo) + (what.equals("swiotlb") ? 0 : 1);
                    reservations.add(Reservation.reserve(hex(m.group(1), file, lineNo), end, what));
                }
            }
        }
        if (arch == null) {
            arch = e820.isEmpty() ? Arch.ARM64 : Arch.X86_64;
        }
        List<FirmwareRange> firmware = arch == Arch.ARM64 ? nodeRanges : e820;
        if (firmware.isEmpty()) {
            throw InputError.at(file, 0, "no memory map found (expected 'BIOS-e820:' lines or 'Early memory node ranges')");
        }
        if (cmdline == null) {
            throw InputError.at(file, 0, "no 'Kernel command line:' line");
        }
        KernelCommandLine cl = KernelCommandLine.parse(cmdline, file, cmdlineLine);
        if (iomemText != null) {
            addKernelImage(iomemFile, iomemText, reservations);
        }
        if (image == null) {
            image = arch == Arch.ARM64 ? KernelImage.DEBIAN_ARM64
                    : arch == Arch.I386_PAE ? KernelImage.DEBIAN_686_PAE : KernelImage.DEBIAN_AMD64;
        }
        Map<String, String> sysctl = new LinkedHashMap<>();
        for (String w : cl.text().split("\\s+")) {
            if (w.startsWith("sysctl.") && w.contains("=")) {
                sysctl.put(w.substring(7, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
            }
        }
        boolean thp = cl.transparentHugepage() == null || !cl.transparentHugepage().equals("never");
        String name = Path.of(file).getParent() != null ? Path.of(file).getParent().getFileName().toString() : file;
        return new MachineSpec(name, arch, Math.max(1, cpus), cl, firmware, numa, reservations,
                locateLateFrees(lateFrees, reservations), sysctl, image, cmaBytes, thp, new EarlyFacts(percpu, dentry, inode));
    }

    /** The kernel image frees lie where the kernel is: give them the kernel code's start. */
    private static List<LateFree> locateLateFrees(List<LateFree> frees, List<Reservation> reservations) {
        long kernel = reservations.stream().filter(r -> r.what().equals("kernel")).mapToLong(Reservation::start)
                .findFirst().orElse(-1);
        List<LateFree> out = new ArrayList<>();
        for (LateFree f : frees) {
            out.add(f.start() >= 0 || kernel < 0 ? f : new LateFree(f.what(), f.kib(), kernel, f.beforeWatermarks()));
        }
        return out;
    }

    /** The kernel image (Kernel code .. Kernel bss end) from /proc/iomem, as setup_arch reserves it. */
    private static void addKernelImage(String file, String iomem, List<Reservation> reservations) {
        long start = -1;
        long end = -1;
        String[] lines = iomem.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher m = IOMEM.matcher(lines[i]);
            if (!m.matches()) {
                throw InputError.at(file, i + 1, "not an /proc/iomem line: '" + lines[i].strip() + "'");
            }
            String what = m.group(3).trim();
            long s = Long.parseUnsignedLong(m.group(1), 16);
            long e = Long.parseUnsignedLong(m.group(2), 16) + 1;
            if (what.equals("Kernel code") && start < 0) {
                start = s;
            }
            if (what.equals("Kernel bss") || what.equals("Kernel data")) {
                end = Math.max(end, e);
            }
        }
        if (start >= 0 && end > start) {
            reservations.add(0, Reservation.reserve(start, end, "kernel"));
        }
    }

    private static long hex(String s, String file, int line) {
        try {
            return Long.parseUnsignedLong(s.substring(2), 16);
        } catch (NumberFormatException e) {
            throw InputError.at(file, line, "bad address '" + s + "'");
        }
    }
}
