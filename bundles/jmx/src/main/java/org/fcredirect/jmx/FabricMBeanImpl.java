package org.fcredirect.jmx;

import static org.fcredirect.jmx.RowType.column;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import org.fcredirect.fabric.api.Fabric;
import org.fcredirect.fabric.api.FabricNode;
import org.fcredirect.fabric.api.FabricView;
import org.fcredirect.monitor.api.HealthStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class FabricMBeanImpl implements FabricMBean {
    static final RowType NODE = new RowType("FabricNode", "One node of the fabric",
            column("id", "The node's id", SimpleType.STRING),
            column("local", "This node (true/false)", SimpleType.BOOLEAN),
            column("address", "Host and the SSH, JMX and HTTP ports it gave", SimpleType.STRING),
            column("appliedSequence", "Every event up to it is applied by the services reporting progress; -1 unknown",
                    SimpleType.LONG),
            column("lag", "Positions of the log not yet applied, as of its heartbeat; -1 unknown (positions)", SimpleType.LONG),
            column("status", "healthy or unhealthy", SimpleType.STRING),
            column("health", "Why unhealthy, or its checks' summary", SimpleType.STRING),
            column("lastHeartbeat", "When its newest heartbeat was sent (ISO-8601); empty for this node", SimpleType.STRING),
            column("heartbeatAgeMillis", "Time since then (milliseconds)", SimpleType.LONG),
            column("timeoutMillis", "Silence after which it is unhealthy: its interval x missed heartbeats (milliseconds)",
                    SimpleType.LONG),
            column("services", "Its fc-redirect services (services)", SimpleType.INTEGER));

    @Reference
    Fabric fabric;

    @Reference
    MBeanServer server;

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "Fabric", FabricMBean.class, this);
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    private FabricView view() {
        return fabric.view();
    }

    @Override
    public String getLocalNode() {
        return view().localNode();
    }

    @Override
    public boolean isShared() {
        return view().shared();
    }

    @Override
    public String getChannel() {
        return view().channel();
    }

    @Override
    public String getChannelFault() {
        return view().channelFault().orElse("");
    }

    @Override
    public long getLogEnd() {
        return view().logEnd();
    }

    @Override
    public long getHeartbeatIntervalMillis() {
        return view().heartbeatIntervalMillis();
    }

    @Override
    public int getMissedHeartbeats() {
        return view().missedHeartbeats();
    }

    @Override
    public int getNodeCount() {
        return view().nodes().size();
    }

    @Override
    public int getUnhealthyNodeCount() {
        return (int) view().nodes().stream().filter(n -> n.status() == HealthStatus.UNHEALTHY).count();
    }

    @Override
    public TabularData getNodes() {
        return NODE.table(view().nodes().stream().map(FabricMBeanImpl::row));
    }

    @Override
    public CompositeData showNode(String nodeId) {
        return Operations.call(() -> row(view().node(nodeId)
                .orElseThrow(() -> new IllegalArgumentException("no node " + nodeId + " in the fabric"))));
    }

    static CompositeData row(FabricNode n) {
        return NODE.row(n.id(), n.local(), n.address().toString(), n.appliedSequence(), n.lag(), n.status().toString(),
                n.health(), n.lastHeartbeat().map(Object::toString).orElse(""), n.heartbeatAge().toMillis(),
                n.timeout().toMillis(), n.services().size());
    }
}
