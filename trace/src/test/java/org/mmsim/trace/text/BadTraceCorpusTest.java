package org.mmsim.trace.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mmsim.arch.InputError;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.input.TraceFiles;
import org.mmsim.trace.TraceReader;

/**
 * The bad-trace corpus ({@code src/test/resources/bad-traces}): each file, opened as the CLI opens a trace, fails
 * with exactly the one-line error its EXPECTED entry gives, strict and, where the whole trace is unreadable,
 * lenient too; a lenient read of a trace with one bad line skips it. The good lines around the bad ones are real
 * lines of the x86_64-4G-trace oracle trace and of trace-cmd report.
 */
class BadTraceCorpusTest {
    private static final Path DIR = corpus();

    @TestFactory
    Stream<DynamicTest> everyBadTraceGivesItsError() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c[0], () -> {
            Path file = DIR.resolve(c[0]);
            assertThatThrownBy(() -> readAll(file, false)).isInstanceOf(InputError.class)
                    .hasMessage(file + c[1]);
            if (c[2].equals("same")) {
                assertThatThrownBy(() -> readAll(file, true)).isInstanceOf(InputError.class)
                        .hasMessage(file + c[1]);
            } else {
                assertThat(readAll(file, true)).as("skipped").isEqualTo(1);
            }
        }));
    }

    @Test
    void theCorpusHasAtLeastFifteenCasesAndEveryFileIsOne() throws IOException {
        List<String> listed = cases().stream().map(c -> c[0]).sorted().toList();
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("EXPECTED"))
                    .sorted().toList();
            assertThat(present).isEqualTo(listed);
        }
        assertThat(listed).hasSizeGreaterThanOrEqualTo(15);
    }

    /** Reads every event; the count of skipped lines. */
    private static long readAll(Path file, boolean lenient) {
        try (TraceReader r = TraceFiles.open(file, lenient)) {
            TraceEvent e = new TraceEvent();
            while (r.next(e)) {
                assertThat(e.kind).isNotNull();
            }
            return r.skipped();
        }
    }

    private static List<String[]> cases() throws IOException {
        return Files.readAllLines(DIR.resolve("EXPECTED")).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.split("\t")).toList();
    }

    private static Path corpus() {
        try {
            return Path.of(BadTraceCorpusTest.class.getResource("/bad-traces").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
