package org.mmsim.report;

/** HTML escaping for text the report inserts. */
public final class Html {
    private Html() {
    }

    /** {@code s} with the characters HTML gives a meaning escaped. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
