package org.mmsim.proc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.reserve.BootMemblock;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.testdata.Oracle;

/**
 * Issue 2, acceptance 2 (managed pages without --zoneinfo): from the memory map and the reservations the boot
 * log shows, mmsim computes each zone's managed pages. Exact on the memblock=debug case (every reservation
 * logged) and, since issue 15 models the allocations 6.1 makes without logging them, on every x86_64 case;
 * elsewhere the error per zone stays under 0.5 % and is written to target/managed-estimate.txt.
 */
class OracleManagedEstimateTest {
    private static final List<String> REPORT = new ArrayList<>();

    static Stream<String> cases() {
        return Oracle.cases61().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void managedPagesFromTheLogAlone(String name) throws Exception {
        BootLayout layout = EarlyBoot.layout(DmesgImporter.read(Oracle.file(name, "dmesg"), Oracle.file(name, "iomem")));
        long[][] ours = BootMemblock.build(layout).managedFinal(layout);
        List<ZoneType> types = layout.spec().arch().zoneTypes();
        for (OracleZone z : OracleZone.read(Oracle.file(name, "zoneinfo"))) {
            if (z.managed() == 0) {
                continue;
            }
            int zi = 0;
            while (!types.get(zi).kernelName().equals(z.zone())) {
                zi++;
            }
            long mine = ours[z.nid()][zi];
            double err = 100.0 * (mine - z.managed()) / z.managed();
            REPORT.add(String.format("%-26s node %d %-8s kernel %8d mmsim %8d error %+.3f %%", name, z.nid(), z.zone(),
                    z.managed(), mine, err));
            if (name.endsWith("memblockdebug") || layout.spec().arch() == Arch.X86_64) {
                assertThat(mine).as("%s node %d %s managed", name, z.nid(), z.zone()).isEqualTo(z.managed());
            } else {
                assertThat(Math.abs(err)).as("%s node %d %s managed %d vs kernel %d", name, z.nid(), z.zone(), mine,
                        z.managed()).isLessThan(0.5);
            }
        }
    }

    @AfterAll
    static void writeReport() throws Exception {
        Path out = Path.of("target", "managed-estimate.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, REPORT);
    }
}
