package org.fcredirect.jmx;

/** {@code org.fcredirect:type=Traffic}: the figures of fcr:traffic, and the generator's controls. */
public interface TrafficMBean {
    String getState();

    long getFramesPerSecond();

    long getExchangesCompleted();

    long getErrors();

    /** Starts the generator from {@code key=value} settings separated by spaces (see fcr:traffic-start). */
    String startTraffic(String settings);

    String stopTraffic();
}
