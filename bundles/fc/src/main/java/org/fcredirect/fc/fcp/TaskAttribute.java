package org.fcredirect.fc.fcp;

import org.fcredirect.fc.FcFormatException;

/** The TASK ATTRIBUTE of an FCP_CMND (byte 9, bits 2-0); codes 3, 6 and 7 are reserved. */
public enum TaskAttribute {
    SIMPLE(0), HEAD_OF_QUEUE(1), ORDERED(2), ACA(4), UNTAGGED(5);

    private final int code;

    TaskAttribute(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws FcFormatException for a reserved code */
    public static TaskAttribute ofCode(int code) {
        for (TaskAttribute a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw FcFormatException.of("FCP_CMND task attribute", code,
                "is reserved, expected 0 SIMPLE, 1 HEAD_OF_QUEUE, 2 ORDERED, 4 ACA or 5 UNTAGGED");
    }
}
