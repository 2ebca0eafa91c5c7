package org.fcredirect.config.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every configuration version once it is stored and applied: a session's commit, a
 * rollback, an import (whiteboard: register it as an OSGi service). Called on the committing
 * thread while the configuration service holds its lock, in version order: it must return at once
 * (hand slow work to a thread of its own). A version that could not be applied is not told.
 */
@ConsumerType
@FunctionalInterface
public interface ConfigListener {

    void committed(ConfigVersion version);
}
