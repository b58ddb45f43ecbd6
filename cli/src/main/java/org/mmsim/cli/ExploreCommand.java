package org.mmsim.cli;

import org.mmsim.web.views.Views;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mmsim.arch.InputError;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmsim explore}: starts the live web explorer ({@link ExplorerServer}) and prints its URL. It listens on
 * 127.0.0.1 unless {@code --bind} says otherwise, and then warns that the machine's network can reach it. It
 * serves until interrupted (Ctrl-C).
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Explore the model in a browser: machines, runs, the buddy allocator, processes, comparisons.")
final class ExploreCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "the port to listen on (default ${DEFAULT-VALUE}; 0: any free one)")
    int port = 7070;

    @Option(names = "--bind", paramLabel = "ADDR", description = "the address to listen on (default ${DEFAULT-VALUE})")
    String bind = "127.0.0.1";

    @Option(names = "--max-simulations", paramLabel = "N",
            description = "live simulations at most, over all sessions (default ${DEFAULT-VALUE})")
    int maxSimulations = 32;

    @Option(names = "--idle-minutes", paramLabel = "M",
            description = "free a session's simulations after this many idle minutes (default ${DEFAULT-VALUE})")
    int idleMinutes = 10;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw InputError.at("--port", 0, port + " is not a port (0..65535)");
        }
        if (maxSimulations < 1) {
            throw InputError.at("--max-simulations", 0, "must be at least 1, not " + maxSimulations);
        }
        if (idleMinutes < 1) {
            throw InputError.at("--idle-minutes", 0, "must be at least 1, not " + idleMinutes);
        }
        ExploreSettings settings = ExploreSettings.defaults().withPort(port).withBind(bind)
                .withMaxSimulations(maxSimulations).withIdleTimeout(Duration.ofMinutes(idleMinutes));
        ExplorerServer server = Views.server(settings);
        try {
            server.start();
        } catch (RuntimeException e) {
            throw InputError.at("--bind/--port", 0, "cannot listen on " + bind + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        if (!settings.loopback()) {
            System.err.println("mmsim: warning: listening on " + bind + ", reachable from other machines; "
                    + "the explorer has no login");
        }
        System.out.println("mmsim explore: open " + server.url() + " (Ctrl-C stops it)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
