package org.mmsim.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Imports classes only from the modules' own class folders and their plain jars ({@code mmsim-<module>-*.jar}),
 * so that the shaded {@code mmsim.jar} and {@code benchmarks.jar}, which repeat every class, and third-party jars
 * stay out of the checked architecture.
 */
public final class ProjectClassesOnly implements ImportOption {

    private static final Pattern MODULE_JAR = Pattern.compile(".*/mmsim-[a-z]+-[^/]*\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
        return !location.isJar() || location.matches(MODULE_JAR);
    }
}
