package org.mmsim.trace.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;
import org.mmsim.trace.TraceReader;

/**
 * One real recording (a 6.1 kernel under QEMU: the kernel's own trace file, and trace-cmd extract of the same
 * buffer as trace.dat, see the dat test resources' README), opened by {@link TraceFiles} in both forms, gives the
 * same event stream: kind, cpu, pid, time to the microsecond the text prints, and every page event's fields. What
 * the two forms cannot share is left out: the marker's event name (tracing_mark_write vs print), pointers the
 * kernel's text prints hashed, call sites the text prints as symbols.
 */
class TraceFormsAgreeTest {

    @Test
    void theTextAndTheTraceDatOfOneRecordingGiveTheSameEvents() throws URISyntaxException {
        List<String> text = events(resource("small-trace.txt.gz"));
        List<String> dat = events(resource("small-v7-zstd.dat"));
        List<String> v6 = events(resource("small-v6.dat.gz"));
        assertThat(text).hasSize(15_213);
        assertThat(dat).isEqualTo(text);
        assertThat(v6).isEqualTo(text);
    }

    private static List<String> events(Path file) {
        List<String> out = new ArrayList<>();
        TraceEvent e = new TraceEvent();
        try (TraceReader r = TraceFiles.open(file, false)) {
            while (r.next(e)) {
                StringBuilder b = new StringBuilder().append(e.kind).append(' ').append(e.cpu).append(' ')
                        .append(e.pid).append(' ').append((e.timeNs + 500) / 1000);
                if (e.kind != TraceEventKind.MARKER) {
                    b.append(' ').append(e.name);
                }
                if (e.kind.system().equals("kmem") && e.name.startsWith("mm_page")) {
                    b.append(" pfn=").append(e.pfn).append(" order=").append(e.order).append(" mt=")
                            .append(e.migratetype).append(" gfp=").append(e.gfpText).append(" refill=")
                            .append(e.percpuRefill).append(" fb=").append(e.fallbackOrder).append('/')
                            .append(e.fallbackMigratetype).append('/').append(e.changeOwnership);
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TraceFormsAgreeTest.class.getResource("/dat/" + name).toURI());
    }
}
