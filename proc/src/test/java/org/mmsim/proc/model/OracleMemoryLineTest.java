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
import org.mmsim.boot.log.BootLog;
import org.mmsim.boot.reserve.BootMemblock;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.testdata.Oracle;

/**
 * The "Memory: ...K/...K available" line. Its physpages and kernel-image fields are exact on every case; its
 * free and reserved figures depend on where every early allocation landed, so they are exact on the
 * memblock=debug case and on every x86_64 case (whose unlogged early allocations are modelled); on the others
 * the difference is written to target/memory-line.txt.
 */
class OracleMemoryLineTest {
    private static final List<String> REPORT = new ArrayList<>();

    static Stream<String> cases() {
        return Oracle.cases61().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void memoryLine(String name) throws Exception {
        BootLayout layout = EarlyBoot.layout(DmesgImporter.read(Oracle.file(name, "dmesg"), Oracle.file(name, "iomem")));
        String ours = BootLog.memoryLine(layout, BootMemblock.build(layout));
        String theirs = Files.readAllLines(Oracle.file(name, "dmesg")).stream().filter(l -> l.contains("] Memory: "))
                .findFirst().orElseThrow().replaceFirst("^\\[[ 0-9.]+\\] ", "");
        REPORT.add(name + "\n  kernel " + theirs + "\n  mmsim  " + ours);
        assertThat(ours.substring(ours.indexOf('/'), ours.indexOf("bss,")))
                .isEqualTo(theirs.substring(theirs.indexOf('/'), theirs.indexOf("bss,")));
        if (name.endsWith("memblockdebug") || layout.spec().arch() == Arch.X86_64) {
            assertThat(ours).isEqualTo(theirs);
        }
    }

    /**
     * Twin mode (dmesg plus the real zoneinfo's managed pages): the reserved, cma-reserved and highmem figures
     * equal the kernel's on every case; so does the free figure where no allocation lands in the first section
     * of a node's last zone that mmsim does not know of (differences reported in target/memory-line-twin.txt).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void memoryLineWithZoneinfo(String name) throws Exception {
        BootLayout layout = EarlyBoot.layout(DmesgImporter.read(Oracle.file(name, "dmesg"), Oracle.file(name, "iomem")));
        java.util.List<org.mmsim.arch.ZoneType> types = layout.spec().arch().zoneTypes();
        long[][] twin = new long[layout.nodes().size()][types.size()];
        for (OracleZone z : OracleZone.read(Oracle.file(name, "zoneinfo"))) {
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i).kernelName().equals(z.zone())) {
                    twin[z.nid()][i] = z.managed();
                }
            }
        }
        String ours = BootLog.memoryLine(layout, BootMemblock.build(layout), twin);
        String theirs = Files.readAllLines(Oracle.file(name, "dmesg")).stream().filter(l -> l.contains("] Memory: "))
                .findFirst().orElseThrow().replaceFirst("^\\[[ 0-9.]+\\] ", "");
        TWIN.add(name + "\n  kernel " + theirs + "\n  mmsim  " + ours);
        assertThat(ours).isEqualTo(theirs);
    }

    private static final List<String> TWIN = new ArrayList<>();

    @AfterAll
    static void writeReport() throws Exception {
        Path out = Path.of("target", "memory-line.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, REPORT);
        Files.write(Path.of("target", "memory-line-twin.txt"), TWIN);
    }
}
