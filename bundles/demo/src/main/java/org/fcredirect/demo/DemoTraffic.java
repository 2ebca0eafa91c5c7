package org.fcredirect.demo;

import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.fastpath.api.TrafficSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live demo: starts the traffic generator with a modest, endless load when the fast path is
 * there, and stops it again with this bundle. Disabled by {@code enabled = false}.
 */
@Component(configurationPid = DemoTraffic.PID, immediate = true, service = {})
@Designate(ocd = DemoConfig.class)
public class DemoTraffic {
    static final String PID = "org.fcredirect.demo";
    /** A hundred flows in two VSANs, most redirected through six appliances, 20 000 frames/s until stopped. */
    static final String DEFAULT_TRAFFIC = "vsans=2 initiatorsPerVsan=10 targetsPerVsan=10 flowsPerInitiator=5 appliances=6"
            + " redirectPercent=80 readPercent=70 ioSizes=4096/65536 queueDepth=2 framesPerSecond=20000 seed=42 cleanup=true";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

    @Reference
    FastPath fastPath;

    private boolean started;

    @Activate
    void activate(DemoConfig config) {
        if (!config.enabled()) {
            LOG.info("Demo traffic disabled ({}.cfg: enabled = false)", PID);
            return;
        }
        if (fastPath.traffic().state().active()) {
            LOG.info("Demo traffic not started: the traffic generator is already running");
            return;
        }
        fastPath.startTraffic(TrafficSpec.parse(config.traffic()));
        started = true;
        LOG.info("Demo traffic started: {} (fcr:traffic shows it, fcr:traffic-stop ends it)", config.traffic());
    }

    @Deactivate
    void deactivate() {
        if (started && fastPath.traffic().state().active()) {
            fastPath.stopTraffic();
        }
    }
}
