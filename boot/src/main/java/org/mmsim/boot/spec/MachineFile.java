package org.mmsim.boot.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mmsim.arch.Arch;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;

/**
 * Reads and writes the YAML machine file. Example:
 * <pre>
 * name: x86_64-4G
 * arch: x86_64              # x86_64, i386-pae or arm64
 * cpus: 1
 * cmdline: "nokaslr movablecore=1G"
 * memory:                   # the firmware map (e820 on x86, memory nodes on arm64); end is exclusive
 *   - { start: 0x0, end: 0x9fc00, type: usable }
 *   - { start: 0x100000, size: 3G, type: usable }
 * numa:                     # optional: SRAT node ranges
 *   - { node: 0, start: 0, end: 2G }
 * reserved:                 # optional: early memblock reservations (kernel image, initrd, ...)
 *   - { start: 16M, size: 52M, what: kernel }
 * late_frees:               # optional: "Freeing ... memory" hand-overs after boot
 *   - { what: initrd, size: 1008K, start: 0xbfee4000 }
 * sysctl: { vm.min_free_kbytes: 90112 }
 * thp: always               # always, madvise or never
 * cma: 64M                  # or cma=64M on the command line
 * </pre>
 * The command line's parameters and the sysctls are checked against the settings table ({@link KernelBootParam},
 * {@link KernelSysctl}); sysctl.vm.* words of the command line that shape boot come before the sysctl: key.
 * Presets named like {@code x86_64-4G} are built in ({@link #preset}).
 */
public final class MachineFile {
    private static final Set<String> TOP = Set.of("name", "arch", "cpus", "cmdline", "memory", "numa", "reserved",
            "late_frees", "sysctl", "thp", "cma", "kernel_image", "early");
    private static final Set<String> RANGE = Set.of("start", "end", "size", "type");
    private static final Set<String> NUMA = Set.of("node", "start", "end", "size");
    private static final Set<String> RESERVED = Set.of("start", "end", "size", "what", "free");
    private static final Set<String> LATE = Set.of("what", "size", "start", "before_watermarks");
    private static final Set<String> EARLY = Set.of("percpu_pages_per_cpu", "dentry_hash", "inode_hash");
    private static final Set<String> IMAGE = Set.of("code", "rwdata", "rodata", "init", "bss");

    private MachineFile() {
    }

