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
            ReplayCommand.class,
            SysctlCommand.class,
            SweepCommand.class,
            ExploreCommand.class,
            QueryCommand.class,
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
            String input = machineInput(args);
            System.err.println("mmsim: " + (input == null ? "" : input + ": ") + "the Java heap ("
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB) is too small for this machine's memory map"
                    + " (about one byte per simulated page): run with a larger heap, e.g. MMSIM_JAVA_OPTS=-Xmx16g"
                    + " ./mmsim ...");
            status = 2;
        }
        System.exit(status);
    }

    /** The machine the arguments name (--machine, --from-dmesg, or a run's scenario), or null. */
    static String machineInput(String[] args) {
        for (int i = 0; i < args.length; i++) {
            for (String option : new String[] {"--machine", "--from-dmesg"}) {
                if (args[i].equals(option) && i + 1 < args.length) {
                    return args[i + 1];
                }
                if (args[i].startsWith(option + "=")) {
                    return args[i].substring(option.length() + 1);
                }
            }
        }
        if (args.length > 1 && args[0].equals("run") && !args[1].startsWith("-")) {
            return args[1];
        }
        return null;
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
