package org.mmsim.workload.scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmsim.boot.spec.YamlNode;
import org.mmsim.page.GfpNames;

/**
 * Parses the values of a scenario file, each with an error naming the file and line of the offending value:
 * times (a number and a unit: ns, us, ms, s, m), sizes (bytes or K, M, G, T in powers of 1024), rates (per
 * second, or bytes per second with a size suffix, optionally ending in "/s"), booleans, whole numbers, order
 * mixes and gfp masks (names of the kernel's GFP flags joined by '|').
 */
final class ScenarioValues {
    private static final Pattern TIME = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|ms|s|m)");
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([KMGTkmgt]?)");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    /** A count: a number with an empty unit group, as {@link #SIZE} without a suffix. */
    private static final Pattern COUNT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*()");
    /** Longest scenario: one simulated day. */
    static final long MAX_TIME_NS = 24L * 3600 * 1_000_000_000L;
    /** Largest size: 2^52 bytes, the widest physical address space of any architecture (arm64 with 52-bit PA). */
    static final double MAX_SIZE = 0x1p52;
    /** Largest order weight: weights are relative, and a sum of huge ones would lose the small ones. */
    static final double MAX_WEIGHT = 1e9;
    /** Highest event rate: one per nanosecond, the resolution of the simulated clock. */
    static final double MAX_RATE = 1e9;
    /** Highest byte rate: 2^40 bytes (1 TiB) per second, beyond any machine's memory bandwidth. */
    static final double MAX_BYTE_RATE = 0x1p40;

    private ScenarioValues() {
    }

    static String text(YamlNode n, String what) {
        if (n.kind() != YamlNode.Kind.SCALAR) {
            throw n.error(what + " must be a single value");
        }
        return n.asText(what).trim();
    }

    /** A name (of the scenario or a workload): one line of 1 to 100 characters, no control characters. */
    static String name(YamlNode n, String what) {
        String s = text(n, what);
        if (s.isEmpty() || s.length() > 100 || s.chars().anyMatch(Character::isISOControl)) {
            throw n.error(what + " must be one line of 1 to 100 printable characters");
        }
        return s;
    }

    private static void notNegative(YamlNode n, String s, String what) {
        if (s.startsWith("-")) {
            throw n.error(what + " must not be negative: '" + s + "'");
        }
    }

    /**
     * A number with a unit, {@code body} matched by {@code pattern} (group 1 the number, group 2 the unit) and
     * scaled by the unit's factor. A value that does not match or is above {@code max} is refused with
     * {@code s}, the value as written, and the reason.
     */
    private static double scaled(YamlNode n, String what, String s, String body, Pattern pattern,
            ToLongFunction<String> unitFactor, double max, String notAValue, String tooLarge) {
        Matcher m = pattern.matcher(body);
        if (!m.matches()) {
            throw n.error(what + " '" + s + "' " + notAValue);
        }
        double v = Double.parseDouble(m.group(1)) * unitFactor.applyAsLong(m.group(2));
        if (v > max) {
            throw n.error(what + " '" + s + "' " + tooLarge);
        }
        return v;
    }

    /** A time in nanoseconds. */
    static long time(YamlNode n, String what) {
        String s = text(n, what);
        notNegative(n, s, what);
        return Math.round(scaled(n, what, s, s, TIME, ScenarioValues::nanosPerUnit, MAX_TIME_NS,
                "is not a time: a number with a unit ns, us, ms, s or m (e.g. 60s)", "is longer than a day"));
    }

    private static long nanosPerUnit(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            default -> 60_000_000_000L;
        };
    }

    /** A size in bytes. */
    static long size(YamlNode n, String what) {
        String s = text(n, what);
        notNegative(n, s, what);
        return Math.round(scaled(n, what, s, s, SIZE, ScenarioValues::multiplier, MAX_SIZE,
                "is not a size: bytes, or a number with K, M, G or T (powers of 1024)",
                "is too large (at most 4096T, 2^52 bytes)"));
    }

    private static long multiplier(String suffix) {
        return switch (suffix.toUpperCase(Locale.ROOT)) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            case "T" -> 1L << 40;
            default -> 1L;
        };
    }

    /** A rate per second: a count, or with a size suffix bytes; an optional "/s" is allowed. */
    static double rate(YamlNode n, String what, boolean bytes) {
        String s = text(n, what);
        notNegative(n, s, what);
        String body = s.endsWith("/s") ? s.substring(0, s.length() - 2).trim() : s;
        if (bytes) {
            return scaled(n, what, s, body, SIZE, ScenarioValues::multiplier, MAX_BYTE_RATE,
                    "is not a rate: bytes per second, e.g. 512M or 512M/s", "is too high (at most 1T per second)");
        }
        return scaled(n, what, s, body, COUNT, ScenarioValues::multiplier, MAX_RATE,
                "is not a rate: a number per second, e.g. 2000 or 2000/s",
                "is too high (at most 10^9 per second, one per nanosecond)");
    }

    static boolean bool(YamlNode n, String what) {
        String s = text(n, what);
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw n.error(what + " must be true or false, not '" + s + "'");
        };
    }

    /** A whole number in [min, max]. */
    static long whole(YamlNode n, String what, long min, long max) {
        String s = text(n, what);
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            if (s.matches("-?[0-9]+")) {
                throw n.error(what + " " + s + " is outside " + min + ".." + max);
            }
            throw n.error(what + " must be a whole number, not '" + s + "'");
        }
        if (v < min || v > max) {
            throw n.error(what + " " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    /** A non-negative number. */
    static double number(YamlNode n, String what) {
        String s = text(n, what);
        notNegative(n, s, what);
        if (!NUMBER.matcher(s).matches()) {
            throw n.error(what + " must be a number, not '" + s + "'");
        }
        return Double.parseDouble(s);
    }

    /** An order mix "order: weight" with orders 0..maxOrder-1 and a positive total weight. */
    static Map<Integer, Double> orders(YamlNode n, String what, int maxOrder) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, YamlNode> e : n.asMap(what).entrySet()) {
            int order;
            try {
                order = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw InputErrors.at(n, n.keyLine(e.getKey()), what + ": '" + e.getKey() + "' is not an order");
            }
            if (order < 0 || order >= maxOrder) {
                throw InputErrors.at(n, n.keyLine(e.getKey()),
                        what + ": order " + order + " is outside 0.." + (maxOrder - 1));
            }
            double w = number(e.getValue(), what + " weight of order " + order);
            if (w > MAX_WEIGHT) {
                throw e.getValue().error(what + " weight of order " + order + " is above 10^9: weights are relative,"
                        + " write smaller ones");
            }
            out.put(order, w);
            total += w;
        }
        if (total <= 0) {
            throw n.error(what + ": the weights add up to zero");
        }
        return out;
    }

    /**
     * A gfp mask written as flag names of the one GFP name table joined by '|' (GFP_KERNEL, GFP_TRANSHUGE_LIGHT |
     * __GFP_NOWARN, ...), parsed here once so a bad name is refused at load with the file and line.
     */
    static GfpMask gfp(YamlNode n, String what) {
        String s = text(n, what);
        int mask = 0;
        for (String part : s.split("\\|")) {
            String name = part.trim();
            OptionalInt flag = GfpNames.flag(name);
            if (flag.isEmpty()) {
                throw n.error(what + ": unknown gfp flag '" + name + "' (e.g. GFP_KERNEL, GFP_HIGHUSER_MOVABLE,"
                        + " GFP_TRANSHUGE_LIGHT, GFP_ATOMIC, __GFP_NOWARN)");
            }
            mask |= flag.getAsInt();
        }
        return new GfpMask(mask);
    }
}
