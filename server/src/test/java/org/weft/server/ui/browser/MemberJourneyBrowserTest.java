package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.account.Invites;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * A member's journey in real headless Chromium: sign up with an invite, post an offer in Arabic and see the board
 * right to left, post a request in English, another member responds, the author accepts and marks it fulfilled; the
 * operator links the community to one on a second instance.
 * Every key page is screenshotted to target/screenshots and checked by axe-core (no serious or critical violation).
 */
class MemberJourneyBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static TestServers.Instance weft;
    private static final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() {
        PhoneBrowser.requireChromium();
        weft = TestServers.start(Map.of("WEFT_SIGNUP", "invite"));
        weft.server().localActors().createGroup("camp", "Camp A mutual aid", "Offers and requests in Camp A");
        weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        new Operators(weft.server().db()).setAdmin("omar", true);
    }

    @AfterAll
    static void stop() {
        if (weft != null) {
            weft.close();
        }
    }

    @Test
    void signUpPostRespondAcceptFulfil() throws IOException {
        String code = new Invites(weft.server().db(), Clock.systemUTC()).create("for Layla", null).getCode();
        try (PhoneBrowser laylaPhone = new PhoneBrowser(weft.base(), "en", SHOTS, violations);
             PhoneBrowser omarPhone = new PhoneBrowser(weft.base(), "en", SHOTS, violations)) {
            WebDriver layla = laylaPhone.driver();
            WebDriver omar = omarPhone.driver();
            layla.get(weft.base() + "/signup?invite=" + code);
            laylaPhone.check("signup");
            layla.findElement(By.id("username")).sendKeys("layla");
            layla.findElement(By.id("display")).sendKeys("Layla");
            layla.findElement(By.id("password")).sendKeys("layla-password");
            layla.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            laylaPhone.waitFor("/welcome");
            assertTrue(layla.findElement(By.tagName("main")).getText().contains("Welcome"), "sign-up ends on a welcome");
            laylaPhone.check("welcome");

            // Switch to Arabic and post an offer in Arabic.
            new Select(layla.findElement(By.id("page-language"))).selectByValue("ar");
            layla.findElement(By.cssSelector("footer form button")).click();
            // Let the language form's POST and redirect finish first, or its navigation can land after the next get.
            // While it navigates, the html element just found can leave the document: Chrome then answers "Node with
            // given id does not belong to the document", a plain WebDriverException rather than a stale element.
            new WebDriverWait(layla, Duration.ofSeconds(10)).ignoring(WebDriverException.class).until(d ->
                    "ar".equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            layla.get(weft.base() + "/new?purpose=offer&community=camp");
            laylaPhone.waitFor("/new");
            assertEquals("rtl", layla.findElement(By.tagName("html")).getAttribute("dir"));
            laylaPhone.check("new-offer-ar");
            layla.findElement(By.id("title")).sendKeys("بطانيتان للشتاء");
            layla.findElement(By.id("description")).sendKeys("بطانيتان نظيفتان، تعال إلى الخيمة ١٢");
            // No category is chosen for her: the list starts on "choose a category".
            new Select(layla.findElement(By.id("category"))).selectByValue("bedding");
            new Select(layla.findElement(By.id("area"))).selectByValue("camp-a");
            layla.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            laylaPhone.waitFor("/proposals/");
            laylaPhone.check("proposal-ar");
            layla.get(weft.base() + "/board/camp");
            assertEquals("rtl", layla.findElement(By.tagName("html")).getAttribute("dir"));
            assertTrue(layla.getPageSource().contains("بطانيتان للشتاء"));
            laylaPhone.check("board-ar");

            // Omar logs in in English and posts a request.
            omarPhone.login("omar", "omar-password");
            omar.get(weft.base() + "/new?purpose=request&community=camp");
            omar.findElement(By.id("title")).sendKeys("Need a wheelchair for a week");
            new Select(omar.findElement(By.id("category"))).selectByValue("mobility-aids");
            omar.findElement(By.cssSelector("input[name=audience][value=PUBLIC]")).click();
            omar.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            // Health is sensitive help: the form comes back once, set to community only, with the safety note; he
            // chooses public again and publishes.
            new WebDriverWait(omar, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> !omarPhone.findAll("aside.safety").isEmpty());
            omarPhone.check("new-request-sensitive-en");
            omar.findElement(By.cssSelector("input[name=audience][value=PUBLIC]")).click();
            omar.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            omarPhone.waitFor("/proposals/");
            omar.get(weft.base() + "/board/camp");
            assertEquals("ltr", omar.findElement(By.tagName("html")).getAttribute("dir"));
            omarPhone.check("board-en");

            // Omar responds to Layla's offer.
            omar.findElement(By.partialLinkText("بطانيتان")).click();
            omar.findElement(By.id("respond-text")).sendKeys("I would be glad of one, thank you");
            // The response is stored when the page that answers the POST has loaded: waiting only for a /proposals/
            // address returned at once (the form's page already had one) and Layla's notifications could be read first.
            omarPhone.clickAndWaitForNewPage("section.respond button");

            // Layla sees the notification, accepts, then marks the offer fulfilled.
            layla.get(weft.base() + "/me/notifications");
            laylaPhone.check("notifications-ar");
            layla.findElement(By.cssSelector("ul.rows a")).click();
            layla.findElement(By.cssSelector("textarea[name=handoff]")).sendKeys("الخيمة ١٢ بعد الظهر");
            laylaPhone.clickAndWaitForNewPage("form[action$='/accept'] button");
            assertTrue(layla.findElement(By.cssSelector(".proposal .status")).getText().contains("موعود"));
            laylaPhone.clickAndWaitForNewPage("form[action$='/status'] input[value=fulfilled] + button");
            assertTrue(layla.findElement(By.cssSelector(".proposal .status")).getText().contains("تمّ"));
            assertTrue(layla.findElement(By.cssSelector("#manage .notice")).getText().contains("شكرًا"),
                    "the notice is where she pressed the button, in Arabic");
            laylaPhone.check("proposal-fulfilled-ar");
            // Deleting asks first, on a page of its own; she keeps it.
            laylaPhone.clickAndWaitForNewPage("form[action$='/delete'] button");
            assertTrue(layla.findElement(By.tagName("h1")).getText().contains("حذف"), "the confirmation page asks");
            laylaPhone.check("confirm-delete-ar");
            layla.findElement(By.cssSelector("article.confirm p > a")).click();
            laylaPhone.waitFor("/proposals/");

            // Omar, the responder, is told and reads the meeting place Layla typed; Layla's own list does not show it.
            omar.get(weft.base() + "/me/notifications");
            String omarsNotifications = omar.findElement(By.tagName("main")).getText();
            assertTrue(omarsNotifications.contains("Your response was accepted: " + Messages.isolate("بطانيتان للشتاء")),
                    omarsNotifications);
            assertTrue(omarsNotifications.contains("الخيمة ١٢ بعد الظهر"), omarsNotifications);
            omarPhone.check("notifications-en");
            layla.get(weft.base() + "/me/notifications");
            assertFalse(layla.getPageSource().contains("الخيمة ١٢ بعد الظهر"), "the hand-off is Omar's alone");

            // They talk: Omar follows his notification to the conversation under his response and answers; Layla
            // follows hers and answers in Arabic; Omar reads it on "My responses".
            omar.get(weft.base() + "/me/notifications");
            omar.findElement(By.partialLinkText("New message from " + Messages.isolate("Layla"))).click();
            omarPhone.waitFor("/proposals/");
            assertTrue(omar.findElement(By.cssSelector("section.conversation")).getText().contains("الخيمة ١٢ بعد الظهر"));
            omar.findElement(By.cssSelector("section.conversation > form textarea")).sendKeys("See you there, thank you!");
            omarPhone.clickAndWaitForNewPage("section.conversation > form button");
            assertTrue(omar.findElement(By.cssSelector("section.conversation")).getText().contains("See you there"));
            omarPhone.check("conversation-en");
            layla.get(weft.base() + "/me/notifications");
            layla.findElement(By.cssSelector("ul.rows a")).click();
            laylaPhone.waitFor("/proposals/");
            assertTrue(layla.findElement(By.cssSelector("section.conversation")).getText().contains("See you there"));
            layla.findElement(By.cssSelector("section.conversation > form textarea")).sendKeys("أهلاً وسهلاً");
            laylaPhone.clickAndWaitForNewPage("section.conversation > form button");
            laylaPhone.check("conversation-ar");
            omar.get(weft.base() + "/me/responses");
            assertTrue(omar.findElement(By.tagName("main")).getText().contains("أهلاً وسهلاً"));
            omarPhone.check("responses-en");
            // The operator links two communities: camp here follows town on a second Weft, which accepts at once.
            try (TestServers.Instance other = TestServers.start()) {
                other.server().localActors().createGroup("town", "Town mutual aid", null);
                omar.get(weft.base() + "/admin/links");
                omar.findElement(By.id("l-target")).sendKeys("@town@" + other.domain());
                omar.findElement(By.cssSelector("form[action='/admin/links'] button")).click();
                omarPhone.waitFor("/admin");
                String handle = "@town@" + other.domain();
                new WebDriverWait(omar, Duration.ofSeconds(20)).until(d -> {
                    d.navigate().refresh();
                    return omarPhone.findAll("ul.links li").stream()
                            .anyMatch(li -> li.getText().contains(handle) && li.getText().contains("linked"));
                });
                omarPhone.check("admin-links");
                omar.get(weft.base() + "/groups/camp");
                assertTrue(omar.getPageSource().contains(handle), "the community page lists the link");
                omarPhone.check("community-en");
                // Closing mid-delivery (town's Accept) interrupts H2 mid-write and fails the close: drain first.
                WaitFor.condition("town's delivery queue is empty",
                        () -> new DeliveryQueue(other.server().db()).stats(Instant.now()).pending() == 0);
            }
            omar.get(weft.base() + "/me/matches");
            omarPhone.check("matches-en");
            omar.get(weft.base() + "/account");
            omarPhone.check("account-en");
            omar.get(weft.base() + "/me/proposals");
            omarPhone.check("mine-en");
            omar.get(weft.base() + "/admin");
            omarPhone.check("admin");
            omar.get(weft.base() + "/admin/invites");
            omar.findElement(By.id("i-note")).sendKeys("for Yusuf");
            omar.findElement(By.cssSelector("form[action='/admin/invites'] button")).click();
            omarPhone.waitFor("/admin/invites");
            assertTrue(omar.findElement(By.cssSelector(".invite-link")).getText().contains("/signup?invite="), "the link");
            assertTrue(omar.findElement(By.cssSelector("svg.qr")).isDisplayed(), "and its QR code, next to the form");
            omarPhone.check("admin-invite-qr");
            omar.get(weft.base() + "/admin/members");
            omarPhone.check("admin-members");
            omar.get(weft.base() + "/no/such/page");
            assertTrue(omar.findElement(By.tagName("h1")).getText().contains("Not found"), "a page, not plain text");
            omarPhone.check("not-found-en");
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + violations);
    }
}
