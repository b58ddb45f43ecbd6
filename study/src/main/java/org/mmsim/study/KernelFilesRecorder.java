package org.mmsim.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mmsim.report.RunRecorder;
import org.mmsim.workload.ForwardingRecorder;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;

/**
 * A recorder that passes everything on and, at every snapshot, writes the kernel allocators' /proc files the
 * scenario records ({@code record: proc: [slabinfo, vmallocinfo]}) into the snapshot's folder beside the page
 * allocator's, in the kernel's format ({@link SimulationView#kernelFile}: slabinfo 2.1 as mm/slab_common.c's
 * cache_show() prints it, vmallocinfo as mm/vmalloc.c's s_show()).
 */
final class KernelFilesRecorder extends ForwardingRecorder {
    private final List<String> names;
    private final Path procDir;

    /**
     * @param names   the files to write (slabinfo, vmallocinfo)
     * @param procDir the run's proc/ folder, which holds one folder per snapshot
     */
    KernelFilesRecorder(Recorder inner, List<String> names, Path procDir) {
        super(inner);
        this.names = List.copyOf(names);
        this.procDir = procDir;
    }

    @Override
    public void snapshot(long timeNs, String label, SimulationView view) {
        super.snapshot(timeNs, label, view);
        Path snap = procDir.resolve(RunRecorder.snapshotName(timeNs, label));
        try {
            Files.createDirectories(snap);
            for (String name : names) {
                String text = view.kernelFile(name);
                if (text != null) {
                    Files.writeString(snap.resolve(name), text, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
