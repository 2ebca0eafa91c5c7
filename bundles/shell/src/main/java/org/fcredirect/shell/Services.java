package org.fcredirect.shell;

/**
 * Karaf registers a bundle's commands only once every mandatory reference of every command is
 * there, so one stopped service would take all fcr commands away. Commands therefore reference
 * services optionally and say, in one line, which service is missing.
 */
public final class Services {
    private Services() {
    }

    /** The service, or an error naming it and the feature that brings it. */
    public static <T> T require(T service, String what, String feature) {
        if (service == null) {
            throw new IllegalStateException("the " + what + " is not running (feature " + feature + "); see fcr:health and feature:list");
        }
        return service;
    }
}
