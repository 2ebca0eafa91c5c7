package org.fcredirect.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * Commands on another Karaf over SSH, as an operator's script would run them: an exec channel per
 * command. A command that failed answers with Karaf's "Error executing command", one not (or not
 * yet) registered with "Command not found".
 */
final class RemoteShell implements AutoCloseable {
    /** What one command printed, and whether Karaf reported it failed. */
    record Result(String output, boolean failed) {
    }

    private final SshClient client;
    private final int port;
    private final String user;
    private final String password;

    private RemoteShell(SshClient client, int port, String user, String password) {
        this.client = client;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** A client for the node's SSH port; Karaf ends a session with its exec command, so each command opens one. */
    static RemoteShell connect(int port, String user, String password) throws IOException {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        RemoteShell shell = new RemoteShell(client, port, user, password);
        try {
            shell.open().close();
            return shell;
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    private ClientSession open() throws IOException {
        ClientSession s = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession();
        s.addPasswordIdentity(password);
        s.auth().verify(Duration.ofSeconds(10));
        return s;
    }

    Result run(String command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ClientSession session = open(); ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(out);
            channel.open().verify(Duration.ofSeconds(10));
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(60));
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                throw new IOException(command + ": no answer within 60 s (" + events + ")");
            }
        }
        String text = out.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "").replace("\r", "");
        return new Result(text, text.contains("Error executing command") || text.startsWith("Command not found"));
    }

    /** Runs a command that must succeed; returns what it printed. */
    String expect(String command) throws IOException {
        Result r = run(command);
        if (r.failed()) {
            throw new IOException(command + ": " + r.output().strip());
        }
        return r.output();
    }

    @Override
    public void close() {
        client.stop();
    }
}
