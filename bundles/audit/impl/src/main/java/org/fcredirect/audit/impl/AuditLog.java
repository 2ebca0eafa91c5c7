package org.fcredirect.audit.impl;

import java.util.List;
import java.util.Optional;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit service: keeps the recent entries for fcr:audit and writes one line per action to the
 * logger {@code org.fcredirect.audit}, which etc/org.ops4j.pax.logging.cfg can route to a file of its own.
 */
@Component(service = AuditService.class, configurationPid = AuditConfig.PID)
@Designate(ocd = AuditConfig.class)
public class AuditLog implements AuditService {
    static final String LOGGER = "org.fcredirect.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    private final AuditRing ring;

    @Activate
    public AuditLog(AuditConfig config) {
        ring = new AuditRing(config.capacity());
    }

    @Modified
    void modified(AuditConfig config) {
        ring.resize(config.capacity());
    }

    @Override
    public void record(AuditEntry entry) {
        ring.add(entry);
        AUDIT.info("user={} origin={} action={} arguments={} outcome={}", entry.user(),
                entry.origin().name().toLowerCase(), entry.action(), entry.arguments(), entry.outcome());
    }

    @Override
    public List<AuditEntry> recent(int limit, Optional<String> user) {
        return ring.recent(limit, user);
    }
}
