package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmsim.testdata.Oracle;

/** {@code mmsim layout}: the tables, the i386 explanation against the oracle, and one-line errors. */
class LayoutCommandTest {

    @Test
    void x86_64FourLevelTable() {
        CliRun run = CliRun.of("layout", "--arch", "x86_64");
        assertThat(run.status()).isZero();
        // Documentation/x86/x86_64/mm.rst: "ffff888000000000 | ... | ffffc87fffffffff | 64 TB | direct mapping"
        assertThat(run.out()).containsPattern("ffff888000000000\\s+ffffc87fffffffff\\s+64 TB\\s+direct mapping")
                .containsPattern("ffffffffa0000000\\s+fffffffffeffffff\\s+1520 MB\\s+module mapping space");
    }

    @Test
    void x86_64FiveLevelTable() {
        CliRun run = CliRun.of("layout", "--arch", "x86_64", "--levels", "5");
        assertThat(run.status()).isZero();
        assertThat(run.out()).containsPattern("ffa0000000000000\\s+ffd1ffffffffffff\\s+12.5 PB\\s+vmalloc");
    }

    @Test
    void arm64SixtyFourKTable() {
        CliRun run = CliRun.of("layout", "--arch", "arm64", "--granule", "64", "--va-bits", "52");
        assertThat(run.status()).isZero();
        // Documentation/arm64/memory.rst: "ffffffe000000000 ffffffffffffffff 128GB [guard region]"
        assertThat(run.out()).containsPattern("ffffffe000000000\\s+ffffffffffffffff\\s+128 GB\\s+\\[guard region\\]")
                .contains("[fffd800000000000 ffff7fffffffffff]");
    }

    @ParameterizedTest
    @CsvSource({"1G, i386pae-1G", "8G, i386pae-8G"})
    void i386PaeExplainsTheOracleLowmemLines(String mem, String oracleCase) {
        CliRun run = CliRun.of("layout", "--arch", "i386-pae", "--mem", mem);
        assertThat(run.status()).isZero();
        List<String> dmesg = Oracle.read(oracleCase, "dmesg").lines()
                .map(l -> l.replaceFirst("^\\[[^]]*\\] ", "")).toList();
        List<String> printed = run.out().lines().dropWhile(l -> !l.equals("boot log lines:")).skip(1)
                .map(l -> l.substring(2)).toList();
        assertThat(printed).hasSize(7);
        assertThat(dmesg).containsAll(printed);
        assertThat(run.out()).contains("MAXMEM            0x36ffe000")
                .containsPattern("f77fe000\\s+feffdfff\\s+120 MB\\s+vmalloc");
    }

    @Test
    void kaslrIsDeterministic() {
        CliRun a = CliRun.of("layout", "--arch", "x86_64", "--kaslr", "1234", "--mem", "16G");
        CliRun b = CliRun.of("layout", "--arch", "x86_64", "--kaslr", "1234", "--mem", "16G");
        CliRun c = CliRun.of("layout", "--arch", "x86_64", "--kaslr", "1235", "--mem", "16G");
        assertThat(a.status()).isZero();
        assertThat(a.out()).isEqualTo(b.out()).isNotEqualTo(c.out()).contains("KASLR seed 1234");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "layout --arch sparc|--arch: unknown architecture 'sparc'",
        "layout --arch arm64 --granule 4 --va-bits 52|--va-bits: arm64 4K pages support VA_BITS 39 or 48, not 52",
        "layout --arch arm64 --granule 8|--granule: arm64 granule must be 4, 16 or 64",
        "layout --arch x86_64 --levels 3|--levels: x86_64 has 4 or 5 paging levels, not 3",
        "layout --arch x86_64 --granule 64|--granule: --granule does not apply to x86_64",
        "layout --arch i386-pae --kaslr 5|--kaslr: i386 has no memory-layout randomisation",
        "layout --arch i386-pae --mem lots|--mem: not a size: lots",
        "layout --arch x86_64 --kaslr nope|--kaslr: not an address: nope"})
    void badArgumentsGiveOneLineAndStatusTwo(String args, String message) {
        CliRun run = CliRun.of(args.split(" "));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("mmsim: " + message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingArchIsAUsageError() {
        CliRun run = CliRun.of("layout");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
    }
}
