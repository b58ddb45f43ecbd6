package org.mmsim.trace;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Work done ahead on a thread of its own, in reusable items: the thread fills free items in turn and hands them
 * over in order; the consumer takes each, uses it, and gives it back. The readers use it so that reading,
 * inflating, splitting lines, decoding and replaying run at the same time on several cores, with the same results
 * as done in turn: an item carries its own end or failure, so whatever came before a failure is handed out first.
 *
 * @param <T> the item, filled in place
 */
public final class ReadAhead<T> implements AutoCloseable {
    /** Fills an item; false when it is the last (the end, or a failure the item records). */
    @FunctionalInterface
    public interface Filler<T> {
        boolean fill(T item) throws InterruptedException;
    }

    private final BlockingQueue<T> full;
    private final BlockingQueue<T> free;
    private final Filler<T> filler;
    private final Thread thread;

    /** Starts a daemon thread named {@code name} filling {@code items} with {@code filler}. */
    @SafeVarargs
    public ReadAhead(String name, Filler<T> filler, T... items) {
        this.filler = filler;
        this.full = new ArrayBlockingQueue<>(items.length);
        this.free = new ArrayBlockingQueue<>(items.length);
        for (T item : items) {
            free.add(item);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The next filled item, in order, waiting for it; an interruption of the waiting thread is the IOException a
     * read would throw (the interrupt stays set).
     */
    public T take() throws IOException {
        try {
            return full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading ahead", e);
        }
    }

    /** Gives an item back to be filled again; it must not be used after. */
    public void recycle(T item) {
        free.add(item);
    }

    /** Stops the thread (it ends at its next wait) and waits for it. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                T item = free.take();
                boolean more = filler.fill(item);
                full.put(item);
                if (!more) {
                    return;
                }
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }
}
