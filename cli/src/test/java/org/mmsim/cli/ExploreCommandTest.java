package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code mmsim explore}'s options: a wrong one, or a port already taken, is one line and exit status 2. */
class ExploreCommandTest {

    @Test
    void aPortOutOfRangeIsOneLine() {
        CliRun r = CliRun.of("explore", "--port", "99999");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mmsim: --port: 99999 is not a port (0..65535)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void tooFewSimulationsOrIdleMinutesAreOneLine() {
        assertThat(CliRun.of("explore", "--max-simulations", "0").err())
                .isEqualTo("mmsim: --max-simulations: must be at least 1, not 0\n");
        assertThat(CliRun.of("explore", "--idle-minutes", "0").err())
                .isEqualTo("mmsim: --idle-minutes: must be at least 1, not 0\n");
    }

    @Test
    void aPortInUseIsOneLineNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun r = CliRun.of("explore", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).startsWith("mmsim: --bind/--port: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasLineCount(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
