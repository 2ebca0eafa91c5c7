package org.fcredirect.webconsole;

import java.util.Optional;
import javax.security.auth.Subject;

/** Checks a user name and password; unit tests give the servlet a fake. */
interface Authenticator {

    /** The user's subject with its principals, or empty when the login failed for any reason. */
    Optional<Subject> login(String user, char[] password);
}
