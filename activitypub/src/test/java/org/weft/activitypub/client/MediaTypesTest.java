package org.weft.activitypub.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/activity+json", "application/activity+json; charset=utf-8", "Application/Activity+JSON",
        "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
        "application/ld+json; charset=utf-8; profile=\"https://w3id.org/security/v1 https://www.w3.org/ns/activitystreams\""})
    void acceptsActivityPubTypes(String contentType) {
        assertTrue(MediaTypes.isActivityPub(contentType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/ld+json", "text/html; charset=utf-8",
        "application/ld+json; profile=\"https://example.com/other\"", "application/octet-stream", ""})
    void refusesOtherTypes(String contentType) {
        assertFalse(MediaTypes.isActivityPub(contentType));
    }
}
