package org.fcredirect.shell.storage;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.fcredirect.fc.Hex;

/** An event payload as a human reads it: the text when it is printable UTF-8 (JSON), else hex. */
final class PayloadPreview {
    static final int MAX_HEX_BYTES = 24;

    private PayloadPreview() {
    }

    static String of(byte[] payload) {
        if (isText(payload)) {
            return new String(payload, StandardCharsets.UTF_8);
        }
        int n = Math.min(payload.length, MAX_HEX_BYTES);
        return "0x" + Hex.encode(payload, 0, n) + (n < payload.length ? "..." : "");
    }

    static boolean isText(byte[] payload) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
            return s.codePoints().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
