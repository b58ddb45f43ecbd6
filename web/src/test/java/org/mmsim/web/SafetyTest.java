package org.mmsim.web;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The explorer's edge: static routes that cannot be made to leave the page's folder, an upload over 16 MiB
 * refused, malformed JSON answered with one line, the limit of live simulations, idle sessions freed, and one
 * session unable to see or stop another's run. After every refusal the server goes on serving.
 */
class SafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/css/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/webjars/../../../../etc/passwd", "/webjars/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
        "/etc/passwd", "/file:///etc/passwd", "/..%5c..%5c..%5cetc%5cpasswd", "/%252e%252e/%252e%252e/etc/passwd",
        "/org/mmsim/web/ExplorerServer.class", "/../org/mmsim/web/ExplorerServer.class",
        "/%2e%2e/META-INF/MANIFEST.MF", "/views/../../../../../etc/passwd"})
    void staticRoutesCannotTraverse(String path) throws IOException {
        try (ExplorerServer server = started(ExploreSettings.defaults())) {
            String answer = raw(server.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).as(answer).isBetween(400, 499);
            assertThat(answer).doesNotContain("root:").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(new ApiClient(server.url()).get("/index.html").status()).isEqualTo(200);
        }
    }

    @Test
    void anUploadOver16MiBIsRefusedAndTheServerGoesOn() {
        try (ExplorerServer server = started(ExploreSettings.defaults())) {
            ApiClient c = new ApiClient(server.url());
            byte[] big = new byte[(int) ExploreSettings.UPLOAD_LIMIT + 1024];
            java.util.Arrays.fill(big, (byte) ' ');
            big[0] = '{';
            big[big.length - 1] = '}';
            ApiClient.Answer a = c.post("/api/run/start", big, "application/json");
            assertThat(a.status()).isEqualTo(413);
            assertThat(a.body()).doesNotContain("Exception");
            assertThat(c.get("/api/health").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{bad", "[1,2]", "\"text\"", "", "{\"scenario\": 7}", "{\"scenario\": \"no-such\"}",
        "{\"scenario\": \"default\"", "\u0000\u0001", "{\"scenario\": \"../../etc/passwd\"}"})
    void malformedRequestsGetOne400Line(String body) {
        try (ExplorerServer server = started(ExploreSettings.defaults())) {
            ApiClient c = new ApiClient(server.url());
            ApiClient.Answer a = c.post("/api/run/start", body);
            assertThat(a.status()).as(a.body()).isEqualTo(400);
            String error = a.json().get("error").asText();
            assertThat(error).isNotBlank().doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(c.get("/api/health").status()).isEqualTo(200);
        }
    }

    @Test
    void theLimitOfLiveSimulationsHoldsAcrossSessionsAndFreesWithAStop() {
        try (ExplorerServer server = started(ExploreSettings.defaults().withMaxSimulations(2))) {
            ApiClient a = new ApiClient(server.url());
            ApiClient b = new ApiClient(server.url());
            ApiClient c = new ApiClient(server.url());
            assertThat(a.post("/api/run/start", "{\"scenario\":\"default\"}").status()).isEqualTo(200);
            assertThat(b.post("/api/run/start", "{\"scenario\":\"default\"}").status()).isEqualTo(200);
            ApiClient.Answer refused = c.post("/api/run/start", "{\"scenario\":\"default\"}");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("error").asText()).contains("at most 2");
            assertThat(a.post("/api/run/start", "{\"scenario\":\"default\"}").status())
                    .as("a session replacing its own run takes no new place").isEqualTo(200);
            assertThat(server.sessions().liveSimulations()).isEqualTo(2);
            assertThat(a.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "api/session/run"))
                    .DELETE().build()).status()).isEqualTo(200);
            assertThat(c.post("/api/run/start", "{\"scenario\":\"default\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void anIdleSessionsRunIsFreed() throws InterruptedException {
        try (ExplorerServer server = started(ExploreSettings.defaults().withIdleTimeout(Duration.ofMillis(1500)))) {
            ApiClient a = new ApiClient(server.url());
            assertThat(a.post("/api/run/start", "{\"scenario\":\"default\"}").status()).isEqualTo(200);
            assertThat(server.sessions().liveSimulations()).isEqualTo(1);
            assertThat(a.post("/api/run/step", "{\"by\":\"sideways\"}").status())
                    .as("a refused request ends too, so it leaves the session idle").isEqualTo(400);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (server.sessions().liveSimulations() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.sessions().liveSimulations()).isZero();
            assertThat(server.sessions().sessions()).isZero();
            assertThat(a.get("/api/run/frames").status()).isEqualTo(409);
        }
    }

    @Test
    void oneSessionCannotSeeOrStopAnothersRun() {
        try (ExplorerServer server = started(ExploreSettings.defaults())) {
            ApiClient a = new ApiClient(server.url());
            ApiClient b = new ApiClient(server.url());
            assertThat(a.post("/api/run/start", "{\"scenario\":\"default\"}").status()).isEqualTo(200);
            assertThat(a.post("/api/run/step", "{\"by\":\"1s\"}").status()).isEqualTo(200);
            assertThat(b.get("/api/run/frames").status()).isEqualTo(409);
            assertThat(b.post("/api/run/step", "{\"by\":\"end\"}").status()).isEqualTo(409);
            b.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "api/session/run"))
                    .DELETE().build());
            ApiClient forged = new ApiClient(server.url());
            ApiClient.Answer f = forged.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.url() + "api/run/frames"))
                    .header("Cookie", Sessions.COOKIE + "=0123456789abcdef0123456789abcdef").GET().build());
            assertThat(f.status()).isEqualTo(409);
            assertThat(a.get("/api/run/frames").json().size()).isGreaterThan(1);
            assertThat(a.get("/api/run/frame/0").json().get("timeNs").asLong()).isZero();
        }
    }

    private static ExplorerServer started(ExploreSettings settings) {
        ExplorerServer s = Views.server(settings.withPort(0));
        s.start();
        return s;
    }

    /** Sends a request line exactly as written (no client normalising the path) and reads the whole answer. */
    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
