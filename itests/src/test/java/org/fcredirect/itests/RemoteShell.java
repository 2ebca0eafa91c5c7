package org.fcredirect.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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

    /** Generous: a node under a full 2-core machine's load, or failing over its Kafka, answers late. */
    private static final Duration SETUP = Duration.ofSeconds(30);
    private static final Duration ANSWER = Duration.ofSeconds(90);
    private static final String STEP = "fcr-it-step-";

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

    /** A client for the node's SSH port, once it lets the user in. */
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

    /** Karaf ends a session with its exec command, so each command opens one. */
    private ClientSession open() throws IOException {
        ClientSession s = client.connect(user, "127.0.0.1", port).verify(SETUP).getSession();
        try {
            s.addPasswordIdentity(password);
            s.auth().verify(SETUP);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close(true);
            throw e;
        }
    }

    Result run(String command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ClientSession session = open(); ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(out);
            channel.open().verify(SETUP);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), ANSWER);
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                throw new IOException(command + ": no answer within " + ANSWER.toSeconds() + " s (" + events + ")");
            }
        }
        String text = out.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "").replace("\r", "");
        return new Result(text, text.contains("Error executing command") || text.startsWith("Command not found"));
    }

    /**
     * Runs commands as scripts, one session each, as an operator's script would: Karaf stops a
     * script at its first failing command, so the rest run in the next one.
     *
     * @return what each command printed, in order
     */
    List<Result> runEach(List<String> commands) throws IOException {
        List<Result> results = new ArrayList<>();
        while (results.size() < commands.size()) {
            List<String> rest = commands.subList(results.size(), commands.size());
            StringBuilder script = new StringBuilder();
            for (int k = 0; k < rest.size(); k++) {
                script.append("echo ").append(STEP).append(k).append('\n').append(rest.get(k)).append('\n');
            }
            String text = run(script.toString()).output();
            List<String> printed = byStep(text, rest.size());
            if (printed.isEmpty()) {
                throw new IOException("a script of " + rest.size() + " commands ran none: " + text.strip());
            }
            for (String p : printed) {
                boolean failed = p.contains("Error executing command") || p.startsWith("Command not found");
                results.add(new Result(p, failed));
                if (failed) {
                    break;
                }
            }
        }
        return results;
    }

    /** What each command of a script printed, found by the step markers echoed before them. */
    private static List<String> byStep(String text, int steps) {
        List<StringBuilder> printed = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (printed.size() < steps && line.equals(STEP + printed.size())) {
                printed.add(new StringBuilder());
            } else if (!printed.isEmpty()) {
                printed.get(printed.size() - 1).append(line).append('\n');
            }
        }
        return printed.stream().map(StringBuilder::toString).toList();
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
