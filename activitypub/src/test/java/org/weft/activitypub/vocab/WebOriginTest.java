package org.weft.activitypub.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** "On the same server": scheme, host and port, compared the way browsers and Weft's checks compare origins. */
class WebOriginTest {

    @Test
    void theSameServerWhateverThePathCaseOrDefaultPort() {
        assertTrue(WebOrigin.same("https://camp.example/users/amina", "https://camp.example/activities/1"));
        assertTrue(WebOrigin.same("HTTPS://Camp.Example/users/amina", "https://camp.example/x"));
        assertTrue(WebOrigin.same("https://camp.example:443/a", "https://camp.example/b"));
        assertTrue(WebOrigin.same("http://localhost:8080/a", "http://localhost:8080/b#main-key"));
        assertEquals(Optional.of("https://camp.example"), WebOrigin.of("https://Camp.Example:443/users/amina?x=1"));
        assertEquals(Optional.of("http://localhost:8080"), WebOrigin.of("http://localhost:8080/"));
    }

    @Test
    void anotherSchemeHostOrPortIsAnotherServer() {
        assertFalse(WebOrigin.same("https://camp.example/a", "http://camp.example/a"));
        assertFalse(WebOrigin.same("https://camp.example/a", "https://evil.example/a"));
        assertFalse(WebOrigin.same("https://camp.example/a", "https://camp.example.evil.example/a"));
        assertFalse(WebOrigin.same("http://localhost:8080/a", "http://localhost:8081/a"));
        assertFalse(WebOrigin.same("https://camp.example/a", "https://camp.example:8443/a"));
    }

    @Test
    void aUrlWithoutAnOriginIsOnNoServer() {
        assertFalse(WebOrigin.same(null, null));
        assertFalse(WebOrigin.same("not a url", "not a url"));
        assertFalse(WebOrigin.same("/users/amina", "/users/amina"), "relative");
        assertFalse(WebOrigin.same("https://amina@camp.example/a", "https://camp.example/a"), "user info");
        assertFalse(WebOrigin.same("urn:uuid:1", "urn:uuid:1"), "no host");
        assertEquals(Optional.empty(), WebOrigin.of("https:///no-host"));
    }
}
