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
            status = 1;
        }
        System.exit(status);
    }

    /** Runs the command line and returns its exit status (2 for a user's mistake). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Mmsim());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("mmsim: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }
}
