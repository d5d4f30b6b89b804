package org.renkou.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
        return new ModuleDatabase() {
            @Override
            public <T> T tx(Function<EntityManager, T> work) {
                return db.tx(work);
            }

            @Override
            public <T> T read(Function<EntityManager, T> work) {
                return db.read(work);
            }

            @Override
            public CompletableFuture<Void> whenReady() {
                return db.whenReady();
            }
        };
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
