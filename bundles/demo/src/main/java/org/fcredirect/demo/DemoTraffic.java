package org.fcredirect.demo;

import java.util.List;

import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live demo, what an operator sees in a fabric: two appliance groups (encryption and
 * migration, three simulated appliances each), policies that send part of the flows to each group
 * by VSAN or by target with their own failover modes, and four hundred flows in four VSANs that the
 * policies place, many hosts per array port, under a modest, endless load. Created when the fast path and the policy engine
 * are there, stopped again with this bundle; the policies stay (the next start finds them).
 * Disabled by {@code enabled = false}.
 */
@Component(configurationPid = DemoTraffic.PID, immediate = true, service = {})
@Designate(ocd = DemoConfig.class)
public class DemoTraffic {
    static final String PID = "org.fcredirect.demo";
    /**
     * Four hundred flows in VSANs 100 to 103, two per host (host h to targets h and h+1 of 20), so
     * four to six hosts share every array port; with target affinity the encryption appliance in front of
     * a port serves all of them, each host through its own virtual initiator. Decided by the
     * policies, one small I/O open per flow
     * (at a modest frame rate, deeper queues or bigger I/Os only wait longer in the generator),
     * 5000 frames/s until stopped.
     */
    static final String DEFAULT_TRAFFIC = "vsans=4 firstVsan=100 initiatorsPerVsan=50 targetsPerVsan=20 flowsPerInitiator=2"
            + " appliances=6 groups=encryption/migration placement=policy readPercent=70 ioSizes=4096/16384 queueDepth=1"
            + " framesPerSecond=5000 seed=42 cleanup=true";
    /**
     * VSAN 100 encrypted (block: never clear text), targets 0-15 of VSAN 101 encrypted (standby),
     * VSAN 102 migrating (bypass: the copy may pause), targets 0-15 of VSAN 103 migrating (standby);
     * the other 32 flows (targets 16-19 of VSANs 101 and 103) are direct. Target t of VSAN v is 50:06:VV:VV:00:00:TT:TT (TrafficSpec).
     */
    static final String DEFAULT_POLICIES = "name=demo-encrypt-payroll priority=500 vsan=100 action=redirect"
            + " group=encryption balancing=target-affinity failover=block"
            + " description=\"payroll VSAN: encrypted, never in clear text\";"
            + " name=demo-encrypt-tier1 priority=510 vsan=101 target=500600650000000* action=redirect group=encryption"
            + " balancing=target-affinity failover=standby description=\"tier-1 array ports: encrypted\";"
            + " name=demo-migrate-vsan102 priority=520 vsan=102 action=redirect group=migration balancing=round-robin"
            + " failover=bypass description=\"VSAN 102 moves to the new array; the copy may pause\";"
            + " name=demo-migrate-array priority=530 vsan=103 target=500600670000000* action=redirect group=migration"
            + " balancing=least-loaded failover=standby description=\"old array of VSAN 103 being migrated\"";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

    @Reference
    TrafficService traffic;

    @Reference
    PolicyService policies;

    private boolean started;

    @Activate
    void activate(DemoConfig config) {
        if (!config.enabled()) {
            LOG.info("Demo disabled ({}.cfg: enabled = false)", PID);
            return;
        }
        // both read first, so a bad setting fails the activation before anything is created
        DemoShare share = DemoShare.parse(config.share());
        TrafficSpec spec = share.apply(TrafficSpec.parse(config.traffic()));
        List<Policy> demoPolicies = DemoPolicies.parse(config.policies());
        if (traffic.traffic().state().active()) {
            LOG.info("Demo not started: the traffic generator is already running");
            return;
        }
        int created = DemoPolicies.ensure(policies, demoPolicies).created();
        traffic.startTraffic(spec);
        started = true;
        LOG.info("Demo started: {} policies ({} new), share {} of the traffic: {} (fcr:traffic shows it,"
                + " fcr:traffic-stop ends it)", demoPolicies.size(), created, share, spec);
    }

    @Deactivate
    void deactivate() {
        if (started && traffic.traffic().state().active()) {
            traffic.stopTraffic();
        }
    }
}
