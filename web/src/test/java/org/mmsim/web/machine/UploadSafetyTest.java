package org.mmsim.web.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mmsim.web.ApiClient;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.mmsim.web.views.Views;

/**
 * Uploads at the explorer's edge: a file over 16 MiB is refused with 413, a file name that climbs out of a folder
 * writes nothing anywhere, and malformed YAML, as a machine file or as an edited scenario, is one 400 line naming
 * its line. After each the server goes on serving.
 */
class UploadSafetyTest {

    @Test
    void aDmesgOver16MiBIsRefused() {
        try (ExplorerServer server = started()) {
            ApiClient c = new ApiClient(server.url());
            String big = "x".repeat((int) ExploreSettings.UPLOAD_LIMIT + 4096);
            ApiClient.Answer a = c.post("/api/machine/boot/dmesg", new Multipart().file("file", "dmesg", big).bytes(),
                    Multipart.TYPE);
            assertThat(a.status()).as(a.body()).isEqualTo(413);
            assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(c.get("/api/machine/presets").status()).isEqualTo(200);
        }
    }

    @Test
    void aChunkedUploadOver16MiBWithoutALengthIsRefusedToo() {
        try (ExplorerServer server = started()) {
            ApiClient c = new ApiClient(server.url());
            byte[] body = new Multipart().file("file", "dmesg", "x".repeat((int) ExploreSettings.UPLOAD_LIMIT + 4096))
                    .bytes();
            ApiClient.Answer a = c.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.url() + "api/machine/boot/dmesg")).header("Content-Type", Multipart.TYPE)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(body))).build());
            assertThat(a.status()).as(a.body()).isEqualTo(413);
            assertThat(c.get("/api/machine/presets").status()).isEqualTo(200);
        }
    }

    @Test
    void anUploadNamedToClimbOutWritesNothingOutside() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (ExplorerServer server = started()) {
            ApiClient c = new ApiClient(server.url());
            for (String name : new String[] {"../../../../tmp/mmsim-upload-escape", "/tmp/mmsim-upload-escape",
                "..\\..\\mmsim-upload-escape", "%2e%2e%2fmmsim-upload-escape"}) {
                ApiClient.Answer a = c.post("/api/machine/boot/file",
                        new Multipart().file("file", name, "name: escape\n").bytes(), Multipart.TYPE);
                assertThat(a.status()).as(name).isBetween(200, 499);
                assertThat(a.body()).doesNotContain("Exception");
            }
            try (Stream<Path> files = Files.list(tmp)) {
                assertThat(files.filter(p -> p.getFileName().toString().contains("mmsim-upload-escape"))).isEmpty();
            }
            assertThat(Files.exists(Path.of("/tmp/mmsim-upload-escape"))).isFalse();
        }
    }

    @Test
    void malformedYamlIsOneLineWithItsLine() {
        try (ExplorerServer server = started()) {
            ApiClient c = new ApiClient(server.url());
            ApiClient.Answer machine = c.post("/api/machine/boot/file",
                    new Multipart().file("file", "m.yaml", "name: m\narch: [x86_64\n").bytes(), Multipart.TYPE);
            assertThat(machine.status()).isEqualTo(400);
            assertThat(machine.json().get("error").asText()).startsWith("m.yaml:").doesNotContain("\n");
            ApiClient.Answer scenario = c.post("/api/run/start",
                    "{\"yaml\": \"name: s\\nmachine: x86_64-1G\\nduration: {oops\\n\"}");
            assertThat(scenario.status()).isEqualTo(400);
            assertThat(scenario.json().get("error").asText()).containsPattern(":\\d+:").doesNotContain("\n");
            assertThat(c.get("/api/health").status()).isEqualTo(200);
        }
    }

    private static ExplorerServer started() {
        ExplorerServer s = Views.server(ExploreSettings.defaults().withPort(0));
        s.start();
        return s;
    }
}
