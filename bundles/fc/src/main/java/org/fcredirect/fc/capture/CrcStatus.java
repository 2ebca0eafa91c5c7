package org.fcredirect.fc.capture;

/** Whether a captured frame carried its CRC and whether it matched. */
public enum CrcStatus {
    /** The link type carries no CRC (LINKTYPE_FC_2). */
    ABSENT,
    GOOD,
    BAD
}
