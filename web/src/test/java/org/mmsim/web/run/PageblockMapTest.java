package org.mmsim.web.run;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Zone;
import org.mmsim.web.Browser;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.mmsim.web.Json;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/**
 * The pageblock map in headless Chromium: a run of the default scenario stepped one second in the browser's
 * session; a mixed pageblock of zone Normal hovered on the canvas shows a tooltip equal to the model's state of
 * that block (a twin run stepped alike in the test, read through the page module's API), and a click lists its 512
 * pages as the model has them.
 */
class PageblockMapTest {

    @Test
    void aHoveredBlocksTooltipAndItsPagesEqualTheModel() {
        RunSession twin = RunSession.builtin("default");
        twin.runUntil(1_000_000_000L);
        long pfn = twin.withLive(v -> {
            Zone normal = v.booted().machine().zones().stream().filter(z -> z.name().equals("Normal")).findFirst()
                    .orElseThrow();
            for (long p = normal.zoneStartPfn(); p < normal.zoneEndPfn(); p += 512) {
                List<String> pages = PageblockRoutesTest.pagesOf(v, p);
                long free = pages.stream().filter(s -> s.contains(" free ")).count();
                if (free > 0 && free < 500 && !owners(pages).isEmpty()) {
                    return p;
                }
            }
            throw new AssertionError("no mixed pageblock in zone Normal after 1 s");
        });
        List<String> expected = twin.withLive(v -> PageblockRoutesTest.pagesOf(v, pfn));
        String type = twin.withLive(v -> v.booted().machine().zoneOf(pfn).migrateTypes()
                .name(v.booted().machine().zoneOf(pfn).getPageblockMigratetype(pfn)));
        twin.close();
        long free = count(expected, "free");
        long pcp = count(expected, "pcp");
        long used = 512 - free - pcp - count(expected, "hole");
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            startRunAndReopen(b, server.url(), "1s");
            WebElement canvas = b.await("#pb-canvas");
            Object at = ((JavascriptExecutor) b.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    (async () => {
                      const s = await fetch('/api/run/state').then(r => r.json());
                      const map = document.getElementById('pageblock-map').pageblockMap;
                      await map.show(s.frames - 1);
                      const p = map.locate(arguments[0]);
                      done([Math.round(p.x), Math.round(p.y)]);
                    })().catch(e => done(String(e)));
                    """, pfn);
            assertThat(at).isInstanceOf(List.class);
            List<?> xy = (List<?>) at;
            int x = ((Number) xy.get(0)).intValue() - canvas.getSize().getWidth() / 2;
            int y = ((Number) xy.get(1)).intValue() - canvas.getSize().getHeight() / 2;
            new Actions(b.driver()).moveToElement(canvas, x, y).perform();
            WebElement tip = b.await("#pb-tooltip[data-state=ready]");
            assertThat(tip.getAttribute("data-pfn-start")).isEqualTo(String.valueOf(pfn));
            assertThat(tip.getAttribute("data-pfn-end")).isEqualTo(String.valueOf(pfn + 511));
            assertThat(tip.getAttribute("data-migratetype")).isEqualTo(type);
            assertThat(List.of(tip.getAttribute("data-free"), tip.getAttribute("data-pcp"),
                    tip.getAttribute("data-used"))).containsExactly(String.valueOf(free), String.valueOf(pcp),
                    String.valueOf(used));
            Map<String, Long> owners = owners(expected);
            String text = tip.getText();
            assertThat(text).contains("pfn 0x" + Long.toHexString(pfn) + "\u20130x" + Long.toHexString(pfn + 511))
                    .contains("migratetype " + type).contains("free " + free + ", pcp " + pcp + ", used " + used);
            for (Map.Entry<String, Long> e : owners.entrySet()) {
                assertThat(text).contains(e.getKey() + " " + e.getValue());
            }
            assertThat(tip.getAttribute("data-owners-source")).isEqualTo("frame");
            b.screenshot("pageblock-map");
            new Actions(b.driver()).moveToElement(canvas, x, y).click().perform();
            b.await("#pb-detail[data-pfn-start='" + pfn + "']");
            List<WebElement> rows = b.driver().findElements(By.cssSelector("#pb-detail tr.pb-page"));
            assertThat(rows).hasSize(512);
            for (int i = 0; i < 512; i += 7) {
                List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
                String[] want = expected.get(i).split(" ");
                assertThat(cells.get(0).getAttribute("textContent")).isEqualTo("0x" + Long.toHexString(pfn + i));
                assertThat(cells.get(1).getAttribute("textContent")).isEqualTo(want[1]);
                assertThat(cells.get(2).getAttribute("textContent")).isEqualTo(want[2]);
                assertThat(cells.get(4).getAttribute("textContent")).isEqualTo("-".equals(want[3]) ? "" : want[3]);
            }
            ((JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('pb-detail').scrollIntoView()");
            b.screenshot("pageblock-detail");
        }
    }

    private static long count(List<String> pages, String state) {
        return pages.stream().filter(s -> s.split(" ")[1].equals(state)).count();
    }

    /** Pages per owner kind. */
    private static Map<String, Long> owners(List<String> pages) {
        Map<String, Long> out = new TreeMap<>();
        for (String s : pages) {
            String owner = s.split(" ")[3];
            if (!"-".equals(owner)) {
                out.merge(owner, 1L, Long::sum);
            }
        }
        return out;
    }

    @Test
    void aTerabyteMapDrawsAndZoomsQuickly() throws Exception {
        PageblockFrame frame = PageblockFrame.capture(PageblockFrameSizeTest.terabyte());
        String answer = Json.MAPPER.writeValueAsString(PageblockRoutes.pageblocks(new Frame(0, 0, 0, "start", Map.of(),
                frame, List.of(), null)));
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            startRunAndReopen(b, server.url(), "event");
            b.await("#pb-canvas");
            Object ms = ((JavascriptExecutor) b.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const answer = arguments[0];
                    window.fetch = async () => new Response(answer, {status: 200});
                    (async () => {
                      const map = document.getElementById('pageblock-map').pageblockMap;
                      const t0 = performance.now();
                      await map.show(0);
                      const t1 = performance.now();
                      document.getElementById('pb-zoom-in').click();
                      const t2 = performance.now();
                      document.getElementById('pb-fit').click();
                      done([t1 - t0, t2 - t1, performance.now() - t2]);
                    })().catch(e => done(String(e)));
                    """, answer);
            assertThat(ms).isInstanceOf(List.class);
            List<?> t = (List<?>) ms;
            System.out.printf("1 TiB map: answer %d bytes, decode and draw %.0f ms, zoom in %.0f ms, fit %.0f ms%n",
                    answer.length(), ((Number) t.get(0)).doubleValue(), ((Number) t.get(1)).doubleValue(),
                    ((Number) t.get(2)).doubleValue());
            assertThat(b.find("#pb-status").getText()).contains("524,800 pageblocks");
            for (Object v : t) {
                assertThat(((Number) v).doubleValue()).isLessThan(2000);
            }
            b.screenshot("pageblock-map-1T");
            String before = b.find("#pb-status").getText();
            WebElement canvas = b.find("#pb-canvas");
            for (int i = 0; i < 12; i++) {
                new Actions(b.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(canvas, -300, 100), 0,
                        -100).perform();
            }
            b.waitFor(d -> b.find("#pb-status").getText().contains("px per block"));
            assertThat(b.find("#pb-status").getText()).isNotEqualTo(before);
            b.screenshot("pageblock-map-1T-zoomed");
        }
    }

    /**
     * Starts {@code default} in the browser's session and steps it by {@code by}, then opens the run view again:
     * the page shows the run's panels, the pageblock map among them, once the session has a run.
     */
    static void startRunAndReopen(Browser b, String url, String by) {
        b.openView(url, "run");
        ((JavascriptExecutor) b.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const post = (path, body) => fetch(path, {method: 'POST', body: JSON.stringify(body),
                  headers: {'Content-Type': 'application/json'}}).then(r => r.json());
                post('/api/run/start', {scenario: 'default'}).then(() => post('/api/run/step', {by: arguments[0]}))
                  .then(() => done(true), e => done(String(e)));
                """, by);
        b.driver().navigate().refresh();
        b.waitFor(d -> "run".equals(d.findElement(org.openqa.selenium.By.id("view")).getAttribute("data-ready")));
        b.waitFor(d -> d.findElement(org.openqa.selenium.By.id("pb-canvas")).isDisplayed());
    }
}
