package org.mmsim.study;

import java.nio.file.Path;

/**
 * Placeholder for the study file reader another branch of issue 13 writes, so that the Spark module compiles
 * against its signature ({@code StudyFile.load(Path) -> Study}). The merge takes that branch's file instead.
 */
public final class StudyFile {
    private StudyFile() {
    }

    /** The study {@code file} describes; not read on this branch. */
    public static Study load(Path file) {
        throw new UnsupportedOperationException("study files are read by the sweep branch's StudyFile");
    }
}
