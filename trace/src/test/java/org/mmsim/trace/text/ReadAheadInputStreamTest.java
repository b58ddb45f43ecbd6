package org.mmsim.trace.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The read-ahead thread hands out exactly the stream's bytes, then its end or its failure, and stops on close. */
class ReadAheadInputStreamTest {
    private static final int SIZE = 3 * (1 << 20) + 12345;

    @Test
    void theBytesAreTheStreamsBytes() throws IOException {
        byte[] data = new byte[SIZE];
        new Random(7).nextBytes(data);
        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), "test")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[70_000];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
            assertThat(out.toByteArray()).isEqualTo(data);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aFailureComesAfterTheBytesBeforeIt() throws IOException {
        InputStream failing = new InputStream() {
            private int left = 1_500_000;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    throw new IOException("Unexpected end of ZLIB input stream");
                }
                left--;
                return 'x';
            }
        };
        try (InputStream in = new ReadAheadInputStream(failing, "test")) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int n;
            try {
                while ((n = in.read(buf)) >= 0) {
                    total += n;
                }
            } catch (IOException e) {
                assertThat(e).hasMessage("Unexpected end of ZLIB input stream");
            }
            assertThat(total).isEqualTo(1_500_000);
            assertThatThrownBy(() -> in.read(buf)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void closingStopsTheThreadBeforeTheEnd() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'y';
            }
        };
        InputStream in = new ReadAheadInputStream(endless, "test");
        assertThat(in.read()).isEqualTo('y');
        in.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("read-ahead test"));
    }
}
