package org.fcredirect.webconsole;

import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.ProxyLoginModule;

/** A login against a JAAS realm of Karaf, as SSH and the JMX connector log in. */
final class JaasAuthenticator implements Authenticator {
    private final String realm;

    JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public Optional<Subject> login(String user, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's entry point, Karaf's proxy login module, through this loader
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password)).login();
            return Optional.of(subject);
        } catch (LoginException | RuntimeException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback name) {
                name.setName(user);
            } else if (c instanceof PasswordCallback pw) {
                pw.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }
}
