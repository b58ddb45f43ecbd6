package org.mmsim.cli;

import org.mmsim.arch.InputError;
import org.mmsim.page.debug.VmBug;
import picocli.CommandLine;

/**
 * Turns a user's mistake ({@link InputError}) into one line on stderr and exit status 2, and a broken invariant
 * of the model found by {@code run --debug-vm} ({@link VmBug}: a bug of mmsim, not the user's) into one line and
 * exit status 3.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed)
            throws Exception {
        if (ex instanceof InputError) {
            System.err.println("mmsim: " + ex.getMessage());
            return 2;
        }
        if (ex instanceof VmBug) {
            System.err.println("mmsim: VM_BUG: " + ex.getMessage());
            return 3;
        }
        throw ex;
    }
}
