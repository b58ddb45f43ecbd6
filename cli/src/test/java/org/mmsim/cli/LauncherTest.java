package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code ./mmsim}: it runs $JAVA_HOME/bin/java when JAVA_HOME is set, and MMSIM_JAVA_OPTS adds
 * to its own -Xss16m instead of replacing it. The script runs from a copy beside a stand-in jar (newer than any
 * source there, so it does not build) with a stand-in java that records its arguments.
 */
class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void javaHomeIsHonouredAndOptionsAreAdded() throws Exception {
        Path jdk = fakeJava("jdk");
        Run r = launch(Map.of("JAVA_HOME", jdk.toString(), "MMSIM_JAVA_OPTS", "-Xmx3g -Dmmsim.x=1"));
        assertThat(r.status).as(r.err).isZero();
        assertThat(args(jdk)).containsExactly("-Xss16m", "-Xmx3g", "-Dmmsim.x=1", "-jar",
                dir.resolve("repo/cli/target/mmsim.jar").toString(), "run", "--help");
    }

    @Test
    void withoutJavaHomeJavaComesFromPathWithTheLauncherOptions() throws Exception {
        Path onPath = fakeJava("path-jdk");
        String path = onPath.resolve("bin") + ":" + System.getenv("PATH");
        Run r = launch(Map.of("PATH", path));
        assertThat(r.status).as(r.err).isZero();
        assertThat(args(onPath)).containsExactly("-Xss16m", "-jar",
                dir.resolve("repo/cli/target/mmsim.jar").toString(), "run", "--help");
    }

    @Test
    void aJavaHomeWithoutJavaIsOneLine() throws Exception {
        Run r = launch(Map.of("JAVA_HOME", dir.resolve("nowhere").toString()));
        assertThat(r.status).isEqualTo(2);
        assertThat(r.err.strip()).startsWith("mmsim: JAVA_HOME is ").doesNotContain("\n");
    }

    /** A bin/java that writes its arguments, one a line, to args.txt beside bin/. */
    private Path fakeJava(String name) throws IOException {
        Path home = dir.resolve(name);
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"" + home.resolve("args.txt")
                + "\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static List<String> args(Path home) throws IOException {
        return Files.readAllLines(home.resolve("args.txt"), StandardCharsets.UTF_8);
    }

    private Run launch(Map<String, String> env) throws Exception {
        Path repo = dir.resolve("repo");
        Path launcher = repo.resolve("mmsim");
        Files.createDirectories(repo.resolve("cli/target"));
        Files.copy(Path.of("../mmsim"), launcher);
        Files.writeString(repo.resolve("cli/target/mmsim.jar"), "stand-in", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "run", "--help");
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("MMSIM_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Run(int status, String err) {
    }
}
