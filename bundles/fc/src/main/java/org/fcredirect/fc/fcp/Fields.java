package org.fcredirect.fc.fcp;

import org.fcredirect.fc.FcFormatException;

/** Range checks shared by the IU constructors; the message names the IU, the field and the value. */
final class Fields {
    static final long U32_MAX = 0xFFFF_FFFFL;

    private Fields() {
    }

    static void check(String iu, String field, long value, long max) {
        if (value < 0 || value > max) {
            throw FcFormatException.of(iu + " " + field, value, "must be 0.." + max);
        }
    }

    static <T> T required(String iu, String field, T value) {
        if (value == null) {
            throw FcFormatException.of(iu + " " + field, "null", "is required");
        }
        return value;
    }
}
