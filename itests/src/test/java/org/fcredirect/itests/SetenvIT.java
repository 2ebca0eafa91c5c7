package org.fcredirect.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * bin/setenv's first-start provisioning of the admin user, run by /bin/sh as Karaf's scripts source
 * it, against a scratch Karaf home (no container).
 */
public class SetenvIT {
    static final Path SETENV = Path.of("../karaf-assembly/src/main/resources/bin/setenv").toAbsolutePath().normalize();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path home;
    private Path users;
    private Path passwordFile;

    @Before
    public void karafHome() throws IOException {
        home = folder.getRoot().toPath();
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("etc"));
        users = Files.writeString(home.resolve("etc/users.properties"), "viewer1 = pw,_g_:viewergroup\n");
        passwordFile = home.resolve("etc/admin.password");
    }

    @Test
    public void twoStartsAtOnceMakeOneAdminEntry() throws Exception {
        List<Process> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(start());
        }
        for (Process p : starts) {
            assertEquals(0, exitCode(p));
        }
        assertEquals(Files.readString(users), 1, adminLines());
        String password = Files.readString(passwordFile).strip();
        assertEquals(20, password.length());
        assertTrue(Files.readString(users).contains("admin = " + password + ","));
    }

    @Test
    public void withoutFlockALockDirectoryMakesOneAdminEntryToo() throws Exception {
        Path tools = Files.createDirectories(home.resolve("tools"));
        for (String tool : new String[] {"grep", "tr", "head", "chmod", "mkdir", "rmdir", "sleep"}) {
            Files.createSymbolicLink(tools.resolve(tool), which(tool));
        }
        List<Process> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProcessBuilder pb = builder();
            pb.environment().put("PATH", tools.toString());
            starts.add(pb.start());
        }
        for (Process p : starts) {
            assertEquals(0, exitCode(p));
        }
        assertEquals(Files.readString(users), 1, adminLines());
        assertFalse("the lock directory is gone", Files.exists(home.resolve("etc/.admin-provisioning.lock.d")));
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(tool + " not on the PATH");
    }

    @Test
    public void aSymlinkedPasswordFileIsRefused() throws Exception {
        Path elsewhere = home.resolve("elsewhere");
        Files.createSymbolicLink(passwordFile, elsewhere);
        Process p = start();
        assertNotEquals(0, exitCode(p));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(err, err.contains("symbolic link"));
        assertFalse("nothing written through the link", Files.exists(elsewhere));
        assertEquals(0, adminLines());
    }

    @Test
    public void aSymlinkedUsersFileIsRefused() throws Exception {
        Path real = Files.move(users, home.resolve("real-users.properties"));
        Files.createSymbolicLink(users, real);
        assertNotEquals(0, exitCode(start()));
        assertFalse(Files.readString(real).contains("admin"));
    }

    @Test
    public void anAdminTheOperatorRemovedStaysRemoved() throws Exception {
        assertEquals(0, exitCode(start()));
        assertEquals(1, adminLines());
        Files.writeString(users, "viewer1 = pw,_g_:viewergroup\n");
        Files.delete(passwordFile);
        assertEquals(0, exitCode(start()));
        assertEquals(0, adminLines());
        assertFalse(Files.exists(passwordFile));
    }

    private Process start() throws IOException {
        return builder().start();
    }

    private ProcessBuilder builder() {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", ". \"$FCR_SETENV\"");
        pb.environment().put("FCR_SETENV", SETENV.toString());
        pb.environment().put("DIRNAME", home.resolve("bin").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("FCR_ADMIN_PASSWORD");
        return pb;
    }

    private static int exitCode(Process p) throws InterruptedException {
        assertTrue("setenv ends within 60 s", p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private long adminLines() throws IOException {
        return Files.readAllLines(users).stream().filter(l -> l.matches("admin\\s*=.*")).count();
    }
}
