package org.mmsim.web.run;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.model.BuddyInfoModel;
import org.mmsim.web.Browser;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.mmsim.web.Routes;
import org.mmsim.web.views.Views;
import org.mmsim.workload.scenario.ScenarioFile;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The run view in headless Chromium: the default scenario started and run to its end with the page's buttons;
 * the buddyinfo the page shows equals the live model's, read through {@link RunSession#withLive} and rendered by
 * proc's renderer (a probe route of this test, in the browser's session); scrubbing back to frame 0 shows the start
 * again; a chart has a point per frame; a YAML mistake marks its line.
 */
class RunViewBrowserTest {
    /** The live model's buddyinfo in the requesting session's run, as proc renders it. */
    private static final Routes PROBE = (app, sessions) -> app.get("/test/run/buddyinfo", ctx -> {
        RunSession run = sessions.of(ctx).simulation(RunSession.SLOT, RunSession.class, "no run");
        String text = run.withLive(v -> BuddyInfoFormat.render(BuddyInfoModel.of(v.booted().machine())));
        ctx.result(text);
    });

    private static String liveBuddyinfo(Browser b) {
        return (String) ((JavascriptExecutor) b.driver()).executeAsyncScript("const done = arguments[0];"
                + " fetch('/test/run/buddyinfo').then(r => r.text()).then(done)");
    }

    private static String js(Browser b, String expression) {
        Object v = ((JavascriptExecutor) b.driver()).executeScript("return " + expression);
        return v == null ? null : v.toString();
    }

    private static String shown(Browser b) {
        return js(b, "document.getElementById('proc-text').textContent");
    }

    @Test
    void theDefaultScenarioRunsToItsEndAndScrubsBackToItsStart() {
        List<Routes> routes = new ArrayList<>(Views.all());
        routes.add(PROBE);
        try (ExplorerServer server = ExplorerServer.create(ExploreSettings.defaults().withPort(0), routes);
                Browser b = Browser.open()) {
            server.start();
            b.openView(server.url(), "run");
            new Select(b.await("#scenario option[value=default]").findElement(
                    org.openqa.selenium.By.xpath(".."))).selectByValue("default");
            b.waitFor(d -> js(b, "document.getElementById('yaml').value").contains("name: default"));
            b.find("#start").click();
            b.await("#proc-text[data-frame='0'][data-file=buddyinfo]");
            String start = liveBuddyinfo(b);
            assertThat(shown(b)).isEqualTo(start);
            b.screenshot("run-start");

            new Select(b.find("#speed")).selectByValue("1s");
            b.find("#play").click();
            b.waitFor(d -> Integer.parseInt(b.find("#run-controls").getAttribute("data-frames")) >= 4);
            b.find("#pause").click();
            b.await("#run-controls[data-playing=false]");
            assertThat(b.find("#run-controls").getAttribute("data-finished")).isEqualTo("false");

            b.find("#run-end").click();
            b.await("#run-controls[data-finished=true]");
            int frames = Integer.parseInt(b.find("#run-controls").getAttribute("data-frames"));
            b.await("#proc-text[data-frame='" + (frames - 1) + "'][data-file=buddyinfo]");
            String end = liveBuddyinfo(b);
            assertThat(end).isNotEqualTo(start);
            assertThat(shown(b)).isEqualTo(end);
            assertThat(b.find("#chart-free-orders").getAttribute("data-points")).isEqualTo(String.valueOf(frames));
            assertThat(frames).isGreaterThan(20);
            b.screenshot("run-end");
            ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('run-charts').scrollIntoView()");
            b.screenshot("run-end-charts");
            ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('proc-text').scrollIntoView()");
            b.screenshot("run-end-proc");

            ((JavascriptExecutor) b.driver()).executeScript("const s = document.getElementById('scrub');"
                    + " s.value = 0; s.dispatchEvent(new Event('input'));");
            b.await("#proc-text[data-frame='0'][data-file=buddyinfo]");
            assertThat(shown(b)).isEqualTo(start);
            assertThat(b.find("#chart-watermarks").getAttribute("data-points")).isEqualTo("1");
            assertThat(b.find("#frame-info").getText()).startsWith("frame 0 of " + frames);
        }
    }

    @Test
    void aYamlMistakeMarksItsLineInTheEditor() throws IOException {
        String text;
        try (InputStream in = ScenarioFile.class.getResourceAsStream("/scenarios/default.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int hzLine = text.lines().toList().indexOf("hz: 250") + 1;
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            b.openView(server.url(), "run");
            b.waitFor(d -> js(b, "document.getElementById('yaml').value").contains("name: "));
            ((JavascriptExecutor) b.driver()).executeScript("const a = document.getElementById('yaml');"
                    + " a.value = arguments[0]; a.dispatchEvent(new Event('input'));", text.replace("hz: 250",
                    "hz: 251"));
            b.find("#start").click();
            b.await("#yaml-gutter .bad");
            assertThat(b.find("#yaml-gutter .bad").getAttribute("data-line")).isEqualTo(String.valueOf(hzLine));
            assertThat(b.find("#run-error").getText()).startsWith(ScenarioText.FILE + ":" + hzLine + ":");
            b.screenshot("run-yaml-error");
        }
    }
}
