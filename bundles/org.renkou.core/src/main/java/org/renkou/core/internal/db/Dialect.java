package org.renkou.core.internal.db;

/**
 * The SQL dialects Renkou's migrations and few native queries are written for (数据库类型). Each names its
 * migration sub-folder ({@code db/<component>/<id>/}) and EclipseLink's target database.
 */
public enum Dialect {
    DERBY("derby", "Derby"),
    POSTGRESQL("postgresql", "PostgreSQL"),
    /** A database Renkou has no scripts of its own for: only the common scripts run, EclipseLink guesses. */
    OTHER("other", null);

    private final String id;
    private final String eclipseLinkTarget;

    Dialect(String id, String eclipseLinkTarget) {
        this.id = id;
        this.eclipseLinkTarget = eclipseLinkTarget;
    }

    /** Lower-case name: the migration sub-folder and the {@code renkou.db.dialect} service property. */
    public String id() {
        return id;
    }

    /** {@code eclipselink.target-database}, or null to let EclipseLink detect it. */
    public String eclipseLinkTarget() {
        return eclipseLinkTarget;
    }

    public static Dialect ofDriver(String driverClass) {
        if (DatabaseSettings.DERBY_EMBEDDED.equals(driverClass) || "org.apache.derby.jdbc.ClientDriver".equals(driverClass)) {
            return DERBY;
        }
        return DatabaseSettings.POSTGRESQL.equals(driverClass) ? POSTGRESQL : OTHER;
    }

    /** From the {@code renkou.db.dialect} service property or a stored id; unknown: {@link #OTHER}. */
    public static Dialect of(Object id) {
        for (Dialect d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return OTHER;
    }
}
