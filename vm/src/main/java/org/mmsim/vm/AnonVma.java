package org.mmsim.vm;

/**
 * Identity of a struct anon_vma (mm/rmap.c): VMAs may only merge if their anon_vmas are compatible
 * (is_mergeable_anon_vma()). The model keeps no reverse-map lists, only the identity.
 */
public final class AnonVma {
    private static long nextId = 1;
    private final long id;

    public AnonVma() {
        synchronized (AnonVma.class) {
            this.id = nextId++;
        }
    }

    public long id() {
        return id;
    }

    @Override
    public String toString() {
        return "anon_vma#" + id;
    }
}
