package org.mmsim.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.spec.YamlNode;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.page.init.BootOutOfMemory;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.model.BootResidueMeminfo;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;
import org.mmsim.workload.sim.Simulations;

/**
 * One run of a {@link RunRequest}: the scenario with its settings, its machine booted with the scenario's
 * boot-time sysctls (and the memory a meminfo says was in use), then the simulation into a recorder. A boot or a
 * run that exhausts memory is the user's mistake, explained by {@link BootExhaustion}.
 */
public final class ScenarioRun {
    private ScenarioRun() {
    }

    /** A scenario as the settings changed it, its machine, the machine booted from it, and what an exhaustion names. */
    public record Booted(Scenario scenario, MachineSpec spec, BootedMachine machine, BootExhaustion.Inputs inputs) {
    }

    /** The request's scenario, with the scenario fields of its settings and its seed. */
    public static Scenario scenario(RunRequest request) {
        Scenario scenario = request.settings().load(request.scenario());
        return request.seed() == null ? scenario : scenario.withSeed(request.seed());
    }

    /** The scenario's machine with the settings and the meminfo, booted. */
    public static Booted boot(RunRequest request, Scenario loaded) {
        return boot(request, loaded, keys -> ScenarioFile.locate(loaded, keys));
    }

    /**
     * A scenario given as text (the explorer's editor) under the name {@code file}, parsed and booted as {@link
     * #boot} boots a scenario file: its errors name {@code file} and the line, and the text is never written to
     * or read back from disk.
     */
    public static Booted bootText(String file, String text) {
        Scenario loaded = ScenarioFile.parse(file, text);
        RunRequest request = new RunRequest(file, new RunSettings(List.of(), file, 0), null, null, false);
        return boot(request, loaded, keys -> YamlNode.locate(file, text, keys));
    }

    /** {@link #boot}, with where the scenario sets a key found by {@code locate}. */
    private static Booted boot(RunRequest request, Scenario loaded, Function<String[], String> locate) {
        MachineSpec machine = request.settings().machine(MachineFile.load(loaded.machine()), false);
        Scenario scenario = request.settings().scenario(loaded, machine);
        MachineSpec spec = withSysctls(machine, scenario);
        BootResidue residue = request.meminfo() == null ? BootResidue.NONE
                : BootResidueMeminfo.read(request.meminfo(), spec.arch().pageShift(),
                        EarlyBoot.layout(spec).physpages());
        BootExhaustion.Inputs inputs = new BootExhaustion.Inputs(scenario.machine(), null, request.meminfo(),
                scenario.sourceFile(), scenario.sysctl().containsKey(KernelSysctl.MIN_FREE_KBYTES.key())
                        ? locate.apply(new String[] {"sysctl", KernelSysctl.MIN_FREE_KBYTES.key()}) : null);
        try {
            return new Booted(scenario, spec, MemoryInit.boot(spec, null, residue), inputs);
        } catch (BootOutOfMemory e) {
            throw BootExhaustion.explain(e, null, spec, inputs, -1);
        }
    }

    /** Runs the booted scenario into {@code recorder}; the view of the end. */
    public static SimulationView simulate(Booted b, Recorder recorder, boolean debugVm) {
        long freeAtBoot = b.machine().machine().nrFreePages();
        try {
            return Simulations.create(debugVm).run(b.scenario(), b.machine(), recorder);
        } catch (BootOutOfMemory e) {
            throw BootExhaustion.explain(e, b.machine().machine(), b.spec(), b.inputs(), freeAtBoot);
        }
    }

    /** The machine with the scenario's sysctls that shape boot-time watermarks and reserves ({@link KernelSysctl#boot()}). */
    public static MachineSpec withSysctls(MachineSpec spec, Scenario scenario) {
        Map<String, String> sysctl = new LinkedHashMap<>(spec.sysctl());
        for (Map.Entry<String, String> e : scenario.sysctl().entrySet()) {
            KernelSysctl known = KernelSysctl.byKey(e.getKey());
            if (known != null && known.boot()) {
                sysctl.put(e.getKey(), e.getValue());
            }
        }
        return spec.withSysctl(sysctl);
    }
}
