package org.mmsim.boot.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.InputError;

/**
 * The memory-related parameters of a kernel command line, each read and checked through its entry in
 * {@link KernelBootParam} (which names the kernel function that parses it and the values it accepts): mem=,
 * kernelcore=, movablecore=, memblock=debug, transparent_hugepage=, numa=off, cma= and sysctl.vm.*. Other words
 * are kept but ignored.
 */
public record KernelCommandLine(String text, long memLimit, Core kernelcore, Core movablecore,
        boolean kernelcoreMirror, boolean memblockDebug, String transparentHugepage, boolean numaOff, long cmaBytes,
        Map<String, String> sysctl) {

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
        long cma = 0;
        Map<String, String> sysctl = new LinkedHashMap<>();
        for (String word : words(text)) {
            KernelBootParam param = KernelBootParam.of(word);
            if (param == null) {
                continue;
            }
            String val = word.substring(word.indexOf('=') + 1);
            try {
                param.check(word);
                switch (param) {
                    case MEM -> mem = param.size(val);
                    case KERNELCORE -> {
                        mirror = val.equals("mirror");
                        kernelcore = param.core(val);
                    }
                    case MOVABLECORE -> movablecore = param.core(val);
                    case MEMBLOCK -> memblockDebug = true;
                    case TRANSPARENT_HUGEPAGE -> thp = val;
                    case NUMA -> numaOff = true;
                    case CMA -> cma = param.size(val);
                    case SYSCTL -> {
                        KernelSysctl s = KernelBootParam.sysctl(word.substring(0, word.indexOf('=')));
                        sysctl.put(s.key(), s.check(val, KernelSysctl.MOST_ZONES));
                    }
                    default -> throw new IllegalStateException(param.name());
                }
            } catch (IllegalArgumentException e) {
                throw InputError.at(file, line, "kernel command line '" + word + "': " + e.getMessage());
            }
        }
        return new KernelCommandLine(text.trim(), mem, kernelcore, movablecore, mirror, memblockDebug, thp, numaOff,
                cma, Collections.unmodifiableMap(sysctl));
    }

    /**
     * This command line with {@code word} added, replacing the words that set the same parameter (the kernel reads
     * words in order, so the last one would win anyway); errors name {@code file} and {@code line}.
     */
    public KernelCommandLine with(String word, String file, int line) {
        String key = key(word);
        List<String> kept = new ArrayList<>();
        for (String w : words(text)) {
            if (!key(w).equals(key)) {
                kept.add(w);
            }
        }
        kept.add(word);
        return parse(String.join(" ", kept), file, line);
    }

    /** The boot-time sysctls given as sysctl.vm.* ({@link KernelSysctl#boot()}), for the machine's own settings. */
    public Map<String, String> bootSysctl() {
        Map<String, String> out = new LinkedHashMap<>();
        sysctl.forEach((k, v) -> {
            if (KernelSysctl.byKey(k).boot()) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String key(String word) {
        int eq = word.indexOf('=');
        return eq < 0 ? word : word.substring(0, eq);
    }
}
