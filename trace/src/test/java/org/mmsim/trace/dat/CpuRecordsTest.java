package org.mmsim.trace.dat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;

/**
 * Ring-buffer pages built by hand after kernel/trace/ring_buffer.c (6.1): the page header's time stamp and
 * commit, then records whose 32-bit header holds type_len (low 5 bits) and time_delta (high 27 bits). The
 * expected time stamps are worked by hand from those rules.
 */
class CpuRecordsTest {
    /** header_page and header_event as 6.1 prints them on x86_64. */
    static final String HEADER_PAGE = "\tfield: u64 timestamp;\toffset:0;\tsize:8;\tsigned:0;\n"
            + "\tfield: local_t commit;\toffset:8;\tsize:8;\tsigned:1;\n"
            + "\tfield: int overwrite;\toffset:8;\tsize:1;\tsigned:1;\n"
            + "\tfield: char data;\toffset:16;\tsize:4080;\tsigned:1;\n";
    static final String HEADER_EVENT = "# compressed entry header\n\ttype_len    :    5 bits\n"
            + "\ttime_delta  :   27 bits\n\tarray       :   32 bits\n\n\tpadding     : type == 29\n"
            + "\ttime_extend : type == 30\n\ttime_stamp : type == 31\n\tdata max type_len  == 28\n";
    private static final int PAGE = 4096;

    private final ByteBuffer page = ByteBuffer.allocate(PAGE).order(ByteOrder.LITTLE_ENDIAN);

    @Test
    void theHeadersOf61GiveTheLayout() {
        RingBufferLayout l = RingBufferLayout.parse(HEADER_PAGE, HEADER_EVENT);
        assertThat(l.dataOffset).isEqualTo(16);
        assertThat(l.commitOffset).isEqualTo(8);
        assertThat(l.commitSize).isEqualTo(8);
        assertThat(l.typeLenBits).isEqualTo(5);
        assertThat(l.timeDeltaBits).isEqualTo(27);
        assertThat(l.padding).isEqualTo(29);
        assertThat(l.timeExtend).isEqualTo(30);
        assertThat(l.timeStamp).isEqualTo(31);
        assertThat(l.dataMaxTypeLen).isEqualTo(28);
    }

    @Test
    void deltasExtendsPaddingAndAbsoluteStampsMoveTheClock() {
        page.putLong(0, 1_000_000);
        int at = 16;
        at = record(at, 2, 5, 0xAAAA_0001, 0xAAAA_0002);
        at = word(word(at, header(30, 3)), 1);
        at = word(word(at, header(29, 2)), 4 + 8) + 8;
        at = word(word(at, header(0, 7)), 4 + 6);
        at += 8;
        at = word(word(at, header(31, 100)), 2);
        at = record(at, 1, 4, 0xBBBB_0001);
        page.putLong(8, at - 16);

        CpuRecords r = records(page.array());
        assertThat(r.advance()).isTrue();
        assertThat(r.timeStamp).isEqualTo(1_000_005);
        assertThat(r.dataLength).isEqualTo(8);
        assertThat(r.u32(r.dataStart)).isEqualTo(0xAAAA_0001L);
        assertThat(r.advance()).isTrue();
        assertThat(r.timeStamp).as("extend 1<<27 + 3, padding 2, then 7").isEqualTo(1_000_005 + (1L << 27) + 3 + 2 + 7);
        assertThat(r.dataLength).isEqualTo(6);
        assertThat(r.advance()).isTrue();
        assertThat(r.timeStamp).as("absolute (2<<27)|100, then 4").isEqualTo((2L << 27 | 100) + 4);
        assertThat(r.u32(r.dataStart)).isEqualTo(0xBBBB_0001L);
        assertThat(r.advance()).isFalse();
    }

    @Test
    void aZeroDeltaPaddingEndsThePage() {
        page.putLong(0, 50);
        int at = record(16, 1, 1, 7);
        at = word(word(at, header(29, 0)), 0);
        record(at, 1, 1, 8);
        page.putLong(8, at + 12 - 16);
        CpuRecords r = records(page.array());
        assertThat(r.advance()).isTrue();
        assertThat(r.timeStamp).isEqualTo(51);
        assertThat(r.advance()).isFalse();
    }

    @Test
    void aPaddingThatOverrunsThePageIsAnErrorAtItsByte() {
        page.putLong(0, 50);
        int at = word(word(16, header(29, 3)), 9000);
        page.putLong(8, at - 16);
        CpuRecords r = records(page.array());
        assertThatThrownBy(r::advance).isInstanceOf(InputError.class)
                .hasMessage("t.dat: byte 116: CPU 3: a padding record of 9000 bytes overruns the page's data");
    }

    private CpuRecords records(byte[] bytes) {
        RingBufferLayout l = RingBufferLayout.parse(HEADER_PAGE, HEADER_EVENT);
        CpuPages pages = new CpuPages(Path.of("t.dat"), new ByteArrayInputStream(bytes), 100, bytes.length, PAGE,
                null, true);
        return new CpuRecords(Path.of("t.dat"), 3, pages, l, PAGE, true, false);
    }

    private int record(int at, int typeLen, int delta, int... words) {
        int p = word(at, header(typeLen, delta));
        for (int w : words) {
            p = word(p, w);
        }
        return p;
    }

    private int word(int at, int value) {
        page.putInt(at, value);
        return at + 4;
    }

    private static int header(int typeLen, int delta) {
        return delta << 5 | typeLen;
    }
}
