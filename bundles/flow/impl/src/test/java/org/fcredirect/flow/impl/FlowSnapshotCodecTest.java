package org.fcredirect.flow.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FailoverMode;
import org.fcredirect.flow.api.FlowAction;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.PortPool;
import org.fcredirect.flow.impl.FlowChange.ApplianceAdded;
import org.fcredirect.flow.impl.FlowChange.FlowDeleted;
import org.fcredirect.flow.impl.FlowChange.FlowsCreated;
import org.fcredirect.flow.impl.FlowChange.NewFlow;
import org.fcredirect.flow.impl.FlowChange.Placement;
import org.fcredirect.flow.impl.FlowChange.PortsLoggedIn;
import org.junit.jupiter.api.Test;

class FlowSnapshotCodecTest {
    private static final int VSAN = 10;
    private static final long T0 = 1_700_000_000_000_000L;

    private static Wwn host(int h) {
        return Wwn.of(0x2000_0025_b500_0000L + h);
    }

    private static Wwn array(int t) {
        return Wwn.of(0x5006_0160_0000_0000L + ((long) t << 8));
    }

    /** Hosts x arrays redirected flows over two appliances with pools, every port logged in. */
    private static FlowModel model(int hosts, int arrays) {
        FlowModel m = new FlowModel(16);
        Effects none = Effects.ignored();
        for (int a = 0; a < 2; a++) {
            int first = 0x200000 + a * 0x10000;
            m.apply(new ApplianceAdded(T0, ApplianceSpec.builder("crypt-" + a).group("crypt")
                    .pool(new PortPool(VsanId.of(VSAN), FcId.of(first), FcId.of(first + 0xffff),
                            Wwn.of(0x2f00_0011_2200_0000L + ((long) a << 16)))).build()), none);
        }
        List<PortLogin> logins = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            logins.add(new PortLogin(VsanId.of(VSAN), host(h), FcId.of(0x0a0000 + h)));
        }
        for (int t = 0; t < arrays; t++) {
            logins.add(new PortLogin(VsanId.of(VSAN), array(t), FcId.of(0x0c0000 + t)));
        }
        m.apply(new PortsLoggedIn(T0, logins), none);
        long id = 1;
        for (int t = 0; t < arrays; t++) {
            String appliance = "crypt-" + (t & 1);
            Placement p = new Placement(FlowAction.REDIRECT, "encrypt-all", "crypt", appliance, FailoverMode.BLOCK,
                    appliance);
            List<NewFlow> flows = new ArrayList<>(hosts);
            for (int h = 0; h < hosts; h++) {
                FlowSpec.Builder spec = FlowSpec.builder().vsan(VsanId.of(VSAN)).initiator(host(h)).target(array(t));
                if (h == 0) {
                    spec.lun(t).description("first host of array " + t + ", é");
                }
                flows.add(new NewFlow(id++, spec.build(), p));
            }
            m.apply(new FlowsCreated(T0 + t, flows), none);
        }
        return m;
    }

    private static void assertSameFlows(FlowModel expected, FlowModel actual) {
        assertEquals(expected.flows.liveCount(), actual.flows.liveCount());
        assertEquals(expected.nextId(), actual.nextId());
        assertEquals(expected.countByState(), actual.countByState());
        FlowColumns e = expected.flows.c;
        FlowColumns a = actual.flows.c;
        int[] slot = {0};
        expected.flows.forEachLive(s -> {
            while (a.state[slot[0]] == FlowColumns.DELETED) {
                slot[0]++;
            }
            int t = slot[0]++;
            assertEquals(expected.flow(s), actual.flow(t));
            assertEquals(e.vt[s], a.vt[t]);
            assertEquals(e.vi[s], a.vi[t]);
        });
    }

    @Test
    void twoHundredThousandFlowsRoundTrip() {
        FlowModel m = model(500, 400);
        long started = System.nanoTime();
        byte[] data = FlowSnapshotCodec.encode(m);
        long encoded = System.nanoTime();
        FlowModel back = FlowSnapshotCodec.decode(data);
        long decoded = System.nanoTime();
        System.out.printf("flow snapshot of %d flows: %d bytes, encode %d ms, decode %d ms%n", m.flows.liveCount(),
                data.length, (encoded - started) / 1_000_000, (decoded - encoded) / 1_000_000);

        assertEquals(200_000L, back.countByState().get(FlowState.ACTIVE));
        assertSameFlows(m, back);
    }

    @Test
    void deletedFlowsAreLeftOutAndTheRestKeepTheirPorts() {
        FlowModel m = model(30, 20);
        for (long id = 1; id <= 600; id += 7) {
            m.apply(new FlowDeleted(T0 + 1000, id), Effects.ignored());
        }
        FlowModel back = FlowSnapshotCodec.decode(FlowSnapshotCodec.encode(m));

        assertSameFlows(m, back);
        assertEquals(m.pools.get("crypt-0", VSAN).use(), back.pools.get("crypt-0", VSAN).use());
    }

    @Test
    void aSnapshotCutShortOrWithBytesPastItsEndIsRefused() {
        byte[] data = FlowSnapshotCodec.encode(model(10, 10));

        IllegalArgumentException shortened = assertThrows(IllegalArgumentException.class,
                () -> FlowSnapshotCodec.decode(Arrays.copyOf(data, data.length - 3)));
        assertTrue(shortened.getMessage().startsWith("flow snapshot does not decode"), shortened.getMessage());
        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
                () -> FlowSnapshotCodec.decode(Arrays.copyOf(data, data.length + 1)));
        assertTrue(longer.getMessage().contains("1 bytes past its end"), longer.getMessage());
        byte[] badVersion = data.clone();
        badVersion[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> FlowSnapshotCodec.decode(badVersion));
    }
}
