package org.fcredirect.flow.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.api.VirtualPorts;
import org.fcredirect.flow.impl.FlowChange.ApplianceAdded;
import org.fcredirect.flow.impl.FlowChange.ApplianceHealthChanged;
import org.fcredirect.flow.impl.FlowChange.ApplianceRemoved;
import org.fcredirect.flow.impl.FlowChange.FlowDeleted;
import org.fcredirect.flow.impl.FlowChange.FlowsCreated;
import org.fcredirect.flow.impl.FlowChange.FlowsDecided;
import org.fcredirect.flow.impl.FlowChange.FlowsMoved;
import org.fcredirect.flow.impl.FlowChange.Move;
import org.fcredirect.flow.impl.FlowChange.NewFlow;
import org.fcredirect.flow.impl.FlowChange.Placement;
import org.fcredirect.flow.impl.FlowChange.PortLoggedOut;
import org.fcredirect.flow.impl.FlowChange.PortsLoggedIn;
import org.fcredirect.flow.impl.FlowChange.Redecision;

/**
 * The binary payloads of the {@code flow} stream (big-endian, {@link DataOutputStream} encoding;
 * strings are modified UTF-8 with a 2-byte length, absent names are empty strings). Every payload
 * starts with a format version byte and the change time in microseconds (8 bytes). Version 2 adds
 * the port pools to {@code appliance-added}; version 1 events, written before pools, still decode. Changes
 * over many flows are split into several events of the same type, about
 * {@value #CHUNK_BYTES} bytes each; applying them in order is applying the change. The layouts
 * after the header are listed in {@code EVENTS.md} beside this module's pom.
 */
final class FlowEventCodec {
    static final byte VERSION = 2;
    /** Events written before port pools: an appliance-added event holds fixed ports only. */
    static final byte VERSION_FIXED_PORTS = 1;
    static final int CHUNK_BYTES = 256 << 10;

    static final String FLOWS_CREATED = "flows-created";
    static final String FLOW_DELETED = "flow-deleted";
    static final String FLOWS_DECIDED = "flows-decided";
    static final String FLOWS_MOVED = "flows-moved";
    static final String PORTS_LOGGED_IN = "ports-logged-in";
    static final String PORT_LOGGED_OUT = "port-logged-out";
    static final String APPLIANCE_ADDED = "appliance-added";
    static final String APPLIANCE_REMOVED = "appliance-removed";
    static final String APPLIANCE_HEALTH = "appliance-health";

    /** An event before it is stored: type and payload. */
    record Encoded(String type, byte[] payload) {
    }

    private FlowEventCodec() {
    }

