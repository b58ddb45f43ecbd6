package org.mmsim.arch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a user's input file (machine file, boot log, iomem, scenario, /proc file) as UTF-8 text, so that every
 * front end refuses the same mistakes with the same one-line {@link InputError}: a missing file, a directory, a
 * FIFO or device (which would block or never end), a file too large to be such an input, a file it may not
 * read, and bytes that are not UTF-8 (named with their line).
 */
public final class InputFiles {
    /** The largest input read: far above any real boot log or /proc file (a 4 TiB machine's zoneinfo is ~1 MB). */
    public static final long MAX_BYTES = 16L << 20;

    private InputFiles() {
    }

    /** The whole file as text, or an {@link InputError} naming the file and what is wrong with it. */
    public static String readText(Path file) {
        return readText(file, MAX_BYTES);
    }

    /** As {@link #readText(Path)} with a size limit of {@code maxBytes}. */
    public static String readText(Path file, long maxBytes) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw InputError.at(file, 0, "no such file");
        } catch (AccessDeniedException e) {
            throw InputError.at(file, 0, "permission denied");
        } catch (IOException e) {
            throw InputError.at(file, 0, "cannot read: " + reason(e));
        }
        if (attrs.isDirectory()) {
            throw InputError.at(file, 0, "is a directory, not a file");
        }
        if (!attrs.isRegularFile()) {
            throw InputError.at(file, 0, "not a regular file (a FIFO, socket or device cannot be read as input)");
        }
        if (attrs.size() > maxBytes) {
            throw InputError.at(file, 0, "too large: " + attrs.size() + " bytes, inputs are at most " + maxBytes
                    + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (AccessDeniedException e) {
            throw InputError.at(file, 0, "permission denied");
        } catch (IOException e) {
            throw InputError.at(file, 0, "cannot read: " + reason(e));
        }
        if (bytes.length > maxBytes) {
            throw InputError.at(file, 0, "too large: more than " + maxBytes + " bytes");
        }
        return decode(file.toString(), bytes);
    }

    /** Decodes strict UTF-8; a malformed byte becomes an {@link InputError} naming its line and offset. */
    public static String decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw InputError.at(file, line, "not UTF-8 text (byte 0x"
                    + String.format("%02x", bytes[bad] & 0xff) + " at offset " + bad + ")");
        }
    }

    /** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
    private static int firstMalformed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
            if (len == 0 || i + len > bytes.length) {
                return i;
            }
            for (int k = 1; k < len; k++) {
                if ((bytes[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += len;
        }
        return Math.max(0, bytes.length - 1);
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
