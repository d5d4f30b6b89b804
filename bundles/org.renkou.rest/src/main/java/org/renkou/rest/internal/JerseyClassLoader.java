package org.renkou.rest.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.glassfish.jersey.inject.hk2.Hk2InjectionManagerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A class loader that sees this bundle, jersey-server and jersey-hk2, including their {@code META-INF/services}
 * files. Jersey looks its injection manager up through the thread's context class loader; in OSGi no single bundle
 * sees all three, so this one asks each in turn.
 */
final class JerseyClassLoader extends ClassLoader {
    static final JerseyClassLoader INSTANCE = new JerseyClassLoader();

    private final List<ClassLoader> delegates = List.of(
            JerseyClassLoader.class.getClassLoader(),
            Hk2InjectionManagerFactory.class.getClassLoader(),
            ResourceConfig.class.getClassLoader());

    private JerseyClassLoader() {
        super(null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader d : delegates) {
            try {
                return d.loadClass(name);
            } catch (ClassNotFoundException e) {
                // try the next
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader d : delegates) {
            URL url = d.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        Set<URL> urls = new LinkedHashSet<>();
        for (ClassLoader d : delegates) {
            urls.addAll(Collections.list(d.getResources(name)));
        }
        return Collections.enumeration(new ArrayList<>(urls));
    }
}
