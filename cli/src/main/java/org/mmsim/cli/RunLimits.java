package org.mmsim.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmsim.arch.InputError;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.report.OutputEstimate;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.WorkEstimate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The bounds on what one {@code mmsim run} may do: by default a run estimated to take more than an hour or to write
 * more than 1 GiB is refused before it starts, with the estimate and the option that lifts the bound. The estimate
 * comes from the scenario's settings ({@link WorkEstimate}, {@link OutputEstimate}) and this machine's measured
 * speed ({@link RunSpeed}).
 */
final class RunLimits {
    @Option(names = "--max-time", paramLabel = "DURATION", converter = Seconds.class,
            description = "refuse a run estimated to take longer than this on this machine (default 1h; ms, s, m,"
                    + " h, d)")
    double maxSeconds = 3600;

    @Option(names = "--max-output", paramLabel = "SIZE", converter = Bytes.class,
            description = "refuse a run estimated to write more than this (default 1G; K, M, G, T)")
    long maxBytes = 1L << 30;

    @Option(names = "--no-limit", description = "run even when the estimates exceed --max-time or --max-output")
    boolean noLimit;

    /** Refuses the run of the scenario on the booted machine if its estimates exceed the bounds. */
    void check(Scenario scenario, BootedMachine booted) {
        if (noLimit) {
            return;
        }
        long pages = booted.machine().zones().stream().mapToLong(z -> z.spannedPages()).sum();
        WorkEstimate work = WorkEstimate.of(scenario, pages, booted.machine().nodes().size());
        double seconds = RunSpeed.seconds(work, pages);
        if (seconds > maxSeconds) {
            throw InputError.at(scenario.sourceFile(), 0, String.format(Locale.ROOT,
                    "too much work: %s page operations, %s events and %s snapshots, estimated %s on this"
                            + " machine, more than --max-time %s; pass --no-limit to run it anyway",
                    count(work.operations()), count(work.events()), count(work.snapshots()), duration(seconds),
                    duration(maxSeconds)));
        }
        OutputEstimate output = OutputEstimate.of(scenario, booted, work);
        if (output.bytes() > maxBytes) {
            throw InputError.at(scenario.sourceFile(), 0, String.format(Locale.ROOT,
                    "too much output: about %s in %s files (%s snapshots, %s trace lines), more than"
                            + " --max-output %s; pass --no-limit to run it anyway",
                    size(output.bytes()), count(output.files()), count(work.snapshots()), count(work.traceLines()),
                    size(maxBytes)));
        }
    }

    /** A count as a whole number, or with three digits and an exponent once it is large. */
    private static String count(double n) {
        return String.format(Locale.ROOT, n < 1e6 ? "%.0f" : "%.3g", n);
    }

    private static String duration(double s) {
        if (s < 1) {
            return String.format(Locale.ROOT, "%.0f ms", s * 1000);
        }
        if (s < 10) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        if (s < 172_800) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        return String.format(Locale.ROOT, "%.3g days", s / 86_400);
    }

    private static String size(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
    }

    /** A duration such as 500ms, 90s, 30m, 2h or 1d (seconds when no unit is given), more than 0. */
    static final class Seconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String v) {
            if (v.endsWith("ms")) {
                return scaled(v.substring(0, v.length() - 2), "", new long[0], "a duration") / 1000.0;
            }
            return (double) scaled(v, "smhd", new long[] {1, 60, 3600, 86_400},
                    "a duration such as 500ms, 90s, 30m, 2h or 1d");
        }
    }

    /** A size such as 500M or 2G (bytes when no unit is given), at least one byte. */
    static final class Bytes implements ITypeConverter<Long> {
        @Override
        public Long convert(String v) {
            return scaled(v, "KMGT", new long[] {1L << 10, 1L << 20, 1L << 30, 1L << 40}, "a size such as 500M or 2G");
        }
    }

    /** A whole number of 1 to 12 digits, more than 0, with an optional unit letter, times the unit's factor. */
    private static long scaled(String v, String units, long[] factors, String what) {
        Matcher m = Pattern.compile("([0-9]{1,12})(" + (units.isEmpty() ? "" : "[" + units + "]?") + ")").matcher(v);
        if (!m.matches()) {
            throw new TypeConversionException("'" + v + "' is not " + what);
        }
        long n = Long.parseLong(m.group(1));
        if (n == 0) {
            throw new TypeConversionException("'" + v + "' is not " + what + " (it must be more than 0)");
        }
        long f = m.group(2).isEmpty() ? 1 : factors[units.indexOf(m.group(2))];
        if (n > Long.MAX_VALUE / f) {
            throw new TypeConversionException("'" + v + "' is too large");
        }
        return n * f;
    }
}
