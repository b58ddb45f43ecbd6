package org.mmsim.web.run;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mmsim.web.ApiClient;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;

/** A run started, stepped to its end and read back frame by frame through the API, one session. */
class RunRoutesTest {

    @Test
    void aRunStepsToItsEndAndKeepsItsFrames() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0))) {
            server.start();
            ApiClient c = new ApiClient(server.url());
            assertThat(c.post("/api/run/step", "{\"by\":\"1s\"}").status()).isEqualTo(409);
            assertThat(c.post("/api/run/start", "{\"scenario\":\"default\"}").status()).isEqualTo(200);
            JsonNode s = c.post("/api/run/step", "{\"by\":\"1s\"}").json();
            assertThat(s.get("nowNs").asLong()).isEqualTo(1_000_000_000L);
            JsonNode end = c.post("/api/run/step", "{\"by\":\"end\"}").json();
            assertThat(end.get("finished").asBoolean()).isTrue();
            assertThat(end.get("nowNs").asLong()).isEqualTo(end.get("durationNs").asLong());
            JsonNode frames = c.get("/api/run/frames").json();
            assertThat(frames.get(0).get("label").asText()).isEqualTo("start");
            assertThat(frames.get(frames.size() - 1).get("label").asText()).isEqualTo("end");
            ApiClient other = new ApiClient(server.url());
            assertThat(other.get("/api/run/frames").status()).isEqualTo(409);
        }
    }
}
