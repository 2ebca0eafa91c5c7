package org.fcredirect.fc.fcp;

import org.fcredirect.fc.FcFormatException;

/**
 * The 8-byte SCSI logical unit number of FCP_LUN (SAM-5), held as a raw {@code long} with byte 0 in
 * the most significant position. Operators name a LUN by its number; the number maps to peripheral
 * device addressing (0..255, bus 0) or flat space addressing (256..16383), single level.
 */
public final class Lun {
    public static final int MAX_NUMBER = 0x3FFF;

    private static final int PERIPHERAL = 0;
    private static final int FLAT = 1;

    private Lun() {
    }

    /** The raw FCP_LUN for a LUN number, as a Linux initiator addresses it. */
    public static long of(int number) {
        if (number < 0 || number > MAX_NUMBER) {
            throw FcFormatException.of("LUN number", number, "must be 0.." + MAX_NUMBER);
        }
        long firstLevel = number < 256 ? number : FLAT << 14 | number;
        return firstLevel << 48;
    }

    /**
     * The number of a single-level LUN in peripheral (bus 0) or flat space addressing.
     *
     * @throws FcFormatException for other addressing methods, a nonzero bus or a second level
     */
    public static int number(long lun) {
        int method = (int) (lun >>> 62);
        int firstLevel = (int) (lun >>> 48) & 0x3FFF;
        if ((lun & 0xFFFF_FFFF_FFFFL) != 0) {
            throw FcFormatException.of("LUN", format(lun), "has more than one level, no single LUN number");
        }
        if (method == FLAT) {
            return firstLevel;
        }
        if (method == PERIPHERAL && firstLevel < 256) {
            return firstLevel;
        }
        throw FcFormatException.of("LUN", format(lun), method == PERIPHERAL
                ? "peripheral addressing with bus " + (firstLevel >>> 8) + " has no single LUN number"
                : "addressing method " + method + " is neither peripheral (0) nor flat (1)");
    }

    /** Sixteen hex digits in four groups, e.g. {@code 0005-0000-0000-0000}. */
    public static String format(long lun) {
        String hex = String.format("%016x", lun);
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12);
    }
}
