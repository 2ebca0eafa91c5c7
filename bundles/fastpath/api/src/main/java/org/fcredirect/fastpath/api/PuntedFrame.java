package org.fcredirect.fastpath.api;

/**
 * A control frame a worker handed to the control plane (a fabric login, logout or its reply); a
 * view valid only during {@link PuntConsumer#punted}. The bytes are the frame's 24-byte header
 * (with DF_CTL cleared: optional headers are left out) and its payload without fill bytes, cut
 * to {@link #MAX_PAYLOAD} bytes, which every field a login carries fits in.
 */
public interface PuntedFrame {
    /** Payload bytes kept: an ELS login's command word and service parameters. */
    int MAX_PAYLOAD = 116;

    int vsan();

    int worker();

    /** When the frame passed, in the source's nanoseconds (the generator's clock, a capture's time). */
    long timestamp();

    /** Header and payload, read-only; valid during the call. */
    byte[] buffer();

    int offset();

    /** Bytes at {@link #offset()}: 24 for the header plus the payload kept. */
    int length();
}
