package org.fcredirect.fc.capture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.fcredirect.fc.FcFormatException;

import aQute.bnd.annotation.Cardinality;
import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceConsumer;

/**
 * The link types a capture can be decoded with: the built-ins (fc2, fc2-delim, fcoe) plus the
 * {@link LinkTypeDecoder} providers {@link ServiceLoader} finds. An immutable snapshot: call
 * {@link #load()} again to see providers installed since.
 *
 * <p>Built-ins win over providers, and earlier providers over later ones, when two claim the same
 * number or name; the loser is listed in {@link #rejected()} rather than dropped silently. Inside
 * OSGi, Aries SPI Fly weaves the {@code ServiceLoader.load} call so that it sees providers in
 * other bundles.
 */
@ServiceConsumer(value = LinkTypeDecoder.class, cardinality = Cardinality.MULTIPLE, resolution = Resolution.OPTIONAL)
public final class LinkTypes {
    public static final int ETHERNET = 1;
    public static final int LINUX_SLL = 113;
    public static final int FC_2 = 224;
    public static final int FC_2_WITH_FRAME_DELIMS = 225;
    public static final int LINUX_SLL2 = 276;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Map<Integer, LinkTypeDecoder> byNumber;
    private final Map<String, LinkTypeDecoder> byName;
    private final List<String> rejected;

    private LinkTypes(Registration r) {
        byNumber = Collections.unmodifiableMap(new TreeMap<>(r.byNumber));
        byName = Map.copyOf(r.byName);
        rejected = List.copyOf(r.rejected);
    }

    /** The built-ins and every provider {@link ServiceLoader} finds now. */
    public static LinkTypes load() {
        return of(ServiceLoader.load(LinkTypeDecoder.class));
    }

    /** Only the built-in link types. */
    public static LinkTypes builtIn() {
        return of(List.of());
    }

    /** The built-ins and the given providers, in their order. */
    public static LinkTypes of(Iterable<? extends LinkTypeDecoder> providers) {
        Registration r = new Registration();
        for (LinkTypeDecoder d : List.of(new Fc2Decoder(), new Fc2DelimitedDecoder(), new EthernetFcoeDecoder())) {
            r.add(d);
        }
        Iterator<? extends LinkTypeDecoder> it = providers.iterator();
        while (true) {
            LinkTypeDecoder d;
            try {
                if (!it.hasNext()) {
                    break;
                }
                d = it.next();
            } catch (ServiceConfigurationError e) {
                // ServiceLoader moves past a broken provider, so the others still load.
                r.rejected.add("a provider failed to load: " + e.getMessage());
                continue;
            }
            try {
                r.add(d);
            } catch (RuntimeException e) {
                r.rejected.add(d.getClass().getName() + " failed to describe itself: " + e);
            }
        }
        return new LinkTypes(r);
    }

    /** Collects decoders first come, first served. */
    private static final class Registration {
        final Map<Integer, LinkTypeDecoder> byNumber = new TreeMap<>();
        final Map<String, LinkTypeDecoder> byName = new LinkedHashMap<>();
        final List<String> rejected = new ArrayList<>();

        void add(LinkTypeDecoder d) {
            String problem = problem(d);
            if (problem != null) {
                rejected.add(describe(d) + ": " + problem);
                return;
            }
            byNumber.put(d.linkType(), d);
            byName.put(d.name(), d);
        }

        private String problem(LinkTypeDecoder d) {
            String name = d.name();
            if (name == null || !NAME.matcher(name).matches()) {
                return "name must be lower-case letters, digits and '-'";
            }
            if (d.linkType() < 0 || d.linkType() > 0xFFFF) {
                return "link type must be 0..65535";
            }
            LinkTypeDecoder sameNumber = byNumber.get(d.linkType());
            if (sameNumber != null) {
                return "link type " + d.linkType() + " is already served by " + describe(sameNumber);
            }
            LinkTypeDecoder sameName = byName.get(name);
            if (sameName != null) {
                return "name '" + name + "' is already used by " + describe(sameName);
            }
            return null;
        }
    }

    private static String describe(LinkTypeDecoder d) {
        return "'" + d.name() + "' (link type " + d.linkType() + ", " + d.getClass().getName() + ")";
    }

    /** @throws FcFormatException "unknown link type N", listing the known ones */
    public LinkTypeDecoder byLinkType(int linkType) {
        LinkTypeDecoder d = byNumber.get(linkType);
        if (d == null) {
            throw new FcFormatException("unknown link type " + linkType + "; known: " + known());
        }
        return d;
    }

    /** Looks a link type up by name, ignoring case. */
    public LinkTypeDecoder byName(String name) {
        LinkTypeDecoder d = name == null ? null : byName.get(name.strip().toLowerCase(Locale.ROOT));
        if (d == null) {
            throw FcFormatException.of("link type", name, "unknown; known names: " + String.join(", ", names()));
        }
        return d;
    }

    /** All decoders, by link type number. */
    public Collection<LinkTypeDecoder> decoders() {
        return Collections.unmodifiableCollection(byNumber.values());
    }

    public List<String> names() {
        return byNumber.values().stream().map(LinkTypeDecoder::name).collect(Collectors.toUnmodifiableList());
    }

    /** Providers that were not registered, each with the reason: a clash, a bad name, a load failure. */
    public List<String> rejected() {
        return rejected;
    }

    private String known() {
        return byNumber.values().stream().map(d -> d.linkType() + " (" + d.name() + ")").collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "LinkTypes[" + known() + (rejected.isEmpty() ? "" : ", rejected " + rejected) + "]";
    }
}
