package org.fcredirect.jmx;

/** {@code org.fcredirect:type=Config}: settings of every fcr service, the staged session, history and rollback. */
public interface ConfigMBean {
    String[] getServicePids();

    boolean isSessionOpen();

    /** The staged changes as {@code pid key: running -> staged}. */
    String[] getStagedChanges();

    long getLatestVersion();

    /** Stages a value, beginning a session if none is open. */
    void stage(String pid, String key, String value);

    /** Commits the session; returns the new version number. */
    long commit(String comment);

    void abort();

    /** Rolls back to a version; returns the new version number. */
    long rollback(long version);

    /** The whole configuration as a deployment descriptor. */
    String exportDescriptor();
}
