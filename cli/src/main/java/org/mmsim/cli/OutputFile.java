package org.mmsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.mmsim.arch.InputError;
import org.mmsim.report.WriteFailure;

/**
 * A file a command writes for the user (such as {@code boot --save-machine}): checked before the command does its
 * work, then written into a temporary sibling and moved into place, so that it appears whole or not at all. A
 * folder is never replaced by the file, and a failure leaves no temporary file behind.
 */
final class OutputFile {
    private OutputFile() {
    }

    /** Refuses a path that cannot become the file: a folder, a missing folder or a non-folder above it. */
    static Path check(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || Files.isDirectory(abs)) {
            throw InputError.at(abs, 0, "is a directory; name a file to write");
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw InputError.at(abs, 0, "exists and is not a regular file; name a file to write");
        }
        if (!Files.isDirectory(parent)) {
            throw InputError.at(abs, 0, "cannot write: " + parent
                    + (Files.exists(parent) ? " is not a directory" : " does not exist"));
        }
        return abs;
    }

    /** Writes the text to the file, replacing an earlier file of that name. */
    static void write(Path target, String text) {
        Path abs = check(target);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".tmp-", "");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            removeQuietly(tmp);
            throw InputError.at(abs, 0, WriteFailure.in(abs.getParent(), e));
        }
    }

    /** Removes a temporary file after a failure; a second failure must not hide the first. */
    private static void removeQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException second) {
            tmp.toFile().deleteOnExit();
        }
    }
}
