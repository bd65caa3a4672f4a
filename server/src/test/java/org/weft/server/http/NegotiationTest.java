package org.weft.server.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NegotiationTest {
    @Test
    void browsersWantPagesAndProgramsWantJson() {
        assertTrue(Negotiation.wantsHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), "Firefox");
        assertTrue(Negotiation.wantsHtml("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                + "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"), "Chromium");
        assertFalse(Negotiation.wantsHtml("application/activity+json, application/ld+json"), "Mastodon");
        assertFalse(Negotiation.wantsHtml("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
        assertFalse(Negotiation.wantsHtml("application/json"));
        assertFalse(Negotiation.wantsHtml("*/*"), "curl");
        assertFalse(Negotiation.wantsHtml(""), "no header");
        assertFalse(Negotiation.wantsHtml("application/json, text/html;q=0.5"), "JSON ranked first");
        assertFalse(Negotiation.wantsHtml("text/html;q=0"), "refused explicitly");
        assertTrue(Negotiation.wantsHtml("application/json;q=0.5, text/html"));
    }
}
