package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.PageClient;

/**
 * Password guessing on the login form (issue 9: the old limiter counted successes, locked the member out with the
 * right password, let anyone behind the documented proxy lock out anyone, and let one address try 40 names). Two
 * instances: one reached directly, and one whose reverse proxy (this test, connecting from 127.0.0.1) is trusted,
 * so that {@code X-Forwarded-For} names the client.
 */
class LoginGuessingTest {
    private static TestServers.Instance direct;
    private static TestServers.Instance proxied;

    @BeforeAll
    static void start() {
        direct = TestServers.start();
        proxied = TestServers.start(Map.of("WEFT_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8"));
    }

    @AfterAll
    static void stop() {
        direct.close();
        proxied.close();
    }

    /**
     * The token comes from the start page, not /login: a browser still signed in is sent on from /login (no dead end), and
     * these tests sign in again from browsers that are.
     */
    private static HttpResponse<String> login(PageClient browser, String username, String password) {
        return browser.submit("/", "/login", Map.of("username", username, "password", password));
    }

    private static long sessions(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from WebSessionEntity",
                Long.class).getSingleResult());
    }

    private static long devices(TestServers.Instance weft, String username) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from LoginDeviceEntity d, "
                + "ActorEntity a where a.id = d.memberId and a.username = :u", Long.class).setParameter("u", username)
                .getSingleResult());
    }

    /** A browser that has signed in as the member once, and so holds a device cookie for them. */
    private static PageClient knownBrowser(TestServers.Instance weft, String username, String password) {
        PageClient browser = new PageClient(weft.base());
        HttpResponse<String> first = login(browser, username, password);
        assertEquals(303, first.statusCode());
        String cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("weft_device="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("Path=/login") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax")
                && cookie.contains("Max-Age=31536000"), cookie);
        return browser;
    }

    @Test
    void afterWrongPasswordsTheRightOneFromAKnownBrowserStillWorks() {
        direct.server().localActors().createMember("zora", "Zora", "zora-password", false);
        PageClient phone = knownBrowser(direct, "zora", "zora-password");
        PageClient attacker = new PageClient(direct.base());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(attacker, "zora", "guess-" + i).statusCode(), "guess " + i + " is checked");
        }
        long sessionsBefore = sessions(direct);
        HttpResponse<String> held = login(attacker, "zora", "guess-5");
        assertEquals(429, held.statusCode());
        // The right password is not even checked: a held-back guess tells nothing.
        assertEquals(429, login(attacker, "zora", "zora-password").statusCode());
        assertEquals(sessionsBefore, sessions(direct), "no session for a held-back attempt");

        HttpResponse<String> own = login(phone, "zora", "zora-password");
        assertEquals(303, own.statusCode(), "the member's own browser is not held back");
        assertEquals(sessionsBefore + 1, sessions(direct));
        assertTrue(phone.get("/account").body().contains("@zora@"));

        // A browser Zora never used waits like the attacker, and is told how long, in Zora's language.
        PageClient borrowed = new PageClient(direct.base()).language("uk");
        HttpResponse<String> wait = login(borrowed, "zora", "zora-password");
        assertEquals(429, wait.statusCode());
        long retryAfter = Long.parseLong(wait.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 60, "about a minute after the fifth failure: " + retryAfter);
        assertTrue(wait.body().contains("Спробуйте знову через 1 хв."), wait.body());
        assertTrue(wait.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("weft_session=")));
    }

    @Test
    void anAttackerBehindTheProxyCannotLockTheMemberOutOfTheirOwnBrowser() {
        proxied.server().localActors().createMember("yusuf", "Yusuf", "yusuf-password", false);
        proxied.server().localActors().createMember("wafa", "Wafa", "wafa-password", false);
        // The camp's one public address: the member and the attacker are behind it, and behind the proxy.
        String camp = "203.0.113.7";
        PageClient phone = new PageClient(proxied.base()).header("X-Forwarded-For", camp);
        assertEquals(303, login(phone, "yusuf", "yusuf-password").statusCode());
        PageClient attacker = new PageClient(proxied.base()).header("X-Forwarded-For", camp);
        int held = 0;
        for (int i = 0; i < 30; i++) {
            int status = login(attacker, i % 2 == 0 ? "yusuf" : "wafa", "guess-" + i).statusCode();
            held += status == 429 ? 1 : 0;
        }
        assertTrue(held > 0, "the attacker met the limits");
        assertEquals(429, login(new PageClient(proxied.base()).header("X-Forwarded-For", camp), "yusuf", "yusuf-password")
                .statusCode(), "a new browser at the camp address waits");
        assertEquals(303, login(phone, "yusuf", "yusuf-password").statusCode(), "Yusuf's phone signs in");
        // Someone at another address, through the same proxy: the limits followed the attacker's address.
        proxied.server().localActors().createMember("xena", "Xena", "xena-password", false);
        assertEquals(303, login(new PageClient(proxied.base()).header("X-Forwarded-For", "198.51.100.9"), "xena",
                "xena-password").statusCode());
    }

    @Test
    void sprayingOnePasswordOverFortyNamesMeetsThePerAddressLimit() {
        PageClient sprayer = new PageClient(proxied.base()).header("X-Forwarded-For", "192.0.2.200, 10.1.2.3");
        int checked = 0;
        int held = 0;
        for (int i = 0; i < 40; i++) {
            int status = login(sprayer, "member" + i, "Winter2026!").statusCode();
            checked += status == 401 ? 1 : 0;
            held += status == 429 ? 1 : 0;
        }
        assertEquals(20, checked, "twenty tries from one address in 15 minutes");
        assertEquals(20, held);
        // Another address behind the same proxies is not held back.
        PageClient neighbour = new PageClient(proxied.base()).header("X-Forwarded-For", "192.0.2.201, 10.1.2.3");
        assertEquals(401, login(neighbour, "member0", "Winter2026!").statusCode());
    }

    @Test
    void xForwardedForFromAPeerThatIsNotATrustedProxyIsIgnored() {
        // Proxies are configured, but this test's connections (from 127.0.0.1) do not come from one. An instance of
        // its own, because every request here comes from one socket address, which is what is counted.
        try (TestServers.Instance elsewhere = TestServers.start(Map.of("WEFT_TRUSTED_PROXIES", "10.0.0.0/8"))) {
            PageClient sprayer = new PageClient(elsewhere.base());
            int held = 0;
            for (int i = 0; i < 40; i++) {
                // A new address every time would dodge the limit if the header were believed.
                sprayer.header("X-Forwarded-For", "198.51.100." + (i + 1));
                held += login(sprayer, "nobody" + i, "Winter2026!").statusCode() == 429 ? 1 : 0;
            }
            assertEquals(20, held, "the socket's address was counted");
        }
    }

    @Test
    void aNewPasswordForgetsTheOtherBrowsersAndDeletionForgetsThemAll() {
        direct.server().localActors().createMember("vera", "Vera", "vera-password", false);
        PageClient laptop = knownBrowser(direct, "vera", "vera-password");
        PageClient phone = knownBrowser(direct, "vera", "vera-password");
        assertNotNull(phone.cookie("weft_device"));
        assertFalse(phone.cookie("weft_device").equals(laptop.cookie("weft_device")), "one secret per browser");
        assertEquals(2, devices(direct, "vera"));
        assertEquals(303, phone.submit("/account", "/account/password", Map.of("current", "vera-password",
                "next", "vera-new-password")).statusCode());
        assertEquals(1, devices(direct, "vera"), "only the phone, where the password was changed, is still known");

        PageClient attacker = new PageClient(direct.base());
        for (int i = 0; i < 6; i++) {
            login(attacker, "vera", "guess-" + i);
        }
        assertEquals(429, login(laptop, "vera", "vera-new-password").statusCode(), "the laptop is a stranger now");
        assertEquals(303, login(phone, "vera", "vera-new-password").statusCode());

        assertEquals(303, phone.submit("/account", "/account/delete", Map.of("password", "vera-new-password"))
                .statusCode());
        assertEquals(0, devices(direct, "vera"));
    }
}
