package org.mmsim.web;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page, its scripts and the chart library load from the jar, and every tab mounts its view. */
class PageShellTest {

    @Test
    void everyTabMountsAndTheChartLibraryLoadsFromTheJar() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            for (String view : new String[] {"machine", "run", "buddy", "process", "compare"}) {
                b.openView(server.url(), view);
                assertThat(b.find("#tab-" + view).getAttribute("class")).contains("active");
            }
            Object uplot = ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "return typeof uPlot");
            assertThat(uplot).isEqualTo("function");
        }
    }

    @Test
    void unknownApiPathsAnswer404WithOneLine() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0))) {
            server.start();
            ApiClient.Answer a = new ApiClient(server.url()).get("/api/nothing-here");
            assertThat(a.status()).isEqualTo(404);
            assertThat(a.json().get("error").asText()).contains("/api/nothing-here");
        }
    }
}
