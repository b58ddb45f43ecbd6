package org.mmsim.web.machine;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.layout.AddressInfo;
import org.mmsim.arch.layout.I386Lowmem;
import org.mmsim.arch.layout.LayoutRequest;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.testdata.Oracle;
import org.mmsim.web.ApiClient;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;

/**
 * The machine view's API: booting from each kind of source, the refusals (one 400 line each), the /proc files
 * compared with the model's, and layouts and translations checked against the arch layer's own answers.
 */
class MachineRoutesTest {
    private static ExplorerServer server;

    @BeforeAll
    static void start() {
        server = Views.server(ExploreSettings.defaults().withPort(0));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient client() {
        return new ApiClient(server.url());
    }

    @Test
    void listsThePresetsAndAnswers409BeforeABoot() {
        ApiClient c = client();
        JsonNode p = c.get("/api/machine/presets").json();
        assertThat(p.get("presets")).extracting(JsonNode::asText).containsExactlyElementsOf(MachineFile.presets());
        ApiClient.Answer none = c.get("/api/machine");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("error").asText()).contains("boot one first");
    }

    @Test
    void aBadMachineFileIs400WithItsFileAndLine() {
        String yaml = "arch: x86_64\nmemory:\n  - { start: 0, size: 1G }\ncolour: red\n";
        ApiClient.Answer a = client().post("/api/machine/boot/file",
                new Multipart().file("file", "bad.yaml", yaml).bytes(), Multipart.TYPE);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).startsWith("bad.yaml:4:").contains("unknown key 'colour'")
                .doesNotContain("\n");
    }

    @Test
    void aFileThatIsNotABootLogIs400InOneLine() {
        ApiClient.Answer a = client().post("/api/machine/boot/dmesg",
                new Multipart().file("file", "zoneinfo", Oracle.read("x86_64-1G", "zoneinfo")).bytes(), Multipart.TYPE);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).startsWith("zoneinfo").doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void aSetOfProcFilesWithoutADmesgIs400SayingSo() {
        ApiClient.Answer a = client().post("/api/machine/boot/proc",
                new Multipart().file("files", "zoneinfo", Oracle.read("x86_64-1G", "zoneinfo"))
                        .file("files", "buddyinfo", Oracle.read("x86_64-1G", "buddyinfo")).bytes(), Multipart.TYPE);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).contains("dmesg");
    }

    @Test
    void anUploadedMachineFileBootsAndStaysInItsSession() {
        ApiClient api = client();
        String yaml = MachineFile.write(MachineFile.preset("x86_64-256M"));
        JsonNode m = api.post("/api/machine/boot/file", new Multipart().file("file", "small.yaml", yaml).bytes(),
                Multipart.TYPE).json();
        assertThat(m.get("source").asText()).isEqualTo("machine file small.yaml");
        assertThat(m.get("zones").size()).isPositive();
        assertThat(api.get("/api/machine").json().get("source").asText()).isEqualTo("machine file small.yaml");
        assertThat(client().get("/api/machine").status()).isEqualTo(409);
    }

    @Test
    void uploadNamesNeverBecomePaths() {
        assertThat(Upload.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Upload.safeName("C:\\x\\..\\dmesg")).isEqualTo("dmesg");
        assertThat(Upload.safeName("..")).isEqualTo("upload");
        assertThat(Upload.safeName("a b;c")).isEqualTo("a_b_c");
    }

    @Test
    void aSetOfProcFilesBootsFromItsDmesgAndShowsEachFileBesideTheModels() {
        String c = "x86_64-1G";
        ApiClient api = client();
        JsonNode m = api.post("/api/machine/boot/proc", new Multipart()
                .file("files", "dmesg", Oracle.read(c, "dmesg")).file("files", "iomem", Oracle.read(c, "iomem"))
                .file("files", "zoneinfo", Oracle.read(c, "zoneinfo"))
                .file("files", "buddyinfo", Oracle.read(c, "buddyinfo"))
                .file("files", "meminfo", Oracle.read(c, "meminfo"))
                .file("files", "cpuinfo", Oracle.read(c, "cpuinfo")).bytes(), Multipart.TYPE).json();
        assertThat(m.get("compared")).extracting(n -> n.get("name").asText())
                .containsExactly("zoneinfo", "buddyinfo", "meminfo");
        assertThat(m.get("ignored")).extracting(JsonNode::asText).containsExactly("cpuinfo");
        JsonNode zi = m.get("compared").get(0);
        assertThat(zi.get("real")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Oracle.read(c, "zoneinfo").lines().toList());
        // the model's zoneinfo shows the zones the real one shows, and its present pages are the kernel's
        ZoneInfo real = ZoneInfoFormat.parse("zoneinfo", Oracle.read(c, "zoneinfo"));
        for (JsonNode z : m.get("zones")) {
            ZoneInfoZone r = real.node(z.get("node").asInt()).zone(z.get("zone").asText());
            assertThat(z.get("present").asLong()).as(z.get("zone").asText()).isEqualTo(r.present());
        }
        int differing = zi.get("differs").size();
        assertThat(differing).isPositive().isLessThan(zi.get("real").size());
        assertThat(api.get("/api/machine").json().get("source").asText()).contains("dmesg");
    }

    @Test
    void translationsAreTheArchLayersAnswers() {
        ApiClient api = client();
        for (String addr : List.of("0xffff888000100000", "0xffffea0000004000", "0x00007f0000000000",
                "0xffffffff81000000", "0xffffc90000000000")) {
            JsonNode t = api.get("/api/layout/translate?arch=x86_64&levels=4&address=" + addr).json();
            AddressInfo info = new LayoutRequest("x86_64", 4, null, null, null, null, null, false, null, null).build()
                    .classify(Long.parseUnsignedLong(addr.substring(2), 16));
            assertThat(t.get("region").asText()).isEqualTo(info.region().kind().label());
            assertThat(t.get("phys").isNull()).isEqualTo(info.phys().isEmpty());
            if (info.phys().isPresent()) {
                assertThat(t.get("phys").asText()).isEqualTo("0x" + Long.toHexString(info.phys().getAsLong()));
                assertThat(t.get("pfn").asText()).isEqualTo("0x" + Long.toHexString(info.pfn().getAsLong()));
            }
        }
        JsonNode logical = api.get("/api/layout/translate?arch=x86_64&address=0xffff888000100000").json();
        assertThat(logical.get("kind").asText()).isEqualTo("kernel logical");
        assertThat(api.get("/api/layout/translate?arch=x86_64&address=0x1000").json().get("kind").asText())
                .isEqualTo("user");
        assertThat(api.get("/api/layout/translate?arch=x86_64&address=0xffffc90000000000").json().get("kind")
                .asText()).isEqualTo("kernel virtual");
    }

    @Test
    void aTranslatedPfnNamesItsZoneOnTheBootedMachine() {
        ApiClient api = client();
        JsonNode m = api.post("/api/machine/boot/preset", "{\"preset\":\"x86_64-1G\"}").json();
        JsonNode t = api.get("/api/layout/translate?arch=x86_64&address=0xffff888020000000").json();
        long pfn = Long.parseLong(t.get("pfn").asText().substring(2), 16);
        JsonNode owner = null;
        for (JsonNode z : m.get("zones")) {
            long start = z.get("startPfn").asLong();
            if (z.get("spanned").asLong() > 0 && pfn >= start && pfn < start + z.get("spanned").asLong()) {
                owner = z;
            }
        }
        assertThat(owner).isNotNull();
        assertThat(t.get("zone").asText()).isEqualTo("Node " + owner.get("node").asInt() + ", zone "
                + owner.get("zone").asText());
        assertThat(api.get("/api/layout/translate?arch=arm64&address=0xffff000000000000").json().get("zone").isNull())
                .isTrue();
    }

    @Test
    void everyChooserCombinationDrawsAndI386ExplainsItsLowmemLimit() {
        ApiClient api = client();
        for (String q : List.of("arch=x86_64&levels=4", "arch=x86_64&levels=5", "arch=arm64&granule=4&vaBits=39",
                "arch=arm64&granule=4&vaBits=48", "arch=arm64&granule=16&vaBits=47", "arch=arm64&granule=64&vaBits=52",
                "arch=i386", "arch=i386-pae&mem=8G")) {
            ApiClient.Answer a = api.get("/api/layout?" + q);
            assertThat(a.status()).as(q).isEqualTo(200);
            assertThat(a.json().get("regions").size()).as(q).isGreaterThan(3);
        }
        JsonNode i386 = api.get("/api/layout?arch=i386&mem=2G").json().get("i386");
        I386Lowmem.Result split = new LayoutRequest("i386", null, null, null, 2L << 30, null, null, false, null, null)
                .i386Split();
        assertThat(i386.get("lowmemMb").asLong()).isEqualTo(split.lowmemMb()).isLessThan(896);
        assertThat(i386.get("pageOffset").asText()).isEqualTo("c0000000");
        assertThat(i386.get("breakdown")).extracting(JsonNode::asText).containsExactlyElementsOf(split.breakdown());
        assertThat(api.get("/api/layout?arch=arm64&granule=4&vaBits=52").status()).isEqualTo(400);
        assertThat(api.get("/api/layout?arch=x86_64&levels=five").status()).isEqualTo(400);
        assertThat(api.get("/api/layout?arch=sparc").status()).isEqualTo(400);
        assertThat(api.get("/api/layout/translate?arch=i386&address=0x100000000").status()).isEqualTo(400);
        assertThat(api.get("/api/layout/translate?arch=i386&address=banana").status()).isEqualTo(400);
    }
}