    @FunctionalInterface
    private interface ItemWriter<T> {
        void write(DataOutputStream out, T item) throws IOException;
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static List<Encoded> encode(FlowChange change) {
        try {
            long t = change.micros();
            if (change instanceof FlowsCreated c) {
                return chunked(FLOWS_CREATED, t, c.flows(), FlowEventCodec::writeNewFlow);
            } else if (change instanceof FlowsDecided d) {
                return chunked(FLOWS_DECIDED, t, d.flows(), (out, r) -> {
                    out.writeLong(r.id());
                    writePlacement(out, r.placement());
                });
            } else if (change instanceof FlowsMoved m) {
                return chunked(FLOWS_MOVED, t, m.moves(), (out, mv) -> {
                    out.writeLong(mv.id());
                    out.writeUTF(orEmpty(mv.current()));
                });
            } else if (change instanceof PortsLoggedIn l) {
                return chunked(PORTS_LOGGED_IN, t, l.logins(), (out, p) -> {
                    out.writeShort(p.vsan().value());
                    out.writeLong(p.pwwn().value());
                    out.writeInt(p.fcid().value());
                });
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = header(bytes, t);
            String type;
            if (change instanceof FlowDeleted d) {
                type = FLOW_DELETED;
                out.writeLong(d.id());
            } else if (change instanceof PortLoggedOut l) {
                type = PORT_LOGGED_OUT;
                out.writeShort(l.vsan().value());
                out.writeLong(l.pwwn().value());
            } else if (change instanceof ApplianceAdded a) {
                type = APPLIANCE_ADDED;
                writeApplianceSpec(out, a.spec());
            } else if (change instanceof ApplianceRemoved r) {
                type = APPLIANCE_REMOVED;
                out.writeUTF(r.name());
            } else {
                ApplianceHealthChanged h = (ApplianceHealthChanged) change;
                type = APPLIANCE_HEALTH;
                out.writeUTF(h.name());
                out.writeBoolean(h.healthy());
                out.writeUTF(h.reason());
            }
            out.flush();
            return List.of(new Encoded(type, bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataOutputStream header(ByteArrayOutputStream bytes, long micros) throws IOException {
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(VERSION);
        out.writeLong(micros);
        return out;
    }

    /** Header, item count, items; a new event whenever one reaches {@link #CHUNK_BYTES}. */
    private static <T> List<Encoded> chunked(String type, long micros, List<T> items, ItemWriter<T> writer)
            throws IOException {
        List<Encoded> events = new ArrayList<>();
        ByteArrayOutputStream items0 = new ByteArrayOutputStream(Math.min(CHUNK_BYTES, 64 + items.size() * 64));
        DataOutputStream out = new DataOutputStream(items0);
        int count = 0;
        for (T item : items) {
            writer.write(out, item);
            count++;
            if (out.size() >= CHUNK_BYTES) {
                events.add(event(type, micros, count, items0));
                items0.reset();
                out = new DataOutputStream(items0);
                count = 0;
            }
        }
        if (count > 0 || events.isEmpty()) {
            events.add(event(type, micros, count, items0));
        }
        return events;
    }

    private static Encoded event(String type, long micros, int count, ByteArrayOutputStream items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(items.size() + 13);
        DataOutputStream out = header(bytes, micros);
        out.writeInt(count);
        items.writeTo(out);
        out.flush();
        return new Encoded(type, bytes.toByteArray());
    }

    private static void writeNewFlow(DataOutputStream out, NewFlow f) throws IOException {
        FlowSpec s = f.spec();
        out.writeLong(f.id());
        out.writeShort(s.vsan().value());
        out.writeLong(s.initiator().value());
        out.writeLong(s.target().value());
        out.writeShort(s.lun().orElse(-1));
        out.writeUTF(s.appliance().orElse(""));
        out.writeByte(WireCodes.code(s.failover().orElse(null)));
        out.writeUTF(s.description());
        writePlacement(out, f.placement());
    }

    private static void writePlacement(DataOutputStream out, Placement p) throws IOException {
        out.writeByte(WireCodes.code(p.action()));
        out.writeUTF(orEmpty(p.policy()));
        out.writeUTF(orEmpty(p.group()));
        out.writeUTF(orEmpty(p.home()));
        out.writeByte(WireCodes.code(p.failover()));
        out.writeUTF(orEmpty(p.current()));
    }

    static void writeApplianceSpec(DataOutputStream out, ApplianceSpec spec) throws IOException {
        out.writeUTF(spec.name());
        out.writeUTF(spec.group());
        out.writeInt(spec.weight());
        out.writeInt(spec.ports().size());
        for (VirtualPorts p : spec.ports().values()) {
            out.writeShort(p.vsan().value());
            out.writeLong(p.vtPwwn().value());
            out.writeInt(p.vtFcid().value());
            out.writeLong(p.viPwwn().value());
            out.writeInt(p.viFcid().value());
        }
        out.writeInt(spec.pools().size());
        for (PortPool p : spec.pools().values()) {
            out.writeShort(p.vsan().value());
            out.writeInt(p.first().value());
            out.writeInt(p.last().value());
            out.writeLong(p.wwnBase().value());
        }
    }

    /** @param version the format version it was written in: pools follow the ports from version 2 */
    static ApplianceSpec readApplianceSpec(DataInputStream in, byte version) throws IOException {
        ApplianceSpec.Builder b = ApplianceSpec.builder(in.readUTF()).group(in.readUTF()).weight(in.readInt());
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            b.ports(new VirtualPorts(VsanId.of(in.readShort()), Wwn.of(in.readLong()), FcId.of(in.readInt()),
                    Wwn.of(in.readLong()), FcId.of(in.readInt())));
        }
        int pools = version == VERSION_FIXED_PORTS ? 0 : in.readInt();
        for (int i = 0; i < pools; i++) {
            b.pool(new PortPool(VsanId.of(in.readShort()), FcId.of(in.readInt()), FcId.of(in.readInt()),
                    Wwn.of(in.readLong())));
        }
        return b.build();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /**
     * @throws IllegalArgumentException for an unknown type, another format version, or a payload
     *         that does not decode: the log holds something this version cannot apply
     */
    static FlowChange decode(String type, byte[] payload) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        try {
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_FIXED_PORTS) {
                throw new IllegalArgumentException("flow event '" + type + "' has format version " + version
                        + "; this flow manager reads versions " + VERSION_FIXED_PORTS + " and " + VERSION);
            }
            long t = in.readLong();
            FlowChange change = switch (type) {
                case FLOWS_CREATED -> new FlowsCreated(t, list(in, FlowEventCodec::readNewFlow));
                case FLOWS_DECIDED -> new FlowsDecided(t, list(in, i -> new Redecision(i.readLong(), readPlacement(i))));
                case FLOWS_MOVED -> new FlowsMoved(t, list(in, i -> new Move(i.readLong(), orNull(i.readUTF()))));
                case PORTS_LOGGED_IN -> new PortsLoggedIn(t, list(in, i -> new PortLogin(VsanId.of(i.readShort()),
                        Wwn.of(i.readLong()), FcId.of(i.readInt()))));
                case FLOW_DELETED -> new FlowDeleted(t, in.readLong());
                case PORT_LOGGED_OUT -> new PortLoggedOut(t, VsanId.of(in.readShort()), Wwn.of(in.readLong()));
                case APPLIANCE_ADDED -> new ApplianceAdded(t, readApplianceSpec(in, version));
                case APPLIANCE_REMOVED -> new ApplianceRemoved(t, in.readUTF());
                case APPLIANCE_HEALTH -> new ApplianceHealthChanged(t, in.readUTF(), in.readBoolean(), in.readUTF());
                default -> throw new IllegalArgumentException("unknown flow event type '" + type + "'");
            };
            if (in.available() > 0) {
                throw new IllegalArgumentException("flow event '" + type + "' has " + in.available() + " bytes past its end");
            }
            return change;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("flow event '" + type + "' does not decode: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> list(DataInputStream in, ItemReader<T> reader) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative item count " + n);
        }
        List<T> items = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            items.add(reader.read(in));
        }
        return items;
    }

    private static NewFlow readNewFlow(DataInputStream in) throws IOException {
        long id = in.readLong();
        FlowSpec.Builder b = FlowSpec.builder().vsan(VsanId.of(in.readShort())).initiator(Wwn.of(in.readLong()))
                .target(Wwn.of(in.readLong()));
        short lun = in.readShort();
        if (lun >= 0) {
            b.lun(lun);
        }
        b.appliance(orNull(in.readUTF()));
        b.failover(WireCodes.failover(in.readByte()));
        b.description(in.readUTF());
        return new NewFlow(id, b.build(), readPlacement(in));
    }

    private static Placement readPlacement(DataInputStream in) throws IOException {
        FlowAction action = WireCodes.action(in.readByte());
        String policy = orNull(in.readUTF());
        String group = orNull(in.readUTF());
        String home = orNull(in.readUTF());
        FailoverMode failover = WireCodes.failover(in.readByte());
        return new Placement(action, policy, group, home, failover, orNull(in.readUTF()));
    }
}
