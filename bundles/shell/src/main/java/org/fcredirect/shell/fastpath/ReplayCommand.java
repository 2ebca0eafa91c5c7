package org.fcredirect.shell.fastpath;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.fcredirect.fc.VsanId;
import org.fcredirect.shell.Services;
import org.fcredirect.traffic.api.ReplayProgress;
import org.fcredirect.traffic.api.ReplayResult;
import org.fcredirect.traffic.api.TrafficService;

@Service
@Command(scope = "fcr", name = "replay", description = "Runs a pcap or pcapng capture through the fast path and writes the rewritten frames to another capture")
public class ReplayCommand implements Action {
    static final int BAR_WIDTH = 40;

    @Argument(index = 0, name = "input", required = true, description = "Capture to replay (pcap or pcapng; FC-2, FC-2 with delimiters, FCoE)")
    @Completion(FileCompleter.class)
    String input;

    @Option(name = "--out", aliases = "-o", description = "Capture of the rewritten frames, same link type; default INPUT-rewritten.pcap")
    @Completion(FileCompleter.class)
    String output;

    @Option(name = "--force", aliases = "-f", description = "Replace the output capture if it exists (never the input)")
    boolean force;

    @Option(name = "--vsan", aliases = "-v", description = "VSAN of the frames (captures carry none); default 1")
    String vsan = "1";

    @Option(name = "--paced", aliases = "-p", description = "Keep the capture's pace (a capture that logs ports in and"
            + " then talks gives the control plane the time it had on the fabric); default as fast as possible")
    boolean paced;

    @Reference(optional = true)
    TrafficService traffic;

    @Override
    public Object execute() throws Exception {
        Services.require(traffic, "traffic service", "fcr-traffic");
        Path in = Path.of(input);
        if (!Files.isReadable(in)) {
            throw new IllegalArgumentException(input + ": no such readable file");
        }
        Path out = output != null ? Path.of(output) : in.resolveSibling(stem(in) + "-rewritten.pcap");
        if (!force && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(out + ": exists; give --force to replace it");
        }
        ReplayResult r = traffic.replay(in, out, force, VsanId.parse(vsan).value(), paced, ReplayCommand::bar);
        System.out.println();
        System.out.printf("%d packets, %d frames processed, %d written, %d dropped in %d ms -> %s%n", r.packets(),
                r.framesProcessed(), r.framesWritten(), r.framesDropped(), r.elapsed().toMillis(), r.output());
        if (r.undecodable() + r.badCrc() + r.otherLinkType() > 0) {
            System.out.printf("  skipped: %d packets without a frame, %d frames with a bad CRC, %d of another link type%n",
                    r.undecodable(), r.badCrc(), r.otherLinkType());
        }
        r.drops().forEach((reason, n) -> {
            if (n > 0) {
                System.out.println("  dropped " + n + ": " + reason.description());
            }
        });
        return null;
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** One line redrawn in place: an operator replaying a big capture sees it move. */
    static void bar(ReplayProgress p) {
        int filled = (int) Math.round(p.fraction() * BAR_WIDTH);
        System.out.printf("\r[%s%s] %3d%%  %d packets", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                Math.round(p.fraction() * 100), p.packets());
        System.out.flush();
    }
}
