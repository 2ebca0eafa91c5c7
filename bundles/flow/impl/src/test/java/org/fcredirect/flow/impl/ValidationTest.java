package org.fcredirect.flow.impl;

import static org.fcredirect.flow.impl.Fabric.VSAN;
import static org.fcredirect.flow.impl.Fabric.appliance;
import static org.fcredirect.flow.impl.Fabric.host;
import static org.fcredirect.flow.impl.Fabric.hostFcid;
import static org.fcredirect.flow.impl.Fabric.ports;
import static org.fcredirect.flow.impl.Fabric.spec;
import static org.fcredirect.flow.impl.Fabric.target;
import static org.fcredirect.flow.impl.Fabric.targetFcid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.ApplianceSpec;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.PortLogin;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.flow.api.VirtualPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input for every operation: an error naming the field, and nothing changed, not even the log. */
class ValidationTest {
    private final Fabric fabric = new Fabric();
    private final FlowManager flows = fabric.flows;

    @BeforeEach
    void someState() {
        fabric.appliances.add(appliance("a1", "g", 1));
        flows.create(spec(1, 1).appliance("a1").build());
        fabric.loginHost(1);
        fabric.loginTarget(1);
    }

    @AfterEach
    void close() {
        fabric.close();
    }

    /** Runs {@code bad}, expects a validation error on {@code field}, and checks nothing changed. */
    private ValidationException refused(String field, Executable bad) {
        int events = fabric.log.events().size();
        String before = state();
        ValidationException e = assertThrows(ValidationException.class, bad);
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(events, fabric.log.events().size(), "nothing appended");
        assertEquals(before, state(), "state unchanged");
        return e;
    }

    private String state() {
        return flows.list(FlowFilter.all(), 0, 100).flows() + "|" + fabric.logins.logins() + "|" + fabric.appliances.list();
    }

    @Test
    void createRefusesADuplicateAnUnknownApplianceAndOneWithoutPortsInTheVsan() {
        assertTrue(refused("flow", () -> flows.create(spec(1, 1).build())).getMessage().contains("flow 1"));
        assertTrue(refused("appliance", () -> flows.create(spec(1, 2).appliance("nope").build())) instanceof NotFoundException);
        fabric.appliances.add(ApplianceSpec.builder("elsewhere").ports(ports(VsanId.of(20), 9)).build());
        refused("appliance", () -> flows.create(spec(1, 2).appliance("elsewhere").build()));
        refused("target", () -> flows.create(spec(1, 1).target(ports(VSAN, 1).vtPwwn()).build()));
        refused("initiator", () -> flows.create(spec(1, 1).initiator(ports(VSAN, 1).viPwwn()).build()));
    }

    @Test
    void deleteAndRulesRefuseAnUnknownFlow() {
        refused("flow id", () -> flows.delete(FlowId.of(99)));
        refused("flow id", () -> flows.rules(FlowId.of(99)));
    }

    @Test
    void listRefusesANegativeOffsetAndAnEmptyPage() {
        refused("offset", () -> flows.list(FlowFilter.all(), -1, 10));
        refused("limit", () -> flows.list(FlowFilter.all(), 0, 0));
    }

    @Test
    void loginRefusesAFabricAddressATakenFcidAndAnAppliancesPort() {
        refused("fcid", () -> fabric.logins.login(VSAN, host(2), FcId.of(0xFFFFFC)));
        refused("fcid", () -> fabric.logins.login(VSAN, host(2), hostFcid(1)));
        VirtualPorts p = ports(VSAN, 1);
        refused("fcid", () -> fabric.logins.login(VSAN, host(2), p.vtFcid()));
        refused("pwwn", () -> fabric.logins.login(VSAN, p.viPwwn(), FcId.of(0x010077)));
    }

    @Test
    void loginAllIsAllOrNothing() {
        refused("fcid", () -> fabric.logins.loginAll(List.of(new PortLogin(VSAN, host(5), hostFcid(5)),
                new PortLogin(VSAN, host(6), hostFcid(5)))));
        refused("pwwn", () -> fabric.logins.loginAll(List.of(new PortLogin(VSAN, host(5), hostFcid(5)),
                new PortLogin(VSAN, host(5), hostFcid(6)))));
        assertTrue(fabric.logins.fcidOf(VSAN, host(5)).isEmpty());
    }

    @Test
    void aLoginThatChangesNothingStoresNothing() {
        int events = fabric.log.events().size();
        fabric.loginHost(1);
        assertEquals(events, fabric.log.events().size());
    }

    @Test
    void logoutRefusesAPortNotLoggedIn() {
        refused("pwwn", () -> fabric.logins.logout(VSAN, host(7)));
        refused("pwwn", () -> fabric.logins.logout(VsanId.of(20), host(1)));
    }

    @Test
    void addApplianceRefusesATakenNameOrAnyTakenVirtualPort() {
        refused("name", () -> fabric.appliances.add(appliance("a1", "g", 2)));
        refused("vt port", () -> fabric.appliances.add(ApplianceSpec.builder("a2").ports(ports(VSAN, 1)).build()));
        VirtualPorts onHostFcid = new VirtualPorts(VSAN, Wwn.of(0x5000_0000_0000_0100L), hostFcid(1),
                Wwn.of(0x5000_0000_0000_0101L), FcId.of(0x030101));
        refused("vt fcid", () -> fabric.appliances.add(ApplianceSpec.builder("a2").ports(onHostFcid).build()));
        VirtualPorts loggedInName = new VirtualPorts(VSAN, Wwn.of(0x5000_0000_0000_0100L), FcId.of(0x030100),
                target(1), FcId.of(0x030101));
        refused("vi pwwn", () -> fabric.appliances.add(ApplianceSpec.builder("a2").ports(loggedInName).build()));
    }

    @Test
    void removeAndHealthRefuseAnUnknownAppliance() {
        refused("name", () -> fabric.appliances.remove("nope"));
        refused("name", () -> fabric.appliances.markUnhealthy("nope", "x"));
        refused("name", () -> fabric.appliances.markHealthy("nope"));
        refused("reason", () -> fabric.appliances.markUnhealthy("a1", "line\nbreak"));
    }

    @Test
    void valueTypesNameTheFieldTheyRefuse() {
        assertEquals("vsan", assertThrows(ValidationException.class, () -> spec(1, 1).vsan(0)).field());
        assertEquals("lun", assertThrows(ValidationException.class, () -> spec(1, 1).lun(16384)).field());
        assertEquals("target", assertThrows(ValidationException.class,
                () -> spec(1, 1).target(host(1)).build()).field());
        assertEquals("weight", assertThrows(ValidationException.class,
                () -> ApplianceSpec.builder("x").weight(0).ports(ports(VSAN, 3)).build()).field());
        assertEquals("ports", assertThrows(ValidationException.class, () -> ApplianceSpec.builder("x").build()).field());
        assertEquals("name", assertThrows(ValidationException.class,
                () -> ApplianceSpec.builder("bad name").ports(ports(VSAN, 3)).build()).field());
        assertEquals("vi fcid", assertThrows(ValidationException.class, () -> new VirtualPorts(VSAN, host(8),
                targetFcid(8), host(9), targetFcid(8))).field());
    }
}
