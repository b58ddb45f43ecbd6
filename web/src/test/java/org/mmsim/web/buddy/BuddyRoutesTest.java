package org.mmsim.web.buddy;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.MigrateType;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.PageTypeInfoFormat;
import org.mmsim.proc.model.BuddyInfoModel;
import org.mmsim.proc.model.PageTypeInfoModel;
import org.mmsim.web.ApiClient;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;

/**
 * The buddy demo's API against the buddy algorithm worked by hand on its zone: 4096 pages at pfn 0x1000, that is
 * four order-10 blocks (0x1000, 0x1400, 0x1800, 0x1c00) in eight Movable pageblocks of 512 pages.
 */
class BuddyRoutesTest {
    private static final int MOVABLE = MigrateType.MOVABLE;
    private static final int UNMOVABLE = MigrateType.UNMOVABLE;

    private ExplorerServer server;
    private ApiClient c;

    @BeforeEach
    void start() {
        server = Views.server(ExploreSettings.defaults().withPort(0));
        server.start();
        c = new ApiClient(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonNode last(JsonNode view) {
        JsonNode steps = view.get("steps");
        return steps.get(steps.size() - 1).get("state");
    }

    private static long count(JsonNode state, int order, int mt) {
        return state.get("lists").get(order).get(mt).get("count").asLong();
    }

    private static List<String> functions(JsonNode view) {
        List<String> f = new ArrayList<>();
        view.get("steps").forEach(s -> f.add(s.get("function").asText()));
        return f;
    }

    @Test
    void anOrderZeroAllocationSplitsAnOrderTenBlockDownToZeroAndItsFreeMergesItBack() {
        assertThat(c.post("/api/buddy/alloc", "{\"order\":0,\"gfp\":\"GFP_KERNEL\"}").status()).isEqualTo(409);
        JsonNode boot = c.post("/api/buddy/reset", "{\"pcp\":false}").json();
        JsonNode s0 = last(boot);
        assertThat(count(s0, 10, MOVABLE)).isEqualTo(4);
        assertThat(s0.get("nrFreePages").asLong()).isEqualTo(4096);

        JsonNode a = c.post("/api/buddy/alloc", "{\"order\":0,\"gfp\":\"GFP_HIGHUSER_MOVABLE\"}").json();
        assertThat(a.get("operation").asText()).isEqualTo("alloc_pages(GFP_HIGHUSER_MOVABLE, order 0) = 0x1000");
        JsonNode s = last(a);
        for (int o = 0; o < 10; o++) {
            assertThat(count(s, o, MOVABLE)).as("order %d", o).isEqualTo(1);
            // the upper half of each split: 0x1000 + 2^o
            assertThat(s.get("lists").get(o).get(MOVABLE).get("head").get(0).asLong()).isEqualTo(0x1000 + (1L << o));
        }
        assertThat(count(s, 10, MOVABLE)).isEqualTo(3);
        assertThat(s.get("nrFreePages").asLong()).isEqualTo(4095);
        assertThat(functions(a)).containsSubsequence("alloc_pages", "__rmqueue_smallest", "expand", "prep_new_page");
        assertThat(functions(a).stream().filter("expand"::equals)).hasSize(10);
        assertThat(s.get("allocated").get(0).get("pfn").asLong()).isEqualTo(0x1000);
        assertThat(s.get("buddyinfo").asText())
                .isEqualTo("Node 0, zone   Normal      1      1      1      1      1      1      1      1      1      1      3 \n");

        JsonNode f = c.post("/api/buddy/free", "{\"pfn\":\"0x1000\",\"order\":0}").json();
        JsonNode after = last(f);
        for (int o = 0; o < 10; o++) {
            assertThat(count(after, o, MOVABLE)).isZero();
        }
        assertThat(count(after, 10, MOVABLE)).isEqualTo(4);
        assertThat(after.get("allocated")).isEmpty();
        assertThat(functions(f).stream().filter("__free_one_page"::equals)).hasSize(11);
        assertThat(f.get("steps").get(2).get("text").asText()).contains("pfn 0x1001", "merge into order 1 at pfn 0x1000");
    }

    @Test
    void anUnmovableAllocationInAnAllMovableZoneFallsBackAndClaimsTheBlocksPageblocks() {
        c.post("/api/buddy/reset", "{}");
        JsonNode a = c.post("/api/buddy/alloc", "{\"order\":0,\"gfp\":\"GFP_KERNEL\"}").json();
        JsonNode s = last(a);
        // no Unmovable block: __rmqueue_fallback takes the largest Movable block (order 10 at 0x1000), and a
        // block of pageblock order or more changes its two pageblocks to Unmovable before the split
        assertThat(functions(a)).containsSubsequence("__rmqueue_fallback", "steal_suitable_fallback",
                "__rmqueue_smallest", "expand", "prep_new_page");
        JsonNode pb = s.get("pageblocks");
        assertThat(pb.get(0).asInt()).isEqualTo(UNMOVABLE);
        assertThat(pb.get(1).asInt()).isEqualTo(UNMOVABLE);
        for (int i = 2; i < 8; i++) {
            assertThat(pb.get(i).asInt()).isEqualTo(MOVABLE);
        }
        for (int o = 0; o < 10; o++) {
            assertThat(count(s, o, UNMOVABLE)).isEqualTo(1);
            assertThat(count(s, o, MOVABLE)).isZero();
        }
        assertThat(count(s, 10, MOVABLE)).isEqualTo(3);
        String steal = a.get("steps").get(indexOf(a, "steal_suitable_fallback")).get("trace").asText();
        assertThat(steal).contains("mm_page_alloc_extfrag", "alloc_order=0", "fallback_order=10",
                "alloc_migratetype=0", "fallback_migratetype=1", "change_ownership=1");
    }

    @Test
    void aFallbackBelowPageblockOrderMovesThePageblocksFreePagesAndClaimsItWhenOverHalfIsFree() {
        c.post("/api/buddy/reset", "{}");
        // 0x1000 Unmovable: pageblocks 0x1000 and 0x1200 become Unmovable, its split leaves 0x1001 .. 0x1200 free
        c.post("/api/buddy/alloc", "{\"order\":0,\"gfp\":\"GFP_KERNEL\"}");
        // six order-9 Movable blocks use up the three Movable order-10 blocks; the seventh takes the Unmovable
        // order-9 block 0x1200 whole, and its pageblock turns Movable
        for (int i = 0; i < 7; i++) {
            c.post("/api/buddy/alloc", "{\"order\":9,\"gfp\":\"GFP_HIGHUSER_MOVABLE\"}");
        }
        JsonNode a = c.post("/api/buddy/alloc", "{\"order\":0,\"gfp\":\"GFP_HIGHUSER_MOVABLE\"}").json();
        // no Movable block is left; the largest Unmovable one is order 8 (0x1100); order 8 >= pageblock_order / 2,
        // so move_freepages_block moves the 511 free pages of pageblock 0x1000 (all but 0x1000) to Movable: over
        // half the pageblock, which is claimed; __rmqueue_smallest then takes the order-0 block 0x1001
        assertThat(a.get("operation").asText()).isEqualTo("alloc_pages(GFP_HIGHUSER_MOVABLE, order 0) = 0x1001");
        JsonNode s = last(a);
        assertThat(s.get("pageblocks").get(0).asInt()).isEqualTo(MOVABLE);
        for (int o = 0; o < 11; o++) {
            assertThat(count(s, o, UNMOVABLE)).isZero();
            assertThat(count(s, o, MOVABLE)).as("order %d", o).isEqualTo(o >= 1 && o <= 8 ? 1 : 0);
        }
        JsonNode steal = a.get("steps").get(indexOf(a, "steal_suitable_fallback"));
        assertThat(steal.get("trace").asText()).contains("fallback_order=8", "fragmenting=1", "change_ownership=1");
        assertThat(steal.get("text").asText()).contains("511 pages", "claimed");

        // the files each step shows are the model's own /proc files of the same machine after the same calls
        Machine m = new BuddyDemo(PcpSettings.DEFAULT).machine();
        m.allocPages(Gfp.GFP_KERNEL, 0);
        for (int i = 0; i < 7; i++) {
            m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 9);
        }
        m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
        assertThat(s.get("buddyinfo").asText()).isEqualTo(BuddyInfoFormat.render(BuddyInfoModel.of(m)));
        assertThat(s.get("pagetypeinfo").asText()).isEqualTo(PageTypeInfoFormat.render(PageTypeInfoModel.of(m)));
    }

    @Test
    void anAllocationNoListCanServeFailsAndSaysSo() {
        c.post("/api/buddy/reset", "{}");
        for (int i = 0; i < 4; i++) {
            c.post("/api/buddy/alloc", "{\"order\":10,\"gfp\":\"GFP_HIGHUSER_MOVABLE\"}");
        }
        ApiClient.Answer r = c.post("/api/buddy/alloc", "{\"order\":0,\"gfp\":\"GFP_KERNEL\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("operation").asText()).isEqualTo("alloc_pages(GFP_KERNEL, order 0) = NULL");
        assertThat(functions(r.json())).endsWith("__alloc_pages_slowpath");
        assertThat(last(r.json()).get("nrFreePages").asLong()).isZero();
        assertThat(last(r.json()).get("allocated")).hasSize(4);
    }

    private static int indexOf(JsonNode view, String function) {
        return functions(view).indexOf(function);
    }

    @Test
    void withPerCpuListsAnOrderZeroAllocationRefillsABatchAndTheFreeGoesToTheList() {
        c.post("/api/buddy/reset", "{\"pcp\":true,\"batch\":4,\"high\":16}");
        JsonNode a = c.post("/api/buddy/alloc", "{\"order\":0,\"gfp\":\"GFP_HIGHUSER_MOVABLE\"}").json();
        // rmqueue_bulk takes max(4 >> 0, 2) = 4 pages: 0x1000 (splitting 10 -> 0), then 0x1001, 0x1002, 0x1003
        assertThat(functions(a).stream().filter("rmqueue_bulk"::equals)).hasSize(4);
        JsonNode s = last(a);
        assertThat(s.get("pcpCount").asInt()).isEqualTo(3);
        assertThat(s.get("pcp").get(0).get("pfns").toString()).isEqualTo("[4097,4098,4099]");
        assertThat(count(s, 0, MOVABLE)).isZero();
        assertThat(count(s, 1, MOVABLE)).isZero();
        assertThat(count(s, 2, MOVABLE)).isEqualTo(1);
        JsonNode f = c.post("/api/buddy/free", "{\"pfn\":4096,\"order\":0}").json();
        JsonNode after = last(f);
        assertThat(after.get("pcpCount").asInt()).isEqualTo(4);
        assertThat(after.get("pcp").get(0).get("pfns").get(0).asLong()).isEqualTo(0x1000);
        JsonNode d = c.post("/api/buddy/drain", "").json();
        assertThat(count(last(d), 10, MOVABLE)).isEqualTo(4);
        assertThat(last(d).get("pcpCount").asInt()).isZero();
    }

    @Test
    void freeingWhatIsNotAnAllocatedBlockHeadIsRefusedWithOneLine() {
        c.post("/api/buddy/reset", "{}");
        c.post("/api/buddy/alloc", "{\"order\":2,\"gfp\":\"GFP_HIGHUSER_MOVABLE\"}");
        for (String body : new String[] {"{\"pfn\":4097,\"order\":0}", "{\"pfn\":4096,\"order\":1}",
                "{\"pfn\":\"0x1400\",\"order\":10}", "{\"pfn\":1,\"order\":0}", "{\"pfn\":\"zz\",\"order\":0}",
                "{\"order\":0}"}) {
            ApiClient.Answer r = c.post("/api/buddy/free", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(body).doesNotContain("\n").isNotBlank();
        }
        assertThat(c.post("/api/buddy/free", "{\"pfn\":4096,\"order\":1}").json().get("error").asText())
                .isEqualTo("cannot free pfn 0x1000 order 1: it heads an allocated block of order 2");
        assertThat(c.post("/api/buddy/alloc", "{\"order\":11,\"gfp\":\"GFP_KERNEL\"}").status()).isEqualTo(400);
        assertThat(c.post("/api/buddy/alloc", "{\"order\":0,\"gfp\":\"GFP_DMA\"}").status()).isEqualTo(400);
        assertThat(c.post("/api/buddy/reset", "{\"pcp\":true,\"batch\":0}").status()).isEqualTo(400);
        assertThat(c.post("/api/buddy/free", "{\"pfn\":4096,\"order\":2}").status()).isEqualTo(200);
    }
}
