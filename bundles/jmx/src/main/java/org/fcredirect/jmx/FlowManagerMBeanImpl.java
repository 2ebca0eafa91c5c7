package org.fcredirect.jmx;

import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowEvent;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowListener;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.LoginLearning;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.PoolUse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class FlowManagerMBeanImpl implements FlowManagerMBean {
    static final String MOVED = "fcr.flow.moved";

    @Reference
    FlowService flows;

    @Reference
    LoginTable logins;

    @Reference
    LoginLearning learning;

    @Reference
    ApplianceInventory appliances;

    @Reference
    MBeanServer server;

    /** User data of every notification: a {@link FlowRows#MOVE} row. */
    private final Notifier notifier = new Notifier("FlowManager", Notifier.info("A flow's frames took another way:"
            + " another state or another appliance (failover, failback, login, logout, a new decision)", MOVED));

    private final FlowListener moves = this::onFlowEvent;

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "FlowManager", FlowManagerMBean.class, this, notifier);
        flows.addListener(moves);
    }

    @Deactivate
    void deactivate() throws JMException {
        flows.removeListener(moves);
        registration.close();
    }

    void onFlowEvent(FlowEvent event) {
        if (!event.moved()) {
            return;
        }
        Flow f = event.flow();
        FlowState from = event.previousState().orElseThrow();
        notifier.send(MOVED, "flow " + f.id().value() + " " + way(from, event.previousAppliance()) + " -> "
                + way(f.state(), f.appliance()), FlowRows.move(f, from, event.previousAppliance()));
    }

    private static String way(FlowState state, Optional<String> appliance) {
        return state + appliance.map(a -> " via " + a).orElse("");
    }

    @Override
    public long getFlowCount() {
        return flows.count(FlowFilter.all());
    }

    @Override
    public TabularData getFlowCountByState() {
        return FlowRows.STATE_COUNT.table(flows.countByState().entrySet().stream()
                .map(e -> FlowRows.STATE_COUNT.row(e.getKey().toString(), e.getValue())));
    }

    @Override
    public int getLoginCount() {
        return logins.loginCount();
    }

    @Override
    public boolean isLoginLearningEnabled() {
        return learning.learningStatus().enabled();
    }

    @Override
    public long getLoginsLearned() {
        return learning.learningStatus().loginsLearned();
    }

    @Override
    public long getLogoutsLearned() {
        return learning.learningStatus().logoutsLearned();
    }

    @Override
    public TabularData getLoginFramesIgnored() {
        return FlowRows.IGNORED_LOGINS.table(learning.learningStatus().ignored().entrySet().stream()
                .map(e -> FlowRows.IGNORED_LOGINS.row(e.getKey().toString(), e.getValue())));
    }

    @Override
    public int getApplianceCount() {
        return appliances.list().size();
    }

    @Override
    public TabularData getAppliances() {
        return FlowRows.APPLIANCE.table(appliances.list().stream().map(FlowRows::appliance));
    }

    @Override
    public String[] getUnhealthyAppliances() {
        return appliances.list().stream().filter(a -> !a.healthy()).map(a -> a.name()).toArray(String[]::new);
    }

    @Override
    public TabularData getVirtualPorts() {
        return FlowRows.VIRTUAL_PORTS.table(appliances.list().stream().flatMap(a -> appliances.poolUse(a.name()).stream()
                .map(u -> FlowRows.VIRTUAL_PORTS.row(a.name() + "/" + u.vsan(), a.name(), u.vsan().value(), u.allocated(), u.total(), u.waiting()))));
    }

    @Override
    public long getFlowsWaitingForVirtualPort() {
        return appliances.list().stream().flatMap(a -> appliances.poolUse(a.name()).stream())
                .mapToLong(PoolUse::waiting).sum();
    }

    @Override
    public long createFlow(String spec) {
        return Operations.call(() -> flows.create(FlowSpec.parse(spec)).value());
    }

    @Override
    public void deleteFlow(long id) {
        Operations.run(() -> flows.delete(FlowId.of(id)));
    }

    @Override
    public CompositeData showFlow(long id) {
        return Operations.call(() -> FlowRows.flow(flows.get(FlowId.of(id)).orElseThrow(() -> new NotFoundException("flow", id))));
    }

    @Override
    public void login(int vsan, String pwwn, String fcid) {
        Operations.run(() -> logins.login(VsanId.of(vsan), Wwn.parse(pwwn), FcId.parse(fcid)));
    }

    @Override
    public void logout(int vsan, String pwwn) {
        Operations.run(() -> logins.logout(VsanId.of(vsan), Wwn.parse(pwwn)));
    }
}
