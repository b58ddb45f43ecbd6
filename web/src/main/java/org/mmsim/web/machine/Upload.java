package org.mmsim.web.machine;

import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One uploaded file as the machine view reads it: its text (UTF-8) and a name safe to print and to hand to the
 * parsers as the "file" of their error messages. The name is the upload's last path component reduced to
 * {@code [A-Za-z0-9._-]}: an upload is never written to, or read from, a path; it stays in memory.
 *
 * @param name the file's name as the page sent it, made safe
 * @param text its content
 */
public record Upload(String name, String text) {
    private static final int MAX_NAME = 100;

    /** Reads an uploaded file into memory. */
    public static Upload of(UploadedFile f) {
        try (InputStream in = f.content()) {
            return new Upload(safeName(f.filename()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last path component of a client's file name, kept to letters, digits, '.', '_' and '-'. */
    static String safeName(String clientName) {
        String n = clientName == null ? "" : clientName;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (n.length() > MAX_NAME) {
            n = n.substring(0, MAX_NAME);
        }
        return n.isEmpty() ? "upload" : n;
    }

    /** The name without a ".txt" ending, lower case: how a /proc file is recognised (zoneinfo, zoneinfo.txt). */
    public String procName() {
        return name.toLowerCase(Locale.ROOT).replaceFirst("\\.txt$", "");
    }
}
