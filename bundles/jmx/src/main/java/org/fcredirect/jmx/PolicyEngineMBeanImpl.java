package org.fcredirect.jmx;

import javax.management.JMException;
import javax.management.MBeanServer;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.policy.api.FlowContext;
import org.fcredirect.policy.api.Policy;
import org.fcredirect.policy.api.PolicyService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class PolicyEngineMBeanImpl implements PolicyEngineMBean {

    @Reference
    PolicyService policies;

    @Reference
    MBeanServer server;

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "PolicyEngine", PolicyEngineMBean.class, this);
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    @Override
    public int getPolicyCount() {
        return policies.list().size();
    }

    @Override
    public String[] getPolicyNames() {
        return policies.list().stream().map(Policy::name).toArray(String[]::new);
    }

    @Override
    public double getCacheHitRatio() {
        return policies.cacheStatistics().hitRatio();
    }

    @Override
    public long getCacheHits() {
        return policies.cacheStatistics().hits();
    }

    @Override
    public long getCacheMisses() {
        return policies.cacheStatistics().misses();
    }

    @Override
    public long getCacheEvictions() {
        return policies.cacheStatistics().evictions();
    }

    @Override
    public long getCacheInvalidations() {
        return policies.cacheStatistics().invalidations();
    }

    @Override
    public int getCacheSize() {
        return policies.cacheStatistics().size();
    }

    @Override
    public int getCacheCapacity() {
        return policies.cacheStatistics().capacity();
    }

    @Override
    public String evaluate(int vsan, String initiator, String target) {
        return Operations.call(() -> policies.evaluateDryRun(FlowContext.of(VsanId.of(vsan), Wwn.parse(initiator), Wwn.parse(target))).toString());
    }

    @Override
    public void removePolicy(String name) {
        Operations.run(() -> policies.remove(name));
    }
}
