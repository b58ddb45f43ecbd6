package org.mmsim.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.testdata.Oracle;

/**
 * Every /proc file the real kernels printed (every oracle case, every phase) parses and renders back
 * byte for byte: the renderers reproduce the kernel's layout exactly when fed the kernel's numbers.
 */
class ProcFileRoundTripTest {
    private static final Map<String, BiFunction<String, String, String>> ROUND_TRIPS = Map.of(
            "buddyinfo", (f, t) -> BuddyInfoFormat.render(BuddyInfoFormat.parse(f, t)),
            "pagetypeinfo", (f, t) -> PageTypeInfoFormat.render(PageTypeInfoFormat.parse(f, t)),
            "zoneinfo", (f, t) -> ZoneInfoFormat.render(ZoneInfoFormat.parse(f, t)),
            "meminfo", (f, t) -> MeminfoFormat.render(MeminfoFormat.parse(f, t)),
            "vmstat", (f, t) -> VmstatFormat.render(VmstatFormat.parse(f, t)));

    static List<Path> oracleProcFiles() throws IOException {
        try (Stream<Path> s = Files.walk(Oracle.casesDir())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> ROUND_TRIPS.containsKey(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oracleProcFiles")
    void parseThenRenderGivesTheFileBack(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = Oracle.casesDir().relativize(file).toString();
        String rendered = ROUND_TRIPS.get(file.getFileName().toString()).apply(name, text);
        assertThat(rendered).isEqualTo(text);
    }

    @Test
    void everyKindAndEveryPhaseIsCovered() throws IOException {
        Map<String, Long> perKind = oracleProcFiles().stream()
                .collect(Collectors.groupingBy(p -> p.getFileName().toString(), Collectors.counting()));
        // 14 cases: boot + 3 workload phases each, 4 frag phases in three cases, trace-end in the two traced ones.
        assertThat(perKind).containsEntry("buddyinfo", 14L * 4 + 3 * 4 + 2)
                .containsEntry("zoneinfo", 14L * 4 + 3 * 4 + 2)
                .containsEntry("pagetypeinfo", 14L * 4 + 3 * 4 + 2)
                .containsEntry("meminfo", 14L * 4 + 3 * 4)
                .containsEntry("vmstat", 14L * 4 + 3 * 4);
    }
}
