package org.mmsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mmsim} command line: one subcommand per front-end job. */
@Command(name = "mmsim", mixinStandardHelpOptions = true, version = "mmsim 0.1.0",
        description = "The Linux 6.1 memory manager as an executable model.",
        subcommands = {
            CommandLine.HelpCommand.class,
            BootCommand.class,
            AllocDemoCommand.class,
            AnalyzeCommand.class,
            LayoutCommand.class,
            TranslateCommand.class,
            WalkCommand.class,
            RunCommand.class,
        })
public final class Mmsim implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int status;
        try {
            status = execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("mmsim: the Java heap is too small for this machine's memory map (about one byte per"
                    + " simulated page): run with a larger heap, e.g. MMSIM_JAVA_OPTS=-Xmx16g ./mmsim ...");
            status = 2;
        }
        System.exit(status);
    }

    /** picocli's message on one line; an unknown word before any command is named as an unknown command. */
    private static String oneLine(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && u.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", u.getCommandLine().getSubcommands().keySet()) + ")";
        }
        String m = ex.getMessage() == null ? "bad arguments" : ex.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    /** Runs the command line and returns its exit status (2 for a user's mistake). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Mmsim());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("mmsim: " + oneLine(ex));
            return 2;
        });
        return cl.execute(args);
    }
}
