package org.fcredirect.bench.control;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.VirtualPorts;

/** Port names and appliances of the benchmark fabric: VSAN 10, hosts, targets, group "enc". */
final class Fabrics {
    static final VsanId VSAN = VsanId.of(10);

    private Fabrics() {
    }

    static Wwn host(long n) {
        return Wwn.of(0x2000_0025_b500_0000L + n);
    }

    static Wwn target(long n) {
        return Wwn.of(0x5006_0160_0000_0000L + n);
    }

    /** Appliances a1..aN in group "enc", each with a VT and a VI in VSAN 10. */
    static void appliances(ApplianceInventory inventory, int count) {
        for (int n = 1; n <= count; n++) {
            inventory.add(ApplianceSpec.builder("a" + n).group("enc").ports(new VirtualPorts(VSAN,
                    Wwn.of(0x5000_0000_0000_0000L + n * 2L), FcId.of(0x030000 + n * 16),
                    Wwn.of(0x5000_0000_0000_0001L + n * 2L), FcId.of(0x030001 + n * 16))).build());
        }
    }
}
