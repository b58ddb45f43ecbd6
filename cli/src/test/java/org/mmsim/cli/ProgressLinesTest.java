package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines off a terminal: nothing in the first five seconds, then one line every five seconds. */
class ProgressLinesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ProgressLines lines = new ProgressLines(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            clock::get);

    @Test
    void aQuickRunPrintsNothing() {
        for (int i = 0; i <= 10; i++) {
            clock.addAndGet(400_000_000L);
            lines.update(i * 2_000_000_000L, 20_000_000_000L);
        }
        lines.done();
        assertThat(text()).isEmpty();
    }

    @Test
    void aLongRunPrintsALineEveryFiveSeconds() {
        long s = 1_000_000_000L;
        clock.addAndGet(5 * s);
        lines.update(3 * s, 20 * s);
        clock.addAndGet(2 * s);
        lines.update(4 * s, 20 * s);
        clock.addAndGet(3 * s);
        lines.update(5 * s, 20 * s);
        assertThat(text()).isEqualTo("mmsim: simulated 3.0 s of 20.0 s (15%), wall 5 s\n"
                + "mmsim: simulated 5.0 s of 20.0 s (25%), wall 10 s\n");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
