package org.mmsim.boot.memblock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

/**
 * memblock_debug_show(): the arm64 oracle's /sys/kernel/debug/memblock files, read into a memblock and
 * rendered again, come out byte for byte.
 */
class MemblockDebugfsTest {

    private static Memblock fromOracle(String caseName) {
        Memblock mb = new Memblock(MemblockConfig.ARM64);
        for (MemblockDebugfs.Line l : MemblockDebugfs.parse(Oracle.read(caseName, "memblock_memory"), "memblock_memory")) {
            assertThat(mb.add(l.base(), l.size())).isZero();
        }
        for (MemblockDebugfs.Line l : MemblockDebugfs.parse(Oracle.read(caseName, "memblock_reserved"), "memblock_reserved")) {
            assertThat(mb.reserve(l.base(), l.size())).isZero();
        }
        return mb;
    }

    @Test
    void arm64_memory_and_reserved_render_byte_for_byte() {
        String memory = Oracle.read("arm64-1G", "memblock_memory");
        String reserved = Oracle.read("arm64-1G", "memblock_reserved");
        Memblock mb = fromOracle("arm64-1G");
        assertThat(mb.memory().cnt()).isEqualTo(1);
        assertThat(mb.reserved().cnt()).isEqualTo(18);
        assertThat(MemblockDebugfs.show(mb.memory(), mb.config())).isEqualTo(memory);
        assertThat(MemblockDebugfs.show(mb.reserved(), mb.config())).isEqualTo(reserved);
    }

    @Test
    void arm64_lines_keep_their_index_and_inclusive_end() {
        List<MemblockDebugfs.Line> lines =
                MemblockDebugfs.parse(Oracle.read("arm64-1G", "memblock_reserved"), "memblock_reserved");
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).index()).isEqualTo(i);
        }
        // "   0: 0x0000000040210000..0x000000004220afff"
        assertThat(lines.get(0).base()).isEqualTo(0x40210000L);
        assertThat(lines.get(0).size()).isEqualTo(0x4220b000L - 0x40210000L);
    }

    @Test
    void empty_type_shows_its_dummy_region_with_a_wrapped_end() {
        Memblock mb = new Memblock(MemblockConfig.ARM64);
        // base 0, size 0: the kernel prints base + size - 1, which wraps to all ones
        assertThat(MemblockDebugfs.show(mb.reserved(), mb.config()))
                .isEqualTo("   0: 0x0000000000000000..0xffffffffffffffff\n");
    }

    @Test
    void a_32_bit_phys_addr_t_prints_8_digits() {
        MemblockConfig cfg = new MemblockConfig(false, 1, 12, 64, 0xffffffffL, 4);
        Memblock mb = new Memblock(cfg);
        mb.reserve(0x1000, 0x2000);
        assertThat(MemblockDebugfs.show(mb.reserved(), cfg)).isEqualTo("   0: 0x00001000..0x00002fff\n");
    }

    @Test
    void a_malformed_line_is_an_input_error_naming_file_and_line() {
        assertThatThrownBy(() -> MemblockDebugfs.parse("   0: 0x1000..0x1fff\n   1: 0x3000-0x3fff\n", "reserved"))
                .isInstanceOf(InputError.class)
                .hasMessageStartingWith("reserved:2: ");
    }
}
