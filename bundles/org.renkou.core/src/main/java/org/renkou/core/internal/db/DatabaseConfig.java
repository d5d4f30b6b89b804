package org.renkou.core.internal.db;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The database every persistence unit of Renkou uses (数据库), Config Admin PID {@value #PID}. Each value left empty
 * falls back to the framework property {@code renkou.db.<name>} (the launcher sets those from {@code RENKOU_DB},
 * {@code RENKOU_DB_USER}, {@code RENKOU_DB_PASSWORD_FILE}), and then to the embedded Derby database
 * {@code renkou} under {@code derby.system.home} ({@code RENKOU_HOME/data}): no configuration needed.
 */
@ObjectClassDefinition(name = "Renkou database",
        description = "The JDBC database of all Renkou persistence units. Empty values: framework property "
                + "renkou.db.<name>, else the embedded Derby database under RENKOU_HOME/data.")
public @interface DatabaseConfig {
    String PID = "org.renkou.db";

    @AttributeDefinition(description = "JDBC URL (jdbc:derby:/srv/renkou/db;create=true, "
            + "jdbc:postgresql://host:5432/renkou) or the same without jdbc: (postgresql://host:5432/renkou). "
            + "Empty: renkou.db.url, else jdbc:derby:renkou;create=true.")
    String url() default "";

    @AttributeDefinition(description = "Driver class whose OSGi DataSourceFactory opens the URL. "
            + "Empty: derived from the URL (Derby, PostgreSQL).")
    String driver() default "";

    @AttributeDefinition(description = "Database user. Empty: renkou.db.user, else none.")
    String user() default "";

    @AttributeDefinition(name = "password.file", description = "File whose first line is the database password "
            + "(kept out of configuration). Empty: renkou.db.password.file, else no password.")
    String password_file() default "";

    @AttributeDefinition(name = "pool.size", description = "Connections each unit reads on (EclipseLink read pool; "
            + "0: renkou.db.pool.size, else 4). Derby latches index pages even to read: more than the cores "
            + "mostly wait on each other.")
    int pool_size() default 0;

    @AttributeDefinition(name = "replica.url", description = "JDBC URL of a hot standby of the PostgreSQL database "
            + "(postgresql://standby:5432/renkou; same user and password) for the heavy report reads: the statistics "
            + "snapshot's counting. Empty: renkou.db.replica.url, else none (every read on the primary).")
    String replica_url() default "";

    @AttributeDefinition(name = "replica.max.lag.seconds", description = "A standby further behind than this "
            + "(pg_last_xact_replay_timestamp) is not used; the read runs on the primary. "
            + "0: renkou.db.replica.max.lag.seconds, else 30.")
    int replica_max_lag_seconds() default 0;
}
