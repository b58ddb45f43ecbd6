package org.mmsim.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The explorer's built-in scenarios never come from the disk: a file named like a built-in in the server's working
 * directory is not read (the command line's {@code mmsim run default} would read it).
 */
class BuiltinNeverAFileTest {

    @Test
    void aFileNamedLikeABuiltinIsNotRead() throws IOException {
        Path decoy = Path.of("default");
        Files.writeString(decoy, "this: [is not a scenario\n");
        try {
            RunSession run = RunSession.builtin("default");
            assertThat(run.scenario().sourceFile()).isEqualTo("scenario:default");
            run.close();
        } finally {
            Files.delete(decoy);
        }
    }
}
