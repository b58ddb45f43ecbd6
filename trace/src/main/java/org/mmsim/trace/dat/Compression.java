package org.mmsim.trace.dat;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The compression of a version 7 file, named in its header ("none", "zlib", "zstd"). zlib is the zlib format
 * (RFC 1950) of java.util.zip; zstd frames are decoded by aircompressor's pure-Java decompressor.
 */
abstract class Compression {
    /** Decompresses {@code in[0..inLen)} into exactly {@code outLen} bytes of {@code out}; null if it cannot. */
    abstract String decompress(byte[] in, int inLen, byte[] out, int outLen);

    /** The compression of the file's header, or null when the name is unknown. */
    static Compression named(String name) {
        switch (name) {
            case "none":
                return NONE;
            case "zlib":
                return new Zlib();
            case "zstd":
                return new Zstd();
            default:
                return null;
        }
    }

    static final Compression NONE = new Compression() {
        @Override
        String decompress(byte[] in, int inLen, byte[] out, int outLen) {
            if (inLen != outLen) {
                return "an uncompressed file holds a compressed block";
            }
            System.arraycopy(in, 0, out, 0, outLen);
            return null;
        }
    };

    private static final class Zlib extends Compression {
        private final Inflater inflater = new Inflater();

        @Override
        String decompress(byte[] in, int inLen, byte[] out, int outLen) {
            inflater.reset();
            inflater.setInput(in, 0, inLen);
            try {
                int n = 0;
                while (n < outLen && !inflater.finished()) {
                    int r = inflater.inflate(out, n, outLen - n);
                    if (r == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += r;
                }
                return n == outLen ? null : "zlib block gives " + n + " bytes, not " + outLen;
            } catch (DataFormatException e) {
                return "zlib block is garbled: " + e.getMessage();
            }
        }
    }

    private static final class Zstd extends Compression {
        private final ZstdDecompressor zstd = new ZstdDecompressor();

        @Override
        String decompress(byte[] in, int inLen, byte[] out, int outLen) {
            try {
                int n = zstd.decompress(in, 0, inLen, out, 0, outLen);
                return n == outLen ? null : "zstd block gives " + n + " bytes, not " + outLen;
            } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
                return "zstd block is garbled: " + e.getMessage();
            }
        }
    }
}
