package org.mmsim.web;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One browser's state: its simulations by slot ("run", "buddy", "compare", ...) and its machine. Nothing in it is
 * reachable from another session. Callers lock the session (synchronized on it) while they use a simulation, so
 * two requests of one browser never step the same model at once.
 */
public final class Session {
    private final String id;
    private final Sessions owner;
    private final Map<String, Simulation> simulations = new HashMap<>();
    private final Map<String, Object> state = new HashMap<>();
    private volatile long lastUsedNs;
    /** Requests of this session being served now: a session is never idle while one runs. */
    private final AtomicInteger inFlight = new AtomicInteger();

    Session(String id, Sessions owner, long nowNs) {
        this.id = id;
        this.owner = owner;
        this.lastUsedNs = nowNs;
    }

    public String id() {
        return id;
    }

    long lastUsedNs() {
        return lastUsedNs;
    }

    void requestBegins(long nowNs) {
        inFlight.incrementAndGet();
        lastUsedNs = nowNs;
    }

    void requestEnds(long nowNs) {
        lastUsedNs = nowNs;
        inFlight.decrementAndGet();
    }

    boolean serving() {
        return inFlight.get() > 0;
    }

    /**
     * The simulation in {@code slot}, or an {@link ApiError} 409 saying what to start first when there is none.
     */
    public synchronized <T extends Simulation> T simulation(String slot, Class<T> type, String startFirst) {
        Simulation s = simulations.get(slot);
        if (s == null) {
            throw ApiError.conflict(startFirst);
        }
        return type.cast(s);
    }

    /** The simulation in {@code slot}, or null. */
    public synchronized <T extends Simulation> T simulationOrNull(String slot, Class<T> type) {
        Simulation s = simulations.get(slot);
        return type.isInstance(s) ? type.cast(s) : null;
    }

    /**
     * Puts a new simulation in {@code slot}, closing the one it replaces. A new one (not a replacement) needs a
     * free place under the server's limit, else {@link ApiError} 429 and nothing is made.
     */
    public synchronized <T extends Simulation> T start(String slot, Supplier<T> make) {
        Simulation old = simulations.get(slot);
        if (old == null) {
            owner.reserve();
        } else {
            simulations.remove(slot);
            old.close();
        }
        T made;
        try {
            made = make.get();
        } catch (RuntimeException e) {
            owner.release();
            throw e;
        }
        simulations.put(slot, made);
        return made;
    }

    /** Closes and forgets the simulation in {@code slot}, if any. */
    public synchronized void stop(String slot) {
        Simulation s = simulations.remove(slot);
        if (s != null) {
            s.close();
            owner.release();
        }
    }

    /** A small per-session value that is not a simulation (the machine booted in the machine view, say). */
    public synchronized Object get(String key) {
        return state.get(key);
    }

    public synchronized void put(String key, Object value) {
        state.put(key, value);
    }

    /** Live simulations in this session. */
    public synchronized int simulations() {
        return simulations.size();
    }

    /** Closes every simulation and forgets the state (the session went idle). */
    synchronized void closeAll() {
        for (Simulation s : simulations.values()) {
            s.close();
            owner.release();
        }
        simulations.clear();
        state.clear();
    }
}
