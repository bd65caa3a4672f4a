package org.weft.server.admin;

import java.time.Clock;

import org.weft.server.config.WeftConfig;
import org.weft.server.domain.LocalUrls;
import org.weft.server.persistence.Database;

/**
 * What an operator command needs: the configuration and the database (migrated), without starting
 * the web server. Commands run against the same database a running server uses.
 */
record OperatorContext(WeftConfig config, Database db, LocalUrls urls, Clock clock) implements AutoCloseable {
    static OperatorContext open() {
        WeftConfig config = WeftConfig.load();
        Database db = Database.open(config.database(), config.dataDir());
        return new OperatorContext(config, db, new LocalUrls(config.baseUrl()), Clock.systemUTC());
    }

    @Override
    public void close() {
        db.close();
    }
}
