package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.arch.InputError;

/** The run's output folder: appears whole or not at all, and a failure leaves nothing it made. */
class RunOutputTest {
    @TempDir
    Path dir;

    @Test
    void aFailedRunRemovesItsTemporaryFolderAndTheParentsItMade() throws IOException {
        try (RunOutput out = RunOutput.create(dir.resolve("deep/x/out"))) {
            Files.writeString(out.dir().resolve("summary.json"), "{}", StandardCharsets.UTF_8);
        }
        assertThat(listing()).isEmpty();
    }

    @Test
    void parentsThatExistedStay() throws IOException {
        Files.createDirectories(dir.resolve("keep"));
        try (RunOutput out = RunOutput.create(dir.resolve("keep/new/out"))) {
            assertThat(out.dir()).exists();
        }
        assertThat(listing()).containsExactly("keep");
    }

    @Test
    void commitReplacesAnEarlierOutputAndLeavesNothingAside() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("summary.json"), "old", StandardCharsets.UTF_8);
        Files.writeString(target.resolve("stale.txt"), "old", StandardCharsets.UTF_8);
        try (RunOutput out = RunOutput.create(target)) {
            Files.writeString(out.dir().resolve("summary.json"), "new", StandardCharsets.UTF_8);
            out.commit();
        }
        assertThat(listing()).containsExactly("out");
        assertThat(Files.readString(target.resolve("summary.json"))).isEqualTo("new");
        assertThat(target.resolve("stale.txt")).doesNotExist();
    }

    @Test
    void anUncommittedRunLeavesTheEarlierOutputAsItWas() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("summary.json"), "old", StandardCharsets.UTF_8);
        try (RunOutput out = RunOutput.create(target)) {
            Files.writeString(out.dir().resolve("summary.json"), "new", StandardCharsets.UTF_8);
        }
        assertThat(listing()).containsExactly("out");
        assertThat(Files.readString(target.resolve("summary.json"))).isEqualTo("old");
    }

    @Test
    void pathsThatCannotBecomeTheOutputAreRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RunOutput.check(file)).isInstanceOf(InputError.class)
                .hasMessage(file + ": exists and is not an earlier mmsim output directory; choose another --out");
        assertThatThrownBy(() -> RunOutput.create(file.resolve("a/out"))).isInstanceOf(InputError.class)
                .hasMessage(file.resolve("a/out") + ": cannot create the output directory: " + file
                        + " is not a directory");
        Files.createDirectories(dir.resolve("users"));
        assertThatThrownBy(() -> RunOutput.check(dir.resolve("users"))).isInstanceOf(InputError.class)
                .hasMessageContaining("exists and is not an earlier mmsim output directory");
        assertThat(listing()).containsExactlyInAnyOrder("f", "users");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
