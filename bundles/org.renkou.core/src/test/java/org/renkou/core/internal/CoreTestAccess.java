package org.renkou.core.internal;

/** Lets tests in sub-packages use the test database, the resident and audit services (package-private here). */
public final class CoreTestAccess implements AutoCloseable {
    private final TestDatabase db = new TestDatabase();
    private final ResidentServiceImpl residents;

    public CoreTestAccess() {
        SampleData.loadIfEmpty(new JurisdictionServiceImpl(db.database));
        residents = new ResidentServiceImpl(db.database);
    }

    public Database database() {
        return db.database;
    }

    public ResidentServiceImpl residents() {
        return residents;
    }

    public AuditServiceImpl audit() {
        return new AuditServiceImpl(db.database);
    }

    @Override
    public void close() {
        db.close();
    }
}
