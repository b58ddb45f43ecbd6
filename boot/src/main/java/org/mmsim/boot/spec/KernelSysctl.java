package org.mmsim.boot.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The vm sysctls a machine file or a scenario may set, each with the range Linux 6.1 itself accepts when the value
 * is written to /proc/sys/vm: the {@code extra1}/{@code extra2} bounds of its ctl_table entry and its handler's own
 * checks (vm_table in kernel/sysctl.c, page_alloc_sysctl_table in mm/page_alloc.c, vm_page_writeback_sysctls in
 * mm/page-writeback.c). Values are C ints. Where the kernel takes any int but stores it unsigned or multiplies it
 * into an unsigned long (dirty_writeback_centisecs, overcommit_ratio), a negative value means an absurd figure, so
 * mmsim refuses it. Each also carries the value the kernel starts with, where it has one fixed default.
 */
public enum KernelSysctl {
    /** mm/page_alloc.c: proc handler min_free_kbytes_sysctl_handler, extra1 SYSCTL_ZERO, no upper bound. */
    MIN_FREE_KBYTES("vm.min_free_kbytes", 0, Integer.MAX_VALUE, true),
    /** mm/page_alloc.c: extra1 SYSCTL_ONE, extra2 SYSCTL_THREE_THOUSAND; default watermark_scale_factor 10. */
    WATERMARK_SCALE_FACTOR("vm.watermark_scale_factor", 1, 3000, true, 10),
    /** mm/page_alloc.c: proc_dointvec_minmax without bounds; one int per zone, values below 1 become 0. */
    LOWMEM_RESERVE_RATIO("vm.lowmem_reserve_ratio", Integer.MIN_VALUE, Integer.MAX_VALUE, true),
    /**
     * mm/page_alloc.c: extra1 SYSCTL_ZERO; the handler refuses 1..7 (MIN_PERCPU_PAGELIST_HIGH_FRACTION is 8);
     * default percpu_pagelist_high_fraction 0.
     */
    PERCPU_PAGELIST_HIGH_FRACTION("vm.percpu_pagelist_high_fraction", 0, Integer.MAX_VALUE, true, 0),
    /** mm/page_alloc.c: extra1 SYSCTL_ZERO; default watermark_boost_factor 15000. */
    WATERMARK_BOOST_FACTOR("vm.watermark_boost_factor", 0, Integer.MAX_VALUE, false, 15000),
    /** kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_TWO_HUNDRED; default vm_swappiness 60 (mm/vmscan.c). */
    SWAPPINESS("vm.swappiness", 0, 200, false, 60),
    /**
     * kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE_HUNDRED; default sysctl_compaction_proactiveness 20
     * (mm/compaction.c).
     */
    COMPACTION_PROACTIVENESS("vm.compaction_proactiveness", 0, 100, false, 20),
    /** kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE_THOUSAND; default 500 (mm/compaction.c). */
    EXTFRAG_THRESHOLD("vm.extfrag_threshold", 0, 1000, false, 500),
    /**
     * kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE; default CONFIG_COMPACT_UNEVICTABLE_DEFAULT, 1 unless
     * PREEMPT_RT (mm/Kconfig, mm/compaction.c).
     */
    COMPACT_UNEVICTABLE_ALLOWED("vm.compact_unevictable_allowed", 0, 1, false, 1),
    /** mm/page-writeback.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE_HUNDRED; default vm_dirty_ratio 20. */
    DIRTY_RATIO("vm.dirty_ratio", 0, 100, false, 20),
    /** mm/page-writeback.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_ONE_HUNDRED; default dirty_background_ratio 10. */
    DIRTY_BACKGROUND_RATIO("vm.dirty_background_ratio", 0, 100, false, 10),
    /** mm/page-writeback.c: extra1 SYSCTL_ZERO; default dirty_expire_interval 30 s, 3000 centiseconds. */
    DIRTY_EXPIRE_CENTISECS("vm.dirty_expire_centisecs", 0, Integer.MAX_VALUE, false, 3000),
    /**
     * mm/page-writeback.c: proc_dointvec into an unsigned int (a negative value would be an interval of years);
     * default dirty_writeback_interval 5 s, 500 centiseconds.
     */
    DIRTY_WRITEBACK_CENTISECS("vm.dirty_writeback_centisecs", 0, Integer.MAX_VALUE, false, 500),
    /** kernel/sysctl.c: extra1 SYSCTL_ZERO, extra2 SYSCTL_TWO; default OVERCOMMIT_GUESS, 0 (mm/util.c). */
    OVERCOMMIT_MEMORY("vm.overcommit_memory", 0, 2, false, 0),
    /**
     * kernel/sysctl.c: proc_dointvec (a negative ratio would wrap in vm_commit_limit's unsigned arithmetic);
     * default sysctl_overcommit_ratio 50 (mm/util.c).
     */
    OVERCOMMIT_RATIO("vm.overcommit_ratio", 0, Integer.MAX_VALUE, false, 50),
    /**
     * kernel/sysctl.c: extra1 SYSCTL_ZERO, no upper bound (the low three bits are the modes); default
     * node_reclaim_mode 0 (mm/vmscan.c).
     */
    ZONE_RECLAIM_MODE("vm.zone_reclaim_mode", 0, Integer.MAX_VALUE, false, 0);

