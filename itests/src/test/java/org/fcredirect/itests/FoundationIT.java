package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.fcredirect.fc.capture.LinkTypeDecoder;
import org.fcredirect.fc.capture.LinkTypes;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The assembly boots with every fcr feature, SPI Fly finds plug-in link types, fcr:decode works. */
public class FoundationIT extends FcrTestSupport {

    /** An FCP_CMND READ(10) of 4 KiB on LUN 1 from 01.01.00 to 01.02.00, OX_ID 0x1234. */
    static final String READ10_FC2 = "06010200 00010100 08290000 00000000 1234ffff 00000000"
            + " 0001000000000000 00000002 28000000001000000800 000000000000 00001000";

    @Inject
    FeaturesService featuresService;

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Test
    public void everyFcrBundleIsActive() {
        List<Bundle> bundles = fcrBundles();
        List<String> names = bundles.stream().map(Bundle::getSymbolicName).collect(Collectors.toList());
        assertTrue("fcr bundles: " + names, names.containsAll(List.of(
                "org.fcredirect.fc", "org.fcredirect.fc-linktype-sll", "org.fcredirect.shell")));
        for (Bundle b : bundles) {
            assertEquals(b.getSymbolicName() + " state", Bundle.ACTIVE, b.getState());
        }
    }

    @Test
    public void everyFcrFeatureIsInstalled() throws Exception {
        for (String name : List.of("fcr", "fcr-fc", "fcr-spifly", "fcr-jctools", "fcr-linktype-sll", "fcr-shell")) {
            assertTrue(name + " installed", featuresService.isInstalled(featuresService.getFeature(name)));
        }
    }

    @Test
    public void serviceLoaderFindsTheDecoderShippedInItsOwnBundle() {
        LinkTypes types = LinkTypes.load();
        LinkTypeDecoder sll = types.byName("sll");
        assertEquals(113, sll.linkType());
        assertEquals("org.fcredirect.fc-linktype-sll", FrameworkUtil.getBundle(sll.getClass()).getSymbolicName());
        assertEquals("sll2 by number", "sll2", types.byLinkType(276).name());
        assertTrue("no provider rejected: " + types.rejected(), types.rejected().isEmpty());
    }

    @Test
    public void decodeShowsHeaderAndFcpFields() throws Exception {
        String out = execute("fcr:decode " + READ10_FC2);
        assertTrue(out, out.contains("0x010200  01.02.00"));
        assertTrue(out, out.contains("0x010100  01.01.00"));
        assertTrue(out, out.contains("FCP_CMND"));
        assertTrue(out, out.contains("0x1234"));
        assertTrue(out, out.contains("(LUN 1)"));
        assertTrue(out, out.contains("0x28"));
    }

    @Test
    public void decodeJsonIsOneLineForMachines() throws Exception {
        String out = execute("fcr:decode --json " + READ10_FC2.replace(" ", "")).strip();
        assertEquals(out, 1, out.lines().count());
        assertTrue(out, out.contains("\"d_id\":\"0x010200\""));
        assertTrue(out, out.contains("\"scsi_opcode\":40"));
        assertTrue(out, out.contains("\"fcp_dl\":4096"));
    }

    @Test
    public void decodeRejectsMalformedInputWithOneClearLine() {
        assertRejected("fcr:decode 06zz", "not a hex digit");
        assertRejected("fcr:decode 060102", "24");
        assertRejected("fcr:decode --link token-ring " + READ10_FC2, "known names");
        assertRejected("fcr:decode --link fcoe " + READ10_FC2, "FCoE");
        assertRejected("fcr:decode " + READ10_FC2.substring(0, READ10_FC2.length() - " 00001000".length()), "FCP_CMND");
    }

    @Test
    public void decodeDefaultLinkComesFromConfiguration() throws Exception {
        Configuration config = configurationAdmin.getConfiguration("org.fcredirect.shell", null);
        Dictionary<String, Object> shipped = config.getProperties();
        assertNotNull("etc/org.fcredirect.shell.cfg is in the assembly", shipped);
        assertEquals("fc2", shipped.get("decode.link"));
        String fcoe = execute("fcr:decode --link fcoe --json " + fcoeOf(READ10_FC2));
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("decode.link", "fcoe");
        config.update(props);
        try {
            await("decode.link=fcoe applied", () -> {
                try {
                    return execute("fcr:decode --json " + fcoeOf(READ10_FC2)).equals(fcoe);
                } catch (Exception e) {
                    return false;
                }
            });
        } finally {
            config.update(shipped);
        }
    }

    /** The frame wrapped in Ethernet and FCoE, through the same decoder the command uses. */
    private static String fcoeOf(String fc2Hex) {
        byte[] frame = org.fcredirect.fc.Hex.decode(fc2Hex);
        byte[] packet = LinkTypes.load().byName("fcoe").encode(frame);
        return org.fcredirect.fc.Hex.encode(packet, 0, packet.length);
    }

    @Test
    public void remoteAccessListensOnLoopbackOnly() throws Exception {
        Dictionary<String, Object> shell = configurationAdmin.getConfiguration("org.apache.karaf.shell", null).getProperties();
        assertEquals("127.0.0.1", shell.get("sshHost"));
        Dictionary<String, Object> jmx = configurationAdmin.getConfiguration("org.apache.karaf.management", null).getProperties();
        assertEquals("127.0.0.1", jmx.get("rmiRegistryHost"));
        assertEquals("127.0.0.1", jmx.get("rmiServerHost"));
        assertTrue(Arrays.stream(bundleContext.getBundles()).anyMatch(b -> "org.apache.aries.spifly.dynamic.bundle".equals(b.getSymbolicName())));
    }
}
