package org.mmsim.arch;

import java.nio.file.Path;

/**
 * A mistake in a user's input (machine file, boot log, scenario, /proc file, request). Its message is
 * one line naming the file, the line and the problem; front ends print it and exit with status 2.
 */
public final class InputError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputError(String message) {
        super(message, null, false, false);
    }

    /** {@code FILE:LINE: problem}; line 0 means the file as a whole. */
    public static InputError at(Path file, int line, String problem) {
        String where = file == null ? "<input>" : file.toString();
        return new InputError(line > 0 ? where + ":" + line + ": " + problem : where + ": " + problem);
    }

    public static InputError at(String file, int line, String problem) {
        return new InputError(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
    }
}
