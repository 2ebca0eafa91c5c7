package org.fcredirect.fc.capture;

/** The container format of a capture file. */
public enum CaptureFormat {
    /** Classic libpcap: one link type per file, microsecond or nanosecond timestamps. */
    PCAP,
    /** pcapng: sections of interfaces, each with its own link type and timestamp resolution. */
    PCAPNG
}
