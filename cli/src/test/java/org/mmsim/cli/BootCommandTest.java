package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.testdata.Oracle;

/** {@code mmsim boot}: the oracle machine's boot lines, twin mode, and one clear line with exit 2 for bad input. */
class BootCommandTest {
    @TempDir
    Path dir;


    @Test
    void twinModeBootLogEndsWithTheKernelsMemoryLine() throws Exception {
        Path c = Oracle.caseDir("x86_64-4G-numa2");
        CliRun r = CliRun.of("boot", "--from-dmesg", c.resolve("dmesg").toString(), "--zoneinfo", c.resolve("zoneinfo").toString());
        assertThat(r.status()).isZero();
        String kernelLine = Files.readAllLines(c.resolve("dmesg")).stream().filter(l -> l.contains("] Memory: "))
                .findFirst().orElseThrow().replaceFirst("^\\[[ 0-9.]+\\] ", "");
        assertThat(r.out().lines().toList()).contains(kernelLine, "Built 2 zonelists, mobility grouping on.  Total pages: 1031904");
    }

    @Test
    void savedMachineBootsTheSame() throws Exception {
        Path c = Oracle.caseDir("i386pae-8G");
        Path saved = dir.resolve("m.yaml");
        CliRun a = CliRun.of("boot", "--from-dmesg", c.resolve("dmesg").toString(), "--save-machine", saved.toString());
        CliRun b = CliRun.of("boot", "--machine", saved.toString());
        assertThat(a.status()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
    }

    static Stream<Arguments> badMachines() {
        return Stream.of(
                Arguments.of("arch: x86_64\nmemory:\n  - { start: 0, size: 1G }\ncolour: red\n", 4, "unknown key 'colour'"),
                Arguments.of("arch: sparc\nmemory:\n  - { start: 0, size: 1G }\n", 1, "unknown arch"),
                Arguments.of("arch: x86_64\nmemory:\n  - { start: 0, size: 1GB }\n", 3, "size"),
                Arguments.of("arch: x86_64\nmemory:\n  - { start: 2G, end: 1G }\n", 3, "reversed"),
                Arguments.of("arch: x86_64\nmemory:\n  - { start: 0, size: -4G }\n", 3, "negative"),
                Arguments.of("arch: x86_64\nmemory:\n  - { start: 0, size: 1G, type: magic }\n", 3, "unknown memory type"),
                Arguments.of("arch: x86_64\n", 1, "missing 'memory'"),
                Arguments.of("arch: x86_64\nmemory: [ { start: 0, size: 1G }\n", 2, "YAML syntax"),
                Arguments.of("arch: x86_64\ncpus: 0\nmemory:\n  - { start: 0, size: 1G }\n", 2, "cpus"),
                Arguments.of("arch: x86_64\nmemory:\n  - { start: 0, size: 1G }\nsysctl: { vm.dirty_ratio: 5 }\n", 4, "unknown sysctl"),
                Arguments.of("arch: x86_64\ncmdline: \"movablecore=12parsecs\"\nmemory:\n  - { start: 0, size: 1G }\n", 2, "movablecore"));
    }

    @ParameterizedTest
    @MethodSource("badMachines")
    void badMachineFileGetsOneLineAndExit2(String text, int line, String problem) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, text);
        CliRun r = CliRun.of("boot", "--machine", f.toString());
        assertThat(r.status()).isEqualTo(2);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(f + ":" + line + ":").contains(problem);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badBootLogsGetOneLineAndExit2() throws Exception {
        Path log = dir.resolve("dmesg");
        Files.writeString(log, "[    0.000000] Linux version 6.1.0-56-amd64\n[    0.000000] Hello\n");
        CliRun r = CliRun.of("boot", "--from-dmesg", log.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1).first().asString().contains(log.toString()).contains("no memory map");
        Files.writeString(log, "[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
                + "[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x000000003fffffff] bogus\n");
        r = CliRun.of("boot", "--from-dmesg", log.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1).first().asString().contains(log + ":2:").contains("e820 type");
        r = CliRun.of("boot", "--from-dmesg", dir.resolve("nothing").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1).first().asString().contains("no such file");
        r = CliRun.of("boot", "--machine", "x86_64-4G", "--print", "slabinfo2");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
    }
}
