package org.mmsim.study;

import java.nio.file.Path;

/**
 * What one run is made of: a scenario (a file or a built-in's name), settings over it, the seed over the
 * scenario's (null: the scenario's own), a /proc/meminfo to start from (null: none) and whether every invariant is
 * checked after every event.
 */
public record RunRequest(String scenario, RunSettings settings, Long seed, Path meminfo, boolean debugVm) {
}
