package org.mmsim.page;

/**
 * A check of one zone's invariants that debug mode runs after every allocPages and freePages (see
 * {@link Machine#setDebugVm}). It is declared here, below the checkers, so that the allocator can run
 * org.mmsim.page.debug's BuddyChecker ({@code BuddyChecker::check}) without importing the package that imports it.
 */
@FunctionalInterface
public interface ZoneCheck {
    /** Throws {@link IllegalStateException} at the first broken invariant of zone z of machine m. */
    void check(Machine m, Zone z);
}