    /** Reads a machine file, or a preset when {@code pathOrPreset} names one and no such file exists. */
    public static MachineSpec load(String pathOrPreset) {
        Path p = Path.of(pathOrPreset);
        if (!Files.exists(p) && presetText(pathOrPreset) != null) {
            return preset(pathOrPreset);
        }
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && p.getParent() == null) {
            throw InputError.at(pathOrPreset, 0, "no such machine file or preset (presets: "
                    + String.join(", ", presets()) + ")");
        }
        return parse(p.toString(), InputFiles.readText(p));
    }

    /** A built-in machine: the oracle machines (x86_64-256M, -1G, -4G, -16G, i386pae-1G, -8G, arm64-1G, ...). */
    public static MachineSpec preset(String name) {
        String text = presetText(name);
        if (text == null) {
            throw InputError.at(name, 0, "no such machine file or preset (presets: " + String.join(", ", presets()) + ")");
        }
        return parse("preset:" + name, text);
    }

    /**
     * Where a machine file or preset (as {@link #load} takes it) sets the key at {@code keys} (see
     * {@link YamlNode#locate}): "FILE:LINE", or the file alone when it does not set it.
     */
    public static String locate(String pathOrPreset, String... keys) {
        Path p = Path.of(pathOrPreset);
        if (!Files.exists(p) && presetText(pathOrPreset) != null) {
            return YamlNode.locate("preset:" + pathOrPreset, presetText(pathOrPreset), keys);
        }
        return YamlNode.locate(p.toString(), InputFiles.readText(p), keys);
    }

    /** The names of the built-in machines. */
    public static List<String> presets() {
        try (InputStream in = MachineFile.class.getResourceAsStream("/machines/index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String presetText(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            return null;
        }
        try (InputStream in = MachineFile.class.getResourceAsStream("/machines/" + name + ".yaml")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Parses machine-file text; every mistake is an {@link InputError} naming {@code file} and the line. */
    public static MachineSpec parse(String file, String text) {
        YamlNode root = YamlNode.parse(file, text);
        root.requireOnlyKeys("machine file", TOP);
        String name = optText(root, "name", Path.of(file).getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        if (root.get("name") != null && (name.isEmpty() || name.length() > 200 || name.contains("\"")
                || name.chars().anyMatch(Character::isISOControl))) {
            throw root.get("name").error("name must be one line of at most 200 printable characters, without '\"'");
        }
        YamlNode archNode = required(root, "arch");
        Arch arch = Arch.byId(archNode.asText("arch"));
        if (arch == null) {
            throw archNode.error("unknown arch '" + archNode.asText("arch") + "' (x86_64, i386-pae, arm64)");
        }
        int cpus = 1;
        if (root.get("cpus") != null) {
            long c = number(root.get("cpus"), "cpus");
            if (c < 1 || c > 8192) {
                throw root.get("cpus").error("cpus must be 1..8192");
            }
            cpus = (int) c;
        }
        KernelCommandLine cmdline = root.get("cmdline") == null ? KernelCommandLine.EMPTY
                : KernelCommandLine.parse(root.get("cmdline").asText("cmdline"), file, root.get("cmdline").line());
        List<FirmwareRange> memory = new ArrayList<>();
        for (YamlNode n : required(root, "memory").asList("memory")) {
            n.requireOnlyKeys("memory entry", RANGE);
            FirmwareRange.Type type = FirmwareRange.Type.USABLE;
            if (n.get("type") != null) {
                type = FirmwareRange.Type.parse(n.get("type").asText("type"));
                if (type == null) {
                    throw n.get("type").error("unknown memory type '" + n.get("type").asText("type")
                            + "' (usable, reserved, ACPI data, ACPI NVS, unusable)");
                }
            }
            long[] se = startEnd(n, type == FirmwareRange.Type.USABLE ? arch : null);
            memory.add(new FirmwareRange(se[0], se[1], type));
        }
        if (memory.stream().noneMatch(r -> r.type() == FirmwareRange.Type.USABLE)) {
            throw root.get("memory").error("no usable memory");
        }
        long usable = memory.stream().filter(r -> r.type() == FirmwareRange.Type.USABLE)
                .mapToLong(r -> r.end() - r.start()).sum();
        String memProblem = memLimitProblem(arch, memory, cmdline.memLimit());
        if (memProblem != null) {
            throw root.get("cmdline").error(memProblem);
        }
        List<NumaRange> numa = new ArrayList<>();
        if (root.get("numa") != null) {
            for (YamlNode n : root.get("numa").asList("numa")) {
                n.requireOnlyKeys("numa entry", NUMA);
                long nid = number(required(n, "node"), "node");
                if (nid < 0 || nid > 1023) {
                    throw n.get("node").error("node must be 0..1023");
                }
                long[] se = startEnd(n, null);
                numa.add(new NumaRange((int) nid, se[0], se[1]));
            }
        }
        checkNodeSpans(root, memory, numa, arch);
        List<Reservation> reserved = new ArrayList<>();
        if (root.get("reserved") != null) {
            for (YamlNode n : root.get("reserved").asList("reserved")) {
                n.requireOnlyKeys("reserved entry", RESERVED);
                long[] se = startEnd(n, null);
                boolean free = n.get("free") != null && bool(n.get("free"), "free");
                reserved.add(new Reservation(se[0], se[1], optText(n, "what", "reserved"), free));
            }
        }
        List<LateFree> late = new ArrayList<>();
        if (root.get("late_frees") != null) {
            for (YamlNode n : root.get("late_frees").asList("late_frees")) {
                n.requireOnlyKeys("late_frees entry", LATE);
                long bytes = size(required(n, "size"), "size");
                if (bytes > usable) {
                    throw n.get("size").error("late_frees size " + bytes + " bytes is more than the machine's usable"
                            + " memory (" + usable + " bytes)");
                }
                long start = n.get("start") == null ? -1 : address(n.get("start"), "start", arch);
                boolean before = n.get("before_watermarks") != null && bool(n.get("before_watermarks"), "before_watermarks");
                late.add(new LateFree(required(n, "what").asText("what"), bytes >> 10, start, before));
            }
        }
        Map<String, String> sysctl = new LinkedHashMap<>(cmdline.bootSysctl());
        if (root.get("sysctl") != null) {
            for (Map.Entry<String, YamlNode> e : root.get("sysctl").asMap("sysctl").entrySet()) {
                KernelSysctl k = KernelSysctl.byKey(e.getKey());
                if (k == null || !k.boot()) {
                    throw InputError.at(file, root.get("sysctl").keyLine(e.getKey()), "unknown sysctl '" + e.getKey()
                            + "' (" + String.join(", ", KernelSysctl.keys(true)) + ")");
                }
                sysctl.put(k.key(), k.check(e.getValue(), arch.zoneTypes().size()));
            }
        }
        boolean thp = true;
        if (root.get("thp") != null) {
            String t = root.get("thp").asText("thp").toLowerCase(Locale.ROOT);
            if (!KernelBootParam.TRANSPARENT_HUGEPAGE.choices().contains(t)) {
                throw root.get("thp").error("thp must be " + KernelBootParam.TRANSPARENT_HUGEPAGE.accepted());
            }
            thp = !t.equals("never");
        }
        if (cmdline.transparentHugepage() != null && cmdline.transparentHugepage().equals("never")) {
            thp = false;
        }
        long cma = root.get("cma") == null ? cmdline.cmaBytes() : size(root.get("cma"), "cma");
        if (root.get("cma") != null && cmdline.cmaBytes() != 0 && cma != cmdline.cmaBytes()) {
            throw root.get("cma").error("cma: " + cma + " bytes differs from the command line's cma="
                    + cmdline.cmaBytes() + " bytes: give the size once");
        }
        if (cmaProblem(cma, usable) != null) {
            throw (root.get("cma") != null ? root.get("cma") : root.get("cmdline")).error(cmaProblem(cma, usable));
        }
        KernelImage image = arch == Arch.ARM64 ? KernelImage.DEBIAN_ARM64
                : arch == Arch.I386_PAE ? KernelImage.DEBIAN_686_PAE : KernelImage.DEBIAN_AMD64;
        if (root.get("kernel_image") != null) {
            YamlNode k = root.get("kernel_image");
            k.requireOnlyKeys("kernel_image", IMAGE);
            image = new KernelImage(part(k, "code", usable) >> 10, part(k, "rwdata", usable) >> 10,
                    part(k, "rodata", usable) >> 10, part(k, "init", usable) >> 10, part(k, "bss", usable) >> 10);
        }
        EarlyFacts facts = EarlyFacts.UNKNOWN;
        if (root.get("early") != null) {
            YamlNode e = root.get("early");
            e.requireOnlyKeys("early", EARLY);
            long usablePages = usable >> arch.pageShift();
            facts = new EarlyFacts(e.get("percpu_pages_per_cpu") == null ? -1
                    : bounded(e.get("percpu_pages_per_cpu"), "percpu_pages_per_cpu", usablePages / cpus),
                    e.get("dentry_hash") == null ? -1 : part(e, "dentry_hash", usable),
                    e.get("inode_hash") == null ? -1 : part(e, "inode_hash", usable));
        }
        return new MachineSpec(name, arch, cpus, cmdline, memory, numa, reserved, late, sysctl, image, cma, thp, facts);
    }

    /**
     * {@code spec} with the kernel command-line word {@code word} added (replacing an earlier word for the same
     * parameter), checked as a machine file's command line is; a problem is one error naming {@code where}.
     */
    public static MachineSpec withBootParam(MachineSpec spec, String word, String where) {
        return withBootParam(spec, word, where, 0);
    }

    /** {@link #withBootParam(MachineSpec, String, String)} naming line {@code line} of {@code where} in an error. */
    public static MachineSpec withBootParam(MachineSpec spec, String word, String where, int line) {
        KernelCommandLine cmdline = spec.cmdline().with(word, where, line);
        String problem = memLimitProblem(spec.arch(), spec.firmware(), cmdline.memLimit());
        long usable = spec.firmware().stream().filter(r -> r.type() == FirmwareRange.Type.USABLE)
                .mapToLong(r -> r.end() - r.start()).sum();
        problem = problem != null ? problem : cmaProblem(cmdline.cmaBytes(), usable);
        if (problem != null) {
            throw InputError.at(where, line, word + ": " + problem);
        }
        KernelBootParam param = KernelBootParam.of(word);
        boolean thp = param == KernelBootParam.TRANSPARENT_HUGEPAGE ? !cmdline.transparentHugepage().equals("never")
                : spec.thpEnabled();
        long cma = param == KernelBootParam.CMA ? cmdline.cmaBytes() : spec.cmaBytes();
        Map<String, String> sysctl = new LinkedHashMap<>(spec.sysctl());
        sysctl.putAll(KernelCommandLine.parse(word, where, 0).bootSysctl());
        return new MachineSpec(spec.name(), spec.arch(), spec.cpus(), cmdline, spec.firmware(), spec.numa(),
                spec.reservations(), spec.lateFrees(), sysctl, spec.image(), cma, thp, spec.facts());
    }

    /** Why mem= cannot be applied (on x86 it would remove all usable RAM), or null. */
    private static String memLimitProblem(Arch arch, List<FirmwareRange> memory, long memLimit) {
        if (arch != Arch.ARM64 && memLimit > 0 && memory.stream()
                .noneMatch(r -> r.type() == FirmwareRange.Type.USABLE && r.start() < memLimit)) {
            return "mem=" + memLimit + " removes all usable RAM (on x86 mem= drops the RAM above that address:"
                    + " parse_memopt() in arch/x86/kernel/e820.c)";
        }
        return null;
    }

    /** Why a CMA area of {@code cma} bytes cannot be reserved out of {@code usable} bytes, or null. */
    private static String cmaProblem(long cma, long usable) {
        return cma <= usable ? null : "cma of " + (cma >> 20) + "M is more than the usable memory (" + (usable >> 20)
                + "M): the kernel reserves CMA out of memory";
    }

    /** Writes {@code spec} as a machine file that {@link #parse} reads back to an equal spec. */
    public static String write(MachineSpec spec) {
        StringBuilder b = new StringBuilder();
        b.append("# mmsim machine file\n");
        b.append("name: ").append(spec.name()).append('\n');
        b.append("arch: ").append(spec.arch().id()).append('\n');
        b.append("cpus: ").append(spec.cpus()).append('\n');
        b.append("cmdline: \"").append(spec.cmdline().text().replace("\"", "")).append("\"\n");
        b.append("memory:\n");
        for (FirmwareRange r : spec.firmware()) {
            b.append(String.format("  - { start: %#x, end: %#x, type: \"%s\" }%n", r.start(), r.end(), r.type().logName()));
        }
        if (!spec.numa().isEmpty()) {
            b.append("numa:\n");
            for (NumaRange n : spec.numa()) {
                b.append(String.format("  - { node: %d, start: %#x, end: %#x }%n", n.nid(), n.start(), n.end()));
            }
        }
        if (!spec.reservations().isEmpty()) {
            b.append("reserved:\n");
            for (Reservation r : spec.reservations()) {
                b.append(String.format("  - { start: %#x, end: %#x, what: \"%s\"%s }%n", r.start(), r.end(),
                        r.what().replace("\"", ""), r.free() ? ", free: true" : ""));
            }
        }
        if (!spec.lateFrees().isEmpty()) {
            b.append("late_frees:\n");
            for (LateFree f : spec.lateFrees()) {
                b.append(String.format("  - { what: \"%s\", size: %dK%s%s }%n", f.what(), f.kib(),
                        f.start() >= 0 ? String.format(", start: %#x", f.start()) : "",
                        f.beforeWatermarks() ? ", before_watermarks: true" : ""));
            }
        }
        if (!spec.sysctl().isEmpty()) {
            b.append("sysctl:\n");
            spec.sysctl().forEach((k, v) -> b.append("  ").append(k).append(": \"").append(v).append("\"\n"));
        }
        b.append("thp: ").append(spec.thpEnabled() ? "always" : "never").append('\n');
        if (spec.cmaBytes() > 0) {
            b.append("cma: ").append(spec.cmaBytes() >> 20).append("M\n");
        }
        KernelImage k = spec.image();
        b.append(String.format("kernel_image: { code: %dK, rwdata: %dK, rodata: %dK, init: %dK, bss: %dK }%n",
                k.codeK(), k.rwdataK(), k.rodataK(), k.initK(), k.bssK()));
        EarlyFacts f = spec.facts();
        if (!f.equals(EarlyFacts.UNKNOWN)) {
            b.append("early: {");
            List<String> parts = new ArrayList<>();
            if (f.percpuPagesPerCpu() >= 0) {
                parts.add(" percpu_pages_per_cpu: " + f.percpuPagesPerCpu());
            }
            if (f.dentryHashBytes() >= 0) {
                parts.add(" dentry_hash: " + f.dentryHashBytes());
            }
            if (f.inodeHashBytes() >= 0) {
                parts.add(" inode_hash: " + f.inodeHashBytes());
            }
            b.append(String.join(",", parts)).append(" }\n");
        }
        return b.toString();
    }

    private static YamlNode required(YamlNode map, String key) {
        YamlNode n = map.get(key);
        if (n == null || n.kind() == YamlNode.Kind.NULL) {
            throw map.error("missing '" + key + "'");
        }
        return n;
    }

    private static String optText(YamlNode map, String key, String dflt) {
        YamlNode n = map.get(key);
        return n == null ? dflt : n.asText(key);
    }

    /**
     * A range's start and exclusive end. For usable RAM ({@code ram} the architecture) both lie within the physical
     * address space (MAX_PHYSMEM_BITS); other ranges (firmware reserved areas, NUMA affinity, memblock reservations,
     * which real firmware places anywhere) need only fit 64 bits.
     */
    private static long[] startEnd(YamlNode n, Arch ram) {
        long start = ram == null ? size(required(n, "start"), "start") : address(required(n, "start"), "start", ram);
        long end;
        if (n.get("end") != null && n.get("size") != null) {
            throw n.error("give either end or size, not both");
        }
        if (n.get("end") != null) {
            end = ram == null ? size(n.get("end"), "end") : address(n.get("end"), "end", ram);
        } else if (n.get("size") != null) {
            long size = size(n.get("size"), "size");
            if (size > (ram == null ? Long.MAX_VALUE : limit(ram)) - start) {
                throw n.get("size").error(ram == null ? "start + size does not fit 64 bits"
                        : "start + size goes beyond the " + ram.physAddrBits() + "-bit physical address space of "
                        + ram.id() + " (MAX_PHYSMEM_BITS)");
            }
            end = start + size;
        } else {
            throw n.error("missing 'end' or 'size'");
        }
        if (end <= start) {
            throw n.error("empty or reversed range: end must be above start");
        }
        return new long[] {start, end};
    }

    /**
     * Refuses a node whose memory spans more than 2^31 pages, the most mmsim's pfn-indexed arrays hold per node,
     * naming the memory key (one node) or the node's numa entry.
     */
    private static void checkNodeSpans(YamlNode root, List<FirmwareRange> memory, List<NumaRange> numa, Arch arch) {
        List<FirmwareRange> usable = memory.stream().filter(r -> r.type() == FirmwareRange.Type.USABLE).toList();
        if (numa.isEmpty()) {
            long lo = usable.stream().mapToLong(FirmwareRange::start).min().orElse(0);
            long hi = usable.stream().mapToLong(FirmwareRange::end).max().orElse(0);
            refuseLargeSpan(root, root.keyLine("memory"), 0, lo, hi, arch);
            return;
        }
        List<YamlNode> entries = root.get("numa").asList("numa");
        for (int i = 0; i < numa.size(); i++) {
            int nid = numa.get(i).nid();
            long lo = Long.MAX_VALUE;
            long hi = 0;
            for (NumaRange n : numa) {
                for (FirmwareRange r : usable) {
                    if (n.nid() == nid && r.start() < n.end() && n.start() < r.end()) {
                        lo = Math.min(lo, Math.max(r.start(), n.start()));
                        hi = Math.max(hi, Math.min(r.end(), n.end()));
                    }
                }
            }
            refuseLargeSpan(root, entries.get(i).line(), nid, lo, hi, arch);
        }
    }

    private static void refuseLargeSpan(YamlNode root, int line, int nid, long lo, long hi, Arch arch) {
        long pages = hi > lo ? (hi - lo) >> arch.pageShift() : 0;
        if (pages > Integer.MAX_VALUE) {
            throw InputError.at(root.file(), line, "node " + nid + " spans " + pages + " pages; mmsim supports up to 2^31 pages (8 TiB of 4 KiB"
                    + " pages) per node: split the memory into NUMA nodes");
        }
    }

    /** 2^MAX_PHYSMEM_BITS: the first physical address the architecture cannot reach. */
    private static long limit(Arch arch) {
        return 1L << arch.physAddrBits();
    }

    /** A physical address, at most 2^MAX_PHYSMEM_BITS (an end address may equal it). */
    private static long address(YamlNode n, String what, Arch arch) {
        long a = size(n, what);
        if (a > limit(arch)) {
            throw n.error(what + " " + n.asText(what).trim() + " is beyond the " + arch.physAddrBits()
                    + "-bit physical address space of " + arch.id() + " (MAX_PHYSMEM_BITS)");
        }
        return a;
    }

    /** A size that is part of the machine's memory: at most {@code usable} bytes. */
    private static long part(YamlNode map, String key, long usable) {
        YamlNode n = required(map, key);
        long v = size(n, key);
        if (v > usable) {
            throw n.error(key + " " + n.asText(key).trim() + " is more than the machine's usable memory (" + usable
                    + " bytes)");
        }
        return v;
    }

    /** A whole number in 0..max. */
    private static long bounded(YamlNode n, String what, long max) {
        long v = number(n, what);
        if (v < 0 || v > max) {
            throw n.error(what + " " + v + " is outside 0.." + max);
        }
        return v;
    }

    private static long size(YamlNode n, String what) {
        try {
            return Sizes.memparse(n.asText(what));
        } catch (IllegalArgumentException e) {
            throw n.error(what + ": " + e.getMessage());
        }
    }

    private static long number(YamlNode n, String what) {
        try {
            return Long.parseLong(n.asText(what).trim());
        } catch (NumberFormatException e) {
            throw n.error(what + " must be a whole number, not '" + n.asText(what) + "'");
        }
    }

    private static boolean bool(YamlNode n, String what) {
        String t = n.asText(what);
        if (!t.equals("true") && !t.equals("false")) {
            throw n.error(what + " must be true or false");
        }
        return t.equals("true");
    }
}
