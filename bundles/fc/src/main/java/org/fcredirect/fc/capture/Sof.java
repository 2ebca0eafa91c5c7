package org.fcredirect.fc.capture;

import org.fcredirect.fc.FcFormatException;

/**
 * Start-of-frame delimiters of the classes in use. Each has two encodings: the one-byte code FCoE
 * carries (FC-BB-6) and the four-byte ordered set K28.5 D21.5 Dx.y Dx.y seen by link analysers
 * and in LINKTYPE_FC_2_WITH_FRAME_DELIMS captures.
 */
public enum Sof {
    SOF_F("SOFf", 0x28, 0x58),
    SOF_I2("SOFi2", 0x2D, 0x55),
    SOF_N2("SOFn2", 0x35, 0x35),
    SOF_I3("SOFi3", 0x2E, 0x56),
    SOF_N3("SOFn3", 0x36, 0x36),
    SOF_I4("SOFi4", 0x29, 0x59),
    SOF_N4("SOFn4", 0x31, 0x39),
    SOF_C4("SOFc4", 0x39, 0x19);

    private static final int ORDERED_SET_PREFIX = 0xBCB5_0000;

    private final String label;
    private final int fcoeCode;
    private final int classByte;

    Sof(String label, int fcoeCode, int classByte) {
        this.label = label;
        this.fcoeCode = fcoeCode;
        this.classByte = classByte;
    }

    /** The name FC-FS uses, e.g. "SOFi3". */
    public String label() {
        return label;
    }

    public int fcoeCode() {
        return fcoeCode;
    }

    /** The ordered set as a big-endian int, e.g. 0xBCB55656 for SOFi3. */
    public int orderedSet() {
        return ORDERED_SET_PREFIX | classByte << 8 | classByte;
    }

    public static Sof ofFcoeCode(int code) {
        for (Sof s : values()) {
            if (s.fcoeCode == code) {
                return s;
            }
        }
        throw FcFormatException.of("FCoE SOF", String.format("0x%02x", code), "is not a known SOF code");
    }

    public static Sof ofOrderedSet(int orderedSet) {
        for (Sof s : values()) {
            if (s.orderedSet() == orderedSet) {
                return s;
            }
        }
        throw FcFormatException.of("SOF ordered set", String.format("0x%08x", orderedSet), "is not a known SOF");
    }
}
