package org.fcredirect.audit.impl;

import java.time.Clock;
import java.util.Optional;
import javax.security.auth.Subject;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.fcredirect.audit.api.AuditEntry;
import org.fcredirect.audit.api.AuditOrigin;
import org.fcredirect.audit.api.AuditOutcome;
import org.fcredirect.audit.api.AuditService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Records every command line run in a Karaf shell session, read-only ones too: a line may chain
 * and pipe commands, so sorting lines by the viewer's allow-list would need the shell's own
 * parser, and a command a later feature adds is recorded without anyone listing it. Karaf calls
 * this listener (a whiteboard CommandSessionListener) in the session's own thread, under the
 * user's subject, which is what gives user and origin; its EventAdmin topic
 * org/apache/karaf/shell/console/EXECUTED is posted asynchronously and names neither. The
 * session's init scripts (etc/shell.init.script and etc/scripts/*.script, run at every session
 * start) are not operator actions: Karaf marks them with a session variable in an interactive
 * session but not in a batch one (bin/client -b), where they come as one text opening with their
 * licence comment. A text that opens with a comment is a script or a comment, never a command.
 */
@Component(service = CommandSessionListener.class)
public class ShellAuditListener implements CommandSessionListener {
    /** the session variable Karaf sets while it runs an init script */
    static final String SCRIPT = "script";

    @Reference
    AuditService audit;

    Clock clock = Clock.systemUTC();

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        // the outcome is known only after execution
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        record(session, command, refused(exception) ? AuditOutcome.DENIED : AuditOutcome.FAILED);
    }

    /**
     * Karaf's command ACLs refuse with a SecurityException, or hide the command from the user with
     * Gogo's CommandNotFoundException (whose package Karaf does not export, hence by name): an
     * unknown command is recorded as refused too.
     */
    static boolean refused(Exception exception) {
        return exception instanceof SecurityException
                || exception.getClass().getName().equals("org.apache.felix.gogo.runtime.CommandNotFoundException");
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
        record(session, command, AuditOutcome.OK);
    }

    private void record(CommandSession session, CharSequence line, AuditOutcome outcome) {
        CommandLine parsed = CommandLine.parse(line);
        if (parsed.command().isEmpty() || session.get(SCRIPT) != null || opensWithComment(line)) {
            return;
        }
        Optional<Caller> caller = Caller.currentSubject().or(() -> sessionSubject(session)).flatMap(Caller::of);
        String user = caller.map(Caller::user).orElseGet(() -> String.valueOf(session.get("USER")));
        AuditOrigin origin = caller.map(c -> c.origin(AuditOrigin.CONSOLE)).orElse(AuditOrigin.CONSOLE);
        audit.record(new AuditEntry(clock.instant(), user, origin, parsed.command(),
                SecretMask.command(parsed.command(), parsed.arguments()), outcome));
    }

    static boolean opensWithComment(CharSequence line) {
        String text = line.toString().stripLeading();
        return text.startsWith("//") || text.startsWith("#");
    }

    /** Karaf's SSH exec channel keeps the subject in the session too. */
    private static Optional<Subject> sessionSubject(CommandSession session) {
        return session.get(Subject.class.getName()) instanceof Subject s ? Optional.of(s) : Optional.empty();
    }
}
