package org.fcredirect.fc.capture;

import org.fcredirect.fc.FcFormatException;

/**
 * End-of-frame delimiters. The four-byte ordered set depends on the running disparity before it
 * (K28.5 D21.4 for negative, K28.5 D21.5 for positive; D10.4 and D10.5 for the invalidating
 * EOFni, EOFdti and EOFrti) so that the link returns to negative disparity; a decoder accepts
 * both forms.
 */
public enum Eof {
    EOF_N("EOFn", 0x41, 0xD5, false),
    EOF_T("EOFt", 0x42, 0x75, false),
    EOF_RT("EOFrt", 0x44, 0x99, false),
    EOF_DT("EOFdt", 0x46, 0x95, false),
    EOF_NI("EOFni", 0x49, 0xD5, true),
    EOF_DTI("EOFdti", 0x4E, 0x95, true),
    EOF_RTI("EOFrti", 0x4F, 0x99, true),
    EOF_A("EOFa", 0x50, 0xF5, false);

    private static final int K28_5 = 0xBC;
    private static final int D21_4 = 0x95;
    private static final int D21_5 = 0xB5;
    private static final int D10_4 = 0x8A;
    private static final int D10_5 = 0xAA;

    private final String label;
    private final int fcoeCode;
    private final int kindByte;
    private final boolean invalidates;

    Eof(String label, int fcoeCode, int kindByte, boolean invalidates) {
        this.label = label;
        this.fcoeCode = fcoeCode;
        this.kindByte = kindByte;
        this.invalidates = invalidates;
    }

    /** The name FC-FS uses, e.g. "EOFt". */
    public String label() {
        return label;
    }

    public int fcoeCode() {
        return fcoeCode;
    }

    /** EOFni, EOFdti and EOFrti mark the frame content invalid. */
    public boolean invalidates() {
        return invalidates;
    }

    /** The ordered set for the running disparity before it, as a big-endian int. */
    public int orderedSet(boolean negativeDisparity) {
        int second = invalidates ? (negativeDisparity ? D10_4 : D10_5) : (negativeDisparity ? D21_4 : D21_5);
        return K28_5 << 24 | second << 16 | kindByte << 8 | kindByte;
    }

    public static Eof ofFcoeCode(int code) {
        for (Eof e : values()) {
            if (e.fcoeCode == code) {
                return e;
            }
        }
        throw FcFormatException.of("FCoE EOF", String.format("0x%02x", code), "is not a known EOF code");
    }

    /** Accepts either disparity form. */
    public static Eof ofOrderedSet(int orderedSet) {
        for (Eof e : values()) {
            if (e.orderedSet(true) == orderedSet || e.orderedSet(false) == orderedSet) {
                return e;
            }
        }
        throw FcFormatException.of("EOF ordered set", String.format("0x%08x", orderedSet), "is not a known EOF");
    }
}
