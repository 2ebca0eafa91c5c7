package org.fcredirect.fc.capture;

/** Timestamp resolution of a classic pcap file, told by its magic number. */
public enum TimestampResolution {
    MICROSECONDS(0xA1B2C3D4, 1_000),
    NANOSECONDS(0xA1B23C4D, 1);

    private final int magic;
    private final int nanosPerUnit;

    TimestampResolution(int magic, int nanosPerUnit) {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
    }

    public int magic() {
        return magic;
    }

    int nanosPerUnit() {
        return nanosPerUnit;
    }

    int unitsPerSecond() {
        return 1_000_000_000 / nanosPerUnit;
    }
}
