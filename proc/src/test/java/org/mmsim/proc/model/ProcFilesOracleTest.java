package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.Meminfo;
import org.mmsim.proc.MeminfoFormat;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoFormat;
import org.mmsim.proc.Pageset;
import org.mmsim.proc.VmstatFormat;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.testdata.Oracle;

/**
 * The adapters against the real x86_64-4G kernel right after boot: the same lines in the same order, and the
 * boot-exact fields equal to the kernel's.
 */
class ProcFilesOracleTest {
    private static final String CASE = "x86_64-4G";
    private static BootedMachine booted;
    private static ProcFiles files;

    @BeforeAll
    static void boot() {
        booted = MemoryInit.boot(DmesgImporter.read(Oracle.file(CASE, "dmesg"), Oracle.file(CASE, "iomem")));
        files = new ProcFiles(booted, Map.of(), 0);
    }

    private static List<String> labels(String text) {
        return text.lines().map(l -> l.replaceAll("[0-9]+", "#")).toList();
    }

    @Test
    void zoneinfoHasTheKernelsLinesInTheKernelsOrder() {
        String ours = files.render("zoneinfo");
        assertThat(labels(ours)).isEqualTo(labels(Oracle.read(CASE, "zoneinfo")));
    }

    /** The model's own boot: managed pages within 0.5 %, and what derives from them within as much. */
    @Test
    void zoneinfoBootFieldsMatchTheKernel() {
        compareZoneinfo(files, false);
    }

    /**
     * Booted as a twin of the real machine (managed pages from its zoneinfo), the watermarks, protection and
     * pcp high, which the kernel derives from managed pages, must be exactly the kernel's.
     */
    @Test
    void zoneinfoDerivedFieldsAreExactForATwinBoot() {
        ZoneInfo real = ZoneInfoFormat.parse("zoneinfo", Oracle.read(CASE, "zoneinfo"));
        long[][] managed = new long[real.nodes().size()][];
        for (int n = 0; n < managed.length; n++) {
            managed[n] = real.nodes().get(n).zones().stream().mapToLong(ZoneInfoZone::managed).toArray();
        }
        BootedMachine twin = MemoryInit.boot(
                DmesgImporter.read(Oracle.file(CASE, "dmesg"), Oracle.file(CASE, "iomem")), managed);
        compareZoneinfo(new ProcFiles(twin, Map.of(), 0), true);
    }

    private static void close(long ours, long real, String what) {
        assertThat((double) ours).as(what).isCloseTo(real, within(Math.max(1, real * 0.005)));
    }

    private static void compareZoneinfo(ProcFiles files, boolean exact) {
        ZoneInfo real = ZoneInfoFormat.parse("zoneinfo", Oracle.read(CASE, "zoneinfo"));
        ZoneInfo ours = ZoneInfoFormat.parse("ours", files.render("zoneinfo"));
        assertThat(ours.nodes()).hasSameSizeAs(real.nodes());
        for (ZoneInfoNode rn : real.nodes()) {
            ZoneInfoNode on = ours.node(rn.nodeId());
            assertThat(on.nodeStats().names()).isEqualTo(rn.nodeStats().names());
            assertThat(on.zones()).hasSameSizeAs(rn.zones());
            for (int i = 0; i < rn.zones().size(); i++) {
                ZoneInfoZone r = rn.zones().get(i);
                ZoneInfoZone o = on.zones().get(i);
                assertThat(o.name()).isEqualTo(r.name());
                assertThat(o.spanned()).as(r.name() + " spanned").isEqualTo(r.spanned());
                assertThat(o.present()).as(r.name() + " present").isEqualTo(r.present());
                assertThat((double) o.managed()).as(r.name() + " managed")
                        .isCloseTo(r.managed(), within(Math.max(1, r.managed() * 0.005)));
                if (exact) {
                    assertThat(o.managed()).as(r.name() + " managed").isEqualTo(r.managed());
                    assertThat(o.min()).as(r.name() + " min").isEqualTo(r.min());
                    assertThat(o.low()).as(r.name() + " low").isEqualTo(r.low());
                    assertThat(o.high()).as(r.name() + " high").isEqualTo(r.high());
                    assertThat(o.protection()).as(r.name() + " protection").isEqualTo(r.protection());
                } else {
                    close(o.min(), r.min(), r.name() + " min");
                    close(o.low(), r.low(), r.name() + " low");
                    close(o.high(), r.high(), r.name() + " high");
                    for (int j = 0; j < r.protection().length; j++) {
                        close(o.protection(j), r.protection(j), r.name() + " protection " + j);
                    }
                }
                assertThat(o.startPfn()).as(r.name() + " start_pfn").isEqualTo(r.startPfn());
                assertThat(o.stats().names()).isEqualTo(r.stats().names());
                assertThat(o.pagesets()).hasSameSizeAs(r.pagesets());
                for (int c = 0; c < r.pagesets().size(); c++) {
                    Pageset rp = r.pagesets().get(c);
                    Pageset op = o.pagesets().get(c);
                    if (exact) {
                        assertThat(op.high()).as(r.name() + " pcp high").isEqualTo(rp.high());
                    } else {
                        close(op.high(), rp.high(), r.name() + " pcp high");
                    }
                    assertThat(op.batch()).as(r.name() + " pcp batch").isEqualTo(rp.batch());
                    assertThat(op.statThreshold()).as(r.name() + " threshold").isEqualTo(rp.statThreshold());
                }
            }
        }
    }

