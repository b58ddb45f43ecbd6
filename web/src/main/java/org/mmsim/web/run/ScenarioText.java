package org.mmsim.web.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.YamlNode;
import org.mmsim.web.ApiError;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * Scenario text as the page sees it: the built-in scenarios with their descriptions and YAML (the resources
 * scenarios/NAME.yaml that {@link ScenarioFile} reads), and the check that YAML edited in the page names a machine
 * preset, never a file on the server.
 */
public final class ScenarioText {
    /** The name errors give YAML edited in the page: "edited.yaml:LINE: problem". */
    public static final String FILE = "edited.yaml";

    private ScenarioText() {
    }

    /** The built-in scenarios by name, each with its one-line description. */
    public static Map<String, String> builtins() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : ScenarioFile.builtins()) {
            out.put(name, ScenarioFile.description(name));
        }
        return out;
    }

    /** The YAML of built-in scenario {@code name}, or 404. */
    public static String builtin(String name) {
        if (!ScenarioFile.builtins().contains(name)) {
            throw ApiError.notFound("no built-in scenario named '" + name + "'");
        }
        return ScenarioFile.builtinText(name);
    }

    /**
     * Refuses, at its line, a {@code machine:} that is not a preset's name, before the scenario is parsed (parsing
     * would look for a machine file of that name); other mistakes are left to the scenario's own checks.
     */
    public static void requirePresetMachine(String text) {
        YamlNode machine = YamlNode.parse(FILE, text).get("machine");
        if (machine == null || machine.kind() != YamlNode.Kind.SCALAR) {
            return;
        }
        String name = machine.asText("machine");
        if (!MachineFile.presets().contains(name)) {
            throw machine.error(refusal(name));
        }
    }

    /** Refuses a parsed scenario whose machine is not a preset (a file shadowing a preset's name). */
    public static void requirePreset(Scenario scenario) {
        if (!MachineFile.presets().contains(scenario.machine())) {
            throw ApiError.badRequest(FILE + ": the machine must be a preset, and a file on the server has its name");
        }
    }

    private static String refusal(String machine) {
        return "machine '" + machine + "': the explorer runs machine presets only, not files (presets: "
                + String.join(", ", MachineFile.presets()) + ")";
    }
}
