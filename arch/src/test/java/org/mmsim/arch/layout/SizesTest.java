package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;

class SizesTest {

    @Test
    void parsesMemparseStyleSizes() {
        assertThat(Sizes.parse("1G", "--mem")).isEqualTo(1L << 30);
        assertThat(Sizes.parse("512M", "--mem")).isEqualTo(512L << 20);
        assertThat(Sizes.parse("8GiB", "--mem")).isEqualTo(8L << 30);
        assertThat(Sizes.parse("4096", "--mem")).isEqualTo(4096);
        assertThat(Sizes.parse("0x1000", "--mem")).isEqualTo(4096);
        assertThatThrownBy(() -> Sizes.parse("lots", "--mem")).isInstanceOf(InputError.class)
                .hasMessage("--mem: not a size: lots");
    }

    @Test
    void parsesAddresses() {
        assertThat(Sizes.parseAddress("0xffff888000000000", "ADDR")).isEqualTo(0xffff888000000000L);
        assertThat(Sizes.parseAddress("ffffea0000000000", "ADDR")).isEqualTo(0xffffea0000000000L);
        assertThat(Sizes.parseAddress("4096", "ADDR")).isEqualTo(4096);
        assertThatThrownBy(() -> Sizes.parseAddress("0xzz", "ADDR")).isInstanceOf(InputError.class);
        assertThatThrownBy(() -> Sizes.parseAddress("0x1ffffffffffffffff", "ADDR")).isInstanceOf(InputError.class);
    }

    @Test
    void printsSizesLikeTheTables() {
        assertThat(Sizes.human(128L << 40)).isEqualTo("128 TB");
        assertThat(Sizes.human(1520L << 20)).isEqualTo("1520 MB");
        assertThat(Sizes.human(12800L << 40)).isEqualTo("12.5 PB");
        assertThat(Sizes.human(15L << 48)).isEqualTo("3.75 PB");
        assertThat(Sizes.human(4096)).isEqualTo("4 kB");
        assertThat(Sizes.human(0x7bffe8000000L)).isEqualTo("~124 TB");
        assertThat(Sizes.human(-(1L << 48) - (1L << 47))).isEqualTo("~16 EB");
    }
}
