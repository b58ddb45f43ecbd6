package org.mmsim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.boot.log.BootLog;
import org.mmsim.boot.reserve.BootMemblock;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.testdata.Oracle;

/**
 * The "Memory: ...K/...K available" line. Its physpages and kernel-image fields are exact on every case; its
 * free and reserved figures depend on where every early allocation landed, so they are exact only on the
 * memblock=debug case, and on the others the difference is written to target/memory-line.txt.
 */
class OracleMemoryLineTest {
    private static final List<String> REPORT = new ArrayList<>();

    static Stream<String> cases() {
        return Oracle.cases61().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void memoryLine(String name) throws Exception {
        BootLayout layout = EarlyBoot.layout(OracleBootLogTest.importCase(name));
        String ours = BootLog.memoryLine(layout, BootMemblock.build(layout));
        String theirs = Files.readAllLines(Oracle.file(name, "dmesg")).stream().filter(l -> l.contains("] Memory: "))
                .findFirst().orElseThrow().replaceFirst("^\\[[ 0-9.]+\\] ", "");
        REPORT.add(name + "\n  kernel " + theirs + "\n  mmsim  " + ours);
        assertThat(ours.substring(ours.indexOf('/'), ours.indexOf("bss,")))
                .isEqualTo(theirs.substring(theirs.indexOf('/'), theirs.indexOf("bss,")));
        if (name.endsWith("memblockdebug")) {
            assertThat(ours).isEqualTo(theirs);
        }
    }

    @AfterAll
    static void writeReport() throws Exception {
        Path out = Path.of("target", "memory-line.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, REPORT);
    }
}
