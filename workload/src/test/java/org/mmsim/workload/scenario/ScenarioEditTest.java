package org.mmsim.workload.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.arch.InputError;

/**
 * Edits of a scenario's tree before its checks ({@link ScenarioEdit}): the edited value is parsed as a value of the
 * file is, a mistake in it names the edit, and a check between fields that fails only because of an edit names the
 * edit and then the file's line.
 */
class ScenarioEditTest {
    private static final String TEXT = """
            name: t
            machine: x86_64-1G
            duration: 3s
            record: { interval: 1s, proc: [buddyinfo] }
            workload:
              - anon: { name: db, size: 64M, start: 1s }
              - kernel: { rate: 100 }
              - compact_memory: { at: 2s }
            """;

    private static Scenario parse(ScenarioEdit... edits) {
        return ScenarioFile.parse("t.yaml", TEXT, List.of(edits));
    }

    private static ScenarioEdit set(String path, String value) {
        return new ScenarioEdit(path, value, "--set: " + path + "=" + value);
    }

    @Test
    void topLevelFieldsTakeTheFilesUnits() {
        Scenario s = parse(set("duration", "2500ms"), set("swap", "1G"), set("seed", "7"), set("hz", "1000"),
                set("compaction", "false"), set("transparent_hugepage", "madvise"), set("machine", "x86_64-4G"));
        assertThat(s.durationNs()).isEqualTo(2_500_000_000L);
        assertThat(s.swapBytes()).isEqualTo(1L << 30);
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.hz()).isEqualTo(1000);
        assertThat(s.compaction()).isFalse();
        assertThat(s.thpEnabled()).isEqualTo("madvise");
        assertThat(s.machine()).isEqualTo("x86_64-4G");
        assertThat(parse().durationNs()).isEqualTo(3_000_000_000L);
    }

    @Test
    void aWorkloadEntryIsNamedByItsNameOrByItsKindAndRank() {
        Scenario s = parse(set("workload.db.size", "2G"), set("workload.kernel1.rate", "5000/s"),
                set("workload.compact_memory1.at", "2500ms"), set("workload.db.thp", "true"));
        assertThat(s.generators().get(0).params()).containsEntry("size", 2L << 30).containsEntry("thp", true)
                .containsEntry("start", 1_000_000_000L);
        assertThat(s.generators().get(1).params()).containsEntry("rate", 5000.0);
        assertThat(s.generators().get(2).params()).containsEntry("at", 2_500_000_000L);
    }

    @Test
    void theRecordSectionsFieldsTakeLists() {
        Scenario s = parse(set("record.proc", "[meminfo, slabinfo, vmallocinfo]"), set("record.interval", "500ms"));
        assertThat(s.record().intervalNs()).isEqualTo(500_000_000L);
        assertThat(s.record().procFiles()).containsExactly("meminfo");
        assertThat(s.record().kernelFiles()).containsExactly("slabinfo", "vmallocinfo");
    }

    @Test
    void aBadValueNamesTheEditNotTheFile() {
        assertThatThrownBy(() -> parse(set("workload.db.size", "2X"))).isInstanceOf(InputError.class)
                .hasMessage("--set: workload.db.size=2X: anon size '2X' is not a size: bytes, or a number with K, M, G"
                        + " or T (powers of 1024)");
        assertThatThrownBy(() -> parse(new ScenarioEdit("duration", "0s", "--duration: 0s")))
                .hasMessage("--duration: 0s: duration must be longer than 0");
        assertThatThrownBy(() -> parse(set("hz", "[1, 2]"))).hasMessage("--set: hz=[1, 2]: hz must be a single value");
        assertThatThrownBy(() -> parse(set("seed", ""))).hasMessage("--set: seed=: give a value");
        assertThatThrownBy(() -> parse(set("record.proc", "[slabinof]")))
                .hasMessageStartingWith("--set: record.proc=[slabinof]: unknown /proc file 'slabinof' (known: ");
    }

    @Test
    void anUnknownFieldOrEntryListsWhatThereIs() {
        assertThatThrownBy(() -> parse(set("workload.nosuch.size", "1G")))
                .hasMessage("--set: workload.nosuch.size=1G: no workload entry named 'nosuch' (entries: db, kernel1,"
                        + " compact_memory1)");
        assertThatThrownBy(() -> parse(set("workload.db.colour", "red")))
                .hasMessage("--set: workload.db.colour=red: unknown field 'colour' of the anon entry 'db' (fields:"
                        + " lifetime, name, processes, rate, size, start, thp, touch)");
        assertThatThrownBy(() -> parse(set("record.every", "1s")))
                .hasMessage("--set: record.every=1s: unknown field 'every' of record (fields: interval, proc, trace)");
        assertThat(ScenarioEdit.isField("duration")).isTrue();
        assertThat(ScenarioEdit.isField("workload.db.size")).isTrue();
        assertThat(ScenarioEdit.isField("vm.swappiness")).isFalse();
        assertThat(ScenarioEdit.isField("sysctl")).isFalse();
    }

    @Test
    void aConflictCausedByAnEditNamesTheEditThenTheFilesLine() {
        assertThatThrownBy(() -> parse(new ScenarioEdit("duration", "1500ms", "--duration: 1500ms")))
                .hasMessage("--duration: 1500ms: t.yaml:8: compact_memory at is after the end of the scenario");
        assertThatThrownBy(() -> parse(set("duration", "500ms"), set("workload.compact_memory1.at", "0s")))
                .hasMessage("--set: duration=500ms, --set: workload.compact_memory1.at=0s: t.yaml:4: record interval is"
                        + " longer than the duration");
    }

    @Test
    void aMistakeOfTheFileItselfIsTheFilesEvenWithEdits() {
        String bad = TEXT.replace("rate: 100", "rate: fast");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", bad, List.of(set("seed", "3"))))
                .hasMessage("t.yaml:7: kernel rate 'fast' is not a rate: a number per second, e.g. 2000 or 2000/s");
    }

    /** A machine file an edit names is found from the working directory; the file's own, from the file's folder. */
    @Test
    void anEditedMachineFileIsFoundFromTheWorkingDirectory(@TempDir Path dir) throws IOException {
        Path sc = dir.resolve("s.yaml");
        Files.writeString(sc, TEXT);
        String cwdFile = Path.of("pom.xml").toAbsolutePath().toString();
        assertThat(ScenarioFile.load(sc.toString(), List.of(set("machine", "pom.xml"))).machine()).isEqualTo(cwdFile);
        assertThatThrownBy(() -> ScenarioFile.load(sc.toString(), List.of(set("machine", "s.yaml"))))
                .hasMessageStartingWith("--set: machine=s.yaml: machine 's.yaml': no such machine file or preset");
    }

    @Test
    void aDescriptionIsOneLine() {
        assertThat(ScenarioFile.parse("t.yaml", "description: a test\n" + TEXT).name()).isEqualTo("t");
        assertThatThrownBy(() -> ScenarioFile.parse("t.yaml", "description: \"\"\n" + TEXT))
                .hasMessage("t.yaml:1: description must be one line of 1 to 200 printable characters");
    }
}
