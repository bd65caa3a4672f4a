package org.weft.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one decision on what a request wants back, for the Accept headers that servers, browsers and scripts send. */
class WantsTest {
    private static final String MASTODON = "application/activity+json, application/ld+json";
    private static final String LD_PROFILE = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void serversAskingForActivityStreamsGetActivityJson() {
        assertEquals(Wants.ACTIVITY_JSON, Wants.of("/users/amina", MASTODON));
        assertEquals(Wants.ACTIVITY_JSON, Wants.of("/proposals/7f3c9a", LD_PROFILE));
        assertEquals(Wants.ACTIVITY_JSON, Wants.of("/groups/block3", "application/activity+json"));
        assertEquals(Wants.ACTIVITY_JSON, Wants.of("/groups/block3", "text/html;q=0.5, application/activity+json"));
    }

    @Test
    void browsersScriptsAndWildcardsGetThePage() {
        assertEquals(Wants.HTML, Wants.of("/users/amina", FIREFOX));
        assertEquals(Wants.HTML, Wants.of("/users/amina", "*/*"), "curl's default");
        assertEquals(Wants.HTML, Wants.of("/users/amina", null), "no Accept at all");
        assertEquals(Wants.HTML, Wants.of("/users/amina", ""));
        assertEquals(Wants.HTML, Wants.of("/users/amina", "application/json"), "plain JSON is not ActivityStreams");
        assertEquals(Wants.HTML, Wants.of("/users/amina", "text/html, application/activity+json;q=0.9"),
                "ranked below the page");
    }

    @Test
    void theApiAnswersItsOwnJsonWhateverTheAcceptSays() {
        assertEquals(Wants.API_JSON, Wants.of("/api/v1/proposals", FIREFOX));
        assertEquals(Wants.API_JSON, Wants.of("/api/v1/me", MASTODON));
        assertEquals(Wants.API_JSON, Wants.of("/api/v2/anything", null));
        assertEquals(Wants.HTML, Wants.of("/apiary", FIREFOX), "only the /api/ folder is the API");
    }
}
