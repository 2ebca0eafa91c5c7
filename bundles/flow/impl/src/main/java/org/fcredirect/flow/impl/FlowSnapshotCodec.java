package org.fcredirect.flow.impl;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.PortLogin;

/**
 * The flow manager's state as one snapshot of the {@code flow} stream. Names are written once,
 * flows refer to them by index, so a flow takes about 60 bytes. States are not stored: they are
 * derived again on load, exactly as replay derives them. Layout in {@code EVENTS.md}.
 */
final class FlowSnapshotCodec {
    static final byte VERSION = 2;
    /** Snapshots from before port pools: appliances with fixed ports, flows without their VT and VI. */
    static final byte VERSION_FIXED_PORTS = 1;

    /** A flow's bytes apart from its description's modified UTF-8 (its 2-byte length included). */
    private static final int FIXED_FLOW_BYTES = 8 + 2 + 8 + 8 + 2 + 4 + 1 + 2 + 8 + 8 + 1 + 4 + 4 + 4 + 1 + 4 + 4 + 4;

    private FlowSnapshotCodec() {
    }

    static byte[] encode(FlowModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes, 1 << 16))) {
            out.writeByte(VERSION);
            out.writeLong(model.nextId());
            ApplianceRegistry appliances = model.appliances();
            out.writeLong(appliances.version());
            out.writeInt(model.names.size());
            for (int i = 0; i < model.names.size(); i++) {
                out.writeUTF(model.names.name(i));
            }
            out.writeInt(appliances.list().size());
            for (Appliance a : appliances.list()) {
                FlowEventCodec.writeApplianceSpec(out, a.spec());
                out.writeBoolean(a.healthy());
                out.writeUTF(a.unhealthyReason().orElse(""));
                out.writeLong(FlowModel.micros(a.healthSince()));
            }
            List<PortLogin> logins = model.logins.list();
            out.writeInt(logins.size());
            for (PortLogin p : logins) {
                out.writeShort(p.vsan().value());
                out.writeLong(p.pwwn().value());
                out.writeInt(p.fcid().value());
            }
            out.writeInt(model.flows.liveCount());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withFlows(bytes.toByteArray(), model.flows.c);
    }

    /**
     * The header followed by every live flow, written straight into one array: a million flows
     * take well under a second, where a stream call per field took several times that.
     */
    private static byte[] withFlows(byte[] header, FlowColumns c) {
        byte[][] descriptions = new byte[c.size][];
        long size = header.length;
        for (int s = 0; s < c.size; s++) {
            if (c.state[s] != FlowColumns.DELETED) {
                descriptions[s] = c.description[s] == null ? null : utf(c.description[s]);
                size += FIXED_FLOW_BYTES + (descriptions[s] == null ? 0 : descriptions[s].length - 2);
            }
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("flow snapshot of " + size + " bytes is too large for one array");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).put(header);
        for (int s = 0; s < c.size; s++) {
            if (c.state[s] == FlowColumns.DELETED) {
                continue;
            }
            out.putLong(c.id[s]).putShort(c.vsan[s]).putLong(c.initiator[s]).putLong(c.target[s]).putShort(c.lun[s])
                    .putInt(c.explicit[s]).put(c.specFailover[s]);
            if (descriptions[s] == null) {
                out.putShort((short) 0);
            } else {
                out.put(descriptions[s]);
            }
            out.putLong(c.createdMicros[s]).putLong(c.updatedMicros[s]).put(c.action[s]).putInt(c.policy[s])
                    .putInt(c.group[s]).putInt(c.home[s]).put(c.failover[s]).putInt(c.current[s]).putInt(c.vt[s])
                    .putInt(c.vi[s]);
        }
        return out.array();
    }

    /** A string as {@link DataOutputStream#writeUTF} writes it: length, then modified UTF-8. */
    private static byte[] utf(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2 + s.length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();

    }

    /** @throws IllegalArgumentException when the data is not a snapshot this version reads */
    static FlowModel decode(byte[] data) {
        return decode(data, 0);
    }

    /**
     * The snapshot that starts at {@code offset} and runs to the end of {@code data}: read in
     * place, since copying a million flows' 77 MB out first cost a restart a tenth of a second.
     *
     * @throws IllegalArgumentException when the data is not a snapshot this version reads
     */
    static FlowModel decode(byte[] data, int offset) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset, data.length - offset))) {
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_FIXED_PORTS) {
                throw new IllegalArgumentException("flow snapshot has format version " + version + "; this flow manager reads "
                        + VERSION_FIXED_PORTS + " and " + VERSION);
            }
            boolean heldPorts = version != VERSION_FIXED_PORTS;
            long nextId = in.readLong();
            long applianceVersion = in.readLong();
            int names = in.readInt();
            List<String> nameList = new ArrayList<>(names);
            for (int i = 0; i < names; i++) {
                nameList.add(in.readUTF());
            }
            int applianceCount = in.readInt();
            List<Appliance> appliances = new ArrayList<>(applianceCount);
            for (int i = 0; i < applianceCount; i++) {
                ApplianceSpec spec = FlowEventCodec.readApplianceSpec(in, version);
                boolean healthy = in.readBoolean();
                String reason = in.readUTF();
                appliances.add(new Appliance(spec, healthy, healthy ? Optional.empty() : Optional.of(reason),
                        FlowModel.instant(in.readLong())));
            }
            int loginCount = in.readInt();
            List<PortLogin> logins = new ArrayList<>(loginCount);
            for (int i = 0; i < loginCount; i++) {
                logins.add(new PortLogin(VsanId.of(in.readShort()), Wwn.of(in.readLong()), FcId.of(in.readInt())));
            }
            int flowCount = in.readInt();
            FlowModel model = new FlowModel(flowCount);
            nameList.forEach(model.names::intern);
            model.restore(ApplianceRegistry.of(appliances, applianceVersion), nextId);
            logins.forEach(p -> model.logins.login(p.vsan().value(), p.pwwn().value(), p.fcid().value()));
            readFlows(ByteBuffer.wrap(data, data.length - in.available(), in.available()), model, flowCount, names,
                    heldPorts);
            return model;
        } catch (IOException | RuntimeException e) {
            String why = e instanceof BufferUnderflowException ? "it ends within a flow" : e.getMessage();
            throw new IllegalArgumentException("flow snapshot does not decode: " + why, e);
        }
    }

    /** The flows section, read from a buffer rather than a stream call per field, which dominated a restart. */
    private static void readFlows(ByteBuffer in, FlowModel model, int flowCount, int names, boolean heldPorts)
            throws IOException {
        FlowColumns c = model.flows.c;
        model.flows.ensureRoom(flowCount);
        for (int i = 0; i < flowCount; i++) {
            long id = in.getLong();
            short vsan = in.getShort();
            long initiator = in.getLong();
            long target = in.getLong();
            short lun = in.getShort();
            int s = model.flows.append(id, vsan, initiator, target, lun);
            c.explicit[s] = name(in.getInt(), names);
            c.specFailover[s] = WireCodes.code(WireCodes.failover(in.get()));
            c.description[s] = description(in);
            c.createdMicros[s] = in.getLong();
            c.updatedMicros[s] = in.getLong();
            c.action[s] = WireCodes.code(WireCodes.action(in.get()));
            c.policy[s] = name(in.getInt(), names);
            c.group[s] = name(in.getInt(), names);
            c.home[s] = name(in.getInt(), names);
            c.failover[s] = WireCodes.code(requirePresent(WireCodes.failover(in.get())));
            c.current[s] = name(in.getInt(), names);
            if (heldPorts) {
                c.vt[s] = in.getInt();
                c.vi[s] = in.getInt();
            }
            model.restoreFlow(s, heldPorts);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("flow snapshot has " + in.remaining() + " bytes past its end");
        }
    }

    /** Null for the empty string, as flows without a description hold it. */
    private static String description(ByteBuffer in) throws IOException {
        int length = Short.toUnsignedInt(in.getShort(in.position()));
        if (length == 0) {
            in.position(in.position() + 2);
            return null;
        }
        if (length > in.remaining() - 2) {
            throw new IOException("a description of " + length + " bytes runs past the end");
        }
        String s = new DataInputStream(new ByteArrayInputStream(in.array(), in.arrayOffset() + in.position(), length + 2))
                .readUTF();
        in.position(in.position() + 2 + length);
        return s;
    }

    private static <T> T requirePresent(T value) throws IOException {
        if (value == null) {
            throw new IOException("a flow's failover mode is missing");
        }
        return value;
    }

    private static int name(int index, int names) throws IOException {
        if (index < NameTable.NONE || index >= names) {
            throw new IOException("name index " + index + " is not below " + names);
        }
        return index;
    }
}
