package org.mmsim.trace.dat;

import java.nio.file.Path;
import org.mmsim.arch.InputError;

/**
 * The one-line error of a bad trace.dat: {@code FILE: byte N: problem}, where N is the byte offset in the file
 * of what could not be read (a trace.dat has no lines).
 */
final class DatError {
    private DatError() {
    }

    static InputError at(Path file, long offset, String problem) {
        String where = file == null ? "<input>" : file.toString();
        return new InputError(where + ": byte " + offset + ": " + problem);
    }
}
