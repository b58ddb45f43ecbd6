package org.mmsim.trace.replay;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When, in a boot log, two set-up steps that change the page allocator's behaviour ran; neither prints a line
 * of its own, so each is placed by the lines around it (init/main.c start_kernel() and kernel_init_freeable(),
 * 6.1):
 * <ul>
 * <li>setup_per_cpu_pageset(), which replaces the boot pagesets (high 0, batch 1) with real per-CPU lists, runs
 * after console_init() and before acpi_early_init() ("ACPI: Core revision") or, without ACPI, calibrate_delay()
 * ("Calibrating delay loop"): its time is the time of the line before the first of those.</li>
 * <li>init_per_zone_wmark_min(), which sets the watermarks, lowmem_reserve and the per-CPU lists' final high and
 * batch, is a postcore_initcall: it runs after page_alloc_init_late() has finished the deferred struct-page
 * initialisation ("node N deferred pages initialised"), whose line's time is taken; without deferred
 * initialisation, the time of setup_per_cpu_pageset().</li>
 * </ul>
 * A time not found is {@link Long#MAX_VALUE} (never reached).
 */
public record BootTimes(long perCpuPagesetNs, long zoneWatermarksNs) {
    private static final Pattern STAMP = Pattern.compile("^\\[\\s*(\\d+)\\.(\\d{6})\\]");

    /** The times in the boot log {@code lines}. */
    public static BootTimes fromDmesg(List<String> lines) {
        long previous = -1;
        long pcp = Long.MAX_VALUE;
        long deferred = -1;
        for (String line : lines) {
            long t = stamp(line);
            if (t < 0) {
                continue;
            }
            if (pcp == Long.MAX_VALUE && previous >= 0
                    && (line.contains("ACPI: Core revision") || line.contains("Calibrating delay loop"))) {
                pcp = previous;
            }
            if (line.contains("deferred pages initialised")) {
                deferred = Math.max(deferred, t);
            }
            previous = t;
        }
        return new BootTimes(pcp, deferred >= 0 ? deferred : pcp);
    }

    private static long stamp(String line) {
        Matcher m = STAMP.matcher(line);
        if (!m.find()) {
            return -1;
        }
        return Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) * 1_000L;
    }
}
