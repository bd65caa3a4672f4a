package org.weft.server.testing;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.persistence.Database;

/**
 * A migrated, empty database of its own for each test, opened before it and dropped after it: H2 in a temporary
 * directory, or a fresh database on the MariaDB of {@code WEFT_TEST_DB_URL} (see {@link TestDatabases}). Register it
 * with {@code @RegisterExtension final FreshDatabase fresh = new FreshDatabase();} and use {@link #db()}.
 */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {
    private Path dir;
    private DatabaseSettings settings;
    private Database db;

    @Override
    public void beforeEach(ExtensionContext context) {
        dir = TestDatabases.tempDir();
        settings = TestDatabases.migrated(dir);
        db = Database.open(settings, dir);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            if (settings != null) {
                TestDatabases.drop(settings);
            }
        }
    }

    /**
     * Closes the database and opens it again on the same data, as a restart does; with {@code validate} Hibernate also
     * checks every mapped column against the schema. Later calls to {@link #db()} answer the new handle.
     */
    public Database reopen(boolean validate) {
        db.close();
        db = Database.open(settings, dir, validate);
        return db;
    }

    public Database db() {
        return db;
    }

    /** The data directory the database was opened with (an embedded database keeps its file there). */
    public Path dir() {
        return dir;
    }

    public DatabaseSettings settings() {
        return settings;
    }
}
