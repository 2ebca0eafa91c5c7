package org.fcredirect.storage.follow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.fcredirect.storage.api.NewEvent;

/**
 * Who decided a change and on which state: the writer, and the last event of the stream it had
 * applied ({@code base}). The change's events travel inside one {@value #TYPE} event together with
 * the guard, never as events beside it: a shared log may put other nodes' events between the
 * events of one append (Kafka interleaves concurrent transactions), but never inside one event.
 * Every node applies the change only when no applied event of the stream lies between
 * {@code base} and it (see {@link GuardedOrder}), so a change applies exactly on the state it was
 * decided on.
 *
 * @param writer the node id of the writer, for the loser's message
 * @param instance the writer's run: a random number per start, so a node knows its own changes
 * @param change the writer's number for the change within its run
 * @param base the sequence of the last event of the stream the writer had applied
 */
public record ChangeGuard(String writer, long instance, long change, long base) {
    public static final String TYPE = "guarded-change";
    static final byte VERSION = 1;
    static final int MAX_WRITER_CHARS = 128;

    /** One event of a guarded change, as it would have been stored on its own. */
    public record Inner(String type, byte[] payload) {
    }

    /** A guarded change as stored: the guard and its events. */
    public record Guarded(ChangeGuard guard, List<Inner> events) {
    }

    public ChangeGuard {
        if (writer == null || writer.isEmpty() || writer.length() > MAX_WRITER_CHARS) {
            throw new IllegalArgumentException("a guard's writer is 1 to " + MAX_WRITER_CHARS + " characters");
        }
        if (base < 0) {
            throw new IllegalArgumentException("a guard's base is not negative: " + base);
        }
    }

    /** The one event that stores this change's events under this guard. */
    public NewEvent wrap(String stream, List<Inner> events) {
        return NewEvent.of(stream, TYPE, encode(events));
    }

    /** The payload's size for these events, to tell whether they fit one event. */
    public int encodedSize(List<Inner> events) {
        int size = 35 + 3 * writer.length();
        for (Inner e : events) {
            size += 6 + 3 * e.type().length() + e.payload().length;
        }
        return size;
    }

    byte[] encode(List<Inner> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encodedSize(events));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(writer);
            out.writeLong(instance);
            out.writeLong(change);
            out.writeLong(base);
            out.writeInt(events.size());
            for (Inner e : events) {
                out.writeUTF(e.type());
                out.writeInt(e.payload().length);
                out.write(e.payload());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for a payload that is not a guarded change of a known version */
    public static Guarded decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("guarded change of unknown format version " + version);
            }
            ChangeGuard g = new ChangeGuard(in.readUTF(), in.readLong(), in.readLong(), in.readLong());
            int n = in.readInt();
            if (n < 0 || n > payload.length) {
                throw new IllegalArgumentException("guarded change of " + n + " events in " + payload.length + " bytes");
            }
            List<Inner> events = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String type = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IllegalArgumentException("guarded change's event " + i + " of " + length
                            + " bytes, with " + in.available() + " left");
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                events.add(new Inner(type, bytes));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("guarded change with " + in.available() + " bytes after its end");
            }
            return new Guarded(g, events);
        } catch (IOException e) {
            throw new IllegalArgumentException("guarded change of " + payload.length + " bytes is truncated", e);
        }
    }
}
