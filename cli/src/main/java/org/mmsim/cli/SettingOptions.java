package org.mmsim.cli;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.study.RunSettings;

/**
 * {@code --set NAME=VALUE}, repeatable: the settings of {@link RunSettings} (sysctls, boot parameters, scenario
 * fields) from the command line, an error naming the option:
 * {@code mmsim: --set: vm.swappiness=300: sysctl vm.swappiness 300 is outside 0..200 ...}.
 */
final class SettingOptions {
    static final String OPTION = "--set";

    @picocli.CommandLine.Option(names = OPTION, paramLabel = "NAME=VALUE",
            description = "a sysctl (vm.swappiness=10), kernel boot parameter (movablecore=1G) or scenario field"
                    + " (duration=5s, swap=1G, workload.db.size=2G), over the scenario's or machine's; repeatable")
    List<String> settings = new ArrayList<>();

    /** The settings given. */
    RunSettings settings() {
        return new RunSettings(settings, OPTION, 0);
    }
}
