package org.mmsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;

class SparkSweepMainTest {
    @Test
    void theJvmOptionsTheLauncherPassesIncludeEveryOneSparkSubmitPasses() throws Exception {
        String options;
        try (InputStream in = SparkSweepMain.class.getResourceAsStream("jvm-options.txt")) {
            options = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> words = Arrays.asList(options.strip().split("\\s+"));
        assertThat(words).contains("-Xss16m").containsAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    }

    @Test
    void incompleteArgumentsAreRefusedWithStatusTwo() throws Exception {
        assertThat(SparkSweepMain.run("study.yaml", "--master", "local[1]")).isEqualTo(2);
        assertThat(SparkSweepMain.run("study.yaml", "--out", "x", "--master", "local[1]", "extra")).isEqualTo(2);
    }

    @Test
    void aUsersMistakeInATaskIsFoundInTheJobsFailure() {
        InputError mistake = new InputError("s.yaml: vm.swappiness=300: out of range");
        assertThat(SparkSweepMain.inputError(new SparkException("Job aborted", mistake))).isSameAs(mistake);
        assertThat(SparkSweepMain.inputError(new SparkException("Job aborted", new IllegalStateException()))).isNull();
    }
}
