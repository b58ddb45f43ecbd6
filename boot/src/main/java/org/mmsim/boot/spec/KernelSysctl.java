package org.mmsim.boot.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mmsim.arch.Arch;

/**
 * The vm sysctls mmsim models, the run-time half of the settings table beside {@link KernelBootParam}: each with its
 * unit, the range Linux 6.1 itself accepts when the value is written to /proc/sys/vm (the {@code extra1}/{@code
 * extra2} bounds of its ctl_table entry in vm_table of kernel/sysctl.c or vm_page_writeback_sysctls of
 * mm/page-writeback.c, and its handler's own checks), the value the kernel starts with where it has one fixed
 * default, and the kernel file and function that define it. Machine files, scenarios, the kernel command line
 * (sysctl.vm.*), {@code --set} and the /proc/sys/vm view all read it. Values are C ints. Where the kernel takes any
 * int but stores it unsigned or multiplies it into an unsigned long (dirty_writeback_centisecs, overcommit_ratio), a
 * negative value means an absurd figure, so mmsim refuses it. Only sysctls the model reads are here; any other name
 * is refused as unknown.
 */
public enum KernelSysctl {
    /** mm/page_alloc.c: proc handler min_free_kbytes_sysctl_handler, extra1 SYSCTL_ZERO, no upper bound. */
    MIN_FREE_KBYTES("vm.min_free_kbytes", "KiB", 0, Integer.MAX_VALUE, true,
            "mm/page_alloc.c min_free_kbytes_sysctl_handler, init_per_zone_wmark_min"),
    /** mm/page_alloc.c: extra1 SYSCTL_ONE, extra2 SYSCTL_THREE_THOUSAND; default watermark_scale_factor 10. */
    WATERMARK_SCALE_FACTOR("vm.watermark_scale_factor", "1/10000 of a zone's memory", 1, 3000, true, 10,
            "mm/page_alloc.c watermark_scale_factor_sysctl_handler"),
    /** mm/page_alloc.c: proc_dointvec_minmax without bounds; one int per zone, values below 1 become 0. */
    LOWMEM_RESERVE_RATIO("vm.lowmem_reserve_ratio", "1/ratio of the higher zones, one per zone", Integer.MIN_VALUE,
            Integer.MAX_VALUE, true, "mm/page_alloc.c lowmem_reserve_ratio_sysctl_handler"),
    /**
     * mm/page_alloc.c: extra1 SYSCTL_ZERO; the handler refuses 1..7 (MIN_PERCPU_PAGELIST_HIGH_FRACTION is 8);
     * default percpu_pagelist_high_fraction 0.
     */
    PERCPU_PAGELIST_HIGH_FRACTION("vm.percpu_pagelist_high_fraction", "1/fraction of a zone per cpu list", 0,
            Integer.MAX_VALUE, true, 0, "mm/page_alloc.c percpu_pagelist_high_fraction_sysctl_handler"),
    /** mm/page_alloc.c: extra1 SYSCTL_ZERO; default watermark_boost_factor 15000. */
    WATERMARK_BOOST_FACTOR("vm.watermark_boost_factor", "1/10000 of the high watermark", 0, Integer.MAX_VALUE,
            false, 15000, "kernel/sysctl.c vm_table; mm/page_alloc.c boost_watermark"),
    /** kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_TWO_HUNDRED; default vm_swappiness 60 (mm/vmscan.c). */
    SWAPPINESS("vm.swappiness", "anon cost against file cost", 0, 200, false, 60,
            "kernel/sysctl.c vm_table; mm/vmscan.c vm_swappiness"),
    /**
     * kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE_HUNDRED; default sysctl_compaction_proactiveness 20
     * (mm/compaction.c).
     */
    COMPACTION_PROACTIVENESS("vm.compaction_proactiveness", "fragmentation score target", 0, 100, false, 20,
            "mm/compaction.c compaction_proactiveness_sysctl_handler"),
    /** kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE_THOUSAND; default 500 (mm/compaction.c). */
    EXTFRAG_THRESHOLD("vm.extfrag_threshold", "fragmentation index x 1000", 0, 1000, false, 500,
            "kernel/sysctl.c vm_table; mm/compaction.c sysctl_extfrag_threshold"),
    /**
     * kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE; default CONFIG_COMPACT_UNEVICTABLE_DEFAULT, 1 unless
     * PREEMPT_RT (mm/Kconfig, mm/compaction.c).
     */
    COMPACT_UNEVICTABLE_ALLOWED("vm.compact_unevictable_allowed", "boolean", 0, 1, false, 1,
            "kernel/sysctl.c vm_table; mm/compaction.c sysctl_compact_unevictable_allowed"),
    /** mm/page-writeback.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE_HUNDRED; default vm_dirty_ratio 20. */
    DIRTY_RATIO("vm.dirty_ratio", "% of dirtyable memory", 0, 100, false, 20,
            "mm/page-writeback.c dirty_ratio_handler"),
    /** mm/page-writeback.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE_HUNDRED; default dirty_background_ratio 10. */
    DIRTY_BACKGROUND_RATIO("vm.dirty_background_ratio", "% of dirtyable memory", 0, 100, false, 10,
            "mm/page-writeback.c dirty_background_ratio_handler"),
    /** mm/page-writeback.c: extra1 SYSCTL_ZERO; default dirty_expire_interval 30 s, 3000 centiseconds. */
    DIRTY_EXPIRE_CENTISECS("vm.dirty_expire_centisecs", "centiseconds", 0, Integer.MAX_VALUE, false, 3000,
            "mm/page-writeback.c vm_page_writeback_sysctls, dirty_expire_interval"),
    /**
     * mm/page-writeback.c: proc_dointvec into an unsigned int (a negative value would be an interval of years);
     * default dirty_writeback_interval 5 s, 500 centiseconds.
     */
    DIRTY_WRITEBACK_CENTISECS("vm.dirty_writeback_centisecs", "centiseconds", 0, Integer.MAX_VALUE, false, 500,
            "mm/page-writeback.c dirty_writeback_centisecs_handler"),
    /** kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_TWO; default OVERCOMMIT_GUESS, 0 (mm/util.c). */
    OVERCOMMIT_MEMORY("vm.overcommit_memory", "mode", 0, 2, false, 0, "mm/util.c overcommit_policy_handler"),
    /**
     * kernel/sysctl.c: proc_dointvec (a negative ratio would wrap in vm_commit_limit's unsigned arithmetic);
     * default sysctl_overcommit_ratio 50 (mm/util.c).
     */
    OVERCOMMIT_RATIO("vm.overcommit_ratio", "% of RAM", 0, Integer.MAX_VALUE, false, 50,
            "mm/util.c overcommit_ratio_handler"),
    /**
     * kernel/sysctl.c: extra1 SYSCTL_ZERO, no upper bound (the low three bits are the modes); default
     * node_reclaim_mode 0 (mm/vmscan.c).
     */
    ZONE_RECLAIM_MODE("vm.zone_reclaim_mode", "bit mask", 0, Integer.MAX_VALUE, false, 0,
            "kernel/sysctl.c vm_table; mm/vmscan.c node_reclaim_mode");

