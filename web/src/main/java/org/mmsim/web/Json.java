package org.mmsim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** The one JSON mapper of the explorer, and the reading of a request body that answers a malformed one with 400. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Json() {
    }

    /** The request body as a JSON object, or {@link ApiError} 400 naming where it is malformed. */
    public static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiError.badRequest("the request has no JSON body");
        }
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw ApiError.badRequest("the request body is not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    /** The body read as {@code type}, or 400 naming the field that does not fit. */
    public static <T> T body(Context ctx, Class<T> type) {
        JsonNode n = body(ctx);
        try {
            return MAPPER.treeToValue(n, type);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("bad request: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad request: " + e.getMessage());
        }
    }

    /** A text field of the body, or 400 when it is missing or not text. */
    public static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw ApiError.badRequest("the request needs a text field '" + field + "'");
        }
        return v.asText();
    }
}
