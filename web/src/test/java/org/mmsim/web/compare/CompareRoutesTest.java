package org.mmsim.web.compare;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.web.ApiClient;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;

/**
 * Two runs of a built-in compared through the API: a larger vm.min_free_kbytes gives higher min watermarks, each
 * equal to what the model's boot computes for its setting; a bad word is one 400 line naming it.
 */
class CompareRoutesTest {
    static final String START = "{\"scenario\":\"processes\",\"a\":\"vm.min_free_kbytes=8192\","
            + "\"b\":\"vm.min_free_kbytes=65536\"}";

    @Test
    void aLargerMinFreeKbytesGivesTheBootsHigherWatermarks() throws InterruptedException {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0))) {
            server.start();
            ApiClient c = new ApiClient(server.url());
            assertThat(c.get("/api/compare/state").status()).isEqualTo(409);
            assertThat(c.post("/api/compare/start", START).status()).isEqualTo(200);
            JsonNode state = c.get("/api/compare/state").json();
            for (int i = 0; i < 300 && state.get("status").asText().equals("running"); i++) {
                Thread.sleep(100);
                state = c.get("/api/compare/state").json();
            }
            assertThat(state.get("status").asText()).isEqualTo("done");
            JsonNode r = c.get("/api/compare/result").json();
            Map<String, Long> a = shownMin(r.get("a"));
            Map<String, Long> b = shownMin(r.get("b"));
            assertThat(a).isEqualTo(BootWatermarks.min("processes", "vm.min_free_kbytes", "8192"));
            assertThat(b).isEqualTo(BootWatermarks.min("processes", "vm.min_free_kbytes", "65536"));
            for (String zone : a.keySet()) {
                assertThat(b.get(zone)).as(zone).isGreaterThan(a.get(zone));
            }
            assertThat(r.get("a").get("times").size()).isEqualTo(r.get("a").get("totalFree").size());
            assertThat(r.get("figures").size()).isPositive();
        }
    }

    @Test
    void mistakesAreOneLine400() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0))) {
            server.start();
            ApiClient c = new ApiClient(server.url());
            ApiClient.Answer bad = c.post("/api/compare/start",
                    "{\"scenario\":\"processes\",\"a\":\"\",\"b\":\"vm.swappiness=300\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").asText()).contains("run B").contains("vm.swappiness=300");
            ApiClient.Answer unknown = c.post("/api/compare/start",
                    "{\"scenario\":\"processes\",\"a\":\"vm.nothing=1\",\"b\":\"\"}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("error").asText()).contains("run A").contains("vm.nothing");
            ApiClient.Answer path = c.post("/api/compare/start",
                    "{\"scenario\":\"processes\",\"a\":\"machine=/etc/passwd\",\"b\":\"\"}");
            assertThat(path.status()).isEqualTo(400);
            assertThat(path.json().get("error").asText()).contains("preset");
            assertThat(c.post("/api/compare/start", "{\"scenario\":\"/etc/passwd\",\"a\":\"\",\"b\":\"\"}")
                    .status()).isEqualTo(400);
            assertThat(c.post("/api/compare/start", "{\"scenario\":\"processes\"}").status()).isEqualTo(400);
            assertThat(c.get("/api/compare/result").status()).isEqualTo(409);
            assertThat(server.sessions().liveSimulations()).isZero();
        }
    }

    /** The min watermark of every zone at the first sample, as the page's table shows it. */
    static Map<String, Long> shownMin(JsonNode side) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode z : side.get("zones")) {
            out.put(z.get("name").asText(), z.get("min").get(0).asLong());
        }
        return out;
    }
}
