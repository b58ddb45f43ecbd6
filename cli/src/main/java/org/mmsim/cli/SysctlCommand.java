package org.mmsim.cli;

import java.util.concurrent.Callable;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.page.init.BootOutOfMemory;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.model.ProcSysVm;
import org.mmsim.study.BootExhaustion;
import org.mmsim.study.RunSettings;
import org.mmsim.study.ScenarioRun;
import org.mmsim.workload.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mmsim sysctl}: prints every vm sysctl of the settings table ({@link KernelSysctl}) as {@code sysctl -a}
 * would on the scenario's machine at the start of a run: the scenario's and {@code --set}'s values, else the
 * machine's, else the kernel's default, with vm.min_free_kbytes as boot computed it ({@link ProcSysVm}).
 */
@Command(name = "sysctl", mixinStandardHelpOptions = true,
        description = "Print the vm sysctls in force for a scenario's run, as 'sysctl -a' prints them.")
final class SysctlCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SCENARIO",
            description = "scenario file or built-in name (default: default)")
    String scenarioName = "default";

    @Mixin
    SettingOptions set = new SettingOptions();

    @Override
    public Integer call() {
        RunSettings settings = set.settings();
        Scenario scenario = settings.load(scenarioName);
        MachineSpec machine = settings.machine(MachineFile.load(scenario.machine()), false);
        scenario = settings.scenario(scenario, machine);
        MachineSpec spec = ScenarioRun.withSysctls(machine, scenario);
        BootedMachine booted;
        try {
            booted = MemoryInit.boot(spec, null, BootResidue.NONE);
        } catch (BootOutOfMemory e) {
            throw BootExhaustion.explain(e, null, spec, new BootExhaustion.Inputs(scenario.machine(), null, null,
                    scenario.sourceFile(), null), -1);
        }
        for (String line : ProcSysVm.sysctlLines(booted, scenario.sysctl())) {
            System.out.println(line);
        }
        return 0;
    }
}