    private final String key;
    private final long min;
    private final long max;
    private final boolean boot;
    private final boolean hasDefault;
    private final int kernelDefault;

    /** A sysctl without one fixed default: computed at boot (min_free_kbytes) or one value per zone. */
    KernelSysctl(String key, long min, long max, boolean boot) {
        this(key, min, max, boot, false, 0);
    }

    KernelSysctl(String key, long min, long max, boolean boot, int kernelDefault) {
        this(key, min, max, boot, true, kernelDefault);
    }

    private KernelSysctl(String key, long min, long max, boolean boot, boolean hasDefault, int kernelDefault) {
        this.key = key;
        this.min = min;
        this.max = max;
        this.boot = boot;
        this.hasDefault = hasDefault;
        this.kernelDefault = kernelDefault;
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
        if (!hasDefault) {
            throw new IllegalStateException(key + " has no single kernel default");
        }
        return kernelDefault;
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
            for (String w : item.asText("sysctl " + key).trim().split("[\\s,]+", -1)) {
                words.add(w);
                if (words.size() > (this == LOWMEM_RESERVE_RATIO ? zones : 1)) {
                    throw n.error("sysctl " + key + (this == LOWMEM_RESERVE_RATIO ? " takes one ratio per zone ("
                            + zones + " on this architecture)" : " takes one value"));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            YamlNode at = items.size() == words.size() ? items.get(i) : n;
            out.add(Long.toString(value(at, words.get(i))));
        }
        return String.join(" ", out);
    }

    private long value(YamlNode at, String word) {
        if (!word.matches("-?[0-9]+")) {
            throw at.error("sysctl " + key + " must be a whole number, not '" + word + "'");
        }
        String digits = word.replaceFirst("^-?0*", "");
        long v = digits.length() > 12 ? (word.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE) : Long.parseLong(word);
        if (v < min || v > max) {
            if (digits.length() > 12) {
                throw at.error("sysctl " + key + " " + word + " is outside " + min + ".." + max
                        + " (what Linux 6.1 accepts)");
            }
            throw at.error("sysctl " + key + " " + v + " is outside " + min + ".." + max + " (what Linux 6.1 accepts)");
        }
        if (this == PERCPU_PAGELIST_HIGH_FRACTION && v != 0 && v < 8) {
            throw at.error("sysctl " + key + " must be 0 or at least 8, not " + v);
        }
        return this == LOWMEM_RESERVE_RATIO && v < 1 ? 0 : v;
    }
}
