package org.fcredirect.fc.capture;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One captured packet: when (null when the file recorded no time, as in a pcapng simple packet
 * block), on which interface and link type, how long it was on the wire, and the bytes captured.
 */
public final class CaptureRecord {
    private final Instant timestamp;
    private final int linkType;
    private final int interfaceId;
    private final int originalLength;
    private final byte[] data;

    /** Takes ownership of {@code data}. */
    private CaptureRecord(Instant timestamp, int linkType, int interfaceId, int originalLength, byte[] data) {
        if (originalLength < data.length) {
            throw new IllegalArgumentException("original length " + originalLength + " is below the "
                    + data.length + " bytes captured");
        }
        this.timestamp = timestamp;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        this.originalLength = originalLength;
        this.data = data;
    }

    /** A record holding a copy of {@code data}. */
    public static CaptureRecord of(Instant timestamp, int linkType, int interfaceId, int originalLength, byte[] data) {
        return new CaptureRecord(timestamp, linkType, interfaceId, originalLength, data.clone());
    }

    /** The reader's path: the freshly read array is not shared, so it is not copied. */
    static CaptureRecord owning(Instant timestamp, int linkType, int interfaceId, int originalLength, byte[] data) {
        return new CaptureRecord(timestamp, linkType, interfaceId, originalLength, data);
    }

    /** The capture time, or null when the record has none. */
    public Instant timestamp() {
        return timestamp;
    }

    public int linkType() {
        return linkType;
    }

    /** The pcapng interface id; 0 in a classic pcap file. */
    public int interfaceId() {
        return interfaceId;
    }

    public int originalLength() {
        return originalLength;
    }

    public int capturedLength() {
        return data.length;
    }

    /** True when the packet was cut short by the snapshot length. */
    public boolean truncated() {
        return data.length < originalLength;
    }

    /** A copy of the captured bytes. */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaptureRecord r && Objects.equals(r.timestamp, timestamp) && r.linkType == linkType
                && r.interfaceId == interfaceId && r.originalLength == originalLength && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, linkType, interfaceId, originalLength) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CaptureRecord[" + timestamp + ", linkType=" + linkType + ", interface=" + interfaceId
                + ", " + data.length + "/" + originalLength + " bytes]";
    }
}
