package org.weft.activitypub.vocab;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaTypesTest {

    @Test
    void activityJsonAndLdJsonWantJson() {
        assertTrue(MediaTypes.wantsActivityJson("application/activity+json"));
        assertTrue(MediaTypes.wantsActivityJson(Vocab.LD_JSON_AS));
        assertTrue(MediaTypes.wantsActivityJson("application/ld+json"));
        assertTrue(MediaTypes.wantsActivityJson("Application/LD+JSON ; profile=\"https://www.w3.org/ns/activitystreams\""));
        // Mastodon's fetch header.
        assertTrue(MediaTypes.wantsActivityJson(
                "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
        assertTrue(MediaTypes.wantsActivityJson("application/activity+json, text/html;q=0.5"));
    }

    @Test
    void browsersAndWildcardsGetHtml() {
        assertFalse(MediaTypes.wantsActivityJson("text/html"));
        assertFalse(MediaTypes.wantsActivityJson("*/*"));
        assertFalse(MediaTypes.wantsActivityJson(
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"));
        assertFalse(MediaTypes.wantsActivityJson("application/json"));
        assertFalse(MediaTypes.wantsActivityJson(null));
        assertFalse(MediaTypes.wantsActivityJson(""));
    }

    @Test
    void htmlRankedAboveJsonGetsHtml() {
        assertFalse(MediaTypes.wantsActivityJson("text/html, application/activity+json;q=0.1"));
        assertFalse(MediaTypes.wantsActivityJson("application/activity+json;q=0"));
    }

    @Test
    void contentTypesOfActivityDocuments() {
        assertTrue(MediaTypes.isActivityJson("application/activity+json; charset=utf-8"));
        assertTrue(MediaTypes.isActivityJson(Vocab.LD_JSON_AS));
        assertFalse(MediaTypes.isActivityJson("application/json"));
        assertFalse(MediaTypes.isActivityJson(null));
    }

    @Test
    void publicInEverySpelling() {
        assertTrue(Vocab.isPublic("Public"));
        assertTrue(Vocab.isPublic("as:Public"));
        assertTrue(Vocab.isPublic("https://www.w3.org/ns/activitystreams#Public"));
        assertFalse(Vocab.isPublic("https://camp.weft.test/users/amina/followers"));
    }
}
