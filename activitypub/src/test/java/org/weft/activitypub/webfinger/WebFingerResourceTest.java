package org.weft.activitypub.webfinger;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebFingerResourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"acct:amina@camp.weft.test", "acct%3Aamina%40camp.weft.test", "acct:amina%40camp.weft.test",
        "amina@camp.weft.test", "@amina@camp.weft.test", "acct:@amina@camp.weft.test", "ACCT:amina@Camp.Weft.Test",
        "  acct:amina@camp.weft.test  "})
    void accountForms(String resource) {
        var acct = assertInstanceOf(WebFingerResource.Acct.class, WebFingerResource.parse(resource));
        assertEquals("amina", acct.user());
        assertEquals("camp.weft.test", acct.host());
        assertEquals("acct:amina@camp.weft.test", acct.uri());
        assertEquals("amina@camp.weft.test", acct.address());
    }

    @Test
    void accountWithPortAndDots() {
        var acct = assertInstanceOf(WebFingerResource.Acct.class, WebFingerResource.parse("acct:block.3_a@localhost:8080"));
        assertEquals("block.3_a", acct.user());
        assertEquals("localhost:8080", acct.host());
    }

    @Test
    void actorAndProfileUrls() {
        var actor = assertInstanceOf(WebFingerResource.Url.class,
                WebFingerResource.parse("https://camp.weft.test/users/amina"));
        assertEquals(URI.create("https://camp.weft.test/users/amina"), actor.uri());
        assertFalse(actor.isOrigin());
        assertEquals("camp.weft.test", actor.host());
        var profile = assertInstanceOf(WebFingerResource.Url.class, WebFingerResource.parse("https://camp.weft.test/@amina"));
        assertEquals("/@amina", profile.uri().getPath());
        var encoded = assertInstanceOf(WebFingerResource.Url.class,
                WebFingerResource.parse("https%3A%2F%2Fcamp.weft.test%2Fusers%2Famina"));
        assertEquals(URI.create("https://camp.weft.test/users/amina"), encoded.uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://camp.weft.test/", "https://camp.weft.test", "https://CAMP.weft.test:8443/"})
    void bareOriginAsksForTheInstanceActor(String resource) {
        var url = assertInstanceOf(WebFingerResource.Url.class, WebFingerResource.parse(resource));
        assertTrue(url.isOrigin());
        assertTrue(url.host().startsWith("camp.weft.test"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void missingResource(String resource) {
        var e = assertThrows(IllegalArgumentException.class, () -> WebFingerResource.parse(resource));
        assertEquals("resource is missing", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"amina", "acct:amina", "acct:@camp.weft.test", "acct:amina@", "a@b@c.example",
        "mailto:amina@camp.weft.test", "acct:am ina@camp.weft.test", "acct:amina@camp weft", "acct:amina@-bad.example",
        "ftp://camp.weft.test/x", "https://", "https://user:pw@camp.weft.test/", "acct:amina%4@camp.weft.test",
        "acct:<script>@camp.weft.test"})
    void garbageIsRefusedWithAClearMessage(String resource) {
        var e = assertThrows(IllegalArgumentException.class, () -> WebFingerResource.parse(resource));
        assertTrue(e.getMessage().contains("resource"), e.getMessage());
    }

    @Test
    void overlongResourceIsRefused() {
        String huge = "acct:" + "a".repeat(WebFingerResource.MAX_LENGTH) + "@camp.weft.test";
        assertThrows(IllegalArgumentException.class, () -> WebFingerResource.parse(huge));
    }
}
