package org.weft.server.persistence;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.weft.server.config.DatabaseSettings;

/**
 * Weft's migrations run by Flyway. Only this class names Flyway's own, so a start on a schema that is already current
 * (see {@link SchemaHistory}) loads none of Flyway's 400 classes, whose metadata would stay for the life of the process.
 */
final class FlywayMigrations {
    /** Set before the first of Flyway's classes loads; for the launcher's start-up cache (see {@link Database#flywayLoaded}). */
    private static final AtomicBoolean LOADED = new AtomicBoolean();

    private FlywayMigrations() {
    }

    static void migrate(DataSource dataSource) {
        configured().dataSource(dataSource).load().migrate();
    }

    static boolean loaded() {
        return LOADED.get();
    }

    /** Weft's migrations, SQL and Java (list a new Java one's version in {@link PackagedMigrations#JAVA_VERSIONS}). */
    static FluentConfiguration configured() {
        LOADED.set(true);
        return Flyway.configure()
                .locations("classpath:" + PackagedMigrations.FOLDER)
                .javaMigrations(new InboundBodiesOutOfRow(), new AgreementIdsFromKeptOffers(),
                        new ProposalTermsKeyedByProposal(), new OutboundObjectUris(), new ControlCharactersStripped());
    }

    /** As {@link Database#migrationsUpTo}. */
    static FluentConfiguration upTo(String version, DatabaseSettings settings, Path dataDir) {
        return configured().dataSource(settings.jdbcUrl(dataDir), settings.userOrDefault(), settings.passwordOrDefault())
                .target(version);
    }
}
