package org.weft.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each setting comes from (environment, then the operator's file, then the defaults) and how bad ones fail. */
class WeftConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsComeFromApplicationYaml() {
        WeftConfig config = WeftConfig.load(Map.of());
        assertEquals("0.0.0.0", config.host());
        assertEquals(8080, config.port());
        assertEquals(URI.create("http://localhost:8080"), config.baseUrl(), "this machine at the listen port");
        assertEquals(Path.of("./data"), config.dataDir());
        assertFalse(config.demo());
        assertTrue(config.database().isEmbedded());
        assertEquals(10, config.database().poolSize());
        assertFalse(config.allowPrivateAddresses());
        assertEquals(128, config.deliveryWorkers());
        assertEquals(2, config.deliveryPerHost());
        assertEquals(1_048_576, config.inboxMaxBytes());
        assertEquals(List.of(), config.trustedProxies());
    }

    @Test
    void trustedProxiesAreAddressesAndRanges() throws IOException {
        assertEquals(List.of("127.0.0.1", "::1", "10.0.0.0/8"),
                WeftConfig.load(Map.of("WEFT_TRUSTED_PROXIES", " 127.0.0.1,::1  10.0.0.0/8 ")).trustedProxies());
        // The sample operator file names the proxy on the same machine, and is read as written.
        Path sample = Path.of("..", "deploy", "weft.yaml");
        assertEquals(List.of("127.0.0.1", "::1"),
                WeftConfig.load(Map.of("WEFT_CONFIG", sample.toString())).trustedProxies());
        assertRefused(Map.of("WEFT_TRUSTED_PROXIES", "127.0.0.1, proxy.internal"),
                "WEFT_TRUSTED_PROXIES / weft.trusted-proxies: 'proxy.internal' is not an IP address or a range");
        assertRefused(Map.of("WEFT_TRUSTED_PROXIES", "10.0.0.0/33"), "'10.0.0.0/33' is not an IP address or a range");
    }

    @Test
    void theEnvironmentBeatsTheOperatorFileWhichBeatsTheDefaults() throws IOException {
        Path file = operatorFile("""
                weft:
                  port: 9000
                  base-url: https://from-file.example
                  delivery:
                    workers: 16
                  db:
                    user: file-user
                """);
        WeftConfig config = WeftConfig.load(Map.of("WEFT_CONFIG", file.toString(), "WEFT_PORT", "9100",
                "WEFT_DB_USER", "env-user"));
        assertEquals(9100, config.port(), "environment over file");
        assertEquals("env-user", config.database().user(), "environment over file");
        assertEquals(URI.create("https://from-file.example"), config.baseUrl(), "file over default");
        assertEquals(16, config.deliveryWorkers(), "file over default");
        assertEquals(2, config.deliveryPerHost(), "default where neither says anything");
        assertEquals("0.0.0.0", config.host());
    }

    @Test
    void aBlankEnvironmentVariableCountsAsUnset() throws IOException {
        Path file = operatorFile("weft:\n  port: 9000\n");
        assertEquals(9000, WeftConfig.load(Map.of("WEFT_CONFIG", file.toString(), "WEFT_PORT", " ")).port());
    }

    @Test
    void withoutABaseUrlIdsPointAtTheListenPortOfThisMachine() throws IOException {
        assertEquals(URI.create("http://localhost:9000"), WeftConfig.load(Map.of("WEFT_PORT", "9000")).baseUrl());
        assertEquals("localhost:9000", WeftConfig.load(Map.of("WEFT_PORT", "9000")).domain(), "handles too");
        Path file = operatorFile("weft:\n  port: 9001\n");
        assertEquals(URI.create("http://localhost:9001"), WeftConfig.load(Map.of("WEFT_CONFIG", file.toString())).baseUrl(),
                "the port from the operator file");
        assertEquals(URI.create("https://weft.example.org"),
                WeftConfig.load(Map.of("WEFT_PORT", "9000", "WEFT_BASE_URL", "https://weft.example.org")).baseUrl(),
                "a base URL that is set wins: behind a proxy the listen port is not the public one");
    }

    @Test
    void theBaseUrlIsNormalisedToAnOrigin() {
        Map<String, String> expected = Map.of(
                "https://weft.example.org/", "https://weft.example.org",
                "https://Weft.Example.ORG", "https://weft.example.org",
                "HTTPS://weft.example.org:443", "https://weft.example.org",
                "http://weft.example.org:80/", "http://weft.example.org",
                "http://localhost:8080/", "http://localhost:8080",
                "https://weft.example.org:8443", "https://weft.example.org:8443",
                " https://weft.example.org ", "https://weft.example.org");
        expected.forEach((given, origin) -> {
            WeftConfig config = WeftConfig.load(Map.of("WEFT_BASE_URL", given));
            assertEquals(URI.create(origin), config.baseUrl(), given);
        });
        assertEquals("weft.example.org:8443", WeftConfig.load(Map.of("WEFT_BASE_URL", "https://weft.example.org:8443")).domain());
        assertEquals("weft.example.org", WeftConfig.load(Map.of("WEFT_BASE_URL", "https://weft.example.org:443/")).domain());
    }

    @Test
    void badValuesFailWithAMessageNamingTheSetting() throws IOException {
        assertRefused(Map.of("WEFT_PORT", "eighty"), "WEFT_PORT / weft.port must be a whole number, got 'eighty'");
        assertRefused(Map.of("WEFT_PORT", "70000"), "weft.port must be 0-65535");
        assertRefused(Map.of("WEFT_DELIVERY_WORKERS", "0"), "at least 1");
        assertRefused(Map.of("WEFT_DB_POOL_SIZE", "1"), "weft.db.pool-size must be at least 2");
        assertRefused(Map.of("WEFT_INBOX_MAX_BYTES", "-1"), "weft.inbox.max-bytes must be at least 1");
        assertRefused(Map.of("WEFT_INBOX_MAX_BYTES", "1MB"),
                "WEFT_INBOX_MAX_BYTES / weft.inbox.max-bytes must be a whole number");
        assertRefused(Map.of("WEFT_BASE_URL", "https://example.org/weft"), "must be an origin without a path");
        assertRefused(Map.of("WEFT_BASE_URL", "https://example.org/?x=1"), "no query, fragment or user");
        assertRefused(Map.of("WEFT_BASE_URL", "https://admin@example.org"), "no query, fragment or user");
        assertRefused(Map.of("WEFT_BASE_URL", "ftp://example.org"), "must use http or https");
        assertRefused(Map.of("WEFT_BASE_URL", "weft.example.org"), "must be an absolute http(s) origin");
        assertRefused(Map.of("WEFT_BASE_URL", "https://exa mple.org"), "WEFT_BASE_URL / weft.base-url is not a URL");
        assertRefused(Map.of("WEFT_DEMO", "maybe"), "WEFT_DEMO / weft.demo must be true or false, got 'maybe'");
        assertRefused(Map.of("WEFT_FEDERATION_ALLOW_PRIVATE", "ja"), "WEFT_FEDERATION_ALLOW_PRIVATE");
        assertRefused(Map.of("WEFT_CONFIG", dir.resolve("missing.yaml").toString()), "which is not a readable file");
        Path broken = operatorFile("weft:\n  port: [not, a, port\n");
        assertRefused(Map.of("WEFT_CONFIG", broken.toString()), "Cannot read the configuration file");
        Path wrongType = operatorFile("weft:\n  port: eighty\n");
        assertRefused(Map.of("WEFT_CONFIG", wrongType.toString()), "weft.port must be a whole number");
    }

    @Test
    void booleansAcceptTheUsualSpellings() {
        for (String yes : new String[] {"true", "TRUE", "yes", "1", "on"}) {
            assertTrue(WeftConfig.load(Map.of("WEFT_DEMO", yes)).demo(), yes);
        }
        for (String no : new String[] {"false", "No", "0", "off"}) {
            assertFalse(WeftConfig.load(Map.of("WEFT_DEMO", no)).demo(), no);
        }
    }

    private void assertRefused(Map<String, String> env, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeftConfig.load(new HashMap<>(env)),
                env.toString());
        assertTrue(e.getMessage().contains(message), "'" + e.getMessage() + "' should contain '" + message + "'");
    }

    private Path operatorFile(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "weft", ".yaml"), yaml);
    }
}
