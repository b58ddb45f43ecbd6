package org.mmsim.web.buddy;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Gfp;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Zone;
import org.mmsim.web.Browser;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The buddy view in headless Chromium: the free lists it draws after an alloc and a free equal the model's own
 * lists, read in the test from a demo machine given the same calls; a free shows its merges step by step.
 */
class BuddyViewTest {

    /**
     * The drawn grid's count for every order and migratetype equals Zone.freeCount of the model, and its boxes
     * are the pfns at the head of Zone.freeList, in order.
     */
    private static void assertGridEquals(Browser b, Zone z) {
        List<WebElement> cells = b.driver().findElements(By.cssSelector("#buddy-lists td.buddy-cell"));
        assertThat(cells).hasSize(z.node().arch().maxOrder() * z.migrateTypes().count());
        for (WebElement c : cells) {
            int order = Integer.parseInt(c.getAttribute("data-order"));
            int mt = Integer.parseInt(c.getAttribute("data-mt"));
            assertThat(Long.parseLong(c.getAttribute("data-count"))).as("order %d %s", order, z.migrateTypes().name(mt))
                    .isEqualTo(z.freeCount(order, mt));
            long[] list = z.freeList(order, mt);
            List<Long> drawn = c.findElements(By.cssSelector(".buddy-blk")).stream()
                    .map(e -> Long.parseLong(e.getAttribute("data-pfn"))).toList();
            assertThat(drawn).as("heads of order %d %s", order, z.migrateTypes().name(mt)).containsExactlyElementsOf(
                    Arrays.stream(list).limit(ZoneState.HEAD_PFNS).boxed().toList());
        }
    }

    private static void waitForOperation(Browser b, String operation) {
        b.waitFor(d -> d.findElement(By.id("buddy-operation")).getText().equals(operation));
    }

    @Test
    void theDrawnFreeListsFollowTheModelThroughAnAllocAFreeAndAFallback() {
        BuddyDemo model = new BuddyDemo(PcpSettings.DEFAULT);
        Zone z = model.zone();
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            b.openView(server.url(), "buddy");
            b.await("#buddy-lists td.buddy-cell");
            assertGridEquals(b, z);

            new Select(b.find("#buddy-order")).selectByValue("0");
            new Select(b.find("#buddy-gfp")).selectByValue("GFP_HIGHUSER_MOVABLE");
            b.find("#buddy-alloc").click();
            long pfn = model.machine().allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
            waitForOperation(b, "alloc_pages(GFP_HIGHUSER_MOVABLE, order 0) = 0x" + Long.toHexString(pfn));
            assertGridEquals(b, z);
            assertThat(b.find("#buddy-buddyinfo").getText()).startsWith("Node 0, zone   Normal      1      1");
            assertThat(b.driver().findElements(By.cssSelector("#buddy-steps li[data-function=expand]"))).hasSize(10);
            b.find("#buddy-prev").click();
            new Select(b.find("#buddy-scale")).selectByValue("8");
            b.screenshot("buddy-split");

            b.find("#buddy-allocated button.buddy-free[data-pfn='" + pfn + "']").click();
            model.machine().freePages(pfn, 0);
            waitForOperation(b, "__free_pages(0x" + Long.toHexString(pfn) + ", order 0)");
            assertGridEquals(b, z);
            List<WebElement> merges = b.driver().findElements(By.cssSelector("#buddy-steps li[data-function=__free_one_page]"));
            assertThat(merges).hasSize(11);
            assertThat(merges.get(0).getText()).contains("pfn 0x" + Long.toHexString(pfn ^ 1),
                    "merge into order 1");
            // the first merge step: the freed page and its order-0 buddy have left the lists, nothing is listed yet
            merges.get(0).click();
            b.waitFor(d -> d.findElement(By.cssSelector("#buddy-lists td[data-order='0'][data-mt='1']"))
                    .getAttribute("data-count").equals("0"));
            assertThat(b.find("#buddy-lists td[data-order='1'][data-mt='1']").getAttribute("data-count")).isEqualTo("1");
            b.find("#buddy-last").click();
            b.waitFor(d -> d.findElement(By.cssSelector("#buddy-lists td[data-order='10'][data-mt='1']"))
                    .getAttribute("data-count").equals("4"));

            new Select(b.find("#buddy-gfp")).selectByValue("GFP_KERNEL");
            b.find("#buddy-alloc").click();
            long u = model.machine().allocPages(Gfp.GFP_KERNEL, 0);
            waitForOperation(b, "alloc_pages(GFP_KERNEL, order 0) = 0x" + Long.toHexString(u));
            assertGridEquals(b, z);
            for (WebElement row : b.driver().findElements(By.cssSelector("#buddy-map .buddy-pbrow"))) {
                int i = Integer.parseInt(row.getAttribute("data-pageblock"));
                assertThat(Integer.parseInt(row.getAttribute("data-mt")))
                        .isEqualTo(z.getPageblockMigratetype(z.zoneStartPfn() + ((long) i << 9)));
            }
            assertThat(z.getPageblockMigratetype(u)).isEqualTo(MigrateType.UNMOVABLE);
            b.find("#buddy-steps li[data-function=steal_suitable_fallback]").click();
            b.waitFor(d -> d.findElement(By.id("buddy-function")).getText().equals("steal_suitable_fallback"));
            b.screenshot("buddy-fallback");
        }
    }
}
