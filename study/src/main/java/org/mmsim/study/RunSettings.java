package org.mmsim.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.KernelBootParam;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.workload.scenario.Scenario;

/**
 * Settings over a run's scenario and machine, as {@code mmsim run --set NAME=VALUE} and a study's axes give them: a setting of the table ({@link KernelSysctl}, {@link KernelBootParam}) over the
 * scenario's or the machine's. A sysctl ({@code vm.NAME=VALUE}, or {@code sysctl.vm.NAME=VALUE} as on a kernel
 * command line) overrides the scenario's value; any other kernel boot parameter goes onto the machine's command
 * line. Each is checked against the table, and a bad one is one line
 * naming where it came from: {@code mmsim: --set: vm.swappiness=300: sysctl vm.swappiness 300 is outside 0..200 ...}.
 */
public final class RunSettings {
    private final List<String> settings;
    private final String source;
    private final int line;

    /**
     * @param settings the NAME=VALUE words, in order (a later one wins)
     * @param source   what an error names as their origin: an option ({@code --set}) or a file
     * @param line     the line of {@code source} an error names (0: none)
     */
    public RunSettings(List<String> settings, String source, int line) {
        this.settings = List.copyOf(settings);
        this.source = source;
        this.line = line;
    }

    /** The NAME=VALUE words. */
    public List<String> settings() {
        return settings;
    }

    /**
     * The machine with the boot parameters of --set on its command line and, when {@code bootOnly} (a command that
     * only boots), the boot-time sysctls among its settings; a sysctl that matters only to a run is then refused.
     */
    public MachineSpec machine(MachineSpec spec, boolean bootOnly) {
        MachineSpec out = spec;
        Map<String, String> sysctl = new LinkedHashMap<>();
        for (String word : settings) {
            String value = checked(word, spec);
            KernelSysctl s = sysctl(word);
            if (s == null) {
                out = MachineFile.withBootParam(out, word, source, line);
            } else if (bootOnly && !s.boot()) {
                throw refuse(word, s.key() + " matters only to a run (mmsim run); at boot only "
                        + String.join(", ", KernelSysctl.keys(true)) + " do");
            } else if (bootOnly) {
                sysctl.put(s.key(), value);
            }
        }
        if (sysctl.isEmpty()) {
            return out;
        }
        Map<String, String> all = new LinkedHashMap<>(out.sysctl());
        all.putAll(sysctl);
        return out.withSysctl(all);
    }

    /**
     * The scenario's sysctls, under them the run-time ones the machine's command line gives (sysctl.vm.*, as the
     * kernel applies boot arguments before any later write; the boot-time ones are already the machine's), over
     * them the sysctls of --set, for a run on {@code spec}.
     */
    public Scenario scenario(Scenario scenario, MachineSpec spec) {
        Map<String, String> sysctl = new LinkedHashMap<>();
        spec.cmdline().sysctl().forEach((key, value) -> {
            if (!KernelSysctl.byKey(key).boot()) {
                sysctl.put(key, value);
            }
        });
        sysctl.putAll(scenario.sysctl());
        for (String word : settings) {
            String value = checked(word, spec);
            if (sysctl(word) != null) {
                sysctl.put(sysctl(word).key(), value);
            }
        }
        return sysctl.equals(scenario.sysctl()) ? scenario : scenario.withSysctl(sysctl);
    }

    /**
     * The value of a sysctl {@code word} as the kernel stores it (checked for {@code spec}'s zones), or the boot
     * parameter word checked; anything else is refused naming the option.
     */
    private String checked(String word, MachineSpec spec) {
        if (word.indexOf('=') <= 0) {
            throw refuse(word, "give NAME=VALUE");
        }
        KernelSysctl s = sysctl(word);
        KernelBootParam p = KernelBootParam.of(word);
        if (s == null && p == null) {
            throw refuse(word, "unknown setting '" + name(word) + "' (sysctls: "
                    + String.join(", ", KernelSysctl.keys(false)) + "; boot parameters: "
                    + String.join(", ", KernelBootParam.names()) + ")");
        }
        try {
            if (s != null) {
                return s.check(word.substring(word.indexOf('=') + 1), spec.arch().zoneTypes().size());
            }
            p.check(word);
            return word;
        } catch (IllegalArgumentException e) {
            throw refuse(word, e.getMessage());
        }
    }

    /** The sysctl {@code word} sets, as {@code vm.NAME=VALUE} or {@code sysctl.vm.NAME=VALUE}, or null. */
    private static KernelSysctl sysctl(String word) {
        String name = name(word);
        return KernelSysctl.byKey(KernelBootParam.of(word) == KernelBootParam.SYSCTL
                ? name.substring("sysctl.".length()).replace('/', '.') : name);
    }

    private static String name(String word) {
        return word.substring(0, Math.max(0, word.indexOf('=')));
    }

    private InputError refuse(String word, String problem) {
        return InputError.at(source, line, word + ": " + problem);
    }
}
