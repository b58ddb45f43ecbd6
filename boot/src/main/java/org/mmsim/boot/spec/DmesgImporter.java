package org.mmsim.boot.spec;

import java.nio.file.Path;
import java.util.ArrayList;
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
 *
 * <p>Every figure is range-checked where it is read, and the log as a whole by {@link DmesgChecks}: a log that is
 * cut short, of another architecture, or whose figures contradict each other is refused with an
 * {@link InputError} naming the file and line.
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
    private static final Pattern MEMORY = Pattern.compile("^Memory: (\\d+)K/(\\d+)K available \\((\\d+)K kernel code, "
            + "(\\d+)K rwdata, (\\d+)K rodata, (\\d+)K init, (\\d+)K bss, (?:(\\d+)K reserved)?");
    private static final Pattern FREEING = Pattern.compile("^Freeing (.+) memory: (\\d+)K$");
    private static final Pattern PERCPU = Pattern.compile("^percpu: Embedded (\\d+) pages/cpu");
    private static final Pattern HASH = Pattern.compile(
            "^(Dentry cache|Inode-cache) hash table entries: \\d+ \\(order: \\d+, (\\d+) bytes, (\\w+)");
    /** The largest figure in KiB a kernel of {@link KernelLimits#PHYS_LIMIT} bytes of memory can print. */
    private static final long MAX_KIB = KernelLimits.PHYS_LIMIT >> 10;

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
        DmesgLog log = new DmesgLog(file);
        String[] lines = text.split("\n", -1);
        boolean inNodeRanges = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String line = raw.startsWith("[") ? STAMP.matcher(raw).replaceFirst("") : raw;
            if (!line.isBlank()) {
                log.lastLine = lineNo;
            }
            if (line.startsWith("Early memory node ranges")) {
                inNodeRanges = true;
                continue;
            }
            if (inNodeRanges) {
                Matcher m = NODE_RANGE.matcher(line);
                if (m.matches()) {
                    LogNumber.decimal(m.group(1), 0, KernelLimits.MAX_NODES - 1, "node", file, lineNo);
                    long[] r = LogNumber.inclusiveRange(m.group(2), m.group(3), file, lineNo);
                    log.nodeRanges.add(new FirmwareRange(r[0], r[1], FirmwareRange.Type.USABLE));
                    log.nodeRangeLines.add(lineNo);
                    continue;
                }
                inNodeRanges = false;
            }
            readLine(log, line, lineNo);
        }
        log.reservations.removeIf(java.util.Objects::isNull);
        DmesgChecks.check(log);
        KernelCommandLine cl = KernelCommandLine.parse(log.cmdline, file, log.cmdlineLine);
        if (iomemText != null) {
            log.reservations.add(0, IomemKernelImage.read(iomemFile, iomemText, log.arch == Arch.ARM64
                    ? log.nodeRanges : log.e820));
        }
        Map<String, String> sysctl = cl.bootSysctl();
        boolean thp = cl.transparentHugepage() == null || !cl.transparentHugepage().equals("never");
        Path parent = Path.of(file).getParent();
        String name = parent != null && parent.getFileName() != null ? parent.getFileName().toString() : file;
        List<FirmwareRange> firmware = log.arch == Arch.ARM64 ? log.nodeRanges : log.e820;
        return new MachineSpec(name, log.arch, log.cpus, cl, firmware, log.numa, log.reservations,
                locateLateFrees(log.lateFrees, log.reservations), sysctl, log.image, log.cmaBytes, thp,
                new EarlyFacts(log.percpu, log.dentry, log.inode));
    }

    /** Reads one line (time stamp removed) into {@code log}. */
    private static void readLine(DmesgLog log, String line, int lineNo) {
        String file = log.file;
        Matcher m;
        if (line.startsWith("Linux version ") && (m = VERSION.matcher(line)).find()) {
            if (log.versionLine == 0) {
                log.versionLine = lineNo;
                log.release = m.group(1);
                log.arch = DmesgArch.of(m.group(1), line, file, lineNo);
            }
        } else if (line.startsWith("BIOS-e820: ") && (m = E820.matcher(line)).matches()) {
            FirmwareRange.Type t = FirmwareRange.Type.parse(m.group(3).trim());
            if (t == null) {
                throw InputError.at(file, lineNo, "unknown e820 type '" + m.group(3) + "'");
            }
            long[] r = LogNumber.inclusiveRange(m.group(1), m.group(2), file, lineNo);
            log.e820.add(new FirmwareRange(r[0], r[1], t));
            log.e820Lines.add(lineNo);
        } else if (line.startsWith("ACPI: SRAT: ") && (m = SRAT.matcher(line)).matches()) {
            int nid = (int) LogNumber.decimal(m.group(1), 0, KernelLimits.MAX_NODES - 1, "SRAT node", file, lineNo);
            long[] r = LogNumber.inclusiveRange(m.group(2), m.group(3), file, lineNo);
            log.numa.add(new NumaRange(nid, r[0], r[1]));
            log.numaLines.add(lineNo);
        } else if (line.contains("ommand line: ") && (m = CMDLINE.matcher(line)).matches()) {
            if (log.cmdline == null) {
                log.cmdline = m.group(1);
                log.cmdlineLine = lineNo;
            }
        } else if (line.startsWith("SLUB: ") && (m = SLUB.matcher(line)).matches()) {
            log.cpus = (int) LogNumber.decimal(m.group(1), 1, KernelLimits.MAX_CPUS, "CPUs", file, lineNo);
            log.nodes = (int) LogNumber.decimal(m.group(2), 1, KernelLimits.MAX_NODES, "Nodes", file, lineNo);
            log.slubLine = lineNo;
        } else if (line.startsWith("memblock_") && (m = MEMBLOCK_OP.matcher(line)).find()) {
            long[] r = LogNumber.inclusiveRange(m.group(2), m.group(3), file, lineNo);
            boolean free = !m.group(1).equals("memblock_reserve");
            log.reservations.add(new Reservation(r[0], r[1], m.group(4), free));
        } else if (line.startsWith("cma: ") && (m = CMA.matcher(line)).find()) {
            long mib = LogNumber.decimal(m.group(1), 1, MAX_KIB >> 10, "CMA size in MiB", file, lineNo);
            long base = LogNumber.address(m.group(2), file, lineNo);
            if (base + (mib << 20) > KernelLimits.PHYS_LIMIT) {
                throw InputError.at(file, lineNo, "the CMA area ends beyond 2^52, the highest physical address");
            }
            log.cmaBytes = mib << 20;
            log.cmaLine = lineNo;
            log.reservations.add(Reservation.reserve(base, base + log.cmaBytes, "cma"));
        } else if (line.startsWith("percpu: ") && (m = PERCPU.matcher(line)).find()) {
            log.percpu = LogNumber.decimal(m.group(1), 1, MAX_KIB, "percpu pages per CPU", file, lineNo);
            log.percpuLine = lineNo;
        } else if ((line.startsWith("Dentry") || line.startsWith("Inode")) && (m = HASH.matcher(line)).find()) {
            long bytes = LogNumber.decimal(m.group(2), 1, KernelLimits.PHYS_LIMIT, "hash table bytes", file, lineNo);
            long linear = m.group(3).equals("linear") ? bytes : 0;
            if (m.group(1).startsWith("Dentry")) {
                log.dentry = linear;
                log.dentryLine = lineNo;
            } else {
                log.inode = linear;
                log.inodeLine = lineNo;
            }
        } else if (line.startsWith("Memory: ") && (m = MEMORY.matcher(line)).find()) {
            readMemoryLine(log, m, lineNo);
        } else if (line.startsWith("Freeing ") && (m = FREEING.matcher(line)).matches()) {
            String what = m.group(1);
            long kib = LogNumber.decimal(m.group(2), 0, MAX_KIB, "freed KiB", file, lineNo);
            long where = what.equals("initrd") ? log.initrdStart : -1;
            log.lateFrees.add(new LateFree(what, kib, where, what.equals("SMP alternatives")));
            log.lateFreeLines.add(lineNo);
        } else if (line.startsWith("RAMDISK: ") || line.startsWith("Move RAMDISK from")) {
            m = RANGE.matcher(line);
            long[] r = null;
            while (m.find()) {
                r = LogNumber.inclusiveRange(m.group(1), m.group(2), file, lineNo);
            }
            if (r != null) {
                log.initrdStart = r[0];
                if (log.initrdIndex >= 0) {
                    log.reservations.set(log.initrdIndex, null);
                }
                log.initrdIndex = log.reservations.size();
                log.reservations.add(Reservation.reserve(r[0], r[1], "initrd"));
            }
        } else if (line.startsWith("software IO TLB: mapped") || line.startsWith("NODE_DATA(")
                || line.startsWith("NUMA: NODE_DATA") || line.startsWith("ACPI: Reserving ")) {
            m = RANGE.matcher(line);
            if (m.find()) {
                String what = line.startsWith("software") ? "swiotlb" : line.startsWith("ACPI") ? "acpi" : "node_data";
                long[] r = LogNumber.inclusiveRange(m.group(1), m.group(2), file, lineNo);
                if (what.equals("swiotlb")) {
                    if (r[1] - 1 == r[0]) {
                        throw InputError.at(file, lineNo, "empty swiotlb range");
                    }
                    r[1]--;
                }
                log.reservations.add(Reservation.reserve(r[0], r[1], what));
            }
        } else if (line.startsWith("CPU features: ")) {
            log.arm64Features = true;
        } else if (line.startsWith("BIOS-e820:") || line.startsWith("Memory: ") || line.startsWith("SLUB: HWalign")) {
            throw InputError.at(file, lineNo, "garbled line: '" + LogNumber.shorten(line, 60)
                    + "' is not as the kernel prints it");
        }
    }

    /** The {@code Memory: A/TK available (...)} line of mem_init_print_info() (mm/page_alloc.c). */
    private static void readMemoryLine(DmesgLog log, Matcher m, int lineNo) {
        if (log.memoryLine != 0) {
            return;
        }
        String file = log.file;
        long total = LogNumber.decimal(m.group(2), 1, MAX_KIB, "total memory KiB", file, lineNo);
        long available = LogNumber.decimal(m.group(1), 0, total, "available memory KiB", file, lineNo);
        long[] k = new long[5];
        String[] names = {"kernel code", "rwdata", "rodata", "init", "bss"};
        long sum = 0;
        for (int j = 0; j < 5; j++) {
            k[j] = LogNumber.decimal(m.group(3 + j), 0, total, names[j] + " KiB", file, lineNo);
            sum += k[j];
        }
        if (sum > total) {
            throw InputError.at(file, lineNo, "the kernel image (" + sum + "K) is larger than the memory (" + total + "K)");
        }
        log.reserved = m.group(8) == null ? total - available
                : LogNumber.decimal(m.group(8), 0, total, "reserved KiB", file, lineNo);
        log.totalKib = total;
        log.memoryLine = lineNo;
        log.image = new KernelImage(k[0], k[1], k[2], k[3], k[4]);
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
}
