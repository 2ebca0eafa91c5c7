package org.fcredirect.fastpath.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Frames travelling together from a source to a worker and back, packed into one preallocated
 * buffer: each with its VSAN, a source timestamp and a tag of the source's. The source writes a
 * frame's bytes at the offset {@link #add} returns; the worker fills in a verdict per frame.
 */
@ProviderType
public interface FrameBatch {
    int MAX_FRAMES = 64;
    int BYTES = 64 * 1024;
    /** Longest frame worth copying in (a 24-byte header, 2112 bytes of data field, 4 over): longer ones are cut to it. */
    int MAX_COPY = 24 + 2112 + 4;
    /** Verdict of a forwarded frame; a drop is its reason's ordinal plus one. */
    byte FORWARDED = 0;

    /** The worker whose lane this batch travels. */
    int worker();

    /** Whether a frame of {@code length} bytes still fits. */
    boolean fits(int length);

    /** Reserves room for a frame; the caller writes its {@code length} bytes into {@link #data} at the returned offset. */
    int add(int vsan, long timestamp, long tag, int length);

    /** The batch's buffer, written in place: no copy on the way to the worker. */
    byte[] data();

    int count();

    int offset(int frame);

    int length(int frame);

    int vsan(int frame);

    long tag(int frame);

    /** {@link #FORWARDED}, or a drop (see {@link #reasonOf}). */
    byte verdict(int frame);

    /** The reason of a drop verdict. */
    static DropReason reasonOf(byte verdict) {
        return DropReason.values()[verdict - 1];
    }
}
