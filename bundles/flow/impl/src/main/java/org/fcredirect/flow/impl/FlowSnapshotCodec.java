package org.fcredirect.flow.impl;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private FlowSnapshotCodec() {
    }

    static byte[] encode(FlowModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + model.flows.liveCount() * 64);
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
            FlowColumns c = model.flows.c;
            out.writeInt(model.flows.liveCount());
            for (int s = 0; s < c.size; s++) {
                if (c.state[s] == FlowColumns.DELETED) {
                    continue;
                }
                out.writeLong(c.id[s]);
                out.writeShort(c.vsan[s]);
                out.writeLong(c.initiator[s]);
                out.writeLong(c.target[s]);
                out.writeShort(c.lun[s]);
                out.writeInt(c.explicit[s]);
                out.writeByte(c.specFailover[s]);
                out.writeUTF(c.description[s] == null ? "" : c.description[s]);
                out.writeLong(c.createdMicros[s]);
                out.writeLong(c.updatedMicros[s]);
                out.writeByte(c.action[s]);
                out.writeInt(c.policy[s]);
                out.writeInt(c.group[s]);
                out.writeInt(c.home[s]);
                out.writeByte(c.failover[s]);
                out.writeInt(c.current[s]);
                out.writeInt(c.vt[s]);
                out.writeInt(c.vi[s]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the data is not a snapshot this version reads */
    static FlowModel decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
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
            FlowColumns c = model.flows.c;
            model.flows.ensureRoom(flowCount);
            for (int i = 0; i < flowCount; i++) {
                long id = in.readLong();
                short vsan = in.readShort();
                long initiator = in.readLong();
                long target = in.readLong();
                short lun = in.readShort();
                int s = model.flows.append(id, vsan, initiator, target, lun);
                c.explicit[s] = name(in.readInt(), names);
                c.specFailover[s] = WireCodes.code(WireCodes.failover(in.readByte()));
                String description = in.readUTF();
                c.description[s] = description.isEmpty() ? null : description;
                c.createdMicros[s] = in.readLong();
                c.updatedMicros[s] = in.readLong();
                c.action[s] = WireCodes.code(WireCodes.action(in.readByte()));
                c.policy[s] = name(in.readInt(), names);
                c.group[s] = name(in.readInt(), names);
                c.home[s] = name(in.readInt(), names);
                c.failover[s] = WireCodes.code(requirePresent(WireCodes.failover(in.readByte())));
                c.current[s] = name(in.readInt(), names);
                if (heldPorts) {
                    c.vt[s] = in.readInt();
                    c.vi[s] = in.readInt();
                }
                model.restoreFlow(s, heldPorts);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("flow snapshot has " + in.available() + " bytes past its end");
            }
            return model;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("flow snapshot does not decode: " + e.getMessage(), e);
        }
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
