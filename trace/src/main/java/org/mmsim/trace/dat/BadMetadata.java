package org.mmsim.trace.dat;

/**
 * A header text of the file (header_page, header_event, an event's format) that cannot be read; the reader turns
 * it into an error naming the file and the byte offset of the text.
 */
final class BadMetadata extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadMetadata(String problem) {
        super(problem, null, false, false);
    }
}
