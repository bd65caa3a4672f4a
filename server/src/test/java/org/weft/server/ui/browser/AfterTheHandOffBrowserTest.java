package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * What happens after an answer, over time, on a phone in Arabic, each person's browser asking for it: a second answer
 * sent from a page opened before the first was (refused, with the reason); the terms of an accepted offer changed
 * afterwards (the responder is told); a request withdrawn while someone was writing to it (the page gives back what
 * they wrote); the responder leaving the site (the author is told, and the conversation says it is closed). These are
 * the pages people meet least often and so were last to be looked at; each step is a screenshot under
 * {@code target/journey/ar/after-NN-step.png}, checked against the Arabic message files, {@code lang}/{@code dir},
 * sideways scrolling on a phone, and axe-core.
 */
class AfterTheHandOffBrowserTest {
    private static final String LANG = "ar";
    private static final String PASSWORD = "a long enough password";

    @BeforeAll
    static void browserInstalled() {
        PhoneBrowser.requireChromium();
    }

    @Test
    void theLaterPagesReadRightToLeftInArabic() throws IOException {
        Messages m = Messages.forLanguage(LANG);
        Path shots = Path.of("target", "journey", LANG);
        List<String> problems = new ArrayList<>();
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("camp", "مخيم أ", null);
            weft.server().localActors().createMember("amal", "أمل", PASSWORD, false);
            weft.server().localActors().createMember("sami", "سامي", PASSWORD, false);
            weft.server().localActors().createMember("huda", "هدى", PASSWORD, false);
            var proposals = weft.server().proposals();
            ProposalEntity offer = proposals.service().create("amal", ProposalDraft.builder().community("camp")
                    .purpose(Purpose.OFFER).language(LANG).title("بطانيات صوف").description("ثلاث بطانيات نظيفة")
                    .categories("bedding").build());
            ProposalEntity request = proposals.service().create("amal", ProposalDraft.builder().community("camp")
                    .purpose(Purpose.REQUEST).language(LANG).title("أحتاج موقد غاز").categories("kitchenware").build());
            String offerPath = path(weft, offer);

            try (PhoneBrowser amal = new PhoneBrowser(weft.base(), LANG, shots, problems);
                 PhoneBrowser sami = new PhoneBrowser(weft.base(), LANG, shots, problems);
                 PhoneBrowser huda = new PhoneBrowser(weft.base(), LANG, shots, problems)) {
                // 1. Sami opens the offer, and answers it from another tab before sending this one: refused, and why.
                sami.login("sami", PASSWORD);
                sami.open(offerPath);
                sami.find("#respond-text").sendKeys("هل ما زالت متاحة؟");
                long samis = proposals.responses().respond("sami", offer.getId(), "أحتاج بطانية واحدة من فضلك").getId();
                sami.clickAndWaitForNewPage("section.respond button");
                sami.assertLanguage(LANG, "rtl");
                sami.assertShows("already answered", m.get("error.already_answered"));
                sami.check("after-01-already-answered");

                // 2. Amal accepts, then changes the offer's words: Sami is told to check what was arranged.
                proposals.responses().accept("amal", samis, "عند بوابة المخيم الساعة الرابعة");
                proposals.service().edit("amal", offer.getId(), ProposalDraft.builder().title("بطانيتان صوف").build());
                sami.open("/me/notifications");
                sami.assertLanguage(LANG, "rtl");
                sami.assertShows("terms changed", m.get("notification.edited-after-accept", Messages.isolate("بطانيتان صوف")));
                sami.check("after-02-edited-after-accept");

                // 3. Huda writes to Amal's request while Amal withdraws it: her words come back to her, unsent.
                huda.login("huda", PASSWORD);
                huda.open(path(weft, request));
                String unsent = "عندي موقد صغير يمكنني إعارته";
                huda.find("#respond-text").sendKeys(unsent);
                assertTrue(proposals.service().changeStatus("amal", request.getId(), ProposalStatus.WITHDRAWN));
                huda.clickAndWaitForNewPage("section.respond button");
                huda.assertLanguage(LANG, "rtl");
                huda.assertShows("withdrawn meanwhile", m.get("gone.responseNotSent"), m.get("gone.responseKept"), unsent);
                huda.check("after-03-response-kept");

                // 4. Sami leaves the site: Amal is told, the offer is open again, and the conversation says it closed.
                PageClient leaving = new PageClient(weft.base());
                leaving.login("sami", PASSWORD);
                assertEquals(303, leaving.submit("/account", "/account/delete", Map.of("password", PASSWORD)).statusCode());
                amal.login("amal", PASSWORD);
                amal.open("/me/notifications");
                amal.assertLanguage(LANG, "rtl");
                amal.assertShows("responder left", m.get("notification.responder-left", Messages.isolate("بطانيتان صوف")));
                amal.check("after-04-responder-left");
                amal.open(offerPath);
                amal.assertShows("conversation closed", m.get("conversation.closedLeft"), m.get("response.left"),
                        m.get("status.open"));
                amal.check("after-05-conversation-closed");
            }
        }
        assertTrue(problems.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + problems);
    }

    private static String path(TestServers.Instance weft, ProposalEntity p) {
        return p.getUri().substring(weft.base().length());
    }
}
