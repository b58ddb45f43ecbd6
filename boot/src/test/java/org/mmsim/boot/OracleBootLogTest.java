package org.mmsim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.boot.log.BootLog;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.testdata.Oracle;

/**
 * Issue 2, acceptance 1 (boot-log part): every 6.1 oracle case imported from its dmesg prints the same
 * zone-range, movable, node-range, Initmem, unavailable-range and "Built N zonelists" lines as the real kernel.
 */
public class OracleBootLogTest {
    private static final Pattern STAMP = Pattern.compile("^\\[\\s*[0-9.]+\\]\\s?");

    static Stream<String> cases() {
        return Oracle.cases61().stream();
    }

    public static MachineSpec importCase(String name) {
        Path dir = Oracle.caseDir(name);
        return DmesgImporter.read(dir.resolve("dmesg"), dir.resolve("iomem"));
    }

    /** The kernel's lines of the kinds BootLog prints, in log order. */
    static List<String> kernelLines(String name) throws Exception {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        for (String raw : Files.readAllLines(Oracle.file(name, "dmesg"))) {
            String l = STAMP.matcher(raw).replaceFirst("");
            if (l.equals("Zone ranges:")) {
                inBlock = true;
            }
            if (inBlock && (l.equals("Zone ranges:") || l.startsWith("  ") && !l.startsWith("   ")
                    || l.equals("Movable zone start for each node") || l.equals("Early memory node ranges"))) {
                out.add(l);
                continue;
            }
            inBlock = false;
            if (l.startsWith("Initmem setup node") || l.matches("On node \\d+, zone \\w+: \\d+ pages in unavailable ranges")
                    || l.startsWith("Built ") && l.contains("zonelists")) {
                out.add(l);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bootLogLinesEqualTheKernels(String name) throws Exception {
        BootLayout layout = EarlyBoot.layout(importCase(name));
        List<String> expected = kernelLines(name);
        assertThat(expected).anyMatch(l -> l.contains("Total pages:")).anyMatch(l -> l.startsWith("  node "));
        assertThat(BootLog.lines(layout)).containsExactlyElementsOf(expected);
    }
}
