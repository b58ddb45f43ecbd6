package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.workload.scenario.GeneratorKind;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * The story names every workload entry by its kind, with its settings and, where the samples have one, what it
 * came to (sizes worked out by hand: pages / 256 MiB).
 */
class WorkloadStoryTest {
    private static final String NORMAL = "Node 0, zone Normal";

    private static Scenario.Generator entry(String kind, String name, Object... keyValue) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            params.put((String) keyValue[i], keyValue[i + 1]);
        }
        if (name != null) {
            params.put("name", name);
        }
        return new Scenario.Generator(kind, name == null ? kind + "1" : name, params, 1);
    }

    /** Two snapshots of a quiet machine, with these entries and the second snapshot as given. */
    private static String story(List<Scenario.Generator> entries, SampleBuilder second) {
        return Story.text(new RunBuilder().zones(NORMAL).workload(entries)
                .sample(SampleBuilder.at(0).zone(2560, 1, 2, 3)).sample(second.zone(2560, 1, 2, 3)).build());
    }

    @Test
    void everyKindOfEveryBuiltinScenarioIsInItsStory() {
        for (String name : ScenarioFile.builtins()) {
            Scenario s = ScenarioFile.load(name);
            String story = story(s.generators(), SampleBuilder.at(1));
            for (Scenario.Generator g : s.generators()) {
                assertThat(story).as("%s: %s", name, g.kind()).contains("<b>" + g.kind() + "</b>");
            }
        }
    }

    @Test
    void theSlabChurnStoryNamesItsCachesAndVmalloc() {
        String story = story(ScenarioFile.load("slab-churn").generators(), SampleBuilder.at(1));
        assertThat(story).contains("<b>kmalloc</b> skb_data (1.5 KiB objects, 20000/s)",
                "<b>kmem_cache</b> dentry_sim (200 B objects, 40000/s, reclaimable, until 5.0 s)",
                "<b>vmalloc</b> module_sim (256 KiB areas, 100/s)", "<b>drop_caches</b> (2) at 8.0 s");
    }

    @Test
    void eachKindEndsWithWhatItCameTo() {
        List<Scenario.Generator> entries = List.of(
                entry("anon", "db", "size", 1L << 30, "processes", 1L, "thp", true, "start", 9_000_000_000L),
                entry("file", "reader", "size", 3L << 30),
                entry("kmem_cache", "dentry_sim", "object_size", 200L, "rate", 40000.0, "reclaimable", true),
                entry("kmalloc", "skb", "size", 1500L, "rate", 20000.0),
                entry("slab", null, "rate", 2000.0, "reclaimable", true),
                entry("vmalloc", "mod", "size", 256L << 10, "rate", 100.0),
                entry("compaction_test", null, "at", 0L),
                entry("snapshot", null, "at", 3_500_000_000L, "label", "after-punch"));
        SampleBuilder end = SampleBuilder.at(1).rss("db (1001)", 262144).rss("other (1002)", 999)
                .counter("nr_file_pages", 512).slab("dentry_sim", 1024).slab("kmalloc-2k", 128)
                .slab("kmalloc-cg-64", 64).slab("reclaimable", 2560).counter("nr_vmalloc", 1280)
                .counter("compaction_test_hugepages_requested", 300)
                .counter("compaction_test_hugepages_allocated", 120)
                .counter("compaction_test_hugepages_passed", 1);
        assertThat(story(entries, end)).contains("<p>The workload: "
                + "<b>anon</b> db (1 GiB of anonymous memory in 1 process(es), THP, from 9.0 s): peak RSS 1024.0 MiB; "
                + "<b>file</b> reader (reading 3 GiB): page cache peaked at 2.0 MiB; "
                + "<b>kmem_cache</b> dentry_sim (200 B objects, 40000/s, reclaimable): its slab peaked at 4.0 MiB; "
                + "<b>kmalloc</b> skb (1.5 KiB objects, 20000/s): all kmalloc-* caches together peaked at 0.8 MiB; "
                + "<b>slab</b> (reclaimable slab pages, 2000/s): slab pages peaked at 10.0 MiB; "
                + "<b>vmalloc</b> mod (256 KiB areas, 100/s): vmalloc peaked at 5.0 MiB; "
                + "<b>compaction_test</b> at 0.0 s: 120 of 300 huge pages allocated, passed; "
                + "<b>snapshot</b> 'after-punch' at 3.5 s.</p>");
    }

    @Test
    void anEntryWithoutFiguresIsStillNamedAndANameIsEscaped() {
        String story = story(List.of(entry("kernel", "a<b>", "rate", 8000.0),
                entry("anon", "idle", "size", 1L << 20)), SampleBuilder.at(1));
        assertThat(story).contains("<b>kernel</b> a&lt;b&gt; (8000 page allocations/s)",
                "<b>anon</b> idle (1 MiB of anonymous memory in 1 process(es))").doesNotContain("peak RSS");
    }

    @Test
    void everyKindHasItsOwnClause() {
        for (GeneratorKind k : GeneratorKind.values()) {
            String story = story(List.of(entry(k.key(), null)), SampleBuilder.at(1));
            assertThat(story).as(k.key()).contains("<p>The workload: <b>" + k.key() + "</b>");
        }
    }
}
