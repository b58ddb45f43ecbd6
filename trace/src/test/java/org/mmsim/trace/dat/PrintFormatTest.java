package org.mmsim.trace.dat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Print fmts in the shape 6.1's format files give them, printed by hand after trace_print_flags_seq and
 * trace_print_symbols_seq (kernel/trace/trace_output.c) and printf; and zlib, the compression this recording
 * does not use, by a round trip through java.util.zip's compressor.
 */
class PrintFormatTest {
    private static final String FORMAT = "name: demo\nID: 9\nformat:\n"
            + "\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n"
            + "\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n"
            + "\tfield:unsigned long gfp_flags;\toffset:8;\tsize:8;\tsigned:0;\n"
            + "\tfield:int idx;\toffset:16;\tsize:4;\tsigned:1;\n\n"
            + "print fmt: \"zone=%-8s order=%d gfp_flags=%s\", __print_symbolic(REC->idx, { 0, \"DMA\" }, "
            + "{ 1, \"DMA32\" }), (int) REC->idx - 2, (REC->gfp_flags) ? __print_flags(REC->gfp_flags, \"|\", "
            + "{( unsigned long)((( gfp_t)((((1UL))) << (10))) | (( gfp_t)((((1UL))) << (11)))), \"__GFP_RECLAIM\"}, "
            + "{( unsigned long)(( gfp_t)((((1UL))) << (8))), \"__GFP_ZERO\"}, { 0, ((void *)0) } ) : \"none\"\n";

    private final EventFormat format = EventFormat.parse("demo", FORMAT);
    private final PrintFormat print = PrintFormatParser.parse(format);

    @Test
    void flagsPrintWholeMasksInTableOrderThenTheRestInHex() {
        assertThat(text(0xc00 | 0x100 | 0x4000_0000L, 1)).isEqualTo("zone=DMA32    order=-1 "
                + "gfp_flags=__GFP_RECLAIM|__GFP_ZERO|0x40000000");
        assertThat(text(0x400, 0)).isEqualTo("zone=DMA      order=-2 gfp_flags=0x400");
        assertThat(text(0, 7)).isEqualTo("zone=0x7      order=5 gfp_flags=none");
    }

    @Test
    void theGfpArgumentIsFoundByItsLabel() {
        EventRecord r = record(0x100, 0);
        assertThat(print.argumentAfter("gfp_flags=").string(r)).isEqualTo("__GFP_ZERO");
        assertThat(print.argumentAfter("pfn=")).isNull();
    }

    @Test
    void aPrintFmtWithoutItsStringIsRefused() {
        String bad = FORMAT.replace("print fmt: \"zone", "print fmt: zone");
        EventFormat f = EventFormat.parse("demo", bad);
        assertThatThrownBy(() -> PrintFormatParser.parse(f)).isInstanceOf(BadMetadata.class)
                .hasMessage("print fmt of demo:demo: the print fmt does not start with a string at character 0");
    }

    @Test
    void zlibBlocksDecompressAndAGarbledOneIsNamed() {
        byte[] plain = new byte[8192];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i * 7 % 13);
        }
        Deflater d = new Deflater();
        d.setInput(plain);
        d.finish();
        byte[] packed = new byte[9000];
        int n = d.deflate(packed);
        byte[] out = new byte[plain.length];
        Compression zlib = Compression.named("zlib");
        assertThat(zlib.decompress(packed, n, out, out.length)).isNull();
        assertThat(out).isEqualTo(plain);
        packed[0] = 0;
        assertThat(zlib.decompress(packed, n, out, out.length)).startsWith("zlib block is garbled");
        assertThat(Compression.named("lz4")).isNull();
    }

    private String text(long gfp, int idx) {
        StringBuilder s = new StringBuilder();
        print.print(record(gfp, idx), s);
        return s.toString();
    }

    private static EventRecord record(long gfp, int idx) {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 9).putLong(8, gfp).putInt(16, idx);
        EventRecord r = new EventRecord();
        r.point(b.array(), 0, 24, true);
        return r;
    }
}
