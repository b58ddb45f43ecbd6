package org.mmsim.trace.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ReadAheadLines} gives exactly the lines {@link LineSource} gives over the same bytes. */
class ReadAheadLinesTest {
    private static List<String> lines(Lines l) throws IOException {
        List<String> out = new ArrayList<>();
        try (l) {
            while (l.next()) {
                out.add(l.number() + (l.hadNewline() ? "|" : "!")
                        + new String(l.buffer(), l.start(), l.end() - l.start(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static byte[] text(long seed, int size) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder();
        while (s.length() < size) {
            int len = r.nextInt(10) == 0 ? r.nextInt(200_000) : r.nextInt(160);
            for (int i = 0; i < len; i++) {
                s.append((char) ('a' + r.nextInt(26)));
            }
            s.append(r.nextInt(7) == 0 ? "\r\n" : "\n");
        }
        s.append("last line without a newline\r");
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theLinesAcrossBlocksAreLineSourcesLines() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            byte[] b = text(seed, 5 << 20);
            List<String> expected = lines(new LineSource(new ByteArrayInputStream(b)));
            assertThat(lines(new ReadAheadLines(new ByteArrayInputStream(b), "t"))).isEqualTo(expected);
            assertThat(expected.get(expected.size() - 1)).endsWith("!last line without a newline\r");
        }
    }

    @Test
    void anEmptyStreamHasNoLines() throws IOException {
        assertThat(lines(new ReadAheadLines(new ByteArrayInputStream(new byte[0]), "t"))).isEmpty();
    }

    @Test
    void aLineLongerThanTheLimitIsMalformedAfterTheLinesBeforeIt() throws IOException {
        byte[] b = ("first\n" + "x".repeat(LineSource.MAX_LINE + 10) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        try (ReadAheadLines l = new ReadAheadLines(new ByteArrayInputStream(b), "t")) {
            assertThat(l.next()).isTrue();
            assertThat(l.number()).isEqualTo(1);
            assertThatThrownBy(l::next).isInstanceOf(Malformed.class).hasMessageContaining("line longer than");
        }
    }

    @Test
    void aReadFailureComesAfterTheWholeLinesBeforeItAndAgainLater() throws IOException {
        byte[] b = "one\ntwo\nthr".getBytes(StandardCharsets.ISO_8859_1);
        InputStream failing = new InputStream() {
            private int i;

            @Override
            public int read() throws IOException {
                if (i == b.length) {
                    throw new IOException("Unexpected end of ZLIB input stream");
                }
                return b[i++];
            }
        };
        try (ReadAheadLines l = new ReadAheadLines(failing, "t")) {
            assertThat(l.next()).isTrue();
            assertThat(l.next()).isTrue();
            assertThat(l.number()).isEqualTo(2);
            assertThatThrownBy(l::next).isInstanceOf(IOException.class).hasMessageContaining("ZLIB");
            assertThatThrownBy(l::next).isInstanceOf(IOException.class).hasMessageContaining("ZLIB");
        }
    }
}
