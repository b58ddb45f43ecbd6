package org.mmsim.web.process;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.vm.WalkLevel;
import org.mmsim.vm.WalkTrace;
import org.mmsim.web.ApiClient;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.mmsim.web.run.RunSession;
import org.mmsim.workload.SimulationView;

/**
 * The process view's API against the model: the server's run and the test's own run of the same built-in,
 * stepped to the same moment, are the same deterministic run, so what the server shows is checked against the
 * test's live view (its /proc/PID/maps parsed by the test, its walk through SimulationView.pageTableTrace), and
 * each entry's bits against the test's own decoding of the entry value. The swap entry is checked in
 * {@link ProcessViewTest}.
 */
class ProcessRoutesTest {
    private static final long S = 1_000_000_000L;

    @Test
    void processesVmasAndACopyOnWriteWalkAfterFork() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0))) {
            server.start();
            ApiClient c = new ApiClient(server.url());
            assertThat(c.get("/api/process/list").status()).isEqualTo(409);
            c.post("/api/run/start", "{\"scenario\":\"processes\"}");
            RunSession model = RunSession.builtin("processes");
            for (int s = 1; s <= 3; s++) {
                c.post("/api/run/step", "{\"by\":\"1s\"}");
                model.runUntil(s * S);
            }
            JsonNode list = c.get("/api/process/list").json();
            assertThat(list.get("timeNs").asLong()).isEqualTo(3 * S);
            List<SimulationView.ProcessInfo> procs = model.withLive(SimulationView::processes);
            assertThat(list.get("processes").size()).isEqualTo(procs.size());
            for (int i = 0; i < procs.size(); i++) {
                JsonNode p = list.get("processes").get(i);
                assertThat(p.get("pid").asInt()).isEqualTo(procs.get(i).pid());
                assertThat(p.get("name").asText()).isEqualTo(procs.get(i).name());
                assertThat(p.get("rssPages").asLong()).isEqualTo(procs.get(i).rssPages());
                assertThat(p.get("swapPages").asLong()).isEqualTo(procs.get(i).swapPages());
            }
            SimulationView.ProcessInfo parent = procs.stream().filter(p -> p.name().equals("server")).findFirst()
                    .orElseThrow();
            SimulationView.ProcessInfo child = procs.stream().filter(p -> p.name().startsWith("server-child"))
                    .findFirst().orElseThrow();

            JsonNode detail = c.get("/api/process/" + child.pid()).json();
            String maps = model.withLive(v -> v.processFiles().get(child.pid() + "/maps"));
            String smaps = model.withLive(v -> v.processFiles().get(child.pid() + "/smaps"));
            assertThat(detail.get("maps").asText()).isEqualTo(maps);
            List<ModelMaps.Line> lines = ModelMaps.lines(maps);
            List<Long> rss = ModelMaps.rssKb(smaps);
            assertThat(lines).isNotEmpty();
            assertThat(detail.get("vmas").size()).isEqualTo(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                JsonNode r = detail.get("vmas").get(i);
                ModelMaps.Line l = lines.get(i);
                assertThat(List.of(r.get("start").asText(), r.get("end").asText(), r.get("perms").asText(),
                        r.get("offset").asText(), r.get("name").asText()))
                        .isEqualTo(List.of(l.start(), l.end(), l.perms(), l.offset(), l.name()));
                assertThat(r.get("rssKb").asLong()).isEqualTo(rss.get(i));
            }

            JsonNode cow = c.get("/api/process/" + child.pid() + "/find?what=cow").json();
            long addr = Long.parseUnsignedLong(cow.get("address").asText().substring(2), 16);
            WalkTrace childWalk = model.withLive(v -> v.pageTableTrace(child.pid(), addr));
            assertShows(cow, childWalk);
            assertThat(cow.get("cowShared").asBoolean()).isTrue();
            X86Entry leaf = X86Entry.parse(cow.get("levels").get(cow.get("levels").size() - 1).get("entry").asText());
            assertThat(leaf.present()).isTrue();
            assertThat(leaf.bit(1)).as("write-protected").isFalse();
            assertThat(childWalk.mapcount()).isGreaterThan(1);

            JsonNode parentWalk = c.get("/api/process/" + parent.pid() + "/walk?addr=" + cow.get("address").asText())
                    .json();
            assertShows(parentWalk, model.withLive(v -> v.pageTableTrace(parent.pid(), addr)));
            assertThat(parentWalk.get("physAddr").asText()).as("the page parent and child share")
                    .isEqualTo(cow.get("physAddr").asText());
            X86Entry parentLeaf = X86Entry.parse(
                    parentWalk.get("levels").get(parentWalk.get("levels").size() - 1).get("entry").asText());
            assertThat(parentLeaf.bit(1)).as("write-protected in the parent too").isFalse();
            assertThat(parentWalk.get("cowShared").asBoolean()).as("the parent maps the same page, shared").isTrue();
        }
    }

    @Test
    void mistakesAreOneLine4xx() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0))) {
            server.start();
            ApiClient c = new ApiClient(server.url());
            c.post("/api/run/start", "{\"scenario\":\"processes\"}");
            c.post("/api/run/step", "{\"by\":\"1s\"}");
            int pid = c.get("/api/process/list").json().get("processes").get(0).get("pid").asInt();
            assertThat(c.get("/api/process/abc").status()).isEqualTo(400);
            assertThat(c.get("/api/process/99999").status()).isEqualTo(404);
            ApiClient.Answer bad = c.get("/api/process/" + pid + "/walk?addr=zz");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").asText()).contains("'zz'");
            assertThat(c.get("/api/process/" + pid + "/walk").status()).isEqualTo(400);
            assertThat(c.get("/api/process/" + pid + "/find?what=x").status()).isEqualTo(400);
        }
    }

    /** The shown walk has the model's levels: names, indices, entry values and the bits decoded from them. */
    static void assertShows(JsonNode shown, WalkTrace model) {
        assertThat(shown.get("end").asText()).isEqualTo(model.end());
        List<String> entries = new ArrayList<>();
        for (WalkLevel l : model.levels()) {
            entries.add(l.level() + "[" + l.index() + "]=" + String.format("0x%016x", l.entry()));
        }
        List<String> shownEntries = new ArrayList<>();
        for (JsonNode l : shown.get("levels")) {
            shownEntries.add(l.get("level").asText() + "[" + l.get("index").asInt() + "]=" + l.get("entry").asText());
            X86Entry e = X86Entry.parse(l.get("entry").asText());
            if (e.present()) {
                assertThat(l.get("rw").asBoolean()).isEqualTo(e.bit(1));
                assertThat(l.get("user").asBoolean()).isEqualTo(e.bit(2));
                assertThat(l.get("accessed").asBoolean()).isEqualTo(e.bit(5));
                assertThat(l.get("dirty").asBoolean()).isEqualTo(e.bit(6));
                assertThat(l.get("nx").asBoolean()).isEqualTo(e.bit(63));
            }
        }
        assertThat(shownEntries).isEqualTo(entries);
    }
}
