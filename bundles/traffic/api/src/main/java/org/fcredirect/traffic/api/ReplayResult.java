package org.fcredirect.traffic.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.fcredirect.fastpath.api.DropReason;

/**
 * What a capture replay did. Packets that are not one FC frame of the output's link type are
 * counted and left out of the output.
 *
 * @param input the capture read
 * @param output the pcap written, in the link type of the input's first packet
 * @param linkType that link type
 * @param packets packets read
 * @param framesProcessed frames that went through the fast path
 * @param framesWritten frames written (forwarded, rewritten where a rule said so)
 * @param drops frames the fast path dropped, by reason, every reason present
 * @param undecodable packets whose link layer did not hold a frame
 * @param badCrc frames whose CRC was wrong (a switch discards them)
 * @param otherLinkType packets of another link type than the first packet's
 * @param elapsed how long the replay took
 */
public record ReplayResult(Path input, Path output, int linkType, long packets, long framesProcessed,
        long framesWritten, Map<DropReason, Long> drops, long undecodable, long badCrc, long otherLinkType,
        Duration elapsed) {

    public ReplayResult {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(elapsed, "elapsed");
        drops = Map.copyOf(new EnumMap<>(drops));
    }

    public long framesDropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
