package org.fcredirect.jmx;

@Description("org.fcredirect:type=Config: settings of every fcr service, the staged session, history and rollback."
        + " Notifies every applied version: fcr.config.commit, fcr.config.rollback, fcr.config.import.")
public interface ConfigMBean {
    @Description("Configuration PIDs of the fcr services, e.g. org.fcredirect.fastpath.")
    String[] getServicePids();

    @Description("A staged session is open (true/false).")
    boolean isSessionOpen();

    @Description("The staged changes as: pid key: running -> staged.")
    String[] getStagedChanges();

    @Description("The newest configuration version (version number); 0 before the first commit.")
    long getLatestVersion();

    @Description("Stages a value, beginning a session if none is open; nothing changes before commit.")
    void stage(@Param(name = "pid", description = "The service's configuration PID, e.g. org.fcredirect.fastpath") String pid,
            @Param(name = "key", description = "The setting's name, e.g. workers") String key,
            @Param(name = "value", description = "The new value, checked against the setting's type and range") String value);

    @Description("Stores and applies the staged session as one new version; returns its number.")
    long commit(@Param(name = "comment", description = "Why, kept in the history") String comment);

    @Description("Drops the staged session without applying anything.")
    void abort();

    @Description("Sets every setting changed since a version back to its value then, as a new version; returns its number.")
    long rollback(@Param(name = "version", description = "The version to go back to; 0 for the settings before the first") long version);

    @Description("The whole configuration as a deployment descriptor (text, as fcr:config-export writes it).")
    String exportDescriptor();
}
