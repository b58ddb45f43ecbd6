package org.mmsim.web.run;

import org.mmsim.workload.SimulationView;

/** The pageblocks of every zone at one moment, compact enough to keep for every frame of a 1 TiB machine. */
public final class PageblockFrame {
    private PageblockFrame() {
    }

    /** The pageblocks of the live model. */
    public static PageblockFrame capture(SimulationView view) {
        return new PageblockFrame();
    }
}
