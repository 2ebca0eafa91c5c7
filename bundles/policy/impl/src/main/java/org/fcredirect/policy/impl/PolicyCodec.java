package org.fcredirect.policy.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fcredirect.policy.api.Policy;

/**
 * The binary payloads of the {@code policy} stream ({@link DataOutputStream} encoding). A policy
 * is stored as its fields by name ({@link Policy#toFields()}) and read back through
 * {@link Policy#fromFields}, so every stored policy passes the same validation again and a field
 * added later reads as its default from older events.
 * <ul>
 * <li>{@code policy-added}, {@code policy-updated}: version byte 1, field count (int), then per
 * field its name and value (modified UTF-8).</li>
 * <li>{@code policy-removed}: version byte 1, the name (modified UTF-8).</li>
 * <li>snapshot: version byte 1, policy count (int), then each policy as in {@code policy-added}.</li>
 * </ul>
 */
final class PolicyCodec {
    static final byte VERSION = 1;
    static final String ADDED = "policy-added";
    static final String UPDATED = "policy-updated";
    static final String REMOVED = "policy-removed";

    private PolicyCodec() {
    }

    static byte[] encode(Policy p) {
        return write(out -> writePolicy(out, p));
    }

    static byte[] encodeRemoved(String name) {
        return write(out -> out.writeUTF(name));
    }

    static byte[] encodeSnapshot(List<Policy> policies) {
        return write(out -> {
            out.writeInt(policies.size());
            for (Policy p : policies) {
                writePolicy(out, p);
            }
        });
    }

    static Policy decodePolicy(byte[] payload) {
        return read(payload, PolicyCodec::readPolicy);
    }

    static String decodeRemoved(byte[] payload) {
        return read(payload, in -> in.readUTF());
    }

    static List<Policy> decodeSnapshot(byte[] data) {
        return read(data, in -> {
            int n = in.readInt();
            List<Policy> policies = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                policies.add(readPolicy(in));
            }
            return policies;
        });
    }

    private static void writePolicy(DataOutputStream out, Policy p) throws IOException {
        Map<String, String> fields = p.toFields();
        out.writeInt(fields.size());
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.writeUTF(f.getKey());
            out.writeUTF(f.getValue());
        }
    }

    private static Policy readPolicy(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            fields.put(in.readUTF(), in.readUTF());
        }
        return Policy.fromFields(fields);
    }

    @FunctionalInterface
    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not what this version writes */
    private static <T> T read(byte[] data, Reading<T> reading) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("format version " + version + "; this policy engine reads " + VERSION);
            }
            T value = reading.read(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes past the end");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated: " + e, e);
        }
    }
}
