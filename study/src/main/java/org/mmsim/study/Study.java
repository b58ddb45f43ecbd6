package org.mmsim.study;

import java.nio.file.Path;
import java.util.List;

/**
 * A what-if study as its file describes it: a name, the file, the axes in the file's order and the points to run
 * (the grid of the axes, or the file's explicit list), each with its run.
 */
public record Study(String name, Path file, List<String> axes, List<StudyPoint> points) {
}
