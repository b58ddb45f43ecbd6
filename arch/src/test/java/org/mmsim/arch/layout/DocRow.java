package org.mmsim.arch.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * One row of a kernel documentation layout table, typed in by hand: start, end (inclusive) and the size
 * column as the document writes it ("128 TB", "0.5 TB", "~16M TB", "224MB"). A size with "~" is the
 * document's rounding, so it is checked to within 10%; start and end are always exact.
 */
record DocRow(long start, long end, String size, String use) {

    static DocRow row(String start, String end, String size, String use) {
        return new DocRow(Long.parseUnsignedLong(start, 16), Long.parseUnsignedLong(end, 16), size, use);
    }

    /** The size column in bytes. */
    BigDecimal sizeBytes() {
        String s = size.replace("~", "").replace(" ", "").toUpperCase(Locale.ROOT);
        BigDecimal factor = BigDecimal.ONE;
        // "16M TB" and "16K PB": a metric-looking multiplier in front of the binary unit.
        if (s.matches(".*[0-9][MK](TB|PB)")) {
            int i = s.length() - 3;
            factor = new BigDecimal(BigInteger.ONE.shiftLeft(s.charAt(i) == 'M' ? 20 : 10));
            s = s.substring(0, i) + s.substring(i + 1);
        }
        String unit = s.replaceAll("[0-9.]", "");
        String number = s.substring(0, s.length() - unit.length());
        int shift = switch (unit) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            case "TB" -> 40;
            case "PB" -> 50;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
        return new BigDecimal(number).multiply(factor).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift)));
    }

    /** Checks a region against this row. */
    void check(Region r) {
        assertThat(Long.toHexString(r.start())).as("start of %s", use).isEqualTo(Long.toHexString(start));
        assertThat(Long.toHexString(r.end())).as("end of %s", use).isEqualTo(Long.toHexString(end));
        BigDecimal actual = new BigDecimal(new BigInteger(Long.toUnsignedString(r.size())));
        if (size.startsWith("~")) {
            BigDecimal ratio = actual.divide(sizeBytes(), 6, java.math.RoundingMode.HALF_UP);
            assertThat(ratio.doubleValue()).as("approximate size of %s", use).isBetween(0.9, 1.1);
        } else {
            assertThat(actual).as("size of %s", use).isEqualByComparingTo(sizeBytes());
        }
    }
}
