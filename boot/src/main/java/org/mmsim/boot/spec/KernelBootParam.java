package org.mmsim.boot.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel command-line parameters mmsim knows, the boot-time half of the settings table beside
 * {@link KernelSysctl}: each with its kind, unit, the values Linux 6.1 accepts, the default and the early_param or
 * __setup handler that reads it. Every reader of a command line (machine files, boot logs, {@code --set}) checks a
 * word through {@link #check}.
 *
 * <p>The model uses mem=, kernelcore=, movablecore=, memblock=, transparent_hugepage=, numa=, cma= (its size) and
 * sysctl.vm.* (fs/proc/proc_sysctl.c process_sysctl_arg, checked by {@link KernelSysctl}). It refuses knowingly
 * hugepages=, hugepagesz= and default_hugepagesz= (mmsim has no boot-time hugetlb pool), numa=fake=, numa=noacpi
 * and numa=nohmat (no NUMA emulation, the SRAT is the machine's numa: list) and a cma= placement (@base-limit).
 * Any other word (console=, root=, quiet, nokaslr, ...) does not touch memory management as modelled and is kept
 * in the command line but ignored.
 */
public enum KernelBootParam {
    /**
     * The RAM above that address is dropped (x86) or memblock.memory is limited to that size (arm64); x86 refuses
     * mem=0 (-EINVAL) and mmsim takes 0 as not given on both.
     */
    MEM("mem", Kind.SIZE, "bytes", List.of(), "all memory",
            "arch/x86/kernel/e820.c parse_memopt; arch/arm64/mm/init.c early_mem"),
    /** The memory kept for unmovable allocations: the rest of each node's span may become ZONE_MOVABLE. */
    KERNELCORE("kernelcore", Kind.CORE, "bytes or % of memory", List.of("mirror"), "none (no ZONE_MOVABLE)",
            "mm/page_alloc.c cmdline_parse_kernelcore, cmdline_parse_core"),
    /** The memory given to ZONE_MOVABLE. */
    MOVABLECORE("movablecore", Kind.CORE, "bytes or % of memory", List.of(), "none (no ZONE_MOVABLE)",
            "mm/page_alloc.c cmdline_parse_movablecore, cmdline_parse_core"),
    /** memblock=debug logs every memblock reservation; the kernel looks for "debug" in the value. */
    MEMBLOCK("memblock", Kind.CHOICE, "", List.of("debug"), "off", "mm/memblock.c early_memblock"),
    /** The THP mode; the kernel warns about and ignores any other value. */
    TRANSPARENT_HUGEPAGE("transparent_hugepage", Kind.CHOICE, "", List.of("always", "madvise", "never"),
            "always (Debian's CONFIG_TRANSPARENT_HUGEPAGE_ALWAYS)", "mm/huge_memory.c setup_transparent_hugepage"),
    /** numa=off folds all memory into node 0. */
    NUMA("numa", Kind.CHOICE, "", List.of("off"), "on",
            "arch/x86/mm/numa.c numa_setup; drivers/base/arch_numa.c numa_parse_early_param"),
    /** The size of the default CMA area; a placement (@base[-limit]) is not modelled. */
    CMA("cma", Kind.SIZE, "bytes", List.of(), "CONFIG_CMA_SIZE_MBYTES (the machine file's cma: key)",
            "kernel/dma/contiguous.c early_cma"),
    /** sysctl.vm.NAME=VALUE sets a sysctl of {@link KernelSysctl} at boot, with that table's range. */
    SYSCTL("sysctl", Kind.SYSCTL, "", List.of(), "", "fs/proc/proc_sysctl.c process_sysctl_arg"),
    /** Refused: the boot-time hugetlb pool is not modelled. */
    HUGEPAGES("hugepages", Kind.REFUSED, "pages", List.of(), "0", "mm/hugetlb.c hugepages_setup"),
    /** Refused: the boot-time hugetlb pool is not modelled. */
    HUGEPAGESZ("hugepagesz", Kind.REFUSED, "bytes", List.of(), "", "mm/hugetlb.c hugepagesz_setup"),
    /** Refused: the boot-time hugetlb pool is not modelled. */
    DEFAULT_HUGEPAGESZ("default_hugepagesz", Kind.REFUSED, "bytes", List.of(), "HPAGE_SIZE",
            "mm/hugetlb.c default_hugepagesz_setup");

    /** How a parameter's value is read. */
    public enum Kind {
        /** A memparse() size: a number with an optional K, M, G, T, P or E suffix (lib/cmdline.c). */
        SIZE,
        /** A memparse() size or a percentage 0..100 followed by %, or one of the choices. */
        CORE,
        /** One of the choices. */
        CHOICE,
        /** sysctl.vm.NAME=VALUE: a {@link KernelSysctl} and its range. */
        SYSCTL,
        /** A parameter the kernel takes but mmsim refuses, as it cannot model its effect. */
        REFUSED
    }

    private final String name;
    private final Kind kind;
    private final String unit;
    private final List<String> choices;
    private final String kernelDefault;
    private final String source;

    KernelBootParam(String name, Kind kind, String unit, List<String> choices, String kernelDefault, String source) {
        this.name = name;
        this.kind = kind;
        this.unit = unit;
        this.choices = choices;
        this.kernelDefault = kernelDefault;
        this.source = source;
    }

    /** The name before '=' (for SYSCTL the prefix of {@code sysctl.vm.NAME}). */
    public String paramName() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** What the value counts, e.g. {@code bytes}; empty for a choice. */
    public String unit() {
        return unit;
    }

    /** The words the value may be (for CORE besides a size or percentage). */
    public List<String> choices() {
        return choices;
    }

    /** What the kernel does when the parameter is not given. */
    public String kernelDefault() {
        return kernelDefault;
    }

    /** The kernel file and function that parse the parameter. */
    public String source() {
        return source;
    }

    /** The values accepted, in words, for error messages. */
    public String accepted() {
        return switch (kind) {
            case SIZE -> "a size in bytes with an optional K, M, G, T, P or E suffix";
            case CORE -> (choices.isEmpty() ? "" : String.join(", ", choices) + ", ")
                    + "a size in bytes with an optional K, M, G, T, P or E suffix, or a percentage 0..100%";
            case CHOICE -> choices.size() == 1 ? choices.get(0) : String.join(", ", choices.subList(0,
                    choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
            case SYSCTL -> "sysctl.NAME=VALUE with NAME one of " + String.join(", ", KernelSysctl.keys(false));
            case REFUSED -> "nothing: mmsim does not model it";
        };
    }

    /** The parameter a command-line word ({@code name=value}, or a bare {@code name}) sets, or null. */
    public static KernelBootParam of(String word) {
        int eq = word.indexOf('=');
        String key = eq < 0 ? word : word.substring(0, eq);
        for (KernelBootParam p : values()) {
            if (p.kind == Kind.SYSCTL ? key.startsWith("sysctl.vm.") || key.startsWith("sysctl/vm/")
                    : key.equals(p.name)) {
                return p;
            }
        }
        return null;
    }

    /** The names of the parameters, as {@code name=} (sysctl as {@code sysctl.vm.NAME=}). */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (KernelBootParam p : values()) {
            out.add(p.kind == Kind.SYSCTL ? "sysctl.vm.NAME=" : p.name + "=");
        }
        return out;
    }

    /**
     * Checks the value of {@code word} as Linux 6.1 would parse it; a value it refuses, or that mmsim cannot model,
     * throws IllegalArgumentException whose message says what the parameter accepts.
     */
    public void check(String word) {
        int eq = word.indexOf('=');
        String value = eq < 0 ? "" : word.substring(eq + 1);
        switch (kind) {
            case SIZE -> size(value);
            case CORE -> core(value);
            case CHOICE -> {
                if (!choices.contains(value)) {
                    throw refuse(value.isEmpty() ? "no value" : "'" + value + "' is not a value mmsim takes");
                }
            }
            case SYSCTL -> sysctl(word.substring(0, eq < 0 ? word.length() : eq), value);
            case REFUSED -> throw new IllegalArgumentException(name + "= is not modelled: mmsim has no boot-time"
                    + " hugetlb pool (" + source + ")");
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** A size value, memparse() as the kernel reads it; for cma= the size alone. */
    long size(String value) {
        if (this == CMA && value.contains("@")) {
            throw new IllegalArgumentException("a CMA placement (@base[-limit]) is not modelled: give the size alone");
        }
        try {
            return Sizes.memparse(value);
        } catch (IllegalArgumentException e) {
            throw refuse(e.getMessage());
        }
    }

    /** A CORE value: a size in bytes and a percentage, one of them 0 (mirror is for the caller). */
    KernelCommandLine.Core core(String value) {
        if (choices.contains(value)) {
            return KernelCommandLine.Core.NONE;
        }
        if (value.endsWith("%")) {
            String digits = value.substring(0, value.length() - 1);
            if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) > 100) {
                throw new IllegalArgumentException("not a percentage 0..100 (" + name + "= takes " + accepted() + ")");
            }
            return new KernelCommandLine.Core(0, Integer.parseInt(digits));
        }
        return new KernelCommandLine.Core(size(value), 0);
    }

    /** The sysctl {@code key} ({@code sysctl.vm.NAME}) names, or an error listing the table. */
    static KernelSysctl sysctl(String key) {
        KernelSysctl s = KernelSysctl.byKey(key.substring(key.indexOf('.') + 1).replace('/', '.'));
        if (s == null) {
            throw new IllegalArgumentException("unknown sysctl '" + key.substring(key.indexOf('.') + 1) + "' ("
                    + String.join(", ", KernelSysctl.keys(false)) + ")");
        }
        return s;
    }

    private static void sysctl(String key, String value) {
        sysctl(key).check(value, KernelSysctl.MOST_ZONES);
    }

    private IllegalArgumentException refuse(String problem) {
        return new IllegalArgumentException(problem + " (" + name + "= takes " + accepted() + ")");
    }
}
