package org.renkou.core.internal.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The database settings in force, resolved from {@link DatabaseConfig}, then framework properties, then the
 * embedded default. The password is read from its file here and never shown ({@link #toString}).
 *
 * @param driver class name a {@link DataSourceFactory} is registered for ({@code osgi.jdbc.driver.class})
 * @param url the JDBC URL
 * @param user null for none
 * @param password null for none
 * @param poolSize connections each unit reads on
 */
public record DatabaseSettings(String driver, String url, String user, String password, int poolSize) {
    /** Today's embedded database: {@code renkou} under {@code derby.system.home}, created on first start. */
    public static final String DEFAULT_URL = "jdbc:derby:renkou;create=true";
    public static final String DERBY_EMBEDDED = "org.apache.derby.jdbc.EmbeddedDriver";
    public static final String POSTGRESQL = "org.postgresql.Driver";
    public static final int DEFAULT_POOL_SIZE = 4;
    /** PostgreSQL's pool (HikariCP) serves every unit and the direct reads: a few more than the cores. */
    public static final int DEFAULT_POSTGRESQL_POOL_SIZE = 10;
    /** Environment variable with the password itself, for when no password file is configured. */
    public static final String PASSWORD_ENV = "RENKOU_DB_PASSWORD";
    /** Framework properties consulted for values the configuration leaves empty ({@code renkou.db.url} ...). */
    public static final String PROPERTY_PREFIX = "renkou.db.";

    public static DatabaseSettings of(DatabaseConfig c, UnaryOperator<String> frameworkProperty) {
        return of(c.url(), c.driver(), c.user(), c.password_file(), c.pool_size(), frameworkProperty, System::getenv);
    }

    public static DatabaseSettings of(String url, String driver, String user, String passwordFile, int poolSize,
            UnaryOperator<String> frameworkProperty) {
        return of(url, driver, user, passwordFile, poolSize, frameworkProperty, name -> null);
    }

    /** @throws IllegalArgumentException with a sentence for the operator when the settings cannot be used */
    public static DatabaseSettings of(String url, String driver, String user, String passwordFile, int poolSize,
            UnaryOperator<String> frameworkProperty, UnaryOperator<String> environment) {
        String u = jdbcUrl(pick(url, frameworkProperty.apply(PROPERTY_PREFIX + "url"), DEFAULT_URL));
        String d = pick(driver, frameworkProperty.apply(PROPERTY_PREFIX + "driver"), driverFor(u));
        if (d == null) {
            throw new IllegalArgumentException("No JDBC driver known for " + u + ": set driver in the configuration "
                    + DatabaseConfig.PID + " (or renkou.db.driver)");
        }
        String pwFile = pick(passwordFile, frameworkProperty.apply(PROPERTY_PREFIX + "password.file"), null);
        String poolProperty = PROPERTY_PREFIX + "pool.size";
        int pool = poolSize > 0 ? poolSize : positive(poolProperty, frameworkProperty.apply(poolProperty),
                POSTGRESQL.equals(d) ? DEFAULT_POSTGRESQL_POOL_SIZE : DEFAULT_POOL_SIZE);
        String password = pwFile != null ? readPassword(Path.of(pwFile)) : environment.apply(PASSWORD_ENV);
        return new DatabaseSettings(d, u, pick(user, frameworkProperty.apply(PROPERTY_PREFIX + "user"), null),
                password, pool);
    }

    /**
     * Where a database is, for the health detail and the metrics: a server's host, port and database, or the embedded
     * database's name; never a user, a password or the URL's parameters ({@code ?password=…}, {@code ;user=…}).
     */
    public static String location(String jdbcUrl) {
        String s = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
        int colon = s.indexOf(':');
        s = colon < 0 ? s : s.substring(colon + 1);
        for (char end : new char[] {'?', ';'}) {
            int at = s.indexOf(end);
            s = at < 0 ? s : s.substring(0, at);
        }
        if (s.startsWith("//")) {
            s = s.substring(2);
        }
        int slash = s.indexOf('/');
        int user = (slash < 0 ? s : s.substring(0, slash)).lastIndexOf('@');
        return user < 0 ? s : s.substring(user + 1);
    }

    /** Where this database is ({@link #location(String)}). */
    public String location() {
        return location(url);
    }

    /** A URL given without {@code jdbc:}, as in {@code RENKOU_DB=postgresql://host/db}, gets it. */
    static String jdbcUrl(String url) {
        return url.startsWith("jdbc:") ? url : "jdbc:" + url;
    }

    /** The driver of the databases Renkou knows by URL, or null. */
    static String driverFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:derby:") && !jdbcUrl.startsWith("jdbc:derby://")) {
            return DERBY_EMBEDDED;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return null;
    }

    /** The kind of database: {@link Dialect#DERBY}, {@link Dialect#POSTGRESQL} or {@link Dialect#OTHER}. */
    public Dialect dialect() {
        return Dialect.ofDriver(driver);
    }

    /** Whether the DataSource published pools its connections itself (HikariCP, for a database server). */
    public boolean pooled() {
        return dialect() == Dialect.POSTGRESQL;
    }

    /** What {@link DataSourceFactory#createDataSource} gets. */
    public Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty(DataSourceFactory.JDBC_URL, url);
        if (user != null) {
            p.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (password != null) {
            p.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        return p;
    }

    /** Properties of the published {@code DataSource} service: what it is, never the password. */
    public Hashtable<String, Object> serviceProperties(String name) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(DataSources.NAME, name);
        p.put(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, driver);
        p.put(DataSources.URL, url);
        p.put(DataSources.LOCATION, location());
        p.put(DataSources.POOL_SIZE, poolSize);
        p.put(DataSources.DIALECT, dialect().id());
        p.put(DataSources.POOLED, pooled());
        return p;
    }

    @Override
    public String toString() {
        return url + " (" + driver + (user == null ? "" : ", user " + user) + ", pool " + poolSize + ")";
    }

    private static String pick(String configured, String property, String fallback) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return property != null && !property.isBlank() ? property.strip() : fallback;
    }

    /** A positive number from framework property {@code name}, or the fallback when it is not set. */
    static int positive(String name, String property, int fallback) {
        if (property == null || property.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(property.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + "=" + property + " is not a positive number");
    }

    private static String readPassword(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the database password file " + file + ": " + e, e);
        }
    }
}
