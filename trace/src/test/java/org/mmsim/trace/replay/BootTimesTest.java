package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.testdata.Oracle;

/** {@link BootTimes}: the set-up steps placed by the boot log's lines around them. */
class BootTimesTest {
    @Test
    void theFullBootCasesTimes() {
        // dmesg: "printk: console [ttyS0] enabled" at 0.661626, then "ACPI: Core revision" at 0.662827;
        // "node 0 deferred pages initialised in 32ms" at 1.195171. The trace's first refill of more than one
        // page (setup_per_cpu_pageset() done) is at 0.662479, between the two lines.
        BootTimes t = BootTimes.fromDmesg(Oracle.read("x86_64-1G-fulltrace", "dmesg").lines().toList());
        assertThat(t.perCpuPagesetNs()).isEqualTo(661_626_000L);
        assertThat(t.zoneWatermarksNs()).isEqualTo(1_195_171_000L);
    }

    @Test
    void withoutAcpiCalibrateDelayPlacesItAndWithoutDeferredInitTheWatermarksComeWithIt() {
        BootTimes t = BootTimes.fromDmesg(List.of(
                "[    0.100000] Console: colour dummy device 80x25",
                "[    0.120000] printk: console [ttyAMA0] enabled",
                "[    0.130000] Calibrating delay loop (skipped), value calculated using timer frequency.."));
        assertThat(t.perCpuPagesetNs()).isEqualTo(120_000_000L);
        assertThat(t.zoneWatermarksNs()).isEqualTo(120_000_000L);
    }

    @Test
    void aLogWithNeitherLineNeverReachesTheSteps() {
        BootTimes t = BootTimes.fromDmesg(List.of("no time stamp", "[    1.000000] Linux version 6.1.0"));
        assertThat(t.perCpuPagesetNs()).isEqualTo(Long.MAX_VALUE);
        assertThat(t.zoneWatermarksNs()).isEqualTo(Long.MAX_VALUE);
    }
}