    /** The most zones any architecture configures: the longest vm.lowmem_reserve_ratio before the machine is known. */
    public static final int MOST_ZONES = Arrays.stream(Arch.values()).mapToInt(a -> a.zoneTypes().size()).max()
            .orElse(1);

    /** No fixed default: the value is computed at boot or is one per zone. */
    private static final long NO_DEFAULT = Long.MIN_VALUE;

    private final String key;
    private final String unit;
    private final long[] range;
    private final boolean boot;
    private final long kernelDefault;
    private final String source;

    /** A sysctl without one fixed default: computed at boot (min_free_kbytes) or one value per zone. */
    KernelSysctl(String key, String unit, long min, long max, boolean boot, String source) {
        this(key, unit, min, max, boot, NO_DEFAULT, source);
    }

    KernelSysctl(String key, String unit, long min, long max, boolean boot, long kernelDefault, String source) {
        this.key = key;
        this.unit = unit;
        this.range = new long[] {min, max};
        this.boot = boot;
        this.kernelDefault = kernelDefault;
        this.source = source;
    }

    /** The name as under /proc/sys, dots for slashes: {@code vm.min_free_kbytes}. */
    public String key() {
        return key;
    }

    /** Whether the value shapes the boot-time watermarks and reserves (a machine file may set it). */
    public boolean boot() {
        return boot;
    }

