package org.mmsim.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

class ZoneInfoFormatTest {

    @Test
    void parsedFieldsOfAPopulatedAndAnEmptyZone() {
        ZoneInfo zi = ZoneInfoFormat.parse("zi", Oracle.read("x86_64-4G", "zoneinfo"));
        ZoneInfoNode n = zi.node(0);
        assertThat(n.zones()).extracting(ZoneInfoZone::name).containsExactly("DMA", "DMA32", "Normal", "Movable",
                "Device");
        assertThat(n.nodeStats().get("nr_inactive_anon")).isEqualTo(59);
        assertThat(n.nodeStats().name(n.nodeStats().size() - 1)).isEqualTo("pgpromote_candidate");
        ZoneInfoZone dma32 = n.zone("DMA32");
        assertThat(dma32.min()).isEqualTo(12710);
        assertThat(dma32.managed()).isEqualTo(754602);
        assertThat(dma32.protection()).containsExactly(0, 0, 952, 952, 952);
        assertThat(dma32.pagesets()).containsExactly(new Pageset(0, 2263, 15887, 63, 12));
        assertThat(dma32.startPfn()).isEqualTo(4096);
        assertThat(dma32.stats().get("numa_hit")).isEqualTo(1);
        assertThat(dma32.promo()).isEqualTo(ZoneInfoZone.NO_PROMO);
        ZoneInfoZone movable = n.zone("Movable");
        assertThat(movable.populated()).isFalse();
        assertThat(movable.stats().isEmpty()).isTrue();
    }

    @Test
    void linux612PromoWatermarkIsKept() {
        ZoneInfo zi = ZoneInfoFormat.parse("zi", Oracle.read("x86_64-4G-linux6.12", "zoneinfo"));
        assertThat(zi.node(0).zone("DMA32").promo()).isNotEqualTo(ZoneInfoZone.NO_PROMO);
    }

    /**
     * Rebuilds node 1 of the two-node machine the way the model will (6.1 constructor, unpopulated()
     * helper): its DMA zone is empty, so the node stats go under DMA32, as the kernel printed them.
     */
    @Test
    void modelBuiltNodeWithAnEmptyFirstZoneRendersLikeTheKernel() {
        String text = Oracle.read("x86_64-4G-numa2", "zoneinfo");
        ZoneInfoNode parsed = ZoneInfoFormat.parse("zi", text).node(1);
        List<ZoneInfoZone> zones = new ArrayList<>();
        for (ZoneInfoZone z : parsed.zones()) {
            if (!z.populated()) {
                zones.add(ZoneInfoZone.unpopulated(z.name(), z.min(), z.low(), z.high(), z.spanned(), z.protection()));
            } else {
                NamedCounters.Builder stats = NamedCounters.builder();
                for (int i = 0; i < z.stats().size(); i++) {
                    stats.add(z.stats().name(i), z.stats().value(i));
                }
                zones.add(new ZoneInfoZone(z.name(), z.pagesFree(), z.boost(), z.min(), z.low(), z.high(),
                        z.spanned(), z.present(), z.managed(), z.cma(), z.protection(), stats.build(),
                        z.pagesets(), z.nodeUnreclaimable(), z.startPfn()));
            }
        }
        ZoneInfoNode rebuilt = new ZoneInfoNode(1, parsed.nodeStats(), zones);
        assertThat(rebuilt.firstPopulatedZone()).isEqualTo(1);
        String node1 = text.substring(text.indexOf("Node 1, zone      DMA"));
        assertThat(ZoneInfoFormat.render(new ZoneInfo(List.of(rebuilt)))).isEqualTo(node1);
    }

    private static String error(String text) {
        try {
            ZoneInfoFormat.parse("zi", text);
        } catch (InputError e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    private static final String EMPTY_ZONE = """
            Node 0, zone  Movable
              pages free     0
                    boost    0
                    min      0
                    low      0
                    high     0
                    spanned  0
                    present  0
                    managed  0
                    cma      0
                    protection: (0, 0, 0, 0, 0)
            """;

    @Test
    void badInput() {
        assertThat(error("")).isEqualTo("zi: empty file");
        assertThat(error("Node 0, zone DMA 1 2 3\n")).isEqualTo("zi:1: expected 'Node N, zone NAME', found"
                + " 'Node 0, zone DMA 1 2 3'");
        assertThat(error(EMPTY_ZONE.replace("(0, 0, 0, 0, 0)", "(0, x, 0, 0, 0)")))
                .isEqualTo("zi:11: expected a number for protection[1], found 'x'");
        assertThat(error(EMPTY_ZONE.replace("boost    0", "boost    -4")))
                .isEqualTo("zi:3: negative boost '-4'");
        assertThat(error(EMPTY_ZONE + "  pagesets\n")).isEqualTo("zi:12: zone Movable has no present pages, so the"
                + " kernel prints nothing more for it; found '  pagesets'");
        assertThat(error(EMPTY_ZONE.replace("Movable\n", "Movable\n  per-node stats\n      nr_dirty     0\n")))
                .isEqualTo("zi:2: per-node stats under unpopulated zone Movable");
        String populatedWithoutNodeStats = Oracle.read("x86_64-4G", "zoneinfo").replaceFirst(
                "(?s)  per-node stats\n.*?(  pages free)", "$1");
        assertThat(error(populatedWithoutNodeStats))
                .isEqualTo("zi:1: zone DMA is node 0's first populated zone but has no 'per-node stats'");
    }
}
