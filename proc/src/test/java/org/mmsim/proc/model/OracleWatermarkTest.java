package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.page.init.ZoneReserveState;
import org.mmsim.page.init.ZoneSetup;
import org.mmsim.testdata.Oracle;

/**
 * Issue 2, acceptance 2 (twin mode): given a real machine's dmesg and the managed pages of its
 * /proc/zoneinfo, the watermarks, protection, pcp high and batch, vm stats threshold and min_free_kbytes
 * equal the kernel's, for every zone of every 6.1 oracle case.
 */
class OracleWatermarkTest {
    static Stream<String> cases() {
        return Oracle.cases61().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void twinReproducesWatermarksAndReserves(String name) throws Exception {
        Path dir = Oracle.caseDir(name);
        BootLayout layout = EarlyBoot.layout(DmesgImporter.read(dir.resolve("dmesg"), dir.resolve("iomem")));
        List<OracleZone> real = OracleZone.read(dir.resolve("zoneinfo"));
        List<ZoneType> types = layout.spec().arch().zoneTypes();
        long[][] finalManaged = new long[layout.nodes().size()][types.size()];
        for (OracleZone z : real) {
            finalManaged[z.nid()][indexOf(types, z.zone())] = z.managed();
        }
        ZoneSetup setup = ZoneSetup.twin(layout, finalManaged);
        long expectedMinFree = Long.parseLong(Oracle.read(name, "min_free_kbytes").trim());
        assertThat(setup.minFreeKbytes()).as("min_free_kbytes").isEqualTo(expectedMinFree);
        List<String> mismatches = new ArrayList<>();
        for (OracleZone z : real) {
            ZoneReserveState ours = setup.zone(z.nid(), types.get(indexOf(types, z.zone())));
            String where = "node " + z.nid() + " " + z.zone() + ": ";
            check(mismatches, where + "min", ours.min, z.min());
            check(mismatches, where + "low", ours.low, z.low());
            check(mismatches, where + "high", ours.high, z.high());
            for (int j = 0; j < z.protection().length; j++) {
                check(mismatches, where + "protection[" + j + "]", ours.lowmemReserve[j], z.protection()[j]);
            }
            if (z.present() > 0) {
                check(mismatches, where + "pcp high", ours.pcpHigh, z.pcpHigh());
                check(mismatches, where + "pcp batch", ours.pcpBatch, z.pcpBatch());
                check(mismatches, where + "vm stats threshold", ours.statThreshold, z.statThreshold());
            }
        }
        assertThat(mismatches).as(name).isEmpty();
        assertThat(real).isNotEmpty();
    }

    private static void check(List<String> out, String what, long ours, long theirs) {
        if (ours != theirs) {
            out.add(what + " mmsim " + ours + " kernel " + theirs);
        }
    }

    private static int indexOf(List<ZoneType> types, String name) {
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).kernelName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name);
    }
}
