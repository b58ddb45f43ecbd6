package org.mmsim.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.input.TraceFiles;
import org.mmsim.trace.TraceReader;
import org.mmsim.trace.text.FtraceTextReader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing the real 6.1 kmem trace of the x86_64-4G-trace oracle case (2.46 M events, 28 MB gzipped): from the
 * gzipped file as {@code mmsim replay} opens it, and from the text already decompressed into memory (the parser
 * alone). The {@code events} counter gives events per second. Run from the repository root (the path is relative
 * to it) or give -p trace=....
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class TraceParseBench {
    @Param({"testdata/oracle/cases/x86_64-4G-trace/trace.gz"})
    public String trace;

    private Path file;
    private byte[] text;

    /** Events parsed, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counts {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup
    public void setup() throws IOException {
        file = Path.of(trace);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            text = in.readAllBytes();
        }
    }

    /** The whole trace from its gzipped file: reading, gunzip and parsing. */
    @Benchmark
    public long gzippedFile(Counts counts) {
        try (TraceReader r = TraceFiles.open(file, false)) {
            return readAll(r, counts);
        }
    }

    /** The whole trace from its decompressed text in memory: parsing alone. */
    @Benchmark
    public long decompressedBuffer(Counts counts) {
        try (TraceReader r = new FtraceTextReader("trace", new ByteArrayInputStream(text), false)) {
            return readAll(r, counts);
        }
    }

    private static long readAll(TraceReader r, Counts counts) {
        TraceEvent e = new TraceEvent();
        long pfns = 0;
        long n = 0;
        while (r.next(e)) {
            pfns += e.pfn;
            n++;
        }
        counts.events += n;
        return pfns;
    }
}
