package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.boot.zone.ZoneSpan;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.testdata.Oracle;

/**
 * Issue 2, acceptance 1 (sizes): for every node and zone of every 6.1 oracle case, spanned, present and
 * start_pfn equal the real kernel's /proc/zoneinfo.
 */
class OracleZoneSizeTest {
    static Stream<String> cases() {
        return Oracle.cases61().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void spannedPresentAndStartPfnEqualTheKernels(String name) throws Exception {
        BootLayout layout = EarlyBoot.layout(DmesgImporter.read(Oracle.file(name, "dmesg"), Oracle.file(name, "iomem")));
        List<OracleZone> real = OracleZone.read(Oracle.file(name, "zoneinfo"));
        assertThat(real).isNotEmpty();
        int checked = 0;
        for (OracleZone z : real) {
            ZoneSpan ours = find(layout, z.nid(), z.zone());
            assertThat(ours.spanned()).as("%s node %d %s spanned", name, z.nid(), z.zone()).isEqualTo(z.spanned());
            assertThat(ours.present()).as("%s node %d %s present", name, z.nid(), z.zone()).isEqualTo(z.present());
            if (z.spanned() > 0) {
                assertThat(ours.startPfn()).as("%s node %d %s start_pfn", name, z.nid(), z.zone()).isEqualTo(z.startPfn());
            }
            checked++;
        }
        int configured = 0;
        for (var n : layout.nodes()) {
            configured += n.zones().size();
        }
        assertThat(checked).as("zones printed by the kernel").isLessThanOrEqualTo(configured);
    }

    static ZoneSpan find(BootLayout layout, int nid, String zoneName) {
        for (ZoneType t : ZoneType.values()) {
            if (t.kernelName().equals(zoneName)) {
                return layout.zone(nid, t);
            }
        }
        throw new AssertionError("unknown zone " + zoneName);
    }
}
