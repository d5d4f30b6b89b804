package org.renkou.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.renkou.core.api.AuditAction;
import org.renkou.core.api.Caller;
import org.renkou.core.persistence.ModuleDatabase;
import org.renkou.core.persistence.ModuleDatabases;

/** Gives modules the core's {@link Database} and {@link SchemaMigrations} for their own persistence units. */
@Component
public class ModuleDatabasesImpl implements ModuleDatabases {
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    @Override
    public ModuleDatabase open(EntityManagerFactory emf, Bundle owner, String component, String folder) {
        Database db = new Database(emf);
        db.startAsync(new SchemaMigrations(component, scripts(owner, folder)));
        return new Unit(db);
    }

    /** One module's unit: the core's {@link Database} plus the audit log written through its transactions. */
    static final class Unit implements ModuleDatabase {
        private final Database db;

        Unit(Database db) {
            this.db = db;
        }

        @Override
        public <T> T tx(Function<EntityManager, T> work) {
            return db.tx(work);
        }

        @Override
        public <T> T read(Function<EntityManager, T> work) {
            return db.read(work);
        }

        @Override
        public void audit(EntityManager em, Caller caller, AuditAction action, String entityType, String entityId,
                String jurisdictionCode, String changes, String reason) {
            if (!em.getTransaction().isActive()) {
                throw new IllegalStateException("audit(em, …) writes within the transaction of tx(…); em has none");
            }
            // EclipseLink hands out the connection of the open transaction (it begins it on the database if need be)
            AuditLog.write(em.unwrap(Connection.class), caller, action, entityType, entityId, jurisdictionCode,
                    changes, reason);
        }

        @Override
        public CompletableFuture<Void> whenReady() {
            return db.whenReady();
        }
    }

    /** The owner's {@code folder/V*.sql} scripts, read through the bundle (not a class loader). */
    static List<SchemaMigrations.Script> scripts(Bundle owner, String folder) {
        List<SchemaMigrations.Script> scripts = new ArrayList<>();
        Enumeration<URL> urls = owner.findEntries(folder, "V*.sql", false);
        for (URL url : urls == null ? Collections.<URL>emptyList() : Collections.list(urls)) {
            String path = url.getPath();
            Matcher m = SCRIPT.matcher(path.substring(path.lastIndexOf('/') + 1));
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a migration script name: " + path);
            }
            try (InputStream in = url.openStream()) {
                scripts.add(new SchemaMigrations.Script(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + path + " of " + owner.getSymbolicName(), e);
            }
        }
        return scripts;
    }
}
