package org.fcredirect.audit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.security.PrivilegedAction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import org.apache.felix.service.command.CommandSession;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditOrigin;
import org.fcredirect.audit.api.AuditOutcome;
import org.fcredirect.audit.api.AuditService;
import org.junit.jupiter.api.Test;

class ShellAuditListenerTest {
    private final List<AuditEntry> recorded = new ArrayList<>();
    private final Map<String, Object> variables = new HashMap<>();
    private final CommandSession session = (CommandSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {CommandSession.class}, (proxy, method, args) -> method.getName().equals("get") ? variables.get(args[0]) : null);

    private ShellAuditListener listener() {
        ShellAuditListener listener = new ShellAuditListener();
        listener.audit = new AuditService() {
            @Override
            public void record(AuditEntry entry) {
                recorded.add(entry);
            }

            @Override
            public List<AuditEntry> recent(int limit, Optional<String> user) {
                return recorded;
            }
        };
        listener.clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        return listener;
    }

    @Test
    void recordsTheLineAsTheSessionsUserWithItsOriginAndMaskedSecrets() {
        ShellAuditListener listener = listener();
        Subject bob = new Subject();
        bob.getPrincipals().add(new UserPrincipal("bob"));
        bob.getPrincipals().add(new ClientPrincipal("ssh", "/127.0.0.1:50022"));
        as(bob, () -> {
            listener.afterExecute(session, "jaas:useradd alice pw", (Object) null);
            listener.afterExecute(session, "fcr:audit", new SecurityException("Insufficient credentials."));
            listener.afterExecute(session, "fcr:flow-create --vsan 4095", new IllegalArgumentException("4095"));
            return null;
        });
        assertEquals(List.of(
                new AuditEntry(Instant.EPOCH, "bob", AuditOrigin.SSH, "jaas:useradd", List.of("alice", "***"), AuditOutcome.OK),
                new AuditEntry(Instant.EPOCH, "bob", AuditOrigin.SSH, "fcr:audit", List.of(), AuditOutcome.DENIED),
                new AuditEntry(Instant.EPOCH, "bob", AuditOrigin.SSH, "fcr:flow-create", List.of("--vsan", "4095"), AuditOutcome.FAILED)),
                recorded);
    }

    @Test
    void aSessionWithoutSubjectIsTheConsoleAndItsInitScriptIsNoAction() {
        ShellAuditListener listener = listener();
        variables.put("USER", "karaf");
        listener.afterExecute(session, "fcr:flows", (Object) null);
        listener.afterExecute(session, "   ", (Object) null);
        variables.put(ShellAuditListener.SCRIPT, "etc/shell.init.script");
        listener.afterExecute(session, "ls = { bundle:list }", (Object) null);
        assertEquals(List.of(new AuditEntry(Instant.EPOCH, "karaf", AuditOrigin.CONSOLE, "fcr:flows", List.of(), AuditOutcome.OK)), recorded);
    }

    /** bin/client -b: the init scripts come as whole texts, without the session variable. */
    @Test
    void aBatchSessionsInitScriptsAreNoActionEither() {
        ShellAuditListener listener = listener();
        variables.put("USER", "karaf");
        listener.afterExecute(session, "//\n// Licensed to the Apache Software Foundation\nld = { log:display $args } ;\n", (Object) null);
        listener.afterExecute(session, "  # a comment\nfcr:flows", (Object) null);
        listener.afterExecute(session, "fcr:flows -c", (Object) null);
        assertEquals(List.of(new AuditEntry(Instant.EPOCH, "karaf", AuditOrigin.CONSOLE, "fcr:flows", List.of("-c"), AuditOutcome.OK)), recorded);
    }

    @SuppressWarnings("removal")
    private static void as(Subject subject, PrivilegedAction<Object> action) {
        Subject.doAs(subject, action);
    }
}
