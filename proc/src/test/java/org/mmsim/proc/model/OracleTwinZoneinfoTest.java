package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.Pageset;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.testdata.Oracle;

/**
 * Issue 15, acceptance 2: booted as a twin of a real machine (its dmesg, and the managed pages of its
 * /proc/zoneinfo, as {@code mmsim boot --from-dmesg --zoneinfo} does), the printed /proc/zoneinfo has every
 * boot-determined field of every zone equal to the kernel's, unpopulated zones included: the i386 machines' empty
 * Movable zone prints min, low and high 32, not 0. Pages free, pcp counts and the stat items depend on what ran
 * after boot and are left out. On x86_64 the same holds booted from the boot log alone.
 */
class OracleTwinZoneinfoTest {
    static Stream<String> cases() {
        return Oracle.cases61().stream();
    }

    static Stream<String> x86_64Cases() {
        return Oracle.cases61().stream().filter(c -> c.startsWith("x86_64"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void twinBootPrintsTheKernelsZoneFields(String name) {
        ZoneInfo real = ZoneInfoFormat.parse("zoneinfo", Oracle.read(name, "zoneinfo"));
        long[][] managed = new long[real.nodes().size()][];
        for (int n = 0; n < managed.length; n++) {
            managed[n] = real.nodes().get(n).zones().stream().mapToLong(ZoneInfoZone::managed).toArray();
        }
        compareAll(name, real, MemoryInit.boot(
                DmesgImporter.read(Oracle.file(name, "dmesg"), Oracle.file(name, "iomem")), managed));
    }

    /**
     * Issue 15, x86_64 item: booted from the boot log alone, every x86_64 machine has the kernel's managed pages,
     * and so every derived field, in every zone: the early allocations the kernel does not log are modelled.
     */
    @ParameterizedTest
    @MethodSource("x86_64Cases")
    void x86_64BootFromTheLogAlonePrintsTheKernelsZoneFields(String name) {
        ZoneInfo real = ZoneInfoFormat.parse("zoneinfo", Oracle.read(name, "zoneinfo"));
        compareAll(name, real, MemoryInit.boot(
                DmesgImporter.read(Oracle.file(name, "dmesg"), Oracle.file(name, "iomem"))));
    }

    private static void compareAll(String name, ZoneInfo real, BootedMachine booted) {
        ZoneInfo ours = ZoneInfoFormat.parse("ours", new ProcFiles(booted, Map.of(), 0).render("zoneinfo"));
        List<String> mismatches = new ArrayList<>();
        assertThat(ours.nodes()).hasSameSizeAs(real.nodes());
        int zones = 0;
        for (ZoneInfoNode rn : real.nodes()) {
            ZoneInfoNode on = ours.node(rn.nodeId());
            assertThat(on.zones()).hasSameSizeAs(rn.zones());
            for (int i = 0; i < rn.zones().size(); i++) {
                compare(mismatches, "node " + rn.nodeId() + " ", rn.zones().get(i), on.zones().get(i));
                zones++;
            }
        }
        assertThat(mismatches).as(name).isEmpty();
        assertThat(zones).as(name + " zones compared").isPositive();
    }

    private static void compare(List<String> out, String node, ZoneInfoZone r, ZoneInfoZone o) {
        String where = node + r.name() + " ";
        check(out, where + "name", o.name().equals(r.name()) ? 0 : 1, 0);
        check(out, where + "boost", o.boost(), r.boost());
        check(out, where + "min", o.min(), r.min());
        check(out, where + "low", o.low(), r.low());
        check(out, where + "high", o.high(), r.high());
        check(out, where + "spanned", o.spanned(), r.spanned());
        check(out, where + "present", o.present(), r.present());
        check(out, where + "managed", o.managed(), r.managed());
        check(out, where + "cma", o.cma(), r.cma());
        check(out, where + "protection entries", o.protection().length, r.protection().length);
        for (int j = 0; j < Math.min(o.protection().length, r.protection().length); j++) {
            check(out, where + "protection[" + j + "]", o.protection(j), r.protection(j));
        }
        check(out, where + "populated", o.populated() ? 1 : 0, r.populated() ? 1 : 0);
        check(out, where + "start_pfn", o.startPfn(), r.startPfn());
        check(out, where + "node_unreclaimable", o.nodeUnreclaimable() ? 1 : 0, r.nodeUnreclaimable() ? 1 : 0);
        check(out, where + "pagesets", o.pagesets().size(), r.pagesets().size());
        for (int c = 0; c < Math.min(o.pagesets().size(), r.pagesets().size()); c++) {
            Pageset rp = r.pagesets().get(c);
            Pageset op = o.pagesets().get(c);
            String cpu = where + "cpu " + rp.cpu() + " ";
            check(out, cpu + "cpu", op.cpu(), rp.cpu());
            check(out, cpu + "pcp high", op.high(), rp.high());
            check(out, cpu + "pcp batch", op.batch(), rp.batch());
            check(out, cpu + "vm stats threshold", op.statThreshold(), rp.statThreshold());
        }
    }

    private static void check(List<String> out, String what, long ours, long theirs) {
        if (ours != theirs) {
            out.add(what + ": mmsim " + ours + ", kernel " + theirs);
        }
    }
}
