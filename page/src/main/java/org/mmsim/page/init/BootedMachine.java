package org.mmsim.page.init;

import java.util.List;
import org.mmsim.boot.reserve.BootMemblock;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.page.Machine;

/**
 * A machine right after boot: the page allocator with its free lists as boot left them, the layout and
 * memblock it came from, the reserve settings, the boot-log lines about memory, and the typed pages of the
 * /proc/meminfo residue it was booted with (empty without one).
 */
public record BootedMachine(Machine machine, BootLayout layout, BootMemblock memblock, ZoneSetup setup,
        List<String> bootLog, BootResiduePages residuePages) {
}
