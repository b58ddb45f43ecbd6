package org.mmsim.trace.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.arch.InputError;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.input.TraceFiles;
import org.mmsim.trace.TraceReader;

/** Opening a trace: gzip and trace.dat are told by their magic bytes, never by the file's name. */
class TraceFilesTest {
    private static final String LINE = "            tail-531     [000] .....    31.433314: mm_page_free: "
            + "page=0000000047da1701 pfn=0x105ff6 order=0\n";

    @TempDir
    Path dir;

    @Test
    void aGzippedTraceNamedTxtIsDecompressed() throws IOException {
        Path file = dir.resolve("trace.txt");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(LINE.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(firstPfn(file)).isEqualTo(0x105ff6);
    }

    @Test
    void aPlainTraceNamedGzIsReadAsText() throws IOException {
        Path file = dir.resolve("trace.gz");
        Files.writeString(file, LINE);
        assertThat(firstPfn(file)).isEqualTo(0x105ff6);
    }

    @Test
    void aTraceDatIsToldByItsMagicAndReadAsOne() throws IOException {
        Path file = dir.resolve("trace.txt");
        byte[] magic = {0x17, 0x08, 0x44, 't', 'r', 'a', 'c', 'i', 'n', 'g', '6', 0};
        Files.write(file, magic);
        assertThatThrownBy(() -> TraceFiles.open(file, false)).isInstanceOf(InputError.class)
                .hasMessage(file + ": byte 12: truncated: byte order ends after 0 of 1 bytes");
    }

    @Test
    void aMissingFileIsAnInputError() {
        Path file = dir.resolve("nothing");
        assertThatThrownBy(() -> TraceFiles.open(file, false)).isInstanceOf(InputError.class)
                .hasMessageStartingWith(file + ": cannot read trace: ");
    }

    private static long firstPfn(Path file) {
        try (TraceReader r = TraceFiles.open(file, false)) {
            TraceEvent e = new TraceEvent();
            assertThat(r.next(e)).isTrue();
            assertThat(r.next(new TraceEvent())).isFalse();
            return e.pfn;
        }
    }
}
