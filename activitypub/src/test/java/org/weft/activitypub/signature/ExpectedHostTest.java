package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectedHostTest {

    private static final ExpectedHost HTTPS = ExpectedHost.of(URI.create("https://camp.weft.test"));
    private static final ExpectedHost WITH_PORT = ExpectedHost.of(URI.create("http://localhost:8080"));

    @ParameterizedTest
    @ValueSource(strings = {"camp.weft.test", "CAMP.weft.test", "camp.weft.test:443", " camp.weft.test "})
    void namesOfThisServer(String host) {
        assertTrue(HTTPS.matches(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mastodon.example", "camp.weft.test:80", "camp.weft.test:8443", "camp.weft.test.",
        "camp.weft.test:", "camp.weft.test:443x", "camp.weft.test, camp.weft.test", "rosa@camp.weft.test",
        "evil.camp.weft.test", "camp.weft.test:44300000"})
    void namesOfOtherServersOrGarbage(String host) {
        assertFalse(HTTPS.matches(host), host);
    }

    @Test
    void aNonDefaultPortMustBeNamed() {
        assertTrue(WITH_PORT.matches("localhost:8080"));
        assertFalse(WITH_PORT.matches("localhost"), "port 80 is another server");
        assertFalse(WITH_PORT.matches("localhost:8081"));
        assertFalse(WITH_PORT.matches(null));
        assertEquals("localhost:8080", WITH_PORT.toString());
        assertEquals("camp.weft.test", HTTPS.toString());
    }

    @Test
    void ipv6Literals() {
        ExpectedHost loopback = ExpectedHost.of(URI.create("http://[::1]:8080"));
        assertTrue(loopback.matches("[::1]:8080"));
        assertFalse(loopback.matches("[::1]"));
        assertFalse(loopback.matches("::1:8080"));
        assertFalse(loopback.matches("[::1]x8080"));
    }

    @Test
    void onlyHttpBaseUrls() {
        assertThrows(IllegalArgumentException.class, () -> ExpectedHost.of(URI.create("gopher://camp.weft.test")));
        assertThrows(IllegalArgumentException.class, () -> ExpectedHost.of(URI.create("file:///etc/passwd")));
    }
}
