package org.mmsim.web;

/**
 * Something a session keeps alive that holds a model (a stepped run, a buddy demo, a comparison): counted against
 * the server's limit of live simulations, and closed (its model dropped) when the session goes idle or replaces it.
 */
public interface Simulation extends AutoCloseable {
    /** Frees what the simulation holds; it is not used again. */
    @Override
    void close();
}
