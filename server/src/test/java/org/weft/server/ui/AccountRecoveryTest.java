package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * Getting in and back in: the operator gives a member who lost their password a new one (and every way in the old one
 * opened ends), a member changing their own password is logged out elsewhere, invites are links and QR codes that
 * scan to the link, sign-up says where codes come from and ends on a welcome page, and removing a member asks first.
 */
class AccountRecoveryTest {
    private static final Pattern NEW_PASSWORD = Pattern.compile("<code dir=\"ltr\" class=\"copy\">([a-z2-9-]{19})</code>");
    private static final Pattern QR_RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
    private static TestServers.Instance weft;
    private static PageClient olga;

    @BeforeAll
    static void start() {
        weft = TestServers.start(Map.of("WEFT_SIGNUP", "invite"));
        weft.server().localActors().createGroup("camp", "Camp", null);
        weft.server().localActors().createMember("olga", "Olga", "olga-password", false);
        new Operators(weft.server().db()).setAdmin("olga", true);
        olga = new PageClient(weft.base());
        olga.login("olga", "olga-password");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theOperatorGivesANewPasswordAndEveryWayInTheOldOneOpenedEnds() {
        weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
        PageClient amina = new PageClient(weft.base());
        amina.login("amina", "amina-password");
        String token = new ApiTokens(weft.server().db(), Clock.systemUTC()).create("amina", "phone");
        String before = hashOf("amina");

        HttpResponse<String> asked = olga.submit("/admin/members", "/admin/members/amina/password", Map.of());
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("Give this member a new password?") && asked.body().contains("@amina"), asked.body());
        assertEquals(before, hashOf("amina"), "asking changed nothing");
        assertEquals(200, amina.get("/account").statusCode(), "and ended nothing");

        Map<String, String> confirmed = PageClient.hiddenFields(asked.body(), "/admin/members/amina/password");
        HttpResponse<String> shown = olga.post("/admin/members/amina/password", confirmed);
        assertEquals(200, shown.statusCode(), "the new password is on this answer, never in an address");
        // The handle is isolated, so that in Arabic or Persian it does not turn the sentence around.
        assertTrue(shown.body().contains("New password for " + Messages.isolateLeftToRight("@amina") + ":"), shown.body());
        Matcher password = NEW_PASSWORD.matcher(shown.body());
        assertTrue(password.find(), shown.body());

        HttpResponse<String> out = amina.get("/account");
        assertEquals(303, out.statusCode(), "her open session ended");
        assertTrue(out.headers().firstValue("Location").orElse("").startsWith("/login?next="), out.headers().map().toString());
        HttpResponse<String> api = TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build());
        assertEquals(401, api.statusCode(), "her API token ended");
        assertEquals(401, new PageClient(weft.base()).submit("/login", "/login",
                Map.of("username", "amina", "password", "amina-password")).statusCode(), "the old password is refused");
        new PageClient(weft.base()).login("amina", password.group(1));

