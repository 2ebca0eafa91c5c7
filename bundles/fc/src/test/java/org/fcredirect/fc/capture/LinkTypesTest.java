package org.fcredirect.fc.capture;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;

import org.junit.jupiter.api.Test;

class LinkTypesTest {

    @Test
    void builtInsAreThere() {
        LinkTypes types = LinkTypes.builtIn();
        assertEquals(List.of("fcoe", "fc2", "fc2-delim"), types.names());
        assertInstanceOf(Fc2Decoder.class, types.byLinkType(224));
        assertInstanceOf(Fc2DelimitedDecoder.class, types.byLinkType(225));
        assertInstanceOf(EthernetFcoeDecoder.class, types.byLinkType(1));
        assertEquals(225, types.byName("FC2-Delim").linkType());
        assertTrue(types.rejected().isEmpty());
    }

    @Test
    void unknownLookupsNameTheKnownOnes() {
        LinkTypes types = LinkTypes.builtIn();
        rejects(() -> types.byLinkType(105), "unknown link type 105", "1 (fcoe), 224 (fc2), 225 (fc2-delim)");
        rejects(() -> types.byName("wifi"), "link type 'wifi'", "unknown", "fcoe, fc2, fc2-delim");
        rejects(() -> types.byName(null), "link type 'null'");
    }

    @Test
    void serviceLoaderFindsProvidersOnTheClassPathAndRecordsClashes() {
        LinkTypes types = LinkTypes.load();
        assertInstanceOf(TestUserLinkType.class, types.byName("user0"));
        assertEquals("user0", types.byLinkType(147).name());
        assertInstanceOf(Fc2DelimitedDecoder.class, types.byLinkType(225), "a built-in wins its number");
        assertEquals(1, types.rejected().size());
        String clash = types.rejected().get(0);
        assertTrue(clash.contains("'other-delim' (link type 225") && clash.contains("already served by 'fc2-delim'"), clash);
        rejects(() -> types.byName("other-delim"), "unknown");
    }

    @Test
    void providersClashingByNameOrWithEachOtherAreRejectedNotDropped() {
        LinkTypes types = LinkTypes.of(List.of(new TestClashingLinkType("fcoe", 500), new TestClashingLinkType("x", 501),
                new TestClashingLinkType("y", 501), new TestClashingLinkType("Bad Name", 502),
                new TestClashingLinkType("big", 70000)));
        assertEquals("x", types.byLinkType(501).name());
        List<String> rejected = types.rejected();
        assertEquals(4, rejected.size(), rejected::toString);
        assertTrue(rejected.get(0).contains("name 'fcoe' is already used by 'fcoe' (link type 1"), rejected.get(0));
        assertTrue(rejected.get(1).contains("link type 501 is already served by 'x'"), rejected.get(1));
        assertTrue(rejected.get(2).contains("lower-case letters"), rejected.get(2));
        assertTrue(rejected.get(3).contains("0..65535"), rejected.get(3));
    }

    @Test
    void aProviderThatThrowsIsRecorded() {
        LinkTypeDecoder nameless = new LinkTypeDecoder() {
            @Override
            public int linkType() {
                return 600;
            }

            @Override
            public String name() {
                throw new IllegalStateException("no name today");
            }

            @Override
            public LinkFrame decode(byte[] packet, int off, int len) {
                throw new UnsupportedOperationException("a fake: these tests do not call it");
            }

            @Override
            public byte[] encode(byte[] frame, int off, int len, LinkOptions options) {
                throw new UnsupportedOperationException("a fake: these tests do not call it");
            }
        };
        LinkTypes types = LinkTypes.of(List.of(nameless, new TestUserLinkType()));
        assertEquals("user0", types.byLinkType(147).name());
        assertTrue(types.rejected().get(0).contains("failed to describe itself: java.lang.IllegalStateException: no name today"),
                types.rejected()::toString);
    }

    @Test
    void aProviderThatFailsToLoadIsRecordedAndTheRestStillLoad() {
        Iterable<LinkTypeDecoder> providers = () -> new Iterator<>() {
            private int step;

            @Override
            public boolean hasNext() {
                return step < 2;
            }

            @Override
            public LinkTypeDecoder next() {
                if (step >= 2) {
                    throw new NoSuchElementException();
                }
                if (step++ == 0) {
                    throw new ServiceConfigurationError("com.example.Broken: Provider could not be instantiated");
                }
                return new TestUserLinkType();
            }
        };
        LinkTypes types = LinkTypes.of(providers);
        assertEquals("user0", types.byLinkType(147).name());
        assertTrue(types.rejected().get(0).contains("com.example.Broken"), types.rejected()::toString);
    }
}
