package org.mmsim.workload.scenario;

/**
 * A gfp mask of a scenario generator, parsed once when the scenario file is loaded (names of
 * {@link org.mmsim.page.GfpNames} joined by '|'), so the generators receive the bits and never the text.
 *
 * @param bits the gfp_t bits, as {@link org.mmsim.page.Gfp} defines them
 */
public record GfpMask(int bits) {
}
