package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/** The HTML a browser gets at an actor's URL and at the front page: content, language, CSP, and escaping. */
class ProfilePageTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String HOSTILE_NAME = "<script>alert('name')</script>Block 3";
    private static final String HOSTILE_SUMMARY = "<img src=x onerror=alert(1)> & <script>alert('summary')</script>";
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("block3", "Block 3 mutual aid", "Offers and requests\n\nbetween neighbours");
        weft.server().localActors().createGroup("evil", HOSTILE_NAME, HOSTILE_SUMMARY);
        weft.server().localActors().createMember("amina", "Amina", "correct horse battery", false);
        weft.server().localActors().createMember("leila", "Leila", "correct horse battery", false);
        weft.server().db().run(s -> ActorRepository.localByUsername(s, "leila").orElseThrow().setDeletedAt(Instant.now()));
        follow("block3", 3);
        follow("amina", 1);
    }

    /** {@code count} accepted followers from another server for the local actor {@code username}. */
    private static void follow(String username, int count) {
        weft.server().db().run(s -> {
            ActorEntity followed = ActorRepository.localByUsername(s, username).orElseThrow();
            Instant now = Instant.now();
            for (int i = 0; i < count; i++) {
                String uri = "https://remote.example/users/" + username + "-fan" + i;
                ActorEntity fan = new ActorEntity(uri, ActorKind.PERSON, false, username + "-fan" + i, "remote.example", now);
                fan.setDisplayName("fan" + i);
                fan.setInbox(uri + "/inbox");
                fan.setKey(uri + "#main-key", "unused");
                s.persist(fan);
                FollowEntity follow = new FollowEntity(fan, followed, uri + "#follow", now);
                follow.accept(now);
                s.persist(follow);
            }
        });
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void aCommunityPageShowsNameHandleCountsAndTheRemoteFollowForm() {
        HttpResponse<String> response = TestHttp.get(weft.base() + "/groups/block3", BROWSER);
        assertEquals(200, response.statusCode(), response.body());
        String html = response.body();
        assertTrue(html.contains("<h1 dir=\"auto\">Block 3 mutual aid</h1>"), html);
        assertTrue(html.contains("<code dir=\"ltr\">@block3@" + weft.domain() + "</code>"), "the handle to copy: " + html);
        assertTrue(html.contains("3 followers"), html);
        assertTrue(html.contains("<p>Offers and requests</p><p>between neighbours</p>"), html);
        assertTrue(html.contains("<form class=\"remote-follow\" method=\"get\" action=\"/authorize_follow\">"), html);
        assertTrue(html.contains("name=\"target\" value=\"" + weft.base() + "/groups/block3\""), html);
        assertFalse(html.contains("<script"), "no JavaScript on Weft's pages");
    }

    @Test
    void pagesDeclareLanguageDirectionAndAStrictPolicy() {
        for (String path : new String[] {"/groups/block3", "/users/amina", "/"}) {
            HttpResponse<String> response = TestHttp.get(weft.base() + path, BROWSER);
            assertEquals(200, response.statusCode(), path);
            assertTrue(response.body().contains("<html lang=\"en\" dir=\"ltr\">"), path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'none'"), path + ": " + csp);
            assertTrue(csp.contains("default-src 'self'"), csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html; charset=utf-8"));
        }
    }

    @Test
    void theCountOfFollowersTakesItsLanguagesPluralForm() {
        PageClient english = new PageClient(weft.base());
        assertTrue(text(english.get("/users/amina").body()).contains("1 follower · follows 0"), "not «1 followers»");
        assertTrue(text(english.get("/groups/block3").body()).contains("3 followers · follows 0"));
        // Arabic: one follower is «متابِع واحد», three take the plural of three to ten.
        PageClient arabic = new PageClient(weft.base()).language("ar");
        assertTrue(text(arabic.get("/users/amina").body()).contains("متابِع واحد · يتابع ٠"),
                text(arabic.get("/users/amina").body()));
        assertTrue(text(arabic.get("/groups/block3").body()).contains("٣ متابِعين · يتابع ٠"),
                text(arabic.get("/groups/block3").body()));
        assertTrue(text(arabic.get("/").body()).contains("٣ متابِعين"), text(arabic.get("/").body()));
    }

    /** A page's words without its isolate marks, which a reader does not see. */
    private static String text(String html) {
        return html.replace("\u2066", "").replace("\u2068", "").replace("\u2069", "");
    }

    @Test
    void aMemberPageHasNoRemoteFollowForm() {
        String html = TestHttp.get(weft.base() + "/users/amina", BROWSER).body();
        assertTrue(html.contains("<code dir=\"ltr\">@amina@" + weft.domain() + "</code>"), html);
        assertFalse(html.contains("remote-follow"), html);
    }

    @Test
    void hostileNamesAndSummariesRenderAsText() {
        for (String path : new String[] {"/groups/evil", "/"}) {
            String html = TestHttp.get(weft.base() + path, BROWSER).body();
            assertFalse(html.contains("<script"), path + ": " + html);
            assertFalse(html.contains("<img"), path + ": " + html);
            assertTrue(html.contains("&lt;script&gt;alert("), path + ": " + html);
        }
        String profile = TestHttp.get(weft.base() + "/groups/evil", BROWSER).body();
        assertTrue(profile.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;"), profile);
        assertTrue(profile.contains("<title>&lt;script&gt;"), "the title is escaped too: " + profile);
    }

    @Test
    void theFrontPageListsTheCommunities() {
        String html = TestHttp.get(weft.base() + "/", BROWSER).body();
        assertTrue(html.contains("<a href=\"" + weft.base() + "/groups/block3\" dir=\"auto\">Block 3 mutual aid</a>"), html);
        assertTrue(html.contains("@block3@" + weft.domain()), html);
        assertFalse(html.contains("@amina@"), "members are not listed: " + html);
    }

    /** A browser at a member or community that is not here gets the site's page, in its language, not a JSON error. */
    @Test
    void aMissingOrDeletedActorIsAPageInTheBrowsersLanguage() {
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            for (String path : new String[] {"/users/nope", "/groups/nope"}) {
                HttpResponse<String> missing = browser(path, language);
                assertEquals(404, missing.statusCode(), path);
                assertPage(missing, language, m.get("error.notFoundTitle"), m.get("error.notFound"));
            }
            HttpResponse<String> deleted = browser("/users/leila", language);
            assertEquals(410, deleted.statusCode());
            assertPage(deleted, language, m.get("gone.title"), m.get("gone.member"));
        }
        String arabic = browser("/users/leila", "ar").body() + browser("/users/nope", "ar").body();
        assertFalse(arabic.contains("deleted") || arabic.contains("No such") || arabic.contains("Not found"), arabic);
    }

    @Test
    void activityPubClientsStillGetJsonErrors() {
        for (String path : new String[] {"/users/nope", "/groups/nope", "/users/leila"}) {
            HttpResponse<String> res = TestHttp.get(weft.base() + path, "application/activity+json");
            assertTrue(res.statusCode() == 404 || res.statusCode() == 410, path + ": " + res.statusCode());
            assertTrue(res.headers().firstValue("Content-Type").orElse("").contains("json"), path + ": " + res.headers());
            assertFalse(res.body().contains("<html"), res.body());
        }
    }

    private static HttpResponse<String> browser(String path, String language) {
        return TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + path)).header("Accept", BROWSER)
                .header("Accept-Language", language).GET().build());
    }

    private static void assertPage(HttpResponse<String> res, String language, String title, String sentence) {
        String html = res.body();
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), res.headers().toString());
        assertTrue(html.contains("<html lang=\"" + language + "\" dir=\"" + ("ar".equals(language) ? "rtl" : "ltr") + "\">"),
                html);
        assertTrue(html.contains("<title>" + title), html);
        assertTrue(html.contains(sentence), html);
        assertTrue(html.contains("href=\"/\""), "a way back: " + html);
    }
}
