package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.study.RunInputs;
import org.mmsim.testdata.Oracle;

/**
 * {@code mmsim run --duration --machine --set FIELD=VALUE --list}: the options change the scenario's duration,
 * machine and fields (the x86_64-1G run's memory is the real 1 GiB machine's), the run can be brought back to a
 * moment with them, {@code mmsim sysctl} agrees with the run, and {@code --list} prints each built-in's
 * description from its file.
 */
class RunOptionsTest {
    private static final String SCENARIO = """
            name: small
            machine: x86_64-256M
            duration: 3s
            record: { interval: 1s, proc: [buddyinfo, meminfo] }
            workload:
              - process: { name: app, size: 16M, rate: 64M, thp: false }
              - kernel: { rate: 100 }
            """;

    @TempDir
    static Path dir;
    static Path scenario;
    static Path out;
    static CliRun run;

    @BeforeAll
    static void runWithOverrides() throws IOException {
        scenario = dir.resolve("small.yaml");
        Files.writeString(scenario, SCENARIO);
        out = dir.resolve("out");
        run = CliRun.of("run", scenario.toString(), "--duration", "2s", "--machine", "x86_64-1G",
                "--set", "workload.app.size=8M", "--set", "vm.swappiness=7", "--out", out.toString());
    }

    @Test
    void durationMachineAndFieldsOverrideTheScenarios() throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("duration_s").asDouble()).isEqualTo(2.0);
        assertThat(summary.get("machine").asText()).isEqualTo("x86_64-1G");
        assertThat(summary.get("peak_rss_kb").get("app (1000)").asLong()).isEqualTo(8 * 1024);
        String realTotal = Oracle.read("x86_64-1G", "meminfo").lines().filter(l -> l.startsWith("MemTotal:"))
                .findFirst().orElseThrow();
        assertThat(Files.readString(out.resolve("proc/start/meminfo"))).contains(realTotal + "\n");
        assertThat(Files.readString(out.resolve("proc/end/sys/vm/swappiness"))).isEqualTo("7\n");
        try (Stream<Path> snaps = Files.list(out.resolve("proc"))) {
            assertThat(snaps.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("start", "t0001.000s", "end");
        }
        assertThat(Files.readString(out.resolve(RunInputs.FILE))).contains("set=workload.app.size=8M\n",
                "set=vm.swappiness=7\n", "set=machine=x86_64-1G\n", "set=duration=2s\n");
    }

    /** The run's recorded inputs hold the overrides: a replay meets the run's end. */
    @Test
    void aRunWithOverridesIsBroughtBackToItsEnd() {
        CliRun walk = CliRun.of("walk", "--run", out.toString(), "1000", "0x7ffff77ff000");
        assertThat(walk.err()).isEmpty();
        assertThat(walk.out()).startsWith("# run " + out + ", moment end, pid 1000");
    }

    @Test
    void sysctlAgreesWithTheRunAndWithTheRealMachine() throws IOException {
        CliRun r = CliRun.of("sysctl", scenario.toString(), "--set", "machine=x86_64-1G", "--set", "vm.swappiness=7");
        assertThat(r.err()).isEmpty();
        String real = Oracle.read("x86_64-1G", "min_free_kbytes").strip();
        assertThat(r.out()).contains("vm.min_free_kbytes = " + real + "\n", "vm.swappiness = 7\n");
        assertThat(Files.readString(out.resolve("proc/start/sys/vm/min_free_kbytes"))).isEqualTo(real + "\n");
    }

    @Test
    void samplesParquetIsQueriedWithoutADatabase() throws IOException {
        CliRun q = CliRun.of("query", "-", "select count(*) as snapshots, min(label) as first from '"
                + out.resolve("samples.parquet") + "'");
        assertThat(q.err()).isEmpty();
        assertThat(q.out()).isEqualTo("snapshots  first\n---------  -----\n        3  end\n");
    }

    @Test
    void listPrintsEachBuiltinWithTheDescriptionOfItsFile() throws IOException {
        CliRun r = CliRun.of("run", "--list");
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            String name = line.substring(0, line.indexOf(' '));
            names.add(name);
            try (InputStream in = RunOptionsTest.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
                String description = new ObjectMapper(new YAMLFactory()).readTree(in).get("description").asText();
                assertThat(line.substring(name.length()).strip()).isEqualTo(description);
                assertThat(line.indexOf(description)).isEqualTo(lines.get(0).indexOf(lines.get(0).substring(
                        lines.get(0).indexOf("  ")).strip()));
            }
        }
        assertThat(names).contains("default", "compaction-test", "fragment-illuminator", "oracle-tmpfs",
                "oracle-frag", "processes", "slab-churn");
    }
}
