package org.fcredirect.jmx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.fcredirect.fc.FcId;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.LoginTable;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.PoolUse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class FlowManagerMBeanImpl implements FlowManagerMBean {

    @Reference
    FlowService flows;

    @Reference
    LoginTable logins;

    @Reference
    ApplianceInventory appliances;

    @Reference
    MBeanServer server;

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "FlowManager", FlowManagerMBean.class, this);
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    @Override
    public long getFlowCount() {
        return flows.count(FlowFilter.all());
    }

    @Override
    public Map<String, Long> getFlowCountByState() {
        Map<String, Long> out = new LinkedHashMap<>();
        flows.countByState().forEach((s, n) -> out.put(s.toString(), n));
        return out;
    }

    @Override
    public int getLoginCount() {
        return logins.loginCount();
    }

    @Override
    public int getApplianceCount() {
        return appliances.list().size();
    }

    @Override
    public String[] getUnhealthyAppliances() {
        return appliances.list().stream().filter(a -> !a.healthy()).map(a -> a.name()).toArray(String[]::new);
    }

    @Override
    public Map<String, Long> getVirtualPortsInUse() {
        return poolFigures(PoolUse::allocated);
    }

    @Override
    public Map<String, Long> getVirtualPortsTotal() {
        return poolFigures(PoolUse::total);
    }

    @Override
    public long getFlowsWaitingForVirtualPort() {
        return appliances.list().stream().flatMap(a -> appliances.poolUse(a.name()).stream())
                .mapToLong(PoolUse::waiting).sum();
    }

    private Map<String, Long> poolFigures(ToLongFunction<PoolUse> figure) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Appliance a : appliances.list()) {
            appliances.poolUse(a.name()).forEach(u -> out.put(a.name() + "/" + u.vsan(), figure.applyAsLong(u)));
        }
        return out;
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
    public String showFlow(long id) {
        return Operations.call(() -> flows.get(FlowId.of(id)).orElseThrow(() -> new NotFoundException("flow", id)).toString());
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
