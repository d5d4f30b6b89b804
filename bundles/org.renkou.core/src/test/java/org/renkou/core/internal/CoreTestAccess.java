package org.renkou.core.internal;

import org.renkou.core.internal.audit.AuditServiceImpl;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/** Lets tests in sub-packages use the test database, the resident and audit services (package-private here). */
public final class CoreTestAccess implements AutoCloseable {
    private final TestDatabase db = new TestDatabase();
    private final ResidentServiceImpl residents;

    public CoreTestAccess() {
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        residents = ResidentServiceImpl.on(db.database);
    }

    public Database database() {
        return db.database;
    }

    public ResidentServiceImpl residents() {
        return residents;
    }

    public AuditServiceImpl audit() {
        return AuditServiceImpl.on(db.database);
    }

    @Override
    public void close() {
        db.close();
    }
}
