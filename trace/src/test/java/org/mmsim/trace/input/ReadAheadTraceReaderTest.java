package org.mmsim.trace.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;
import org.mmsim.trace.TraceReader;

/** {@link ReadAheadTraceReader}: the wrapped reader's events, in order, then its end or its failure. */
class ReadAheadTraceReaderTest {
    /** Events 1..n (pfn = line), then the end, or a failure naming line n + 1. */
    private static final class Counting implements TraceReader {
        private final int n;
        private final boolean fail;
        private int line;
        private boolean closed;

        Counting(int n, boolean fail) {
            this.n = n;
            this.fail = fail;
        }

        @Override
        public boolean next(TraceEvent into) {
            if (line == n) {
                if (fail) {
                    throw new InputError("t.txt:" + (n + 1) + ": garbled");
                }
                return false;
            }
            line++;
            into.clear();
            into.kind = TraceEventKind.MM_PAGE_FREE;
            into.position = line;
            into.pfn = line;
            into.order = line % 11;
            into.comm = "task" + (line % 3);
            return true;
        }

        @Override
        public long skipped() {
            return 7;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static List<Long> drain(TraceReader r) {
        List<Long> pfns = new ArrayList<>();
        TraceEvent e = new TraceEvent();
        while (r.next(e)) {
            assertThat(e.position).isEqualTo(e.pfn);
            assertThat(e.order).isEqualTo((int) (e.pfn % 11));
            pfns.add(e.pfn);
        }
        return pfns;
    }

    @Test
    void theEventsComeInOrderAcrossBatchesAndThenTheEnd() {
        Counting inner = new Counting(10_001, false);
        try (ReadAheadTraceReader r = new ReadAheadTraceReader(inner, "t")) {
            List<Long> pfns = drain(r);
            assertThat(pfns).hasSize(10_001);
            for (int i = 0; i < pfns.size(); i++) {
                assertThat(pfns.get(i)).isEqualTo(i + 1L);
            }
            assertThat(r.next(new TraceEvent())).isFalse();
            assertThat(r.skipped()).isEqualTo(7);
            assertThat(r.source()).isSameAs(inner);
        }
        assertThat(inner.closed).isTrue();
    }

    @Test
    void aFailureComesAfterTheEventsBeforeItAndAgainAtEveryCall() {
        try (ReadAheadTraceReader r = new ReadAheadTraceReader(new Counting(5000, true), "t")) {
            TraceEvent e = new TraceEvent();
            for (int i = 1; i <= 5000; i++) {
                assertThat(r.next(e)).isTrue();
                assertThat(e.pfn).isEqualTo(i);
            }
            assertThatThrownBy(() -> r.next(e)).isInstanceOf(InputError.class).hasMessageContaining("t.txt:5001");
            assertThatThrownBy(() -> r.next(e)).isInstanceOf(InputError.class).hasMessageContaining("t.txt:5001");
        }
    }

    @Test
    void closingBeforeTheEndStopsTheDecoder() {
        Counting inner = new Counting(1_000_000, false);
        ReadAheadTraceReader r = new ReadAheadTraceReader(inner, "t");
        assertThat(r.next(new TraceEvent())).isTrue();
        r.close();
        assertThat(inner.closed).isTrue();
    }
}
