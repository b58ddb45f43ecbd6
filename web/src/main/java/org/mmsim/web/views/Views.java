package org.mmsim.web.views;

import java.util.List;
import org.mmsim.web.ExploreSettings;
import org.mmsim.web.ExplorerServer;
import org.mmsim.web.Routes;
import org.mmsim.web.buddy.BuddyRoutes;
import org.mmsim.web.compare.CompareRoutes;
import org.mmsim.web.machine.MachineRoutes;
import org.mmsim.web.process.ProcessRoutes;
import org.mmsim.web.run.PageblockRoutes;
import org.mmsim.web.run.RunRoutes;

/**
 * Every view of the explorer, in the order of the page's tabs, and the server made with them. It sits above the
 * views' packages, so that the server's package needs none of them.
 */
public final class Views {
    private Views() {
    }

    public static List<Routes> all() {
        return List.of(new MachineRoutes(), new RunRoutes(), new PageblockRoutes(), new BuddyRoutes(),
                new ProcessRoutes(), new CompareRoutes());
    }

    /** The explorer's server with every view, not yet listening. */
    public static ExplorerServer server(ExploreSettings settings) {
        return ExplorerServer.create(settings, all());
    }
}
