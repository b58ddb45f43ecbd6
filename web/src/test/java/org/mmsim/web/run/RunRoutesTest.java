package org.mmsim.web.run;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.web.ApiClient;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.mmsim.web.Json;
import org.mmsim.workload.scenario.ScenarioFile;

/** A run started, stepped by every unit, scrubbed back and read frame by frame through the API, one session. */
class RunRoutesTest {

    private static ExplorerServer server() {
        ExplorerServer s = Views.server(ExploreSettings.defaults().withPort(0));
        s.start();
        return s;
    }

    private static String json(String field, String value) {
        return Json.MAPPER.createObjectNode().put(field, value).toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ScenarioFile.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRunStepsToItsEndAndKeepsItsFrames() {
        try (ExplorerServer server = server()) {
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
            JsonNode series = c.get("/api/run/series").json();
            assertThat(series.get("count").asInt()).isEqualTo(frames.size());
            assertThat(series.get("timeS").size()).isEqualTo(frames.size());
            assertThat(series.get("zones").get(0).get("nrFree").get(0).size()).isEqualTo(frames.size());
            assertThat(c.get("/api/run/series?upTo=2&from=1").json().get("timeS").size()).isEqualTo(2);
            ApiClient other = new ApiClient(server.url());
            assertThat(other.get("/api/run/frames").status()).isEqualTo(409);
        }
    }

    @Test
    void theBuiltInScenariosAreListedWithTheirDescriptionAndYaml() throws IOException {
        try (ExplorerServer server = server()) {
            ApiClient c = new ApiClient(server.url());
            JsonNode list = c.get("/api/run/scenarios").json();
            assertThat(list.size()).isEqualTo(ScenarioFile.builtins().size());
            assertThat(list.get(0).get("name").asText()).isEqualTo(ScenarioFile.builtins().get(0));
            assertThat(list.get(0).get("description").asText())
                    .isEqualTo(ScenarioFile.description(ScenarioFile.builtins().get(0)));
            assertThat(c.get("/api/run/scenario/default").json().get("text").asText())
                    .isEqualTo(resource("default"));
            assertThat(c.get("/api/run/scenario/..%2Fmachines%2Findex").status()).isEqualTo(404);
        }
    }

    @Test
    void everyStepUnitAdvancesTheRunByItsAmount() {
        try (ExplorerServer server = server()) {
            ApiClient c = new ApiClient(server.url());
            c.post("/api/run/start", json("scenario", "default"));
            long frames = c.get("/api/run/state").json().get("frames").asLong();
            JsonNode e = c.post("/api/run/step", json("by", "event")).json();
            assertThat(e.get("frames").asLong()).isEqualTo(frames + 1);
            long lastEvents = c.get("/api/run/frame/" + (frames)).json().get("events").asLong();
            assertThat(lastEvents).isEqualTo(1);
            long now = e.get("nowNs").asLong();
            for (String[] unit : new String[][] {{"1ms", "1000000"}, {"10ms", "10000000"}, {"100ms", "100000000"},
                    {"1s", "1000000000"}}) {
                JsonNode s = c.post("/api/run/step", json("by", unit[0])).json();
                assertThat(s.get("nowNs").asLong()).as(unit[0]).isEqualTo(now + Long.parseLong(unit[1]));
                now = s.get("nowNs").asLong();
            }
            ApiClient.Answer bad = c.post("/api/run/step", json("by", "2 weeks"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").asText()).contains("2 weeks");
            assertThat(c.get("/api/run/frame/x").status()).isEqualTo(400);
            assertThat(c.get("/api/run/frame/99999").status()).isEqualTo(404);
            assertThat(c.get("/api/run/proc/passwd").status()).isEqualTo(404);
        }
    }

    @Test
    void anOldFrameComesBackUnchangedAfterTheRunMovesOn() {
        try (ExplorerServer server = server()) {
            ApiClient c = new ApiClient(server.url());
            c.post("/api/run/start", json("scenario", "default"));
            c.post("/api/run/step", json("by", "1s"));
            int old = c.get("/api/run/state").json().get("frames").asInt() - 1;
            String frame = c.get("/api/run/frame/" + old).body();
            String buddy = c.get("/api/run/proc/buddyinfo?frame=" + old).json().get("text").asText();
            String zoneinfo = c.get("/api/run/proc/zoneinfo?frame=" + old).json().get("text").asText();
            for (int i = 0; i < 3; i++) {
                c.post("/api/run/step", json("by", "1s"));
            }
            assertThat(c.get("/api/run/proc/buddyinfo").json().get("text").asText()).isNotEqualTo(buddy);
            assertThat(c.get("/api/run/frame/" + old).body()).isEqualTo(frame);
            assertThat(c.get("/api/run/proc/buddyinfo?frame=" + old).json().get("text").asText()).isEqualTo(buddy);
            assertThat(c.get("/api/run/proc/zoneinfo?frame=" + old).json().get("text").asText()).isEqualTo(zoneinfo);
        }
    }

    @Test
    void editedYamlRunsAndItsMistakesNameTheirLine() throws IOException {
        try (ExplorerServer server = server()) {
            ApiClient c = new ApiClient(server.url());
            String text = resource("default");
            JsonNode edited = c.post("/api/run/start", json("yaml", text.replace("duration: 20s", "duration: 19s")))
                    .json();
            assertThat(edited.get("durationNs").asLong()).isEqualTo(19_000_000_000L);

            List<String> lines = text.lines().toList();
            int hzLine = lines.indexOf("hz: 250") + 1;
            ApiClient.Answer bad = c.post("/api/run/start", json("yaml", text.replace("hz: 250", "hz: 251")));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").asText()).startsWith(ScenarioText.FILE + ":" + hzLine + ": ");

            ApiClient.Answer broken = c.post("/api/run/start", json("yaml", text + "\n  : [\n"));
            assertThat(broken.status()).isEqualTo(400);
            assertThat(broken.json().get("error").asText()).matches(ScenarioText.FILE + ":\\d+: .*");
        }
    }

    @Test
    void aMachinePathInEditedYamlIsRefused() throws IOException {
        try (ExplorerServer server = server()) {
            ApiClient c = new ApiClient(server.url());
            String text = resource("default");
            int machineLine = text.lines().toList().indexOf("machine: x86_64-4G") + 1;
            for (String path : new String[] {"/etc/passwd", "../machines/x86_64-4G.yaml", "pom.xml"}) {
                ApiClient.Answer a = c.post("/api/run/start", json("yaml",
                        text.replace("machine: x86_64-4G", "machine: " + path)));
                assertThat(a.status()).as(path).isEqualTo(400);
                String error = a.json().get("error").asText();
                assertThat(error).startsWith(ScenarioText.FILE + ":" + machineLine + ": ").contains("preset")
                        .doesNotContain("\n");
            }
            assertThat(c.get("/api/run/state").status()).isEqualTo(409);
        }
    }

    @Test
    void aRunThatExhaustsMemoryNamesTheLineOfItsCause() {
        try (ExplorerServer server = server()) {
            ApiClient c = new ApiClient(server.url());
            String yaml = "machine: x86_64-1G\nduration: 1s\nsysctl:\n  vm.min_free_kbytes: 2147483647\n"
                    + "workload:\n  - slab: { rate: 100 }\n";
            ApiClient.Answer start = c.post("/api/run/start", json("yaml", yaml));
            ApiClient.Answer failed = start.status() == 200 ? c.post("/api/run/step", json("by", "end")) : start;
            assertThat(failed.status()).isEqualTo(400);
            assertThat(failed.json().get("error").asText())
                    .startsWith(ScenarioText.FILE + ":4: vm.min_free_kbytes=2147483647 leaves no memory");
            if (start.status() == 200) {
                assertThat(c.post("/api/run/step", json("by", "1ms")).status()).isEqualTo(409);
            }
        }
    }
}
