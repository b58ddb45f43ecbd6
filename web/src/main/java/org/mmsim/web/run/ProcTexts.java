package org.mmsim.web.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.mmsim.proc.model.ProcFiles;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Recordables;

/**
 * The /proc files of one moment in the kernel's formats, deflated: kept for every frame, so a frame stays a few
 * KiB although its files are tens. The page allocator's files are rendered by proc's {@link ProcFiles} (as
 * {@code mmsim run}'s recorder writes them), slabinfo and vmallocinfo by the kernel allocators ({@link
 * SimulationView#kernelFile}) when the run has them.
 */
public final class ProcTexts {
    private final Map<String, byte[]> deflated;
    private final long rawBytes;

    private ProcTexts(Map<String, byte[]> deflated, long rawBytes) {
        this.deflated = deflated;
        this.rawBytes = rawBytes;
    }

    /** The files of the live model; {@code swapPages} is the scenario's swap, for meminfo. */
    public static ProcTexts capture(SimulationView view, long swapPages) {
        ProcFiles files = new ProcFiles(view.booted(), view.counters(), swapPages);
        Map<String, byte[]> out = new LinkedHashMap<>();
        long raw = 0;
        for (String name : ProcFiles.NAMES) {
            String text = files.render(name);
            raw += text.length();
            out.put(name, deflate(text));
        }
        for (String name : Recordables.KERNEL_FILES) {
            String text = view.kernelFile(name);
            if (text != null) {
                raw += text.length();
                out.put(name, deflate(text));
            }
        }
        return new ProcTexts(out, raw);
    }

    /** The files kept, in the order of {@link ProcFiles#NAMES}, then slabinfo and vmallocinfo. */
    public List<String> names() {
        return new ArrayList<>(deflated.keySet());
    }

    /** The text of file {@code name}, or null when this moment has no such file. */
    public String text(String name) {
        byte[] d = deflated.get(name);
        return d == null ? null : inflate(d);
    }

    /** Bytes kept (deflated). */
    public long keptBytes() {
        long n = 0;
        for (byte[] d : deflated.values()) {
            n += d.length + 16;
        }
        return n;
    }

    /** Characters of the files as text. */
    public long rawBytes() {
        return rawBytes;
    }

    private static byte[] deflate(String text) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(text.getBytes(StandardCharsets.UTF_8));
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 4 + 64);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static String inflate(byte[] data) {
        Inflater in = new Inflater();
        try {
            in.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 5);
            byte[] buf = new byte[8192];
            while (!in.finished()) {
                int n = in.inflate(buf);
                if (n == 0 && (in.needsInput() || in.needsDictionary())) {
                    throw new IllegalStateException("a kept /proc text is truncated");
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a kept /proc text is corrupt", e);
        } finally {
            in.end();
        }
    }
}
