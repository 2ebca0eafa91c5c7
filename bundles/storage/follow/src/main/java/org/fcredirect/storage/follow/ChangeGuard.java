package org.fcredirect.storage.follow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.fcredirect.storage.api.NewEvent;

/**
 * Stored right before the events of one change: who wrote it, the last event of the stream its
 * writer had applied when it decided the change ({@code base}), and how many events follow. Every
 * node applies the change only when no accepted event of the stream lies between {@code base} and
 * the guard (see {@link GuardedOrder}), so a change is applied exactly on the state it was decided on.
 *
 * @param writer the node id of the writer, for the loser's message
 * @param instance the writer's run: a random number per start, so a node knows its own guards
 * @param change the writer's number for the change within its run
 * @param base the sequence of the last event of the stream the writer had applied
 * @param count the events of the change that follow the guard in the same atomic append
 */
public record ChangeGuard(String writer, long instance, long change, long base, int count) {
    public static final String TYPE = "change-guard";
    static final byte VERSION = 1;
    static final int MAX_WRITER_CHARS = 128;

    public ChangeGuard {
        if (writer == null || writer.isEmpty() || writer.length() > MAX_WRITER_CHARS) {
            throw new IllegalArgumentException("a guard's writer is 1 to " + MAX_WRITER_CHARS + " characters");
        }
        if (base < 0 || count < 0) {
            throw new IllegalArgumentException("a guard's base and count are not negative: " + base + ", " + count);
        }
    }

    /** This guard for a change of {@code n} events. */
    public ChangeGuard withCount(int n) {
        return new ChangeGuard(writer, instance, change, base, n);
    }

    public NewEvent event(String stream) {
        return NewEvent.of(stream, TYPE, encode());
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(40 + writer.length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(writer);
            out.writeLong(instance);
            out.writeLong(change);
            out.writeLong(base);
            out.writeInt(count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for a payload that is not a guard of a known version */
    public static ChangeGuard decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("change guard of unknown format version " + version);
            }
            ChangeGuard g = new ChangeGuard(in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readInt());
            if (in.available() > 0) {
                throw new IllegalArgumentException("change guard with " + in.available() + " bytes after its end");
            }
            return g;
        } catch (IOException e) {
            throw new IllegalArgumentException("change guard of " + payload.length + " bytes is truncated", e);
        }
    }
}
