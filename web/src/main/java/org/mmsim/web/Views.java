package org.mmsim.web;

import java.util.List;

/** Every view of the explorer, in the order of the page's tabs. */
public final class Views {
    private Views() {
    }

    public static List<Routes> all() {
        return List.of(new org.mmsim.web.run.RunRoutes(),
                new org.mmsim.web.process.ProcessRoutes(),
                new org.mmsim.web.compare.CompareRoutes());
    }
}
