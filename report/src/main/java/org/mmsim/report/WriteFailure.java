package org.mmsim.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why an output could not be written into a folder, in words for the one-line message, without the temporary
 * file's random name: permission denied, a read-only or virtual file system (/proc, /sys), a full disk.
 */
public final class WriteFailure {
    private WriteFailure() {
    }

    /** "cannot write in FOLDER: reason". */
    public static String in(Path folder, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no files can be created there";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else {
            reason = String.valueOf(e.getMessage());
        }
        return "cannot write in " + folder + ": " + reason;
    }
}
