package org.fcredirect.jmx;

@Description("org.fcredirect:type=Traffic: the figures of fcr:traffic, and the traffic generator's controls.")
public interface TrafficMBean {
    @Description("Where the generator's run is: idle, setting_up, running, draining, cleaning_up, finished, stopped or failed.")
    String getState();

    @Description("Frames the generator sent during the last second (frames/s).")
    long getFramesPerSecond();

    @Description("Exchanges of this run whose response reached the initiator with all their data (exchanges).")
    long getExchangesCompleted();

    @Description("Address mismatches, dropped frames, failed and incomplete exchanges of this run (count).")
    long getErrors();

    @Description("Starts the generator; returns its state.")
    String startTraffic(@Param(name = "settings", description = "key=value settings separated by spaces, as for"
            + " fcr:traffic-start, e.g. initiatorsPerVsan=4 targetsPerVsan=2 appliances=2 framesPerSecond=50000 duration=60s") String settings);

    @Description("Stops the generator; returns its state.")
    String stopTraffic();
}
