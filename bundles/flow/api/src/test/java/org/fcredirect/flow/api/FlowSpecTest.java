package org.fcredirect.flow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowSpecTest {
    private static final String I = "20:00:00:25:b5:00:00:01";
    private static final String T = "50:06:01:60:3b:20:19:5e";

    @Test
    void parsesEveryFieldAndPrintsItBack() {
        FlowSpec s = FlowSpec.parse("vsan=10 initiator=" + I + " target=500601603b20195e lun=3 appliance=enc-1"
                + " failover=BLOCK description=\"payroll \\\"db\\\"\"");
        assertEquals(VsanId.of(10), s.vsan());
        assertEquals(Wwn.parse(I), s.initiator());
        assertEquals(Wwn.parse(T), s.target());
        assertEquals(OptionalInt.of(3), s.lun());
        assertEquals(Optional.of("enc-1"), s.appliance());
        assertEquals(Optional.of(FailoverMode.BLOCK), s.failover());
        assertEquals("payroll \"db\"", s.description());
        assertEquals(s, FlowSpec.parse(s.toString()));
        assertEquals(s, FlowSpec.fromFields(s.toFields()));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        FlowSpec s = FlowSpec.parse("vsan=1 initiator=" + I + " target=" + T);
        assertEquals(OptionalInt.empty(), s.lun());
        assertEquals(Optional.empty(), s.appliance());
        assertEquals(Optional.empty(), s.failover());
        assertEquals("vsan=1 initiator=" + I + " target=" + T, s.toString());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "vsan        | initiator=" + I + " target=" + T,
        "vsan        | vsan=0 initiator=" + I + " target=" + T,
        "vsan        | vsan=ten initiator=" + I + " target=" + T,
        "initiator   | vsan=1 initiator=20:00 target=" + T,
        "target      | vsan=1 initiator=" + I,
        "target      | vsan=1 initiator=" + I + " target=" + I,
        "lun         | vsan=1 initiator=" + I + " target=" + T + " lun=-1",
        "lun         | vsan=1 initiator=" + I + " target=" + T + " lun=20000",
        "appliance   | vsan=1 initiator=" + I + " target=" + T + " appliance=a/b",
        "failover    | vsan=1 initiator=" + I + " target=" + T + " failover=sometimes",
        "description | vsan=1 initiator=" + I + " target=" + T + " description=\"open",
        "colour      | vsan=1 initiator=" + I + " target=" + T + " colour=red",
        "vsan        | vsan=1 vsan=2 initiator=" + I + " target=" + T,
        "lonely      | lonely"})
    void refusesBadInputNamingTheField(String field, String text) {
        ValidationException e = assertThrows(ValidationException.class, () -> FlowSpec.parse(text));
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void descriptionsHaveNoControlCharactersAndALimit() {
        FlowSpec.Builder b = FlowSpec.builder().vsan(1).initiator(Wwn.parse(I)).target(Wwn.parse(T));
        assertEquals("description", assertThrows(ValidationException.class,
                () -> b.description("a\tb").build()).field());
        assertEquals("description", assertThrows(ValidationException.class,
                () -> b.description("x".repeat(257)).build()).field());
    }

    @Test
    void virtualPortsParseFromCommaSeparatedText() {
        VirtualPorts p = VirtualPorts.parse("10,50:00:00:00:00:00:00:01,0x0a0001,50:00:00:00:00:00:00:02,0a.00.02");
        assertEquals(FcId.of(0x0a0002), p.viFcid());
        assertEquals(p, VirtualPorts.parse(p.toString()));
        assertEquals("ports", assertThrows(ValidationException.class, () -> VirtualPorts.parse("10,x")).field());
        assertEquals("vt fcid", assertThrows(ValidationException.class,
                () -> VirtualPorts.parse("10,50:00:00:00:00:00:00:01,0xfffffc,50:00:00:00:00:00:00:02,0a.00.02")).field());
    }

    @Test
    void enumsParseWhatOperatorsType() {
        assertEquals(FailoverMode.STANDBY, FailoverMode.parse(" standby "));
        assertEquals(FlowState.BYPASSED, FlowState.parse("Bypassed"));
        assertEquals(FlowFormat.JSON, FlowFormat.parse("json"));
        ValidationException e = assertThrows(ValidationException.class, () -> FlowAction.parse("encrypt"));
        assertTrue(e.getMessage().contains("redirect, permit, drop"), e.getMessage());
        assertEquals("flow id", assertThrows(ValidationException.class, () -> FlowId.parse("abc")).field());
        assertEquals("flow id", assertThrows(ValidationException.class, () -> FlowId.of(0)).field());
    }

    @Test
    void aFilterMatchesEveryGivenField() {
        FlowSpec s = FlowSpec.parse("vsan=1 initiator=" + I + " target=" + T);
        Flow f = new Flow(FlowId.of(1), s, FlowState.ACTIVE, FlowAction.REDIRECT, Optional.empty(), Optional.of("g"),
                Optional.of("a1"), Optional.of("a2"), FailoverMode.STANDBY, Optional.empty(), Optional.empty(),
                Instant.EPOCH, Instant.EPOCH);
        assertTrue(FlowFilter.all().matches(f));
        assertTrue(FlowFilter.builder().appliance("a1").build().matches(f));
        assertTrue(FlowFilter.builder().appliance("a2").state(FlowState.ACTIVE).build().matches(f));
        assertTrue(!FlowFilter.builder().vsan(VsanId.of(2)).build().matches(f));
        assertTrue(f.failedOver());
    }
}
