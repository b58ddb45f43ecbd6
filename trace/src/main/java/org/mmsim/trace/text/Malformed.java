package org.mmsim.trace.text;

/**
 * A line the reader cannot read, thrown inside the parser and turned by {@link FtraceTextReader} into one
 * {@link org.mmsim.arch.InputError} naming the file and line (or, when lenient, counted and skipped). Without a
 * stack trace: a lenient read of a damaged trace may throw it often.
 */
final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String problem) {
        super(problem, null, false, false);
    }
}
