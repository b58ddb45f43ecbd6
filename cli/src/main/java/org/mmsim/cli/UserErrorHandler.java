package org.mmsim.cli;

import org.mmsim.arch.InputError;
import picocli.CommandLine;

/** Turns a user's mistake ({@link InputError}) into one line on stderr and exit status 2. */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed)
            throws Exception {
        if (ex instanceof InputError) {
            System.err.println("mmsim: " + ex.getMessage());
            return 2;
        }
        throw ex;
    }
}
