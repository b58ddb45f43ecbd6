package org.mmsim.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.KernelBootParam;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioEdit;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * Settings over a run's scenario and machine, as {@code mmsim run --set NAME=VALUE} and a study's axes give them.
 * A sysctl of the table ({@link KernelSysctl}: {@code vm.NAME=VALUE}, or {@code sysctl.vm.NAME=VALUE} as on a
 * kernel command line) overrides the scenario's value; a kernel boot parameter ({@link KernelBootParam}) goes onto
 * the machine's command line; a scenario field ({@link ScenarioEdit}: {@code duration=5s}, {@code machine=x86_64-1G},
 * {@code workload.db.size=2G}) changes the scenario file's tree before it is checked, so every check of a scenario
 * file applies. {@code transparent_hugepage=MODE} is both a boot parameter and the scenario's THP mode, and sets
 * both. Each is checked, and a bad one is one line naming where it came from:
 * {@code mmsim: --set: vm.swappiness=300: sysctl vm.swappiness 300 is outside 0..200 ...}.
 */
public final class RunSettings {
    /**
     * One NAME=VALUE word and where it came from: an option or a file ({@code source}) and its line (0: none), and
     * what an error shows of it ({@code --duration 5s} shows {@code 5s}, {@code --set duration=5s} the word).
     */
    private record Setting(String word, String source, int line, String shown) {
        String origin() {
            return (line > 0 ? source + ":" + line : source) + ": " + shown;
        }
    }

    private final List<Setting> settings;

    /**
     * @param settings the NAME=VALUE words, in order (a later one wins)
     * @param source   what an error names as their origin: an option ({@code --set}) or a file
     * @param line     the line of {@code source} an error names (0: none)
     */
    public RunSettings(List<String> settings, String source, int line) {
        List<Setting> out = new ArrayList<>();
        for (String word : settings) {
            out.add(new Setting(word, source, line, word));
        }
        this.settings = List.copyOf(out);
    }

    private RunSettings(List<Setting> settings) {
        this.settings = List.copyOf(settings);
    }

    /**
     * These settings, then the scenario field {@code field} set to {@code value} by an option of its own
     * ({@code --duration 5s}), which a mistake names with the value.
     */
    public RunSettings withField(String field, String value, String option) {
        List<Setting> out = new ArrayList<>(settings);
        out.add(new Setting(field + "=" + value, option, 0, value));
        return new RunSettings(out);
    }

    /** The NAME=VALUE words. */
    public List<String> settings() {
        List<String> out = new ArrayList<>();
        for (Setting s : settings) {
            out.add(s.word());
        }
        return out;
    }

    /** The scenario file or built-in {@code pathOrBuiltin} with the scenario fields of these settings. */
    public Scenario load(String pathOrBuiltin) {
        return ScenarioFile.load(pathOrBuiltin, scenarioEdits());
    }

    /** The built-in scenario {@code name} (never a file) with the scenario fields of these settings. */
    public Scenario loadBuiltin(String name) {
        return ScenarioFile.loadBuiltin(name, scenarioEdits());
    }

    private List<ScenarioEdit> scenarioEdits() {
        List<ScenarioEdit> edits = new ArrayList<>();
        for (Setting s : settings) {
            if (ScenarioEdit.isField(name(s.word()))) {
                edits.add(new ScenarioEdit(name(s.word()), s.word().substring(s.word().indexOf('=') + 1),
                        s.origin()));
            }
        }
        return edits;
    }

    /**
     * The machine with the boot parameters of --set on its command line and, when {@code bootOnly} (a command that
     * only boots), the boot-time sysctls among its settings; a sysctl that matters only to a run is then refused.
     */
    public MachineSpec machine(MachineSpec spec, boolean bootOnly) {
        MachineSpec out = spec;
        Map<String, String> sysctl = new LinkedHashMap<>();
        for (Setting setting : settings) {
            String word = setting.word();
            if (scenarioOnly(word)) {
                if (bootOnly) {
                    throw refuse(setting, name(word) + " is a field of the scenario: it matters only to a run"
                            + " (mmsim run)");
                }
                continue;
            }
            String value = checked(setting, spec);
            KernelSysctl s = sysctl(word);
            if (s == null) {
                out = MachineFile.withBootParam(out, word, setting.source(), setting.line());
            } else if (bootOnly && !s.boot()) {
                throw refuse(setting, s.key() + " matters only to a run (mmsim run); at boot only "
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
        for (Setting setting : settings) {
            if (scenarioOnly(setting.word())) {
                continue;
            }
            String value = checked(setting, spec);
            if (sysctl(setting.word()) != null) {
                sysctl.put(sysctl(setting.word()).key(), value);
            }
        }
        return sysctl.equals(scenario.sysctl()) ? scenario : scenario.withSysctl(sysctl);
    }

    /**
     * The value of a sysctl {@code word} as the kernel stores it (checked for {@code spec}'s zones), or the boot
     * parameter word checked; anything else is refused naming the option.
     */
    private String checked(Setting setting, MachineSpec spec) {
        String word = setting.word();
        if (word.indexOf('=') <= 0) {
            throw refuse(setting, "give NAME=VALUE");
        }
        KernelSysctl s = sysctl(word);
        KernelBootParam p = KernelBootParam.of(word);
        if (s == null && p == null) {
            throw refuse(setting, "unknown setting '" + name(word) + "' (sysctls: "
                    + String.join(", ", KernelSysctl.keys(false)) + "; boot parameters: "
                    + String.join(", ", KernelBootParam.names()) + "; scenario fields: " + ScenarioEdit.forms() + ")");
        }
        try {
            if (s != null) {
                return s.check(word.substring(word.indexOf('=') + 1), spec.arch().zoneTypes().size());
            }
            p.check(word);
            return word;
        } catch (IllegalArgumentException e) {
            throw refuse(setting, e.getMessage());
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

    /** A word that sets a field of the scenario only (not also a boot parameter, as transparent_hugepage is). */
    private static boolean scenarioOnly(String word) {
        return ScenarioEdit.isField(name(word)) && KernelBootParam.of(word) == null;
    }

    private static InputError refuse(Setting setting, String problem) {
        return InputError.at(setting.origin(), 0, problem);
    }
}
