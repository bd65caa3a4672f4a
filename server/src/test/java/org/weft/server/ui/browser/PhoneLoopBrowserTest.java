package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The people's loop on a phone (390×844), once in Arabic and once in English, every person's browser asking for that
 * language: the operator makes an invite; a newcomer signs up with its link, lands on the welcome and asks for
 * blankets; a member whose offer of blankets matches is told, opens the match and responds; the newcomer is told,
 * accepts with a meeting place; the responder reads it; they write to each other; the newcomer marks it fulfilled
 * (the match she never opened went when she accepted, and its notice was read with it); both read their notifications and unread counts. Each step is a screenshot under
 * {@code target/journey/<lang>/NN-step.png}; each step's page text is checked against the sentences of that language's
 * message files (and the user text typed), the page's {@code lang} and {@code dir}, and axe-core.
 */
class PhoneLoopBrowserTest {
    private static final String CATEGORY = "bedding";
    private static final String COMMUNITY = "Camp A";

    /** What the people of one run type, in their language (user text, not the interface's). */
    private record Words(String newcomer, String newcomerName, String helperName, String request, String requestText,
                         String offer, String response, String meetingPlace, String thanks, String reply) {
        static Words of(String lang) {
            return "ar".equals(lang)
                    ? new Words("layla", "ليلى", "سامي", "أحتاج بطانيات لطفلين", "الليالي باردة في الخيمة",
                            "بطانيات صوف نظيفة", "عندي بطانيتان لك", "عند بوابة المخيم الساعة الرابعة",
                            "شكراً، سآتي في الموعد", "ممتاز، إلى اللقاء")
                    : new Words("lucy", "Lucy", "Sami", "Blankets for two children", "The nights are cold in the tent",
                            "Clean wool blankets", "I have two blankets for you", "At the camp gate at four",
                            "Thank you, I will be there", "Great, see you then");
        }
    }

    @BeforeAll
    static void browserInstalled() {
        PhoneBrowser.requireChromium();
    }

