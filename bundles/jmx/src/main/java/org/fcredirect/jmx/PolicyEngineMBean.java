package org.fcredirect.jmx;

/** {@code org.fcredirect:type=PolicyEngine}: policies and the decision cache. */
public interface PolicyEngineMBean {
    int getPolicyCount();

    String[] getPolicyNames();

    double getCacheHitRatio();

    long getCacheHits();

    long getCacheMisses();

    long getCacheEvictions();

    long getCacheInvalidations();

    int getCacheSize();

    int getCacheCapacity();

    /** Dry run: the decision for a flow of {@code initiator} to {@code target} in {@code vsan}. */
    String evaluate(int vsan, String initiator, String target);

    void removePolicy(String name);
}
