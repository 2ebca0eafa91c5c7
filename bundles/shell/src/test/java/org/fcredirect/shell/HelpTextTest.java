package org.fcredirect.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.junit.jupiter.api.Test;

/** Every fcr command, option and argument explains itself in --help. */
class HelpTextTest {

    private static List<Class<?>> commands() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(View.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> commands = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, HelpTextTest.class.getClassLoader());
                if (c.isAnnotationPresent(Command.class)) {
                    commands.add(c);
                }
            }
        }
        return commands;
    }

    @Test
    void everyCommandOptionAndArgumentHasHelpText() throws Exception {
        List<Class<?>> commands = commands();
        assertTrue(commands.size() >= 40, "found " + commands.size() + " commands");
        List<String> missing = new ArrayList<>();
        for (Class<?> c : commands) {
            Command command = c.getAnnotation(Command.class);
            assertEquals("fcr", command.scope(), c.getName());
            if (command.description().isBlank()) {
                missing.add("fcr:" + command.name());
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    Option o = f.getAnnotation(Option.class);
                    Argument a = f.getAnnotation(Argument.class);
                    if (o != null && o.description().isBlank()) {
                        missing.add("fcr:" + command.name() + " " + o.name());
                    }
                    if (a != null && a.description().isBlank()) {
                        missing.add("fcr:" + command.name() + " argument " + f.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "without help text");
    }
}
