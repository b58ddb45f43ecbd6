package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The ring buffer behind a per-CPU list keeps list order under random traffic, against a plain list. */
class PageDequeTest {
    @Property(tries = 20, seed = "20261208")
    void behavesLikeAList(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        PageDeque d = new PageDeque();
        List<Integer> ref = new ArrayList<>();
        int next = 0;
        for (int op = 0; op < 20_000; op++) {
            int k = r.nextInt(100);
            if (k < 30) {
                d.addFirst(next);
                ref.add(0, next++);
            } else if (k < 55) {
                d.addLast(next);
                ref.add(next++);
            } else if (ref.isEmpty()) {
                assertThat(d.isEmpty()).isTrue();
            } else if (k < 72) {
                assertThat(d.pollFirst()).isEqualTo(ref.remove(0));
            } else if (k < 88) {
                assertThat(d.pollLast()).isEqualTo(ref.remove(ref.size() - 1));
            } else {
                int at = r.nextInt(ref.size());
                int page = ref.get(at);
                assertThat(d.indexOf(page)).isEqualTo(at);
                d.removeAt(at);
                ref.remove(at);
                assertThat(d.indexOf(page)).isEqualTo(-1);
            }
            assertThat(d.size()).isEqualTo(ref.size());
            if (op % 500 == 0) {
                for (int i = 0; i < ref.size(); i++) {
                    assertThat(d.get(i)).isEqualTo(ref.get(i));
                }
            }
        }
    }
}
