package org.mmsim.web.buddy;

import org.mmsim.web.ApiError;

/**
 * The demo machine's per-CPU lists: on or off (a model switch: off sends every order through the buddy lists),
 * and pcp->batch and pcp->high. The kernel would give the demo's 16 MiB zone batch 1 (zone_batchsize); the page
 * may pick a larger batch so that a refill (rmqueue_bulk) and a drain (free_pcppages_bulk) show in a few clicks.
 */
public record PcpSettings(boolean enabled, int batch, int high) {
    /** The largest batch the page may ask for. */
    public static final int MAX_BATCH = 32;
    /** The largest high the page may ask for. */
    public static final int MAX_HIGH = 256;
    /** Off, as mmsim alloc-demo runs, with batch 4 and high 16 ready for when the page turns the lists on. */
    public static final PcpSettings DEFAULT = new PcpSettings(false, 4, 16);

    public PcpSettings {
        if (batch < 1 || batch > MAX_BATCH) {
            throw ApiError.badRequest("pcp batch must be 1.." + MAX_BATCH + ", not " + batch);
        }
        if (high < batch || high > MAX_HIGH) {
            throw ApiError.badRequest("pcp high must be from batch (" + batch + ") to " + MAX_HIGH + ", not " + high);
        }
    }
}
