package org.mmsim.boot.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.arch.InputError;

/**
 * The memory-related parameters of a kernel command line: {@code mem=} (arch/x86/kernel/e820.c
 * parse_memopt), {@code kernelcore=} and {@code movablecore=} (mm/page_alloc.c cmdline_parse_core, which
 * takes a size or a percentage), {@code memblock=debug}, {@code transparent_hugepage=} and
 * {@code numa=off}. Other words are kept but ignored.
 */
public record KernelCommandLine(String text, long memLimit, Core kernelcore, Core movablecore,
        boolean kernelcoreMirror, boolean memblockDebug, String transparentHugepage, boolean numaOff) {

    /** A size in bytes or a percentage of total memory (0 = not given). */
    public record Core(long bytes, int percent) {
        public static final Core NONE = new Core(0, 0);

        public boolean given() {
            return bytes != 0 || percent != 0;
        }
    }

    public static final KernelCommandLine EMPTY = parse("", "<cmdline>", 0);

    /** Parses {@code text}; errors name {@code file} and {@code line}. */
    public static KernelCommandLine parse(String text, String file, int line) {
        long mem = 0;
        Core kernelcore = Core.NONE;
        Core movablecore = Core.NONE;
        boolean mirror = false;
        boolean memblockDebug = false;
        String thp = null;
        boolean numaOff = false;
        Map<String, String> params = new LinkedHashMap<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            String val = eq < 0 ? "" : word.substring(eq + 1);
            params.put(key, val);
            try {
                switch (key) {
                    case "mem":
                        mem = Sizes.memparse(val);
                        break;
                    case "kernelcore":
                        if (val.equals("mirror")) {
                            mirror = true;
                        } else {
                            kernelcore = parseCore(val);
                        }
                        break;
                    case "movablecore":
                        movablecore = parseCore(val);
                        break;
                    case "memblock":
                        memblockDebug = val.equals("debug");
                        break;
                    case "transparent_hugepage":
                        thp = val;
                        break;
                    case "numa":
                        numaOff = val.equals("off");
                        break;
                    default:
                        break;
                }
            } catch (IllegalArgumentException e) {
                throw InputError.at(file, line, "kernel command line '" + word + "': " + e.getMessage());
            }
        }
        return new KernelCommandLine(text.trim(), mem, kernelcore, movablecore, mirror, memblockDebug, thp, numaOff);
    }

    private static Core parseCore(String val) {
        if (val.endsWith("%")) {
            String digits = val.substring(0, val.length() - 1);
            if (!digits.matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("not a percentage 0..100");
            }
            int pct = Integer.parseInt(digits);
            if (pct < 0 || pct > 100) {
                throw new IllegalArgumentException("percentage out of range");
            }
            return new Core(0, pct);
        }
        return new Core(Sizes.memparse(val), 0);
    }
}