    @ParameterizedTest(name = "the loop in {0}")
    @ValueSource(strings = {"ar", "en"})
    void theWholeLoopOnAPhone(String lang) throws IOException {
        Messages m = Messages.forLanguage(lang);
        String dir = m.isRightToLeft() ? "rtl" : "ltr";
        Words w = Words.of(lang);
        Taxonomy taxonomy = Taxonomy.load();
        String category = taxonomy.label(taxonomy.byId(CATEGORY).orElseThrow(), lang).toLowerCase(m.locale());
        Path shots = Path.of("target", "journey", lang);
        List<String> problems = new ArrayList<>();
        try (TestServers.Instance weft = TestServers.start(Map.of("WEFT_SIGNUP", "invite"))) {
            weft.server().localActors().createGroup("camp", COMMUNITY, "Offers and requests in Camp A");
            weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
            weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
            new Operators(weft.server().db()).setAdmin("omar", true);
            weft.server().localActors().createMember("sami", w.helperName(), "sami-password", false);
            weft.server().proposals().service().create("sami", ProposalDraft.builder().community("camp")
                    .purpose(Purpose.OFFER).language(lang).title(w.offer()).categories(CATEGORY).area("camp-a").build());

            try (PhoneBrowser operator = new PhoneBrowser(weft.base(), lang, shots, problems);
                 PhoneBrowser newcomer = new PhoneBrowser(weft.base(), lang, shots, problems);
                 PhoneBrowser helper = new PhoneBrowser(weft.base(), lang, shots, problems)) {
                // 1. The operator makes an invite and reads its sign-up link.
                operator.login("omar", "omar-password");
                operator.open("/admin/invites");
                operator.find("#i-note").sendKeys(w.newcomerName());
                operator.clickAndWaitForNewPage("form[action='/admin/invites'] button");
                operator.assertLanguage(lang, dir);
                operator.assertShows("invite", m.get("notice.invite_created"), m.get("admin.inviteLink"), w.newcomerName());
                String link = operator.find("code.invite-link").getText().strip();
                assertTrue(link.startsWith(weft.base() + "/signup?invite="), link);
                assertFalse(operator.findAll("#invite-result svg").isEmpty(), "a QR code of the link");
                operator.check("01-invite");

                // 2. The newcomer opens the link: the code is filled in, and the page says where codes come from.
                newcomer.open(link);
                newcomer.assertLanguage(lang, dir);
                newcomer.assertShows("sign-up", m.get("signup.title"), m.get("signup.inviteHelp"));
                assertEquals(link.substring(link.indexOf('=') + 1), newcomer.find("#invite").getAttribute("value"));
                newcomer.check("02-signup");
                newcomer.find("#username").sendKeys(w.newcomer());
                newcomer.find("#display").sendKeys(w.newcomerName());
                newcomer.find("#password").sendKeys(w.newcomer() + "-password");
                newcomer.clickAndWaitForNewPage("form.stack button[type=submit]");

                // 3. The welcome, with the next steps.
                assertEquals("/welcome", newcomer.path());
                newcomer.assertLanguage(lang, dir);
                newcomer.assertShows("welcome", m.get("welcome.title"), m.get("welcome.intro"), w.newcomerName(),
                        m.get("welcome.request"));
                newcomer.check("03-welcome");

                // 4. From the welcome to the request form; the request is posted.
                newcomer.find("ol.steps a[href='/new?purpose=request']").click();
                newcomer.waitFor("/new");
                newcomer.assertLanguage(lang, dir);
                newcomer.assertShows("new request", m.get("form.newTitle.request"), m.get("form.category"));
                newcomer.check("04-new-request");
                newcomer.find("#title").sendKeys(w.request());
                newcomer.find("#description").sendKeys(w.requestText());
                new Select(newcomer.find("#category")).selectByValue(CATEGORY);
                new Select(newcomer.find("#area")).selectByValue("camp-a");
                newcomer.clickAndWaitForNewPage("form.stack button[type=submit]");
                newcomer.waitFor("/proposals/");
                String requestPath = newcomer.path().split("[?#]", 2)[0];
                newcomer.assertShows("request posted", w.request(), w.requestText(), m.get("status.open"),
                        m.get("purpose.request"));
                newcomer.check("05-request-posted");

                // 5. The member whose offer fits is told: the menu counts one new notification, which is the match.
                helper.login("sami", "sami-password");
                waitForBadge(helper, m.get("notification.unreadBadge", 1));
                helper.find("nav a[href='/me/notifications']").click();
                helper.waitFor("/me/notifications");
                helper.assertLanguage(lang, dir);
                helper.assertShows("helper notified", m.get("notifications.title"), m.get("notification.match", 1, w.offer()));
                helper.check("06-helper-notified");
                clickLinkWithText(helper, m.get("notification.match", 1, w.offer()));
                helper.waitFor("/me/matches");
                assertNull(helper.badge(), "opening the notification read it");
                helper.assertShows("match", m.get("matches.title"), w.request(), m.get("matches.forYours"), w.offer(),
                        m.get("matches.why"), m.get("match.reason.SAME_CATEGORY", category));
                helper.check("07-match");

                // 6. The helper opens the request from the match and responds; the page says it was sent.
                helper.find("#matches h2 a").click();
                helper.waitFor(requestPath);
                helper.find("#respond-text").sendKeys(w.response());
                helper.clickAndWaitForNewPage("section.respond button");
                assertTrue(helper.path().contains("done=responded"), helper.path());
                assertEquals(m.get("notice.responded"), helper.find("#respond .notice").getText().strip());
                helper.check("08-responded");

                // 7. The newcomer is told: the match of their request and the response, two unread (on a page other
                //    than the request's, which would show the response and so read its notification).
                newcomer.open("/me/proposals");
                assertEquals(m.get("notification.unreadBadge", 2), newcomer.badge());
                newcomer.find("nav a[href='/me/notifications']").click();
                newcomer.waitFor("/me/notifications");
                newcomer.assertShows("author notified", m.get("notification.response", w.request()),
                        m.get("notification.match", 1, w.request()));
                newcomer.check("09-author-notified");

                // 8. The response's notification leads to it; the newcomer accepts with a meeting place.
                clickLinkWithText(newcomer, m.get("notification.response", w.request()));
                newcomer.waitFor(requestPath);
                newcomer.assertShows("response shown", w.response(), w.helperName(), m.get("proposal.accept"));
                newcomer.find("textarea[name=handoff]").sendKeys(w.meetingPlace());
                newcomer.clickAndWaitForNewPage("form[action$='/accept'] button");
                assertEquals(m.get("notice.accepted"), newcomer.find("#responses .notice").getText().strip());
                newcomer.assertShows("accepted", m.get("status.promised"), w.meetingPlace());
                newcomer.check("10-accepted");

                // 9. The helper is told twice (accepted, and the meeting place as the conversation's first message)
                //    and reads the place under their response.
                helper.open("/me/proposals");
                assertEquals(m.get("notification.unreadBadge", 2), helper.badge());
                helper.open("/me/notifications");
                // The request went out under the community (the form's default audience), so its side of the
                // conversation is the community's name, not the newcomer's.
                String handOffNotice = m.get("notification.conversation", w.request(), COMMUNITY);
                helper.assertShows("hand-off notified", m.get("notification.accepted", w.request()), handOffNotice,
                        w.meetingPlace());
                clickLinkWithText(helper, handOffNotice);
                helper.waitFor(requestPath);
                assertTrue(conversationText(helper).contains(w.meetingPlace()), conversationText(helper));
                assertTrue(conversationText(helper).contains(PhoneBrowser.words(m.get("conversation.privateWith", COMMUNITY))),
                        conversationText(helper));
                helper.check("11-hand-off-read");

                // 10. Two messages: the helper thanks, the newcomer replies.
                helper.find("section.conversation > form textarea").sendKeys(w.thanks());
                helper.clickAndWaitForNewPage("section.conversation > form button");
                assertTrue(conversationText(helper).contains(w.thanks()), conversationText(helper));
                helper.check("12-message-sent");

                newcomer.open("/me/notifications");
                String thanksNotice = m.get("notification.conversation", w.request(), w.helperName());
                newcomer.assertShows("message notified", thanksNotice, w.thanks());
                clickLinkWithText(newcomer, thanksNotice);
                newcomer.waitFor(requestPath);
                assertTrue(conversationText(newcomer).contains(w.thanks())
                        && conversationText(newcomer).contains(
                                PhoneBrowser.words(m.get("conversation.privateWith", w.helperName()))),
                        conversationText(newcomer));
                newcomer.find("section.conversation > form textarea").sendKeys(w.reply());
                newcomer.clickAndWaitForNewPage("section.conversation > form button");
                assertTrue(conversationText(newcomer).contains(w.reply()), conversationText(newcomer));
                newcomer.check("13-reply-sent");

                // 11. The helper reads the whole exchange on "My responses", in order.
                helper.find("nav a[href='/me/responses']").click();
                helper.waitFor("/me/responses");
                helper.assertLanguage(lang, dir);
                helper.assertShows("my responses", m.get("conversation.myResponses"), w.request(), w.response(),
                        m.get("response.accepted"));
                // The list shows the newest two messages under the response and links the whole conversation.
                String exchange = helper.mainText();
                assertTrue(exchange.contains(w.thanks()) && exchange.indexOf(w.thanks()) < exchange.indexOf(w.reply()),
                        exchange);
                helper.assertShows("my responses", m.get("conversation.whole", 3));
                helper.check("14-my-responses");

                // 12. The newcomer marks the request fulfilled.
                newcomer.open(requestPath);
                newcomer.clickAndWaitForNewPage("form[action$='/status'] input[value=fulfilled] + button");
                assertEquals(m.get("notice.status_fulfilled"), newcomer.find("#manage .notice").getText().strip());
                newcomer.assertShows("fulfilled", m.get("status.fulfilled"));
                newcomer.check("15-fulfilled");

                // 13. Both read their notifications. The newcomer never opened the match's notice, but the match went
                //     when she accepted (her request promised, it asks for nothing more), and its notice was read with
                //     it: listed, no longer unread. The helper has the acceptance and the reply unread;
                //     "mark all as read" clears the count.
                newcomer.open("/me/notifications");
                assertNull(newcomer.badge(), "nothing left unread: the match's notice was read when the match was withdrawn");
                newcomer.assertShows("author's notifications", m.get("notification.match", 1, w.request()),
                        m.get("notification.response", w.request()), thanksNotice);
                assertEquals(0, newcomer.findAll("ul.notifications li.unread").size());
                newcomer.check("16-author-notifications");

                helper.open("/me/notifications");
                assertEquals(m.get("notification.unreadBadge", 2), helper.badge());
                String replyNotice = m.get("notification.conversation", w.request(), COMMUNITY);
                helper.assertShows("helper's notifications", m.get("notification.match", 1, w.offer()),
                        m.get("notification.accepted", w.request()), replyNotice, w.reply());
                helper.check("17-helper-notifications");
                helper.clickAndWaitForNewPage("form[action='/me/notifications/read'] button");
                assertNull(helper.badge(), "all read");
            }
        }
        assertTrue(problems.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + problems);
    }

    /** The conversation under the response, as the reader sees it. */
    private static String conversationText(PhoneBrowser browser) {
        return PhoneBrowser.words(browser.find("section.conversation").getText());
    }

    /** Follows the link that reads exactly {@code text} (a notification's sentence). */
    private static void clickLinkWithText(PhoneBrowser browser, String text) {
        String wanted = PhoneBrowser.words(text);
        List<WebElement> links = browser.findAll("main a").stream()
                .filter(a -> PhoneBrowser.words(a.getText()).strip().equals(wanted)).toList();
        assertFalse(links.isEmpty(), "a link reading «" + text + "» on " + browser.path() + ":\n" + browser.mainText());
        links.get(0).click();
    }

    /** Matching runs in the background: reloads until the menu shows the expected count. */
    private static void waitForBadge(PhoneBrowser browser, String expected) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
            d.navigate().refresh();
            return expected.equals(browser.badge());
        });
        assertEquals(expected, browser.badge());
        assertTrue(browser.find("nav a[href='/me/notifications']").findElements(By.cssSelector(".badge")).size() == 1,
                "the count is inside the notifications link");
    }
}
