package org.mmsim.web.views;

import java.util.List;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.mmsim.web.Routes;

/**
 * Every view of the explorer, in the order of the page's tabs, and the server made with them. It sits above the
 * views' packages, so that the server's package needs none of them.
 */
public final class Views {
    private Views() {
    }

    public static List<Routes> all() {
        return List.of(new org.mmsim.web.run.RunRoutes(), new org.mmsim.web.run.PageblockRoutes());
    }

    /** The explorer's server with every view, not yet listening. */
    public static ExplorerServer server(ExploreSettings settings) {
        return ExplorerServer.create(settings, all());
    }
}
