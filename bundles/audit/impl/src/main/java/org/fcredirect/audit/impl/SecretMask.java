package org.fcredirect.audit.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Masks the obvious secrets among the arguments of an audited action before they are kept or logged. */
final class SecretMask {
    static final String MASK = "***";
    /** a name that announces a secret: the next argument, or the value of name=value, is masked */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|passphrase|secret|credential|token).*");
    /** commands whose second positional argument is a password (jaas:useradd USER PASSWORD) */
    private static final Pattern PASSWORD_SECOND = Pattern.compile("(jaas:)?useradd");

    private SecretMask() {
    }

    /** The arguments of shell command {@code command}, secrets masked. */
    static List<String> command(String command, List<String> arguments) {
        List<String> out = new ArrayList<>(arguments.size());
        boolean maskNext = false;
        int positional = 0;
        boolean passwordSecond = PASSWORD_SECOND.matcher(command).matches();
        for (String arg : arguments) {
            boolean option = arg.startsWith("-");
            if (maskNext) {
                out.add(MASK);
                maskNext = false;
            } else if (!option && passwordSecond && positional == 1) {
                out.add(MASK);
            } else {
                out.add(maskNamedValue(arg));
                maskNext = SECRET_NAME.matcher(arg).matches() && arg.indexOf('=') < 0;
            }
            if (!option) {
                positional++;
            }
        }
        return out;
    }

    /**
     * The arguments of MBean operation {@code operation}: when its name speaks of users or secrets
     * (addUser, changePassword) only the first argument, the name it acts on, is kept.
     */
    static List<String> operation(String operation, List<String> arguments) {
        if (!SECRET_NAME.matcher(operation).matches() && !operation.toLowerCase().contains("user")) {
            return arguments.stream().map(SecretMask::maskNamedValue).toList();
        }
        List<String> out = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            out.add(i == 0 ? arguments.get(i) : MASK);
        }
        return out;
    }

    private static String maskNamedValue(String arg) {
        int eq = arg.indexOf('=');
        return eq > 0 && SECRET_NAME.matcher(arg.substring(0, eq)).matches() ? arg.substring(0, eq + 1) + MASK : arg;
    }
}
