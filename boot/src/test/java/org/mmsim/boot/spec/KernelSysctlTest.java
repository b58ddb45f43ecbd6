package org.mmsim.boot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.Arch;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

/**
 * The sysctl ranges are Linux 6.1's: the bounds of each ctl_table entry (extra1/extra2) and its handler's checks, in
 * mm/page_alloc.c, mm/page-writeback.c and kernel/sysctl.c.
 */
class KernelSysctlTest {
    private static String check(KernelSysctl s, String yamlValue) {
        return s.check(YamlNode.parse("f.yaml", "v: " + yamlValue + "\n").get("v"), 5);
    }

    @Test
    void boundsAreTheKernelTables() {
        assertThat(check(KernelSysctl.MIN_FREE_KBYTES, "2147483647")).isEqualTo("2147483647");
        assertThatThrownBy(() -> check(KernelSysctl.MIN_FREE_KBYTES, "2147483648")).isInstanceOf(InputError.class)
                .hasMessage("f.yaml:1: sysctl vm.min_free_kbytes 2147483648 is outside 0..2147483647 (what Linux 6.1"
                        + " accepts)");
        assertThat(check(KernelSysctl.WATERMARK_SCALE_FACTOR, "3000")).isEqualTo("3000");
        assertThatThrownBy(() -> check(KernelSysctl.WATERMARK_SCALE_FACTOR, "0")).isInstanceOf(InputError.class);
        assertThat(check(KernelSysctl.SWAPPINESS, "200")).isEqualTo("200");
        assertThatThrownBy(() -> check(KernelSysctl.SWAPPINESS, "201")).isInstanceOf(InputError.class);
        assertThatThrownBy(() -> check(KernelSysctl.DIRTY_RATIO, "101")).isInstanceOf(InputError.class);
        assertThat(check(KernelSysctl.ZONE_RECLAIM_MODE, "8")).isEqualTo("8");
    }

    @Test
    void defaultsAreTheKernelsInitialValues() {
        // mm/vmscan.c vm_swappiness; mm/compaction.c proactiveness, extfrag_threshold, unevictable (!PREEMPT_RT).
        assertThat(KernelSysctl.SWAPPINESS.kernelDefault()).isEqualTo(60);
        assertThat(KernelSysctl.COMPACTION_PROACTIVENESS.kernelDefault()).isEqualTo(20);
        assertThat(KernelSysctl.EXTFRAG_THRESHOLD.kernelDefault()).isEqualTo(500);
        assertThat(KernelSysctl.COMPACT_UNEVICTABLE_ALLOWED.kernelDefault()).isEqualTo(1);
        // mm/page-writeback.c: ratios 20 and 10, intervals 30 * 100 and 5 * 100 centiseconds.
        assertThat(KernelSysctl.DIRTY_RATIO.kernelDefault()).isEqualTo(20);
        assertThat(KernelSysctl.DIRTY_BACKGROUND_RATIO.kernelDefault()).isEqualTo(10);
        assertThat(KernelSysctl.DIRTY_EXPIRE_CENTISECS.kernelDefault()).isEqualTo(3000);
        assertThat(KernelSysctl.DIRTY_WRITEBACK_CENTISECS.kernelDefault()).isEqualTo(500);
        // mm/page_alloc.c.
        assertThat(KernelSysctl.WATERMARK_BOOST_FACTOR.kernelDefault()).isEqualTo(15000);
        assertThat(KernelSysctl.WATERMARK_SCALE_FACTOR.kernelDefault()).isEqualTo(10);
    }