    /**
     * The value Linux 6.1 starts with when nothing sets it. min_free_kbytes (computed from memory at boot) and
     * lowmem_reserve_ratio (one ratio per zone) have none: asking for theirs is a programming error.
     */
    public int kernelDefault() {
        if (kernelDefault == NO_DEFAULT) {
            throw new IllegalStateException(key + " has no single kernel default");
        }
        return (int) kernelDefault;
    }

    /** What one unit of the value is, e.g. {@code centiseconds} or {@code % of dirtyable memory}. */
    public String unit() {
        return unit;
    }

    /** The kernel file and function that define and check the value: {@code mm/util.c overcommit_policy_handler}. */
    public String source() {
        return source;
    }

    /** The values Linux 6.1 accepts, as {@code MIN..MAX}. */
    public String range() {
        return range[0] + ".." + range[1];
    }

    /**
     * Whether Debian's 6.1 build for {@code arch} has the sysctl: vm.zone_reclaim_mode exists only with CONFIG_NUMA
     * (kernel/sysctl.c), which the 686-pae config leaves off (the i386 oracle kernels have no such file).
     */
    public boolean configuredOn(Arch arch) {
        return this != ZONE_RECLAIM_MODE || arch != Arch.I386_PAE;
    }

    /** Whether the file holds one int per zone (the kernel prints them tab-separated). */
    public boolean perZone() {
        return this == LOWMEM_RESERVE_RATIO;
    }

    /** The sysctl of that name, or null. */
    public static KernelSysctl byKey(String key) {
        for (KernelSysctl s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** The names of the sysctls, boot ones only when {@code bootOnly}. */
    public static List<String> keys(boolean bootOnly) {
        List<String> out = new ArrayList<>();
        for (KernelSysctl s : values()) {
            if (s.boot || !bootOnly) {
                out.add(s.key);
            }
        }
        return out;
    }

    /**
     * The value given at {@code n} (a number, or for lowmem_reserve_ratio a list of at most {@code zones} numbers
     * or one string of them) as the kernel would store it; out of range is an error naming the node's line.
     */
    public String check(YamlNode n, int zones) {
        List<YamlNode> items = n.kind() == YamlNode.Kind.LIST ? n.asList(key) : List.of(n);
        List<String> words = new ArrayList<>();
        for (YamlNode item : items) {
            words.addAll(words(item.asText("sysctl " + key)));
        }
        try {
            countWords(words.size(), zones);
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            try {
                out.add(Long.toString(value(words.get(i))));
            } catch (IllegalArgumentException e) {
                throw (items.size() == words.size() ? items.get(i) : n).error(e.getMessage());
            }
        }
        return String.join(" ", out);
    }

    /**
     * The value written as {@code text} (for lowmem_reserve_ratio up to {@code zones} numbers separated by blanks
     * or commas) as the kernel would store it; a value Linux 6.1 refuses throws IllegalArgumentException whose
     * message gives the range.
     */
    public String check(String text, int zones) {
        List<String> words = words(text);
        countWords(words.size(), zones);
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(Long.toString(value(w)));
        }
        return String.join(" ", out);
    }

    private static List<String> words(String text) {
        return List.of(text.trim().split("[\\s,]+", -1));
    }

    private void countWords(int count, int zones) {
        if (count > (perZone() ? zones : 1)) {
            throw new IllegalArgumentException("sysctl " + key + (perZone() ? " takes one ratio per zone (" + zones
                    + " on this architecture)" : " takes one value"));
        }
    }

    private long value(String word) {
        if (!word.matches("-?[0-9]+")) {
            throw new IllegalArgumentException("sysctl " + key + " must be a whole number, not '" + word + "'");
        }
        String digits = word.replaceFirst("^-?0*", "");
        boolean huge = digits.length() > 12;
        long v = huge ? (word.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE) : Long.parseLong(word);
        if (v < range[0] || v > range[1]) {
            throw new IllegalArgumentException("sysctl " + key + " " + (huge ? word : Long.toString(v))
                    + " is outside " + range() + " (what Linux 6.1 accepts)");
        }
        if (this == PERCPU_PAGELIST_HIGH_FRACTION && v != 0 && v < 8) {
            throw new IllegalArgumentException("sysctl " + key + " must be 0 or at least 8, not " + v);
        }
        return perZone() && v < 1 ? 0 : v;
    }
}
