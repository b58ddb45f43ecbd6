package org.mmsim.web.run;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.mmsim.page.MemMap;
import org.mmsim.page.Zone;
import org.mmsim.web.ApiClient;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.mmsim.workload.SimulationView;

/**
 * The pageblock API against the model: a run of the default scenario stepped one second through the API, and the
 * same run stepped alike in the test (the model is deterministic), whose live state the test reads through the
 * page module's public API (free lists, pcp lists, MemMap predicates, get_pageblock_migratetype).
 */
class PageblockRoutesTest {
    private static final long ONE_SECOND = 1_000_000_000L;

    @Test
    void everyBlockAndOneBlocksPagesEqualTheModel() throws Exception {
        RunSession twin = RunSession.builtin("default");
        twin.runUntil(ONE_SECOND);
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0))) {
            server.start();
            ApiClient c = new ApiClient(server.url());
            assertThat(c.get("/api/run/pageblocks?frame=0").status()).isEqualTo(409);
            c.post("/api/run/start", "{\"scenario\":\"default\"}");
            JsonNode s = c.post("/api/run/step", "{\"by\":\"1s\"}").json();
            int last = s.get("frames").asInt() - 1;
            JsonNode map = c.get("/api/run/pageblocks?frame=" + last).json();
            assertThat(map.get("pageblockPages").asInt()).isEqualTo(512);
            List<Zone> zones = twin.withLive(v -> v.booted().machine().zones().stream()
                    .filter(Zone::populated).toList());
            assertThat(map.get("zones")).hasSize(zones.size());
            List<long[]> mixed = new ArrayList<>();
            for (int zi = 0; zi < zones.size(); zi++) {
                Zone z = zones.get(zi);
                JsonNode jz = map.get("zones").get(zi);
                assertThat(jz.get("name").asText()).isEqualTo("Node " + z.node().nid() + ", zone " + z.name());
                int blocks = jz.get("blocks").asInt();
                long first = jz.get("firstPfn").asLong();
                assertThat(first).isEqualTo(z.zoneStartPfn() & ~511L);
                ByteBuffer data = ByteBuffer.wrap(inflate(Base64.getDecoder().decode(jz.get("data").asText()),
                        blocks * 5)).order(ByteOrder.LITTLE_ENDIAN);
                long[][] model = twin.withLive(v -> blockCounts(z, first, blocks));
                for (int b = 0; b < blocks; b++) {
                    long pfn = Math.max(first + b * 512L, z.zoneStartPfn());
                    int mt = z.node().memMap().isValid(pfn) ? z.getPageblockMigratetype(pfn) : -1;
                    assertThat(new long[] {data.get(b), data.getShort(blocks + 2 * b),
                        data.getShort(3 * blocks + 2 * b)}).as("block at pfn 0x%x", pfn)
                        .containsExactly(mt, model[0][b], model[1][b]);
                    if (model[0][b] > 0 && model[0][b] < 400 && mixed.size() == zi) {
                        mixed.add(new long[] {pfn});
                    }
                }
            }
            assertThat(mixed).isNotEmpty();
            for (long[] m : mixed) {
                JsonNode block = c.get("/api/run/pageblock?frame=" + last + "&pfn=0x" + Long.toHexString(m[0]
                        + 17)).json();
                assertThat(block.get("source").asText()).isEqualTo("frame");
                assertThat(block.get("pfnStart").asLong()).isEqualTo(m[0] & ~511L);
                List<String> expected = twin.withLive(v -> pagesOf(v, m[0]));
                List<String> shown = new ArrayList<>();
                for (JsonNode p : block.get("pages")) {
                    shown.add(p.get("pfn").asLong() + " " + p.get("state").asText() + " " + p.get("order").asInt()
                            + " " + p.path("owner").asText("-"));
                }
                assertThat(shown).hasSize(512).containsExactlyElementsOf(expected);
            }
            RunSession atStart = RunSession.builtin("default");
            try {
                long pfn = mixed.get(mixed.size() - 1)[0];
                JsonNode block = c.get("/api/run/pageblock?frame=0&pfn=" + pfn).json();
                assertThat(block.get("source").asText()).isEqualTo("frame");
                List<String> shown = new ArrayList<>();
                for (JsonNode p : block.get("pages")) {
                    shown.add(p.get("pfn").asLong() + " " + p.get("state").asText() + " " + p.get("order").asInt()
                            + " " + p.path("owner").asText("-"));
                }
                assertThat(shown).as("frame 0 kept its pages").containsExactlyElementsOf(atStart.withLive(v ->
                        pagesOf(v, pfn)));
            } finally {
                atStart.close();
            }
            assertThat(c.get("/api/run/pageblock?frame=" + last + "&pfn=banana").status()).isEqualTo(400);
            assertThat(c.get("/api/run/pageblock?frame=" + last + "&pfn=0x7fffffffffff").status()).isEqualTo(404);
            assertThat(c.get("/api/run/pageblocks?frame=9999").status()).isEqualTo(404);
            assertThat(c.get("/api/run/pageblocks").status()).isEqualTo(400);
        } finally {
            twin.close();
        }
    }

    /** Per block: pages in free blocks of the zone's free lists, and pages on its pcp lists. */
    private static long[][] blockCounts(Zone z, long first, int blocks) {
        long[] free = new long[blocks];
        long[] pcp = new long[blocks];
        MemMap mm = z.node().memMap();
        for (int order = 0; order < z.node().arch().maxOrder(); order++) {
            for (int t = 0; t < z.migrateTypes().count(); t++) {
                for (long head : z.freeList(order, t)) {
                    addPages(free, first, head, 1L << order);
                }
            }
        }
        for (int cpu = 0; cpu < z.node().machine().nrCpus(); cpu++) {
            for (int list = 0; list < Zone.NR_PCP_LISTS; list++) {
                for (long head : z.pcpList(cpu, list)) {
                    assertThat(mm.isOnPcp(head)).isTrue();
                    addPages(pcp, first, head, 1L << mm.order(head));
                }
            }
        }
        return new long[][] {free, pcp};
    }

    private static void addPages(long[] perBlock, long first, long head, long pages) {
        for (long p = head; p < head + pages; p++) {
            int b = (int) ((p - first) / 512);
            if (b >= 0 && b < perBlock.length) {
                perBlock[b]++;
            }
        }
    }

    /**
     * "pfn state order owner" for each page of the block holding {@code pfn}: free and pcp pages from the zone's
     * lists, allocated pages from the heads MemMap marks (a head up to 1024 pages before the block may cover it),
     * the owner from pageOwner of the head.
     */
    static List<String> pagesOf(SimulationView v, long pfn) {
        Zone z = v.booted().machine().zoneOf(pfn);
        long start = pfn & ~511L;
        MemMap mm = z.node().memMap();
        String[] state = new String[512];
        int[] order = new int[512];
        String[] owner = new String[512];
        for (int o = 0; o < z.node().arch().maxOrder(); o++) {
            for (int t = 0; t < z.migrateTypes().count(); t++) {
                for (long head : z.freeList(o, t)) {
                    mark(state, order, owner, start, head, o, "free", null);
                }
            }
        }
        for (int cpu = 0; cpu < z.node().machine().nrCpus(); cpu++) {
            for (int list = 0; list < Zone.NR_PCP_LISTS; list++) {
                for (long head : z.pcpList(cpu, list)) {
                    mark(state, order, owner, start, head, mm.order(head), "pcp", null);
                }
            }
        }
        for (long p = Math.max(z.zoneStartPfn(), start - 1024); p < start + 512; p++) {
            if (mm.isAllocatedHead(p)) {
                mark(state, order, owner, start, p, mm.order(p), "allocated", v.pageOwner(p));
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 512; i++) {

            long p = start + i;
            String st = state[i];
            if (st == null) {
                st = !mm.isValid(p) || !z.spans(p) ? "hole" : mm.isReserved(p) ? "reserved" : "untracked";
            }
            out.add(p + " " + st + " " + order[i] + " " + (owner[i] == null ? "-" : owner[i]));
        }
        return out;
    }

    private static void mark(String[] state, int[] order, String[] owner, long start, long head, int o, String st,
            String who) {
        for (long p = head; p < head + (1L << o); p++) {
            if (p >= start && p < start + 512) {
                state[(int) (p - start)] = st;
                order[(int) (p - start)] = o;
                owner[(int) (p - start)] = who;
            }
        }
    }

    private static byte[] inflate(byte[] packed, int size) throws Exception {
        Inflater i = new Inflater();
        i.setInput(packed);
        byte[] out = new byte[size];
        int n = 0;
        while (n < size && !i.finished()) {
            n += i.inflate(out, n, size - n);
        }
        i.end();
        assertThat(n).isEqualTo(size);
        return out;
    }
}
