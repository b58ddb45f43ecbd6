package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.arch.InputError;

class SparkSweepLauncherTest {
    @TempDir
    Path repo;

    private Path write(String path, String text, long mtime) throws Exception {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
        return p;
    }

    private void built() throws Exception {
        write("spark/pom.xml", "<project/>", 1000);
        write("spark/src/main/java/org/mmsim/spark/SparkSweepMain.java", "class A {}", 1000);
        write("spark/target/classes/org/mmsim/spark/jvm-options.txt",
                "-Xss16m\n --add-opens=java.base/java.nio=ALL-UNNAMED\n", 2000);
        write("spark/target/classpath.txt", "/m2/spark-core.jar:/m2/study.jar\n", 2000);
    }

    @Test
    void theJobRunsInAJvmWithSparksOptionsAndTheModulesClasspath() throws Exception {
        built();
        List<String> command = SparkSweepLauncher.command(repo, Path.of("s.yaml"), Path.of("out"), "local[2]");

        assertThat(command.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command.subList(1, 3)).containsExactly("-Xss16m", "--add-opens=java.base/java.nio=ALL-UNNAMED");
        assertThat(command.subList(command.size() - 8, command.size())).containsExactly("-cp",
                repo.resolve("spark/target/classes") + ":/m2/spark-core.jar:/m2/study.jar",
                "org.mmsim.spark.SparkSweepMain", "s.yaml", "--out", "out", "--master", "local[2]");
    }

    @Test
    void theModuleIsBuiltWhenAbsentOrOlderThanASourceButNotForAFileOfABuild() throws Exception {
        write("spark/pom.xml", "<project/>", 1000);
        assertThat(SparkSweepLauncher.stale(repo)).isTrue();
        built();
        assertThat(SparkSweepLauncher.stale(repo)).isFalse();
        write("cli/target/classes/Generated.java", "class G {}", 3000);
        write("testdata/oracle/Case.java", "class C {}", 3000);
        assertThat(SparkSweepLauncher.stale(repo)).isFalse();
        write("study/src/main/resources/scenarios/x.yaml", "name: x", 3000);
        assertThat(SparkSweepLauncher.stale(repo)).isTrue();
    }

    @Test
    void theSourceTreeIsTheOneOfTheJarAndAJarOutsideOneIsToldToUseSparkSubmit() throws Exception {
        write("spark/pom.xml", "<project/>", 1000);
        assertThat(SparkSweepLauncher.repository(repo.resolve("cli/target/mmsim.jar"))).isEqualTo(repo);
        assertThatThrownBy(() -> SparkSweepLauncher.repository(repo.resolve("lib/x/y/mmsim.jar")))
                .isInstanceOf(InputError.class).hasMessageContaining("spark-submit");
    }
}
