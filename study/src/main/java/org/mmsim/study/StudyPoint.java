package org.mmsim.study;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One point of a study: its key (stable across restarts, naming the point in the results store), the value of each
 * axis, and the run it stands for: a scenario (a built-in's name or a file every worker can read), the settings
 * over it ({@code NAME=VALUE}, as {@code --set} takes them) and the seed (null: the scenario's). Serializable, so a
 * point can travel to a Spark executor.
 */
public record StudyPoint(String key, Map<String, String> axes, String scenario, List<String> settings, Long seed)
        implements Serializable {
    /** The run of this point; a bad setting is an error naming {@code source}. */
    public RunRequest request(String source) {
        return new RunRequest(scenario, new RunSettings(settings, source, 0), seed, null, false);
    }
}
