package org.fcredirect.jmx;

import javax.management.JMException;
import javax.management.MBeanServer;
import org.fcredirect.traffic.api.TrafficService;
import org.fcredirect.traffic.api.TrafficSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

@Component(service = {})
public class TrafficMBeanImpl implements TrafficMBean {

    @Reference
    TrafficService traffic;

    @Reference
    MBeanServer server;

    private MBeanRegistration registration;

    @Activate
    void activate() throws JMException {
        registration = MBeanRegistration.register(server, "Traffic", TrafficMBean.class, this);
    }

    @Deactivate
    void deactivate() throws JMException {
        registration.close();
    }

    @Override
    public String getState() {
        return traffic.traffic().state().toString();
    }

    @Override
    public long getFramesPerSecond() {
        return traffic.traffic().framesPerSecond();
    }

    @Override
    public long getExchangesCompleted() {
        return traffic.traffic().exchangesCompleted();
    }

    @Override
    public long getErrors() {
        return traffic.traffic().errors();
    }

    @Override
    public String startTraffic(String settings) {
        return Operations.call(() -> traffic.startTraffic(TrafficSpec.parse(settings)).state().toString());
    }

    @Override
    public String stopTraffic() {
        return Operations.call(() -> traffic.stopTraffic().state().toString());
    }
}
