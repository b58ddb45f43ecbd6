package org.mmsim.trace.dat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.arch.InputError;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceReader;

/**
 * Damaged copies of the real recording: each gives one error naming the file and the byte offset of the damage
 * (offsets found here from the file's bytes by a plain search, not by the reader), and a lenient reader skips a
 * bad page and counts it.
 */
class TraceDatDamageTest {
    private static final int EVENTS = TraceDatReportTest.EVENTS;
    private static byte[] v6;
    private static byte[] v7;
    private static long cpu0Data;
    private static long cpu0Size;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TraceDatReportTest.V6_GZ))) {
            v6 = in.readAllBytes();
        }
        v7 = Files.readAllBytes(TraceDatReportTest.V7_ZSTD);
        int fly = indexOf(v6, "flyrecord\0", 0) + 10;
        ByteBuffer b = ByteBuffer.wrap(v6).order(ByteOrder.LITTLE_ENDIAN);
        cpu0Data = b.getLong(fly);
        cpu0Size = b.getLong(fly + 8);
    }

    @Test
    void theUndamagedPlainVersion6ReadsWhole() throws IOException {
        assertThat(count(write("whole.dat", v6), false)).isEqualTo(EVENTS);
    }

    @Test
    void aWrongMagicIsNamedAtByte0() throws IOException {
        byte[] b = v7.clone();
        b[0] = 0x18;
        assertError(write("magic.dat", b), 0, "not a trace.dat file (wrong magic)");
    }

    @Test
    void anUnknownVersionIsNamedAtItsByte() throws IOException {
        byte[] b = v7.clone();
        b[10] = '8';
        assertError(write("version.dat", b), 10, "trace.dat version '8' is not supported");
    }

    @Test
    void aByteOrderFlagOtherThan0Or1IsRefused() throws IOException {
        byte[] b = v6.clone();
        b[12] = 2;
        assertError(write("endian.dat", b), 12, "byte order flag 2");
    }

    @Test
    void anUnknownCompressionIsRefused() throws IOException {
        byte[] b = v7.clone();
        int at = indexOf(b, "zstd\0", 0);
        b[at] = 'q';
        assertError(write("compression.dat", b), at, "compression 'qstd' is not supported");
    }

    @Test
    void aHeaderCutShortIsTruncated() throws IOException {
        assertError(write("short.dat", Arrays.copyOf(v7, 14)), 14, "truncated: page size");
    }

    @Test
    void version6CutInsideItsEventFormatsIsTruncated() throws IOException {
        int cut = indexOf(v6, "name: mm_page_alloc\n", 0) + 5;
        Path f = write("cut6.dat", Arrays.copyOf(v6, cut));
        assertThatThrownBy(() -> count(f, false)).isInstanceOf(InputError.class)
                .hasMessageStartingWith(f + ": byte ").hasMessageContaining("truncated: format of a kmem event");
    }

    @Test
    void version7CutBeforeItsSectionsIsTruncated() throws IOException {
        Path f = write("cut7.dat", Arrays.copyOf(v7, v7.length / 2));
        assertThatThrownBy(() -> count(f, false)).isInstanceOf(InputError.class)
                .hasMessageStartingWith(f + ": byte ").hasMessageContaining("truncated");
    }

    @Test
    void aFieldLineThatCannotBeReadIsNamedWithItsFormat() throws IOException {
        byte[] b = v6.clone();
        int format = indexOf(b, "name: mm_page_alloc\n", 0);
        int field = indexOf(b, "field:unsigned long pfn;", format);
        b[indexOf(b, "offset:", field)] = 'X';
        assertError(write("field.dat", b), format, "format of kmem:mm_page_alloc: cannot read the line");
    }

    @Test
    void aPrintFmtThatCannotBeReadIsNamedWithItsFormat() throws IOException {
        byte[] b = v6.clone();
        int format = indexOf(b, "name: mm_page_alloc\n", 0);
        int print = indexOf(b, "print fmt: \"", format);
        b[print + 11] = 'X';
        assertError(write("print.dat", b), format, "print fmt of kmem:mm_page_alloc: the print fmt does not start");
    }

    @Test
    void aPageWhoseCommitOverrunsItIsAnErrorAndLenientlySkipped() throws IOException {
        byte[] b = v6.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) cpu0Data + 8, 5000);
        Path f = write("commit.dat", b);
        assertError(f, cpu0Data + 8, "CPU 0: page commit of 5000 bytes overruns the page of 4096");
        long lenient = count(f, true);
        assertThat(lenient).isLessThan(EVENTS).isGreaterThan(EVENTS - 4096 / 8);
    }

    @Test
    void aRecordWhoseLengthOverrunsThePageIsAnErrorAtItsByte() throws IOException {
        byte[] b = v6.clone();
        int first = (int) cpu0Data + 16;
        ByteBuffer page = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int header = page.getInt(first);
        page.putInt(first, header & ~31);
        page.putInt(first + 4, 100_000);
        Path f = write("record.dat", b);
        assertError(f, first, "CPU 0: a record of 99996 bytes overruns the page's data");
        assertThat(count(f, true)).isLessThan(EVENTS);
    }

    @Test
    void cpuDataCutInsideAPageIsTruncated() throws IOException {
        long cut = cpu0Data + cpu0Size / 2 + 100;
        Path f = write("cpu.dat", Arrays.copyOf(v6, (int) cut));
        assertThatThrownBy(() -> count(f, false)).isInstanceOf(InputError.class)
                .hasMessageStartingWith(f + ": byte ").hasMessageContaining("truncated: page ends after");
        assertThat(count(f, true)).isLessThan(EVENTS);
    }

    @Test
    void aGarbledZstdChunkOfCpuDataIsNamedAtTheChunk() throws IOException {
        byte[] b = v7.clone();
        int magic = firstChunkOfPages(b);
        b[magic] = 0;
        assertError(write("zstd.dat", b), magic - 12 + 4, "zstd block is garbled");
    }

    @Test
    void aRecordOfAnUnknownEventIdIsAnError() throws IOException {
        byte[] b = v6.clone();
        int first = (int) cpu0Data + 16;
        ByteBuffer page = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int typeLen = page.getInt(first) & 31;
        int data = typeLen == 0 ? first + 8 : first + 4;
        page.putShort(data, (short) 0x7fff);
        Path f = write("id.dat", b);
        assertError(f, first, "CPU 0: a record of unknown event id 32767");
        try (TraceReader r = TraceDatReader.open(f, Files.newInputStream(f), true)) {
            TraceEvent e = new TraceEvent();
            long n = 0;
            while (r.next(e)) {
                n++;
            }
            assertThat(n).isEqualTo(EVENTS - 1);
            assertThat(r.skipped()).isEqualTo(1);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertError(Path f, long offset, String problem) {
        assertThatThrownBy(() -> count(f, false)).isInstanceOf(InputError.class)
                .hasMessageStartingWith(f + ": byte " + offset + ": " + problem);
    }

    private static long count(Path f, boolean lenient) throws IOException {
        try (TraceReader r = TraceDatReader.open(f, Files.newInputStream(f), lenient)) {
            TraceEvent e = new TraceEvent();
            long n = 0;
            while (r.next(e)) {
                n++;
            }
            if (lenient && n < EVENTS) {
                assertThat(r.skipped()).isPositive();
            }
            return n;
        }
    }

    private static int indexOf(byte[] b, String s, int from) {
        byte[] needle = s.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("'" + s + "' not in the file");
    }

    /**
     * The zstd frame (magic 28 b5 2f fd) of the first chunk of CPU data: preceded by the chunk count, the
     * compressed size and an uncompressed size of whole 4096-byte pages (trace-cmd.dat.v7(5)).
     */
    private static int firstChunkOfPages(byte[] b) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 12; i <= b.length - 4; i++) {
            if (le.getInt(i) == 0xfd2fb528) {
                int count = le.getInt(i - 12);
                int pages = le.getInt(i - 4);
                if (count > 0 && count < 100_000 && pages > 0 && pages % 4096 == 0) {
                    return i;
                }
            }
        }
        throw new AssertionError("no chunk of CPU data");
    }
}
