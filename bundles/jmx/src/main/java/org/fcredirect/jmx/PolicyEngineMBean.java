package org.fcredirect.jmx;

@Description("org.fcredirect:type=PolicyEngine: policies and the decision cache.")
public interface PolicyEngineMBean {
    @Description("Policies defined (policies).")
    int getPolicyCount();

    @Description("Names of the policies, in evaluation order.")
    String[] getPolicyNames();

    @Description("Decisions served from the cache, of all asked (ratio 0..1).")
    double getCacheHitRatio();

    @Description("Decisions served from the cache (lookups).")
    long getCacheHits();

    @Description("Decisions the cache did not hold and the policies evaluated (lookups).")
    long getCacheMisses();

    @Description("Decisions evicted to keep the cache within its capacity (entries).")
    long getCacheEvictions();

    @Description("Times a policy change emptied the cache (count).")
    long getCacheInvalidations();

    @Description("Decisions in the cache (entries).")
    int getCacheSize();

    @Description("Most decisions the cache keeps (entries).")
    int getCacheCapacity();

    @Description("Dry run: the decision the policies make for a flow, changing nothing.")
    String evaluate(@Param(name = "vsan", description = "VSAN number, 1..4094") int vsan,
            @Param(name = "initiator", description = "Initiator port WWN, e.g. 21:00:00:24:ff:00:00:01") String initiator,
            @Param(name = "target", description = "Target port WWN, e.g. 50:06:01:60:00:00:00:01") String target);

    @Description("Removes a policy: the flows it decided are decided again.")
    void removePolicy(@Param(name = "name", description = "The policy's name, as fcr:policies shows it") String name);
}
