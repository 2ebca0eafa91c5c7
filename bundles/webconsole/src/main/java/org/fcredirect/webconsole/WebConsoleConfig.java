package org.fcredirect.webconsole;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "fc-redirect web console",
        description = "The browser console at /fcr/ on Karaf's HTTP port: who may log in, how long a session lasts, how failed logins are slowed down")
public @interface WebConsoleConfig {
    String PID = "org.fcredirect.webconsole";

    @AttributeDefinition(description = "A session ends after this many seconds without a request (60..86400)")
    int sessionIdleSeconds() default 900;

    @AttributeDefinition(description = "A session ends this many seconds after its login, in use or not (60..604800)")
    int sessionMaxSeconds() default 28_800;

    @AttributeDefinition(description = "Failed logins in a row that lock a user name out of the console (1..100)")
    int failuresBeforeLockout() default 5;

    @AttributeDefinition(description = "Seconds a locked-out user name is refused, right password or not (1..86400)")
    int lockoutSeconds() default 60;

    @AttributeDefinition(description = "A failed login answers no sooner than this many milliseconds after it arrived, "
            + "so an unknown user and a wrong password take the same time (0..10000)")
    int failedLoginMillis() default 500;

    @AttributeDefinition(description = "Roles of the karaf realm that may log in, comma separated; what each may read or run is Karaf's JMX ACLs' say")
    String roles() default "viewer,admin";

    @AttributeDefinition(description = "Origins, beyond http://127.0.0.1:PORT and http://localhost:PORT of the HTTP port, "
            + "whose pages may post to the console, comma separated, e.g. http://127.0.0.1:9181 for an SSH tunnel from another local port",
            required = false)
    String origins() default "";
}
