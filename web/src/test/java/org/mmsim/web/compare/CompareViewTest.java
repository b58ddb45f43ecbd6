package org.mmsim.web.compare;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.web.Browser;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The compare view in Chromium: two runs of the processes scenario with vm.min_free_kbytes 8 MiB and 64 MiB; the
 * min watermark the page shows for each zone and side equals the model's boot with that setting, B's above A's;
 * the overlaid charts are drawn.
 */
class CompareViewTest {

    @Test
    void theMinWatermarksShownAreTheBootsForEachSetting() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            b.openView(server.url(), "compare");
            b.await("#compare-scenario option[value='processes']");
            set(b, "#compare-a", "vm.min_free_kbytes=8192");
            set(b, "#compare-b", "vm.min_free_kbytes=65536");
            b.find("#compare-run").click();
            b.await("#compare-results[data-ready='true']");
            assertThat(b.find("#compare-progress").getAttribute("data-status")).isEqualTo("done");

            Map<String, Long> a = new LinkedHashMap<>();
            Map<String, Long> bb = new LinkedHashMap<>();
            for (WebElement tr : b.driver().findElements(By.cssSelector("#compare-wmarks tbody tr"))) {
                String zone = tr.getAttribute("data-zone");
                a.put(zone, Long.parseLong(tr.findElement(By.cssSelector("td[data-mark='min'][data-side='a']"))
                        .getText()));
                bb.put(zone, Long.parseLong(tr.findElement(By.cssSelector("td[data-mark='min'][data-side='b']"))
                        .getText()));
            }
            assertThat(a).isEqualTo(BootWatermarks.min("processes", "vm.min_free_kbytes", "8192"));
            assertThat(bb).isEqualTo(BootWatermarks.min("processes", "vm.min_free_kbytes", "65536"));
            a.forEach((zone, min) -> assertThat(bb.get(zone)).as(zone).isGreaterThan(min));

            List<WebElement> charts = b.driver().findElements(By.cssSelector("#compare-charts .compare-chart"));
            assertThat(charts).hasSize(5);
            for (WebElement c : charts) {
                assertThat(c.findElements(By.cssSelector("canvas"))).isNotEmpty();
            }
            assertThat(b.driver().findElements(By.cssSelector("#compare-figures tbody tr"))).isNotEmpty();
            b.screenshot("compare");
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('compare-figures').scrollIntoView()");
            b.screenshot("compare-figures");
        }
    }

    private static void set(Browser b, String css, String text) {
        WebElement in = b.find(css);
        in.clear();
        in.sendKeys(text);
    }
}
