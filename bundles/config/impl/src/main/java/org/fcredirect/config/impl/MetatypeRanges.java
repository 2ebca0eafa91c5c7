package org.fcredirect.config.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Bundle;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The min and max of every setting, read from a bundle's metatype documents: the MetaType 1.4
 * API only uses them inside {@code AttributeDefinition.validate}, whose message does not name the
 * bound, so they are read where the metatype service reads them, by PID and key. Cached per
 * bundle until it is updated.
 */
final class MetatypeRanges {
    private static final Logger LOG = LoggerFactory.getLogger(MetatypeRanges.class);

    /** A setting's bounds, as written in the document. */
    record Range(Optional<String> min, Optional<String> max) {
        static final Range NONE = new Range(Optional.empty(), Optional.empty());
    }

    private record Cached(long lastModified, Map<String, Map<String, Range>> byPid) {
    }

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    /** The range of a setting; {@link Range#NONE} when the documents give none. */
    Range of(Bundle bundle, String pid, String key) {
        Cached c = cache.get(bundle.getBundleId());
        if (c == null || c.lastModified() != bundle.getLastModified()) {
            c = new Cached(bundle.getLastModified(), read(bundle));
            cache.put(bundle.getBundleId(), c);
        }
        return c.byPid().getOrDefault(pid, Map.of()).getOrDefault(key, Range.NONE);
    }

    private static Map<String, Map<String, Range>> read(Bundle bundle) {
        Enumeration<URL> docs = bundle.findEntries(MetaTypeService.METATYPE_DOCUMENTS_LOCATION, "*.xml", false);
        Map<String, Map<String, Range>> byOcd = new HashMap<>();
        Map<String, String> ocdOfPid = new HashMap<>();
        for (URL url : docs == null ? Collections.<URL>emptyList() : Collections.list(docs)) {
            try (InputStream in = url.openStream()) {
                Document doc = parser().parse(in);
                readOcds(doc, byOcd);
                readDesignates(doc, ocdOfPid);
            } catch (IOException | SAXException | ParserConfigurationException e) {
                LOG.warn("Metatype document {} of {} unreadable, its settings' ranges are not checked: {}", url,
                        bundle.getSymbolicName(), e.getMessage());
            }
        }
        Map<String, Map<String, Range>> byPid = new HashMap<>();
        ocdOfPid.forEach((pid, ocd) -> byPid.put(pid, byOcd.getOrDefault(ocd, Map.of())));
        return byPid;
    }

    private static void readOcds(Document doc, Map<String, Map<String, Range>> byOcd) {
        NodeList ocds = doc.getElementsByTagNameNS("*", "OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            Map<String, Range> ranges = new HashMap<>();
            NodeList ads = ocd.getElementsByTagNameNS("*", "AD");
            for (int j = 0; j < ads.getLength(); j++) {
                Element ad = (Element) ads.item(j);
                ranges.put(ad.getAttribute("id"), new Range(attribute(ad, "min"), attribute(ad, "max")));
            }
            byOcd.put(ocd.getAttribute("id"), ranges);
        }
    }

    private static void readDesignates(Document doc, Map<String, String> ocdOfPid) {
        NodeList designates = doc.getElementsByTagNameNS("*", "Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element d = (Element) designates.item(i);
            NodeList objects = d.getElementsByTagNameNS("*", "Object");
            String pid = d.getAttribute("pid");
            if (!pid.isEmpty() && objects.getLength() > 0) {
                ocdOfPid.put(pid, ((Element) objects.item(0)).getAttribute("ocdref"));
            }
        }
    }

    private static Optional<String> attribute(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** A namespace-aware parser that refuses DTDs, so a document cannot reach out for entities. */
    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }
}
