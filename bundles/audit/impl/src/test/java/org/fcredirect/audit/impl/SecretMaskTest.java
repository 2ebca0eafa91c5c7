package org.fcredirect.audit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void aCommandLineKeepsItsWordsAndHidesPasswords() {
        CommandLine line = CommandLine.parse("jaas:useradd  bob 's3cret pw'");
        assertEquals("jaas:useradd", line.command());
        assertEquals(List.of("bob", "***"), SecretMask.command(line.command(), line.arguments()));
        assertEquals(List.of("--user", "bob", "--password", "***", "db.password=***", "--vsan", "10"),
                SecretMask.command("x:y", List.of("--user", "bob", "--password", "pw", "db.password=pw", "--vsan", "10")));
        assertEquals(List.of("--vsan", "10", "-d", "db01 to array"),
                CommandLine.parse("fcr:flow-create --vsan 10 -d \"db01 to array\"").arguments());
    }

    @Test
    void anOperationOnUsersOrSecretsKeepsOnlyTheNameItActsOn() {
        assertEquals(List.of("bob", "***", "***"), SecretMask.operation("addUser", List.of("bob", "pw", "karaf")));
        assertEquals(List.of("10", "a"), SecretMask.operation("evaluate", List.of("10", "a")));
    }
}
