package org.mmsim.web.process;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.vm.WalkLevel;
import org.mmsim.vm.WalkTrace;
import org.mmsim.web.Browser;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.mmsim.web.run.RunSession;
import org.mmsim.workload.SimulationView;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The process view in Chromium: the browser's session starts a built-in run and steps it through the run API,
 * the test runs the same built-in to the same moment (the model is deterministic), and what the page shows (the
 * VMA table, the walk's levels and entries, a copy-on-write shared page after fork, a swap entry) is checked
 * against the test's live view.
 */
class ProcessViewTest {
    private static final long S = 1_000_000_000L;

    @Test
    void vmaTableAndWalksOfACopyOnWritePageAndASwapEntry() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            b.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            b.openView(server.url(), "machine");
            startRun(b, "processes", 3);
            RunSession model = RunSession.builtin("processes");
            model.runUntil(3 * S);
            SimulationView.ProcessInfo child = model.withLive(v -> v.processes().stream()
                    .filter(p -> p.name().startsWith("server-child")).findFirst().orElseThrow());
            b.openView(server.url(), "process");
            assertThat(b.await("#process-moment").getText()).contains("present moment, t = 3.000 s");
            b.await("#process-list tr[data-pid='" + child.pid() + "']").click();
            b.await("#vma-table");

            String maps = model.withLive(v -> v.processFiles().get(child.pid() + "/maps"));
            List<ModelMaps.Line> lines = ModelMaps.lines(maps);
            List<WebElement> rows = b.driver().findElements(By.cssSelector("#vma-table tr.vma"));
            List<ModelMaps.Line> shown = new ArrayList<>();
            for (WebElement r : rows) {
                shown.add(new ModelMaps.Line(r.getAttribute("data-start"), r.getAttribute("data-end"),
                        r.getAttribute("data-perms"), r.getAttribute("data-offset"), r.getAttribute("data-name")));
            }
            assertThat(shown).isEqualTo(lines);

            List<Long> rss = ModelMaps.rssKb(model.withLive(v -> v.processFiles().get(child.pid() + "/smaps")));
            int mapped = rss.indexOf(rss.stream().filter(k -> k > 0).findFirst().orElseThrow());
            rows.get(mapped).findElement(By.cssSelector("a.walk-addr")).click();
            String start = "0x" + lines.get(mapped).start();
            b.await("#walk-end[data-address='" + start + "']");
            assertWalkShown(b, model.withLive(v -> v.pageTableTrace(child.pid(), Long.parseLong(lines.get(mapped)
                    .start(), 16))));

            b.find("#find-cow").click();
            WebElement cow = b.await("#walk-end[data-cow='true']");
            long cowAddr = Long.parseUnsignedLong(cow.getAttribute("data-address").substring(2), 16);
            WalkTrace cowWalk = model.withLive(v -> v.pageTableTrace(child.pid(), cowAddr));
            assertThat(cowWalk.cowShared()).isTrue();
            assertWalkShown(b, cowWalk);
            assertThat(cow.getText()).contains("Copy-on-write shared").contains("mapped " + cowWalk.mapcount());
            b.screenshot("process-walk");

            b.openView(server.url(), "machine");
            startRun(b, "default", 17);
            RunSession swapModel = RunSession.builtin("default");
            swapModel.runUntil(17 * S);
            SimulationView.ProcessInfo swapped = swapModel.withLive(v -> v.processes().stream()
                    .filter(p -> p.swapPages() > 0).findFirst().orElseThrow());
            b.openView(server.url(), "process");
            b.await("#process-list tr[data-pid='" + swapped.pid() + "']").click();
            b.await("#find-swap").click();
            WebElement swap = b.await("#walk-end[data-end='swap']");
            long swapAddr = Long.parseUnsignedLong(swap.getAttribute("data-address").substring(2), 16);
            WalkTrace swapWalk = swapModel.withLive(v -> v.pageTableTrace(swapped.pid(), swapAddr));
            assertThat(swapWalk.end()).isEqualTo("swap");
            assertWalkShown(b, swapWalk);
            WalkLevel leaf = swapWalk.levels().get(swapWalk.levels().size() - 1);
            assertThat(swap.getText()).contains("swap type " + leaf.swapType() + ", offset " + leaf.swapOffset());
            List<WebElement> levels = b.driver().findElements(By.cssSelector("#walk-levels tbody tr"));
            X86Entry e = X86Entry.parse(levels.get(levels.size() - 1).getAttribute("data-entry"));
            assertThat(e.present()).isFalse();
            assertThat(List.of(e.swapType(), e.swapOffset())).isEqualTo(List.of(leaf.swapType(), leaf.swapOffset()));
            b.screenshot("process-swap");
        }
    }

    /** The page's walk table rows equal the model's levels: name, index and entry value. */
    private static void assertWalkShown(Browser b, WalkTrace model) {
        List<String> expected = new ArrayList<>();
        for (WalkLevel l : model.levels()) {
            expected.add(l.level() + " " + l.index() + " " + String.format("0x%016x", l.entry()));
        }
        List<String> shown = new ArrayList<>();
        for (WebElement tr : b.driver().findElements(By.cssSelector("#walk-levels tbody tr"))) {
            shown.add(tr.getAttribute("data-level") + " " + tr.getAttribute("data-index") + " "
                    + tr.getAttribute("data-entry"));
            assertThat(tr.findElements(By.tagName("td")).get(2).getText()).isEqualTo(tr.getAttribute("data-entry"));
        }
        assertThat(shown).isEqualTo(expected);
    }

    /** Starts a built-in run in the browser's session and steps it by whole seconds, as the run view would. */
    private static void startRun(Browser b, String scenario, int seconds) {
        Object r = ((JavascriptExecutor) b.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const post = (p, body) => fetch(p, {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify(body)}).then(x => { if (!x.ok) throw new Error(p + ' ' + x.status); });"
                + "(async () => { await post('/api/run/start', {scenario: arguments[0]});"
                + " for (let i = 0; i < arguments[1]; i++) await post('/api/run/step', {by: '1s'});"
                + " done('ok'); })().catch(e => done(String(e)));", scenario, seconds);
        assertThat(r).isEqualTo("ok");
    }
}