        String after = hashOf("amina");
        HttpResponse<String> repeat = olga.post("/admin/members/amina/password", confirmed);
        assertEquals(303, repeat.statusCode(), "the same form again makes no second password");
        assertEquals("/admin/members?done=password_reset#members", repeat.headers().firstValue("Location").orElseThrow());
        assertEquals(after, hashOf("amina"));
        assertFalse(olga.get("/admin/members?done=password_reset").body().contains(password.group(1)), "shown only once");
    }

    @Test
    void changingYourOwnPasswordLogsYouOutEverywhereElse() {
        weft.server().localActors().createMember("bilal", "Bilal", "bilal-password", false);
        PageClient phone = new PageClient(weft.base());
        phone.login("bilal", "bilal-password");
        PageClient laptop = new PageClient(weft.base());
        laptop.login("bilal", "bilal-password");
        HttpResponse<String> changed = phone.submit("/account", "/account/password",
                Map.of("current", "bilal-password", "next", "a brand new secret"));
        assertEquals("/account?done=password_changed#password", changed.headers().firstValue("Location").orElseThrow());
        String account = phone.get("/account?done=password_changed").body();
        assertTrue(account.contains("You were logged out on every other device."), account);
        assertEquals(303, laptop.get("/account").statusCode(), "the other browser is logged out");

        HttpResponse<String> wrong = phone.submit("/account", "/account/password",
                Map.of("current", "not it", "next", "another new secret"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("id=\"current-error\"") && wrong.body().contains("The password is not right."),
                "the error next to the current password: " + wrong.body());
    }

    @Test
    void anInviteIsALinkAndAQrCodeThatScansToItAndSignUpEndsOnAWelcome() throws Exception {
        HttpResponse<String> made = olga.submit("/admin/invites", "/admin/invites", Map.of("note", "for Layla"));
        assertEquals(303, made.statusCode());
        String location = made.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/admin/invites\\?show=[a-z2-9]{10}&done=invite_created#invite-result"), location);
        String code = location.replaceAll(".*show=([a-z2-9]+)&.*", "$1");
        String page = olga.get(location.substring(0, location.indexOf('#'))).body();
        String link = weft.base() + "/signup?invite=" + code;
        assertTrue(page.contains(link), "the whole link, not a bare code: " + page);
        assertTrue(page.indexOf("action=\"/admin/invites\"") < page.indexOf(link), "right under the form");
        assertTrue(page.contains("A new invite was made."), page);
        assertEquals(link, scan(page), "the QR code reads back as the link");
        String listed = Jsoup.parse(page).select("#invites li").stream().map(Element::text)
                .filter(t -> t.startsWith(code)).findFirst().orElseThrow();
        assertTrue(listed.matches(code + " for Layla · Valid until .+\\."), "the list says what its date is: " + listed);

        PageClient layla = new PageClient(weft.base());
        String signup = layla.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery()).body();
        assertTrue(signup.contains("value=\"" + code + "\""), "the code is filled in: " + signup);
        assertTrue(signup.contains("from the person who runs this server"), "and where codes come from: " + signup);
        HttpResponse<String> joined = layla.submit(link.substring(weft.base().length()), "/signup", Map.of("invite", code,
                "username", "layla", "display", "Layla", "password", "layla-password"));
        assertEquals("/welcome", joined.headers().firstValue("Location").orElseThrow());
        String welcome = layla.get("/welcome").body();
        assertTrue(welcome.contains("<h1>Welcome</h1>") && welcome.contains("href=\"/new?purpose=request\"")
                && welcome.contains("href=\"/board\""), welcome);
        assertTrue(olga.get("/admin/invites?show=" + code).body().contains("<strong>used</strong>"), "used now");
        String listedAfter = Jsoup.parse(olga.get("/admin/invites").body()).select("#invites li").stream()
                .map(Element::text).filter(t -> t.startsWith(code)).findFirst().orElseThrow();
        assertEquals(code + " for Layla · used", listedAfter, "a used invite's date no longer matters");
    }

    @Test
    void removingAMemberAsksFirstThenTheirProposalsAndLoginEnd() {
        weft.server().localActors().createMember("yusuf", "Yusuf", "yusuf-password", false);
        ProposalEntity p = weft.server().proposals().service().create("yusuf", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("A ladder").categories("tools").build());
        HttpResponse<String> asked = olga.submit("/admin/members", "/admin/members/yusuf/remove", Map.of());
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("Remove this member?"), asked.body());
        assertFalse(live("yusuf").isDeleted(), "asking removed nobody");
        HttpResponse<String> removed = olga.post("/admin/members/yusuf/remove",
                PageClient.hiddenFields(asked.body(), "/admin/members/yusuf/remove"));
        assertEquals("/admin/members?done=member_removed#members", removed.headers().firstValue("Location").orElseThrow());
        assertTrue(live("yusuf").isDeleted());
        assertEquals(410, new PageClient(weft.base()).get(URI.create(p.getUri()).getPath()).statusCode());
        assertEquals(401, new PageClient(weft.base()).submit("/login", "/login",
                Map.of("username", "yusuf", "password", "yusuf-password")).statusCode());
    }

    private static ActorEntity live(String username) {
        return weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, username)).orElseThrow();
    }

    private static String hashOf(String username) {
        return weft.server().db().inTransaction(s -> ActorRepository.account(s, ActorRepository.localByUsername(s, username)
                .orElseThrow()).getPasswordHash());
    }

    /** Draws the page's QR code (its SVG runs of dark modules) at 4 pixels a module and reads it with ZXing. */
    private static String scan(String html) throws Exception {
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        int size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) \\d+\".*", "$1"));
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = QR_RUN.matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int width = Integer.parseInt(run.group(3));
            for (int x = x0; x < x0 + width; x++) {
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xFF000000;
                    }
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size * scale, size * scale, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
