package org.mmsim.page.init;

import java.util.Map;
import org.mmsim.arch.Arch;
import org.mmsim.arch.InputError;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.KernelSysctl;

/**
 * The vm sysctls that shape watermarks and reserves, with 6.1's defaults: vm.min_free_kbytes (computed
 * unless the user sets it), vm.watermark_scale_factor (10), vm.lowmem_reserve_ratio (256 for DMA and DMA32,
 * 32 for Normal, 0 above: sysctl_lowmem_reserve_ratio in mm/page_alloc.c) and
 * vm.percpu_pagelist_high_fraction (0: pcp high follows the low watermark). Values are checked against
 * {@link KernelSysctl}'s ranges.
 */
public record ZoneTunables(long userMinFreeKbytes, int watermarkScaleFactor, int[] lowmemReserveRatio,
        int percpuPagelistHighFraction) {

    /** The defaults for {@code arch}; ratios indexed by ZoneType ordinal. */
    public static ZoneTunables defaults(Arch arch) {
        int[] ratio = new int[ZoneType.values().length];
        ratio[ZoneType.DMA.ordinal()] = 256;
        ratio[ZoneType.DMA32.ordinal()] = 256;
        ratio[ZoneType.NORMAL.ordinal()] = 32;
        return new ZoneTunables(-1, KernelSysctl.WATERMARK_SCALE_FACTOR.kernelDefault(), ratio,
                KernelSysctl.PERCPU_PAGELIST_HIGH_FRACTION.kernelDefault());
    }

    /** The defaults overridden by sysctl settings ({@code vm.min_free_kbytes} and friends). */
    public static ZoneTunables of(Arch arch, Map<String, String> sysctl, String file) {
        ZoneTunables t = defaults(arch);
        long minFree = t.userMinFreeKbytes;
        int wsf = t.watermarkScaleFactor;
        int[] ratio = t.lowmemReserveRatio.clone();
        int fraction = t.percpuPagelistHighFraction;
        for (Map.Entry<String, String> e : sysctl.entrySet()) {
            String key = e.getKey().replace('/', '.');
            KernelSysctl known = KernelSysctl.byKey(key);
            if (known == null || !known.boot()) {
                throw InputError.at(file, 0, "unknown sysctl '" + e.getKey() + "'");
            }
            String[] v;
            try {
                v = known.check(e.getValue(), arch.zoneTypes().size()).split(" ");
            } catch (IllegalArgumentException ex) {
                throw InputError.at(file, 0, ex.getMessage());
            }
            switch (known) {
                case MIN_FREE_KBYTES -> minFree = Long.parseLong(v[0]);
                case WATERMARK_SCALE_FACTOR -> wsf = Integer.parseInt(v[0]);
                case LOWMEM_RESERVE_RATIO -> {
                    for (int k = 0; k < v.length; k++) {
                        ratio[arch.zoneTypes().get(k).ordinal()] = Integer.parseInt(v[k]);
                    }
                }
                case PERCPU_PAGELIST_HIGH_FRACTION -> fraction = Integer.parseInt(v[0]);
                default -> throw new IllegalStateException("boot sysctl " + known + " has no tunable");
            }
        }
        return new ZoneTunables(minFree, wsf, ratio, fraction);
    }
}
