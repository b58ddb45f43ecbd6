package org.mmsim.web;

import io.javalin.Javalin;

/** One view's part of the API, registered on the server under its own path prefix ({@code /api/VIEW/...}). */
public interface Routes {
    void register(Javalin app, Sessions sessions);
}