    @Test
    void vmstatAndMeminfoHaveTheKernelsFieldsInOrder() {
        assertThat(VmstatFormat.parse("ours", files.render("vmstat")).counters().names())
                .isEqualTo(VmstatFormat.parse("real", Oracle.read(CASE, "vmstat")).counters().names());
        Meminfo ours = MeminfoFormat.parse("ours", files.render("meminfo"));
        Meminfo real = MeminfoFormat.parse("real", Oracle.read(CASE, "meminfo"));
        assertThat(ours.entries().stream().map(e -> e.name()).toList())
                .isEqualTo(real.entries().stream().map(e -> e.name()).toList());
        assertThat((double) ours.get("MemTotal")).isCloseTo(real.get("MemTotal"), within(real.get("MemTotal") * 0.005));
        assertThat(ours.get("VmallocTotal")).isEqualTo(real.get("VmallocTotal"));
        assertThat(ours.get("Hugepagesize")).isEqualTo(real.get("Hugepagesize"));
    }

    @Test
    void buddyinfoAndPagetypeinfoListThePopulatedZones() {
        assertThat(labels(files.render("buddyinfo")).stream().map(l -> l.substring(0, 30)).toList())
                .isEqualTo(labels(Oracle.read(CASE, "buddyinfo")).stream().map(l -> l.substring(0, 30)).toList());
        PageTypeInfo real = PageTypeInfoFormat.parse("real", Oracle.read(CASE, "pagetypeinfo"));
        PageTypeInfo ours = PageTypeInfoFormat.parse("ours", files.render("pagetypeinfo"));
        assertThat(ours.nodes().get(0).migratetypes()).isEqualTo(real.nodes().get(0).migratetypes());
        assertThat(ours.nodes().get(0).blocks().stream().map(b -> b.zoneName()).toList())
                .isEqualTo(real.nodes().get(0).blocks().stream().map(b -> b.zoneName()).toList());
        for (int i = 0; i < real.nodes().get(0).blocks().size(); i++) {
            assertThat(ours.nodes().get(0).blocks().get(i).total()).isEqualTo(real.nodes().get(0).blocks().get(i).total());
        }
        assertThat(BuddyInfoFormat.parse("ours", files.render("buddyinfo")).zones())
                .allSatisfy(z -> assertThat(z.freePages()).isPositive());
    }

    /** si_mem_available() and the dirty limits worked by hand from the oracle's own counters. */
    @Test
    void memAvailableAndDirtyLimitsFollowTheKernelsFormulas() {
        // With the kernel's own reclaimable slab (2189 pages) and its totalreserve_pages 30036
        // (DMA: min(3891 + 96, managed 3840) + DMA32: 952 + 19064 + Normal: 6180), free 992202 pages gives
        // MemAvailable 3853044 kB and nr_dirty_threshold 192386 (oracle meminfo and vmstat).
        long free = booted.machine().nrFreePages();
        long wmarkLow = booted.machine().zones().stream().mapToLong(z -> z.lowWmarkPages()).sum();
        long reserve = booted.setup().totalreservePages();
        ProcFiles withSlab = new ProcFiles(booted, Map.of("nr_slab_reclaimable", 2189L), 0);
        long expected = free - reserve + 2189 - Math.min(2189 / 2, wmarkLow);
        assertThat(withSlab.meminfo().get("MemAvailable")).isEqualTo(expected * 4);
        assertThat(withSlab.vmstat().get("nr_dirty_threshold")).isEqualTo(819 * (free - reserve + 1) / 4096);
        assertThat(withSlab.vmstat().get("nr_dirty_background_threshold")).isEqualTo(409 * (free - reserve + 1) / 4096);
    }
}
