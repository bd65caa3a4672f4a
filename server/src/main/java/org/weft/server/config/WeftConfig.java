package org.weft.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import org.weft.server.model.DomainNames;

/**
 * Everything an operator can set, resolved once at start: environment variable, else the operator's
 * YAML file ({@code WEFT_CONFIG}), else the defaults in {@code application.yaml}.
 *
 * <p>The mapping from environment variables to keys is spelled out here rather than left to a naming
 * convention, so that docs/configuration.md and this class can be checked against each other.
 */
public record WeftConfig(
        String host,
        int port,
        URI baseUrl,
        Path dataDir,
        boolean demo,
        DatabaseSettings database,
        boolean allowPrivateAddresses,
        int deliveryWorkers,
        int deliveryPerHost,
        int inboxMaxBytes,
        String signup,
        List<String> linkAllow,
        List<String> trustedProxies,
        InboxLimits inboxLimits,
        RetentionSettings retention,
        int moderationPostsPerHour,
        boolean moderationLogNames,
        int overviewThreshold) {

    public WeftConfig {
        linkAllow = linkAllow == null ? List.of() : List.copyOf(linkAllow);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        TrustedProxies.parse(trustedProxies); // refuses an entry that is not an address or a range, at start
        baseUrl = normaliseOrigin(baseUrl);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("weft.port must be 0-65535, got " + port);
        }
        if (deliveryWorkers < 1 || deliveryPerHost < 1) {
            throw new IllegalArgumentException("weft.delivery.workers and per-host must be at least 1");
        }
        // The start migrates and reads the mapping side by side, each on a connection of its own: with one
        // connection the start waits out the pool's timeout (30 s) and fails.
        if (database.poolSize() < 2) {
            throw new IllegalArgumentException("weft.db.pool-size must be at least 2, got " + database.poolSize());
        }
        if (!Set.of("open", "invite", "closed").contains(signup)) {
            throw new IllegalArgumentException("weft.signup must be open, invite or closed, got " + signup);
        }
        if (inboxMaxBytes < 1) {
            throw new IllegalArgumentException("weft.inbox.max-bytes must be at least 1, got " + inboxMaxBytes);
        }
        inboxLimits.requireRoomFor(inboxMaxBytes);
        if (moderationPostsPerHour < 0) {
            throw new IllegalArgumentException("weft.moderation.posts-per-hour must be 0 (no limit) or more, got "
                    + moderationPostsPerHour);
        }
        if (overviewThreshold < 1) {
            throw new IllegalArgumentException("weft.overview.threshold must be at least 1, got " + overviewThreshold);
        }
    }

    /** Reads the real process environment and the file it names, if any. */
    public static WeftConfig load() {
        return load(System.getenv());
    }

    public static WeftConfig load(Map<String, String> env) {
        var builder = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource();
        String file = env.get("WEFT_CONFIG");
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file.strip());
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException("WEFT_CONFIG names " + path + ", which is not a readable file");
            }
            builder.addSource(ConfigSources.file(path).build());
        }
        builder.addSource(ConfigSources.classpath("application.yaml").build());
        Config yaml;
        try {
            yaml = builder.build().get("weft");
        } catch (ConfigException e) {
            throw new IllegalArgumentException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
        Function<String, Optional<String>> fromEnv = name -> Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());

        Settings s = new Settings(yaml, fromEnv);
        int port = s.integer("WEFT_PORT", "port");
        return new WeftConfig(
                s.string("WEFT_HOST", "host"),
                port,
                baseUrl(s, port),
                Path.of(s.string("WEFT_DATA_DIR", "data-dir")),
                s.bool("WEFT_DEMO", "demo"),
                new DatabaseSettings(
                        s.string("WEFT_DB_URL", "db.url"),
                        s.string("WEFT_DB_USER", "db.user"),
                        s.string("WEFT_DB_PASSWORD", "db.password"),
                        s.integer("WEFT_DB_POOL_SIZE", "db.pool-size")),
                s.bool("WEFT_FEDERATION_ALLOW_PRIVATE", "federation.allow-private"),
                s.integer("WEFT_DELIVERY_WORKERS", "delivery.workers"),
                s.integer("WEFT_DELIVERY_PER_HOST", "delivery.per-host"),
                s.integer("WEFT_INBOX_MAX_BYTES", "inbox.max-bytes"),
                s.string("WEFT_SIGNUP", "signup"),
                domains(s.string("WEFT_FEDERATION_LINK_ALLOW", "federation.link-allow")),
                list(s.string("WEFT_TRUSTED_PROXIES", "trusted-proxies")),
                new InboxLimits(
                        s.integer("WEFT_INBOX_ACTOR_ACTIVITIES_PER_HOUR", "inbox.actor-activities-per-hour"),
                        s.integer("WEFT_INBOX_ACTOR_BYTES_PER_HOUR", "inbox.actor-bytes-per-hour"),
                        s.integer("WEFT_INBOX_HOST_ACTIVITIES_PER_HOUR", "inbox.host-activities-per-hour"),
                        s.integer("WEFT_INBOX_HOST_BYTES_PER_HOUR", "inbox.host-bytes-per-hour"),
                        s.integer("WEFT_INBOX_HOST_RATE", "inbox.host-rate"),
                        s.integer("WEFT_INBOX_HOST_BURST", "inbox.host-burst")),
                new RetentionSettings(
                        s.integer("WEFT_RETENTION_EVERY_MINUTES", "retention.every-minutes"),
                        s.integer("WEFT_RETENTION_INBOUND_HOURS", "retention.inbound-hours"),
                        s.integer("WEFT_RETENTION_INBOUND_IDS_HOURS", "retention.inbound-ids-hours"),
                        s.integer("WEFT_RETENTION_FAILED_DAYS", "retention.failed-days"),
                        s.integer("WEFT_RETENTION_FAILED_MAX", "retention.failed-max"),
                        s.integer("WEFT_RETENTION_DELIVERED_DAYS", "retention.delivered-days"),
                        s.integer("WEFT_RETENTION_GIVEN_UP_DAYS", "retention.given-up-days"),
                        s.integer("WEFT_RETENTION_SENT_DAYS", "retention.sent-days"),
                        s.integer("WEFT_RETENTION_OUTBOX_DAYS", "retention.outbox-days"),
                        s.integer("WEFT_RETENTION_READ_NOTIFICATION_DAYS", "retention.read-notification-days"),
                        s.integer("WEFT_RETENTION_DELETED_PROPOSAL_DAYS", "retention.deleted-proposal-days"),
                        s.integer("WEFT_RETENTION_WITHDRAWN_MATCH_DAYS", "retention.withdrawn-match-days"),
                        s.integer("WEFT_RETENTION_CLOSED_COPY_DAYS", "retention.closed-copy-days")),
                s.integer("WEFT_MODERATION_POSTS_PER_HOUR", "moderation.posts-per-hour"),
                s.bool("WEFT_MODERATION_LOG_NAMES", "moderation.log-names"),
                s.integer("WEFT_OVERVIEW_THRESHOLD", "overview.threshold"));
    }

    /**
     * The configured origin; left empty, this machine at the listen port, so that trying Weft on another port (or
     * two instances side by side) does not build ids and links that point at port 8080.
     */
    private static URI baseUrl(Settings s, int port) {
        if (s.string("WEFT_BASE_URL", "base-url").isBlank()) {
            return URI.create("http://localhost:" + port);
        }
        return s.uri("WEFT_BASE_URL", "base-url");
    }

    /** The host name (with a non-default port) that appears in handles: {@code user@host}. */
    public String domain() {
        return DomainNames.hostAndPort(baseUrl);
    }

    /** Copy with another base URL and port; used by tests that learn their port after binding. */
    public WeftConfig withOrigin(URI newBaseUrl, int newPort) {
        return new WeftConfig(host, newPort, newBaseUrl, dataDir, demo, database, allowPrivateAddresses,
                deliveryWorkers, deliveryPerHost, inboxMaxBytes, signup, linkAllow, trustedProxies, inboxLimits, retention,
                moderationPostsPerHour, moderationLogNames, overviewThreshold);
    }

    public WeftConfig withDatabase(DatabaseSettings newDatabase) {
        return new WeftConfig(host, port, baseUrl, dataDir, demo, newDatabase, allowPrivateAddresses,
                deliveryWorkers, deliveryPerHost, inboxMaxBytes, signup, linkAllow, trustedProxies, inboxLimits, retention,
                moderationPostsPerHour, moderationLogNames, overviewThreshold);
    }

    /** A comma- or space-separated list of domains, lower-cased; empty means no restriction. */
    private static List<String> domains(String value) {
        return list(value).stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** A comma- or space-separated list, without empty entries. */
    private static List<String> list(String value) {
        return Arrays.stream(value.split("[,\\s]+")).map(String::strip).filter(d -> !d.isEmpty()).toList();
    }

    private static URI normaliseOrigin(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("weft.base-url must be an absolute http(s) origin, got " + uri);
        }
        String scheme = uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("weft.base-url must use http or https, got " + uri);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("weft.base-url must be an origin without a path, got " + uri
                    + " (serve Weft at the root of its own host name)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("weft.base-url must be a bare origin (no query, fragment or user), got " + uri);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return URI.create(scheme + "://" + uri.getHost().toLowerCase() + (defaultPort ? "" : ":" + port));
    }

    /** Looks a setting up in the environment first, then in the YAML tree. */
    private record Settings(Config yaml, Function<String, Optional<String>> env) {
        String string(String envName, String key) {
            return env.apply(envName).orElseGet(() -> yaml.get(key).asString().orElse(""));
        }

        URI uri(String envName, String key) {
            String value = string(envName, key).strip();
            try {
                return new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(envName + " / weft." + key + " is not a URL: '" + value + "'", e);
            }
        }

        int integer(String envName, String key) {
            String value = string(envName, key);
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(envName + " / weft." + key + " must be a whole number, got '" + value + "'");
            }
        }

        boolean bool(String envName, String key) {
            String value = string(envName, key).trim().toLowerCase();
            return switch (value) {
                case "true", "yes", "1", "on" -> true;
                case "false", "no", "0", "off", "" -> false;
                default -> throw new IllegalArgumentException(
                        envName + " / weft." + key + " must be true or false, got '" + value + "'");
            };
        }
    }
}
