package org.mmsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Runs {@code mmsim} in-process and captures its exit status, stdout and stderr (for the CLI tests). The progress
 * lines a long run prints off a terminal every few wall-clock seconds ({@link ProgressLines}) are left out of
 * stderr: whether one appears depends on the machine's load, not on the command.
 */
record CliRun(int status, String out, String err) {
    private static final Pattern PROGRESS = Pattern.compile("(?m)^mmsim: simulated [0-9.]+ s of [0-9.]+ s \\([0-9]+%\\), wall [0-9]+ s\\R");

    static CliRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Mmsim.execute(args);
            return new CliRun(status, out.toString(StandardCharsets.UTF_8),
                    PROGRESS.matcher(err.toString(StandardCharsets.UTF_8)).replaceAll(""));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
