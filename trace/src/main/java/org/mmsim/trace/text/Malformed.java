package org.mmsim.trace.text;

/**
 * A line the reader cannot read, thrown inside the parser and turned by {@link FtraceTextReader} into one
 * {@link org.mmsim.arch.InputError} naming the file and line (or, when lenient, counted and skipped). Without a
 * stack trace: a lenient read of a damaged trace may throw it often.
 */
final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean wholeTrace;

    /** A bad line, which a lenient reader skips. */
    Malformed(String problem) {
        this(problem, false);
    }

    /** {@code wholeTrace}: the line shows the whole trace cannot be read (a wrong version), lenient or not. */
    Malformed(String problem, boolean wholeTrace) {
        super(problem, null, false, false);
        this.wholeTrace = wholeTrace;
    }

    boolean wholeTrace() {
        return wholeTrace;
    }
}