    @Test
    void computedOrPerZoneSysctlsHaveNoSingleDefault() {
        assertThatThrownBy(KernelSysctl.MIN_FREE_KBYTES::kernelDefault).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(KernelSysctl.LOWMEM_RESERVE_RATIO::kernelDefault).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void percpuPagelistHighFractionIsZeroOrAtLeastEight() {
        assertThat(check(KernelSysctl.PERCPU_PAGELIST_HIGH_FRACTION, "0")).isEqualTo("0");
        assertThat(check(KernelSysctl.PERCPU_PAGELIST_HIGH_FRACTION, "8")).isEqualTo("8");
        assertThatThrownBy(() -> check(KernelSysctl.PERCPU_PAGELIST_HIGH_FRACTION, "7"))
                .hasMessageContaining("must be 0 or at least 8, not 7");
    }

    @Test
    void lowmemReserveRatioTakesOneIntPerZoneAndStoresRatiosBelowOneAsZero() {
        assertThat(check(KernelSysctl.LOWMEM_RESERVE_RATIO, "[-5, 256, 32]")).isEqualTo("0 256 32");
        assertThat(check(KernelSysctl.LOWMEM_RESERVE_RATIO, "\"256 256 32 0 0\"")).isEqualTo("256 256 32 0 0");
        assertThatThrownBy(() -> check(KernelSysctl.LOWMEM_RESERVE_RATIO, "[1, 2, 3, 4, 5, 6]"))
                .hasMessageContaining("one ratio per zone (5 on this architecture)");
    }

    @Test
    void aNumberTooLongForALongIsOutOfRangeNotUnreadable() {
        assertThatThrownBy(() -> check(KernelSysctl.MIN_FREE_KBYTES, "99999999999999999999"))
                .hasMessageContaining("99999999999999999999 is outside 0..2147483647");
    }

    @Test
    void theTextFormChecksAgainstTheSameRanges() {
        // kernel/sysctl.c vm_table: swappiness SYSCTL_ZERO..SYSCTL_TWO_HUNDRED; overcommit_memory 0..SYSCTL_TWO.
        assertThat(KernelSysctl.SWAPPINESS.check("200", 5)).isEqualTo("200");
        assertThatThrownBy(() -> KernelSysctl.SWAPPINESS.check("300", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sysctl vm.swappiness 300 is outside 0..200 (what Linux 6.1 accepts)");
        assertThatThrownBy(() -> KernelSysctl.OVERCOMMIT_MEMORY.check("3", 5)).hasMessageContaining("outside 0..2");
        assertThatThrownBy(() -> KernelSysctl.SWAPPINESS.check("ten", 5)).hasMessageContaining("whole number");
        assertThat(KernelSysctl.LOWMEM_RESERVE_RATIO.check("256,32 0", 4)).isEqualTo("256 32 0");
        assertThatThrownBy(() -> KernelSysctl.LOWMEM_RESERVE_RATIO.check("1 2 3 4 5", 4))
                .hasMessageContaining("one ratio per zone (4 on this architecture)");
    }

    @Test
    void eachEntryNamesItsUnitRangeAndKernelSource() {
        assertThat(KernelSysctl.SWAPPINESS.range()).isEqualTo("0..200");
        assertThat(KernelSysctl.WATERMARK_SCALE_FACTOR.range()).isEqualTo("1..3000");
        assertThat(KernelSysctl.EXTFRAG_THRESHOLD.range()).isEqualTo("0..1000");
        assertThat(KernelSysctl.DIRTY_EXPIRE_CENTISECS.unit()).isEqualTo("centiseconds");
        assertThat(KernelSysctl.MIN_FREE_KBYTES.unit()).isEqualTo("KiB");
        assertThat(KernelSysctl.OVERCOMMIT_MEMORY.source()).isEqualTo("mm/util.c overcommit_policy_handler");
        for (KernelSysctl s : KernelSysctl.values()) {
            assertThat(s.source()).as(s.key()).matches("(kernel|mm)/[a-z_-]+\\.c [a-z_]+.*");
            assertThat(s.unit()).as(s.key()).isNotBlank();
        }
        assertThat(KernelSysctl.byKey("vm.swappiness")).isSameAs(KernelSysctl.SWAPPINESS);
        assertThat(KernelSysctl.byKey("vm.nr_hugepages")).isNull();
        assertThat(KernelSysctl.keys(true)).containsExactly("vm.min_free_kbytes", "vm.watermark_scale_factor",
                "vm.lowmem_reserve_ratio", "vm.percpu_pagelist_high_fraction");
    }

    /**
     * Every sysctl of the table is a file of the real 6.1 kernels' /proc/sys/vm where the build configures it, and
     * every fixed default is what they showed right after boot, on every oracle case.
     */
    @Test
    void defaultsAreWhatTheOracleKernelsShowed() {
        for (String c : Oracle.cases61()) {
            Map<String, String> real = new HashMap<>();
            for (String line : Oracle.read(c, "sysctl_vm").split("\n")) {
                String[] kv = line.split(" = ", 2);
                real.put("vm." + kv[0].trim(), kv[1].trim());
            }
            Arch arch = c.startsWith("i386") ? Arch.I386_PAE : c.startsWith("arm64") ? Arch.ARM64 : Arch.X86_64;
            for (KernelSysctl s : KernelSysctl.values()) {
                assertThat(real.containsKey(s.key())).as(c + " " + s.key()).isEqualTo(s.configuredOn(arch));
                boolean fixed = s != KernelSysctl.MIN_FREE_KBYTES && s != KernelSysctl.LOWMEM_RESERVE_RATIO;
                if (s.configuredOn(arch) && fixed) {
                    assertThat(Integer.toString(s.kernelDefault())).as(c + " " + s.key()).isEqualTo(real.get(s.key()));
                }
            }
        }
    }
}
