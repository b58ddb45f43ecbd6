package org.mmsim.web;

/**
 * A request the explorer refuses, with the HTTP status and the one line the page shows: 400 for a malformed
 * request, 404 for something that does not exist (or belongs to another session), 409 when the session has no
 * such simulation yet, 413 for an oversized upload, 429 when too many simulations are live.
 */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, message);
    }
}
