package org.mmsim.study;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.mmsim.report.RunData;
import org.mmsim.report.RunRecorder;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;

/**
 * One whole run into a directory, as {@code mmsim run} writes it (proc/, trace.txt, summary.json, report.html,
 * samples.parquet):
 * the request's scenario booted and simulated, and what the report and the results store are made of.
 */
public final class PointRun {
    private PointRun() {
    }

    /** What a finished run leaves besides its files: the recorded data and the end. */
    public record Result(RunData data, SimulationView end) {
    }

    /**
     * Runs {@code request} writing into {@code dir}.
     *
     * @param progress receives (simulated ns, duration ns); may be null
     * @param wrap     wraps the recorder (e.g. to stop at an interruption); identity when not needed
     */
    public static Result run(RunRequest request, Path dir, BiConsumer<Long, Long> progress,
            UnaryOperator<Recorder> wrap) {
        ScenarioRun.Booted booted = ScenarioRun.boot(request, ScenarioRun.scenario(request));
        return run(request, booted, dir, progress, wrap);
    }

    /** Runs a study's point writing into {@code dir}; its figures and samples. */
    public static PointResult result(StudyPoint point, String source, Path dir) {
        RunData data = run(point.request(source), dir, null, UnaryOperator.identity()).data();
        return new PointResult(point, RunFigures.of(data), SampleTable.rows(data));
    }

    /**
     * Runs {@code request}'s already booted scenario writing into {@code dir}: the recorder's files, the kernel
     * allocators' /proc files the scenario records ({@link KernelFilesRecorder}), the samples as Parquet
     * ({@link SamplesParquet}) and what the run was made from ({@link RunInputs}, for {@code mmsim walk --run}).
     */
    public static Result run(RunRequest request, ScenarioRun.Booted booted, Path dir,
            BiConsumer<Long, Long> progress, UnaryOperator<Recorder> wrap) {
        try (RunRecorder recorder = new RunRecorder(booted.scenario(), dir, progress)) {
            List<String> kernelFiles = booted.scenario().record() == null ? List.of()
                    : booted.scenario().record().kernelFiles();
            Recorder all = kernelFiles.isEmpty() ? recorder
                    : new KernelFilesRecorder(recorder, kernelFiles, dir.resolve("proc"));
            SimulationView end = ScenarioRun.simulate(booted, wrap.apply(all), request.debugVm());
            recorder.finish(end);
            RunData data = recorder.data(end);
            SamplesParquet.write(SampleTable.rows(data), dir.resolve(SamplesParquet.FILE));
            RunInputs.of(request, booted.scenario(), end).write(dir);
            return new Result(data, end);
        }
    }
}
