package org.renkou.core.persistence;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's persistence unit, migrated and ready: {@link #tx} runs work in one transaction (a stale version or a
 * taken key becomes a CONFLICT {@code RenkouException}, the database still starting a 503), {@link #read} runs a
 * read without one.
 */
@ProviderType
public interface ModuleDatabase {

    <T> T tx(Function<EntityManager, T> work);

    <T> T read(Function<EntityManager, T> work);

    /** Completes when the module's migrations have run (or fails with why they did not). */
    CompletableFuture<Void> whenReady();
}
