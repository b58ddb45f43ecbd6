package org.mmsim.web.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.page.Zone;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * What the kernel's boot computes for a scenario's machine with one more sysctl: each populated zone's min
 * watermark (__setup_per_zone_wmarks()), by the model's own boot, keyed as the recorder names zones.
 */
final class BootWatermarks {
    private BootWatermarks() {
    }

    static Map<String, Long> min(String scenario, String sysctl, String value) {
        MachineSpec spec = MachineFile.preset(ScenarioFile.load(scenario).machine());
        Map<String, String> sysctls = new LinkedHashMap<>(spec.sysctl());
        sysctls.put(sysctl, value);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Zone z : MemoryInit.boot(spec.withSysctl(sysctls)).machine().zones()) {
            if (z.populated()) {
                out.put("Node " + z.node().nid() + ", zone " + z.name(), z.minWmarkPages());
            }
        }
        return out;
    }
}
