package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * The pages a member of a camp reads most, on the narrowest common phone (360×780), in Arabic: her
 * notifications (five new messages from Bob in one line), the matches of one of her proposals, her account with a
 * refused fediverse account, the page after a report that joined her earlier one, her request with a Mastodon
 * user's answer ({@code @rosa@mastodon.example} beside the name), a conversation, the board, the new-offer form and,
 * as an operator, the reports queue. Each page is screenshotted to {@code target/small-phone/<lang>/} and must not
 * scroll sideways, pass axe-core (serious and critical), have nothing to tap lower than 44 px and, in Arabic, no field
 * laid out left to right unless marked so. The example handle in the refusal reads {@code @name@server}, its
 * {@code @} drawn before the name (bare in the Arabic sentence, it was drawn after it: {@code name@server@}), and the
 * page after the report is a page, not framed as one line of a conversation. Arabic alone: the layout rules are the
 * same in every language and right to left is where they break; an English pass found nothing Arabic did not and cost
 * CI half a minute (the suite runs close to its 30-minute limit). Run it in English by adding "en" below.
 */
class SmallPhoneBrowserTest {
    private static final String PASSWORD = "a long enough password";

    @BeforeAll
    static void browserInstalled() {
        PhoneBrowser.requireChromium();
    }

    @ParameterizedTest(name = "on a small phone in {0}")
    @ValueSource(strings = {"ar"})
    void theMembersPagesFitASmallPhone(String lang) throws IOException {
        Messages m = Messages.forLanguage(lang);
        boolean rtl = m.isRightToLeft();
        Path shots = Path.of("target", "small-phone", lang);
        List<String> problems = new ArrayList<>();
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("camp", "Camp Board", "Help between neighbours");
            weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
            weft.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("amina", true);
            ApiClient bob = ApiClient.newMember(weft, "bob", "Bob");
            var proposals = weft.server().proposals().service();
            ProposalEntity request = proposals.create("amina", ProposalDraft.builder().community("camp")
                    .purpose(Purpose.REQUEST).language("en").title("Need a pram for a month")
                    .description("Anything that rolls.").categories("prams").area("camp-a").audience(Audience.PUBLIC)
                    .build());
            ProposalEntity offer = proposals.create("bob", ProposalDraft.builder().community("camp")
                    .purpose(Purpose.OFFER).language("en").title("Pram to lend").description("Folds flat.")
                    .categories("prams").area("camp-a").build());
            proposals.create("bob", ProposalDraft.builder().community("camp").purpose(Purpose.OFFER).language("en")
                    .title("A second pram").categories("prams").build());
            WaitFor.condition("the matcher has seen every proposal",
                    () -> weft.server().matching().matcher().applied() >= 3);
            String reply = rosa.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", request.getUri());
            assertEquals(202, rosa.deliver(URI.create(weft.base() + "/inbox"), reply).statusCode());
            long bobs = weft.server().proposals().responses().respond("bob", request.getId(), "I have one, hardly used")
                    .getId();
            for (int i = 1; i <= 5; i++) {
                expect(201, bob.post("/responses/" + bobs + "/messages", "{\"text\": \"Message " + i + "\"}"));
            }
            String requestPath = URI.create(request.getUri()).getPath();
            WaitFor.condition("rosa's answer is kept", () -> weft.server().db().inTransaction(s ->
                    s.createSelectionQuery("select count(*) from ResponseEntity r where r.proposal.id = :p", Long.class)
                            .setParameter("p", request.getId()).getSingleResult()) == 2);

            try (PhoneBrowser amina = new PhoneBrowser(weft.base(), lang, shots, problems,
                    PhoneBrowser.Screen.SMALL_PHONE)) {
                amina.login("amina", PASSWORD);
                amina.open("/me/notifications");
                amina.assertShows("notifications",
                        m.get("notification.conversations", 5, "Need a pram for a month", "Bob"));
                look(amina, "01-notifications", rtl, problems);

                amina.open("/me/matches?state=all&proposal=" + request.getId());
                amina.assertShows("one proposal's matches", m.get("matches.onlyOf", "Need a pram for a month"),
                        m.get("matches.showAll"), "Pram to lend");
                look(amina, "02-matches-of-one", rtl, problems);

                amina.open("/account");
                amina.assertShows("account", m.get("account.fediverseAnonymous"),
                        m.get("account.fediverseMembersOnly"));
                look(amina, "03-account", rtl, problems);
                amina.find("#fediverse-account").sendKeys("   ");
                amina.clickAndWaitForNewPage("form[action='/account/fediverse'] button");
                amina.assertShows("refused", m.get("account.fediverseMissing"));
                if (!Boolean.TRUE.equals(atSignBeforeName(amina, amina.find("#account-error"), "@name@"))) {
                    problems.add("04-account-refused → the example handle does not read @name@server: "
                            + amina.find("#account-error").getText());
                }
                look(amina, "04-account-refused", rtl, problems);

                String offerPath = URI.create(offer.getUri()).getPath();
                for (String comment : List.of("Asks for money first", "And again today")) {
                    amina.open(offerPath);
                    amina.find("main > details.report summary").click();
                    amina.find("main > details.report textarea").sendKeys(comment);
                    amina.clickAndWaitForNewPage("main > details.report button");
                }
                amina.assertShows("joined the earlier report", m.get("report.added"));
                Object frame = ((JavascriptExecutor) amina.driver()).executeScript(
                        "return getComputedStyle(document.querySelector('main article')).borderInlineStartWidth;");
                if (!"0px".equals(frame)) {
                    problems.add("05-report-added → framed as a line of a conversation: a " + frame + " border");
                }
                look(amina, "05-report-added", rtl, problems);

                amina.open(requestPath);
                WebElement rosas = amina.findAll("#responses .response").stream()
                        .filter(r -> r.getText().contains("@rosa@")).findFirst()
                        .orElseThrow(() -> new AssertionError("rosa's answer: " + amina.mainText()));
                assertTrue(rosas.findElement(By.cssSelector(".from code")).getText().startsWith("@rosa@"),
                        rosas.getText());
                look(amina, "06-request-with-answers", rtl, problems);
                rosas.findElement(By.cssSelector("details.report summary")).click();
                look(amina, "07-report-form-open", rtl, problems);
                rosas.findElement(By.cssSelector("details.report textarea")).sendKeys("Not about the pram");
                amina.clickAndWaitForNewPage("#" + rosas.getAttribute("id") + " details.report button");

                amina.open("/conversations/" + bobs);
                amina.assertShows("conversation", "Message 5");
                look(amina, "08-conversation", rtl, problems);

                amina.open("/board/camp");
                look(amina, "09-board", rtl, problems);
                amina.open("/new?purpose=offer");
                look(amina, "10-new-offer", rtl, problems);
                amina.open("/moderate/reports");
                amina.assertShows("reports queue", "Asks for money first", "Not about the pram");
                // A reported post's address and its words do not share a line, where they would run into each other.
                Object sharing = ((JavascriptExecutor) amina.driver()).executeScript("var shared = [];"
                        + "document.querySelectorAll('section.report li').forEach(function (li) {"
                        + " var address = li.querySelector(':scope > code'), words = li.querySelector(':scope > bdi');"
                        + " if (address && words && words.getBoundingClientRect().top"
                        + "  < address.getBoundingClientRect().bottom - 0.5) { shared.push(li.textContent.trim()); }"
                        + "}); return shared;");
                if (!((List<?>) sharing).isEmpty()) {
                    problems.add("11-reports-queue → a post's address and words share a line: " + sharing);
                }
                look(amina, "11-reports-queue", rtl, problems);
            }

            // Bob's side of the conversation: he takes his answer back, asked first, and both pages say so.
            try (PhoneBrowser bobsPhone = new PhoneBrowser(weft.base(), lang, shots, problems,
                    PhoneBrowser.Screen.SMALL_PHONE)) {
                bobsPhone.login("bob", PASSWORD);
                bobsPhone.open("/conversations/" + bobs);
                bobsPhone.assertShows("his conversation", "Message 5", m.get("conversation.takeBack"));
                look(bobsPhone, "12-responder-conversation", rtl, problems);
                bobsPhone.clickAndWaitForNewPage("form[action$='/take-back'] button");
                bobsPhone.assertShows("asks before taking it back", m.get("confirm.takeBack"));
                look(bobsPhone, "13-take-back-confirm", rtl, problems);
                bobsPhone.clickAndWaitForNewPage("article.confirm button.danger");
                bobsPhone.assertShows("taken back", m.get("notice.takenBack"), m.get("conversation.closedTakenBackByYou"));
                look(bobsPhone, "14-taken-back", rtl, problems);
            }
            try (PhoneBrowser amina = new PhoneBrowser(weft.base(), lang, shots, problems,
                    PhoneBrowser.Screen.SMALL_PHONE)) {
                amina.login("amina", PASSWORD);
                amina.open("/conversations/" + bobs);
                amina.assertShows("told", m.get("conversation.closedTakenBack", "Bob"));
                look(amina, "15-author-sees-it-taken-back", rtl, problems);
            }
        }
        assertTrue(problems.isEmpty(), lang + " on a 360 px phone:\n" + String.join("\n", problems));
    }

    /**
     * The screenshot, sideways scrolling and axe-core ({@link PhoneBrowser#check}), then what is too small to tap
     * and, in a right-to-left page, the fields laid out left to right.
     */
    private static void look(PhoneBrowser phone, String name, boolean rtl, List<String> problems) throws IOException {
        phone.check(name);
        phone.screenshotWholePage(name);
        phone.tooSmallToTap().forEach(small -> problems.add(name + " → too small to tap: " + small));
        phone.buttonsTouching().forEach(pair -> problems.add(name + " → buttons touching: " + pair));
        if (rtl) {
            phone.fieldsNotRightToLeft().forEach(field -> problems.add(name + " → left to right: " + field));
        }
    }

    /**
     * Whether, in the text of {@code element}, the {@code @} that opens {@code handle} is drawn to the left of the
     * letter after it, as a handle reads (null when the text has no such handle).
     */
    private static Object atSignBeforeName(PhoneBrowser phone, WebElement element, String handle) {
        return ((JavascriptExecutor) phone.driver()).executeScript(
                "var walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT), node;"
                + "while ((node = walker.nextNode())) {"
                + " var i = node.data.indexOf(arguments[1]);"
                + " if (i < 0) { continue; }"
                + " var at = document.createRange(); at.setStart(node, i); at.setEnd(node, i + 1);"
                + " var name = document.createRange(); name.setStart(node, i + 1); name.setEnd(node, i + 2);"
                + " return at.getBoundingClientRect().left < name.getBoundingClientRect().left;"
                + "} return null;", element, handle);
    }
}
