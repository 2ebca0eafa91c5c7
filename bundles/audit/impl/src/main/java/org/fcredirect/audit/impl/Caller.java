package org.fcredirect.audit.impl;

import java.security.AccessController;
import java.util.Optional;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.fcredirect.audit.api.AuditOrigin;

/** Who is calling, from Karaf's JAAS subject: the user principal and how the user came in (ClientPrincipal). */
record Caller(String user, Optional<String> clientMethod) {

    /** The subject the current thread runs as, if any. */
    @SuppressWarnings("removal")
    static Optional<Subject> currentSubject() {
        return Optional.ofNullable(Subject.getSubject(AccessController.getContext()));
    }

    static Optional<Caller> of(Subject subject) {
        Optional<String> user = subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst();
        Optional<String> method = subject.getPrincipals(ClientPrincipal.class).stream().map(ClientPrincipal::getMethod).findFirst();
        return user.map(u -> new Caller(u, method));
    }

    /** Karaf's client methods: ssh, local (the console), jmx; a session opened by code has none. */
    AuditOrigin origin(AuditOrigin otherwise) {
        return clientMethod.map(m -> switch (m) {
            case "ssh" -> AuditOrigin.SSH;
            case "jmx" -> AuditOrigin.RMI;
            case "local" -> AuditOrigin.CONSOLE;
            default -> otherwise;
        }).orElse(otherwise);
    }
}
