package org.fcredirect.shell.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;

class ConfigKeyCompleterTest {

    private static CommandLine line(int cursorArgument, String... words) {
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return cursorArgument;
            }

            @Override
            public String getCursorArgument() {
                return cursorArgument < words.length ? words[cursorArgument] : "";
            }

            @Override
            public int getArgumentPosition() {
                return 0;
            }

            @Override
            public String[] getArguments() {
                return words;
            }

            @Override
            public int getBufferPosition() {
                return 0;
            }

            @Override
            public String getBuffer() {
                return String.join(" ", words);
            }
        };
    }

    @Test
    void theServiceIsTheFirstWordAfterTheCommandThatIsNoOption() {
        assertEquals("policy", ConfigKeyCompleter.serviceWord(line(2, "fcr:config-set", "policy", "deci")));
        assertEquals("fastpath", ConfigKeyCompleter.serviceWord(line(3, "fcr:config-set", "-d", "fastpath", "")));
    }

    @Test
    void noServiceTypedYetCompletesNothing() {
        assertNull(ConfigKeyCompleter.serviceWord(line(1, "fcr:config-set", "")));
        assertNull(ConfigKeyCompleter.serviceWord(line(2, "fcr:config-set", "--default", "")));
    }
}
