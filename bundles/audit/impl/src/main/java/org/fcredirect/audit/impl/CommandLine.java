package org.fcredirect.audit.impl;

import java.util.ArrayList;
import java.util.List;

/** A shell command line split into words the way an operator reads it: blanks separate, quotes group. */
record CommandLine(String command, List<String> arguments) {

    static CommandLine parse(CharSequence line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words.isEmpty() ? new CommandLine("", List.of())
                : new CommandLine(words.get(0), List.copyOf(words.subList(1, words.size())));
    }
}
