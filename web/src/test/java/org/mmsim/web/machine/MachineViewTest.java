package org.mmsim.web.machine;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.layout.AddressInfo;
import org.mmsim.arch.layout.LayoutRequest;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.page.init.BootResidue;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.proc.model.ProcFiles;
import org.mmsim.study.BootExhaustion;
import org.mmsim.study.MachineBoot;
import org.mmsim.testdata.Oracle;
import org.mmsim.web.Browser;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The machine view in headless Chromium: a preset booted from the form shows the zones and buddyinfo that
 * {@code mmsim boot --print zoneinfo,buddyinfo} renders for it (parsed back from the kernel's text in the test); an
 * oracle case's uploaded dmesg and iomem show the zones' present and managed pages of that real machine's
 * /proc/zoneinfo; a typed and a clicked address are translated as the arch layer translates them; i386 explains its
 * lowmem limit.
 */
class MachineViewTest {
    private static final String PRESET = "x86_64-4G";
    private static final String CASE = "x86_64-4G";

    @Test
    void aBootedPresetShowsTheModelsZonesAndBuddyinfo() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            b.openView(server.url(), "machine");
            new Select(b.await("#preset option[value='" + PRESET + "']").findElement(By.xpath(".."))).selectByValue(
                    PRESET);
            b.find("#boot-preset").click();
            b.waitFor(d -> PRESET.equals(d.findElement(By.id("view")).getAttribute("data-booted")));

            ProcFiles model = MachineBoot.boot(MachineFile.preset(PRESET), null, BootResidue.NONE,
                    new BootExhaustion.Inputs(PRESET, null, null, null, null), true).files();
            BuddyInfo buddy = BuddyInfoFormat.parse("buddyinfo", model.render("buddyinfo"));
            List<Map<String, String>> shown = rows(b, "#buddyinfo");
            assertThat(shown).hasSize(buddy.zones().size());
            for (int i = 0; i < shown.size(); i++) {
                ZoneFreeArea z = buddy.zones().get(i);
                Map<String, String> row = shown.get(i);
                assertThat(row.get("Node")).isEqualTo(String.valueOf(z.nodeId()));
                assertThat(row.get("Zone")).isEqualTo(z.zoneName());
                for (int o = 0; o < z.orders(); o++) {
                    assertThat(number(row.get("order " + o))).as("%s order %d", z.zoneName(), o).isEqualTo(z.nrFree(o));
                }
            }
            ZoneInfo zoneinfo = ZoneInfoFormat.parse("zoneinfo", model.render("zoneinfo"));
            List<Map<String, String>> zones = rows(b, "#zones");
            int i = 0;
            for (ZoneInfoNode n : zoneinfo.nodes()) {
                for (ZoneInfoZone z : n.zones()) {
                    Map<String, String> row = zones.get(i++);
                    assertThat(row.get("Zone")).isEqualTo(z.name());
                    assertThat(number(row.get("spanned"))).isEqualTo(z.spanned());
                    assertThat(number(row.get("present"))).isEqualTo(z.present());
                    assertThat(number(row.get("managed"))).isEqualTo(z.managed());
                    assertThat(number(row.get("min"))).isEqualTo(z.min());
                    assertThat(number(row.get("low"))).isEqualTo(z.low());
                    assertThat(number(row.get("high"))).isEqualTo(z.high());
                    assertThat(row.get("lowmem_reserve")).isEqualTo("(" + join(z.protection()) + ")");
                    if (z.populated()) {
                        assertThat(number(row.get("start pfn"))).isEqualTo(z.startPfn());
                        assertThat(number(row.get("pcp high"))).isEqualTo(z.pagesets().get(0).high());
                        assertThat(number(row.get("pcp batch"))).isEqualTo(z.pagesets().get(0).batch());
                    }
                }
            }
            assertThat(zones).hasSize(i);
            assertThat(b.find("#boot-log").getText()).contains("Memory: ");
            assertThat(b.find("#firmware").findElements(By.cssSelector("tbody tr"))).isNotEmpty();
            assertThat(b.find("#memblock-reserved").findElements(By.cssSelector("tbody tr"))).isNotEmpty();
            b.screenshot("machine-boot");
        }
    }

    @Test
    void anUploadedDmesgShowsTheRealZonesAndAddressesTranslateOnItsLayout() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            b.openView(server.url(), "machine");
            b.find("#dmesg-file").sendKeys(Oracle.file(CASE, "dmesg").toAbsolutePath().toString());
            b.find("#iomem-file").sendKeys(Oracle.file(CASE, "iomem").toAbsolutePath().toString());
            b.find("#boot-dmesg").click();
            b.waitFor(d -> d.findElement(By.id("view")).getAttribute("data-booted") != null);
            assertThat(b.find("#machine-summary").getText()).contains("boot log dmesg");

            ZoneInfo real = ZoneInfoFormat.parse("zoneinfo", Oracle.read(CASE, "zoneinfo"));
            for (Map<String, String> row : rows(b, "#zones")) {
                ZoneInfoZone z = real.node(Integer.parseInt(row.get("Node"))).zone(row.get("Zone"));
                assertThat(number(row.get("present"))).as(row.get("Zone")).isEqualTo(z.present());
                assertThat(number(row.get("managed"))).as(row.get("Zone")).isEqualTo(z.managed());
            }

            b.waitFor(d -> "x86_64-4".equals(d.findElement(By.id("view")).getAttribute("data-layout")));
            long maxPfn = EarlyBoot.layout(DmesgImporter.read(Oracle.file(CASE, "dmesg"), Oracle.file(CASE, "iomem")))
                    .maxPfn();
            LayoutRequest req = new LayoutRequest("x86_64", 4, null, null, null, maxPfn, null, false, null, null);
            String typed = "0xffff888123456000";
            AddressInfo info = req.build().classify(Long.parseUnsignedLong(typed.substring(2), 16));
            b.find("#translate-address").clear();
            b.find("#translate-address").sendKeys(typed);
            b.find("#translate").click();
            b.waitFor(d -> d.findElement(By.id("view")).getAttribute("data-translated") != null);
            assertThat(field(b, "kind")).isEqualTo("kernel logical");
            assertThat(field(b, "physical address")).isEqualTo("0x" + Long.toHexString(info.phys().getAsLong()));
            assertThat(field(b, "pfn")).startsWith("0x" + Long.toHexString(info.pfn().getAsLong()) + " ");
            assertThat(field(b, "struct page")).isEqualTo(req.build().hex(info.structPage().getAsLong()));
            assertThat(field(b, "zone")).isEqualTo(owner(real, info.pfn().getAsLong()));

            WebElement vmalloc = b.find("#layout-drawing rect[data-kind='VMALLOC']");
            scroll(b, "#layout-panel");
            String before = b.find("#view").getAttribute("data-translated");
            vmalloc.click();
            b.waitFor(d -> !before.equals(d.findElement(By.id("view")).getAttribute("data-translated")));
            assertThat(field(b, "kind")).isEqualTo("kernel virtual");
            assertThat(field(b, "region")).startsWith("vmalloc");
            b.screenshot("machine-layout-x86_64");

            new Select(b.find("#layout-arch")).selectByValue("i386");
            b.waitFor(d -> "i386".equals(d.findElement(By.id("view")).getAttribute("data-layout")));
            List<String> breakdown = new LayoutRequest("i386", null, null, null, null, null, null, false, null, null)
                    .i386Split().breakdown();
            assertThat(b.find("#lowmem-breakdown").getText()).isEqualTo(String.join("\n", breakdown));
            assertThat(b.find("#lowmem-why").getText()).contains("3G/1G split").contains("vmalloc");
            scroll(b, "#layout-panel");
            b.screenshot("machine-layout-i386");

            new Select(b.find("#layout-arch")).selectByValue("arm64");
            b.waitFor(d -> "arm64".equals(d.findElement(By.id("view")).getAttribute("data-layout")));
            new Select(b.find("#layout-granule")).selectByValue("16");
            new Select(b.find("#layout-vabits")).selectByValue("47");
            b.find("#layout-draw").click();
            b.waitFor(d -> d.findElement(By.id("layout-title")).getText().startsWith("arm64 16K pages, 47-bit VA"));
            String kernel = b.find("#layout-drawing rect.nested[data-kind='KERNEL_IMAGE']").getAttribute("data-start");
            String expected = new LayoutRequest("arm64", null, 16, 47, null, null, null, false, null, null).build()
                    .nested().stream().filter(r -> r.kind() == org.mmsim.arch.layout.RegionKind.KERNEL_IMAGE)
                    .map(r -> String.format("%016x", r.start())).findFirst().orElseThrow();
            assertThat(kernel).isEqualTo(expected);
            scroll(b, "#layout-panel");
            b.screenshot("machine-layout-arm64");
        }
    }

    @Test
    void aRealMachinesFilesAreShownBesideTheModelsWithTheDifferingLinesMarked() {
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0));
                Browser b = Browser.open()) {
            server.start();
            b.openView(server.url(), "machine");
            List<String> names = List.of("dmesg", "iomem", "zoneinfo", "buddyinfo", "meminfo");
            b.find("#proc-files").sendKeys(String.join("\n", names.stream()
                    .map(n -> Oracle.file(CASE, n).toAbsolutePath().toString()).toList()));
            b.find("#boot-proc").click();
            b.await(".proc-compare[data-file='zoneinfo']");

            ProcFiles model = MachineBoot.boot(DmesgImporter.read(Oracle.file(CASE, "dmesg"),
                    Oracle.file(CASE, "iomem")), null, BootResidue.NONE,
                    new BootExhaustion.Inputs(null, Oracle.file(CASE, "dmesg"), null, null, null), true).files();
            for (String n : List.of("zoneinfo", "buddyinfo", "meminfo")) {
                WebElement c = b.find(".proc-compare[data-file='" + n + "']");
                List<WebElement> sides = c.findElements(By.tagName("pre"));
                List<String> real = Oracle.read(CASE, n).lines().toList();
                List<String> ours = model.render(n).lines().toList();
                assertThat(sides.get(0).getAttribute("textContent").lines().toList()).isEqualTo(real);
                assertThat(sides.get(1).getAttribute("textContent").lines().toList()).isEqualTo(ours);
                long differing = 0;
                for (int i = 0; i < Math.max(real.size(), ours.size()); i++) {
                    if (i >= real.size() || i >= ours.size() || !real.get(i).equals(ours.get(i))) {
                        differing++;
                    }
                }
                assertThat(sides.get(0).findElements(By.cssSelector(".differs"))).as(n)
                        .hasSize((int) Math.min(differing, real.size()));
            }
            scroll(b, "#compare-panel");
            b.screenshot("machine-proc-compare");
        }
    }

    /** "Node N, zone NAME" of the real machine's zone spanning the pfn (from its /proc/zoneinfo). */
    private static String owner(ZoneInfo real, long pfn) {
        for (ZoneInfoNode n : real.nodes()) {
            for (ZoneInfoZone z : n.zones()) {
                if (z.populated() && pfn >= z.startPfn() && pfn < z.startPfn() + z.spanned()) {
                    return "Node " + n.nodeId() + ", zone " + z.name();
                }
            }
        }
        throw new AssertionError("pfn " + pfn + " in no zone");
    }

    private static String field(Browser b, String name) {
        return b.find("#translation tr[data-field='" + name + "'] td").getText();
    }

    private static void scroll(Browser b, String css) {
        ((JavascriptExecutor) b.driver()).executeScript("document.querySelector(arguments[0]).scrollIntoView()", css);
    }

    /** The rows of a table on the page, each as header -> cell text. */
    static List<Map<String, String>> rows(Browser b, String css) {
        WebElement t = b.find(css);
        List<String> headers = t.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        List<Map<String, String>> out = new ArrayList<>();
        for (WebElement tr : t.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                row.put(headers.get(i), cells.get(i).getText());
            }
            out.add(row);
        }
        return out;
    }

    private static long number(String shown) {
        return Long.parseLong(shown.replace(",", ""));
    }

    private static String join(long[] values) {
        List<String> s = new ArrayList<>();
        for (long v : values) {
            s.add(String.valueOf(v));
        }
        return String.join(", ", s);
    }
}
