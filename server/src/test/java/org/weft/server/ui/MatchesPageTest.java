package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * {@code /me/matches}: reasons in the member's language; dismissing needs the token and hides the match from the
 * member who dismisses it, not from the other member.
 */
// Ordered: the second test dismisses the one match the first one reads.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchesPageTest {
    private static final Pattern DISMISS = Pattern.compile("action=\"/me/matches/(\\d+)/dismiss\"");
    private static TestServers.Instance instance;

    @BeforeAll
    static void start() {
        instance = TestServers.start();
        instance.server().localActors().createGroup("camp", "Camp Board", "Help between neighbours");
        instance.server().localActors().createMember("amina", "Amina", "amina-password", false);
        instance.server().localActors().createMember("boris", "Boris", "boris-password", false);
        long before = instance.server().matching().matcher().applied();
        instance.server().proposals().service().create("amina", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("We need a pram").description("For a few weeks.")
                .categories("prams").build());
        instance.server().proposals().service().create("boris", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("A pram to give").description("Blue, folds.")
                .categories("prams").build());
        WaitFor.condition("both proposals are matched", () -> instance.server().matching().matcher().applied() >= before + 2);
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    @Order(1)
    void theMatchShowsTheOtherProposalAndTranslatedReasons() {
        PageClient amina = new PageClient(instance.base()).language("fr");
        amina.login("amina", "amina-password");
        String html = amina.get("/me/matches").body();
        assertTrue(html.contains("A pram to give"), html);
        assertTrue(html.contains("même catégorie"), html);
        assertTrue(html.contains("href=\"/me/matches\""), "the member nav links the page");
        assertFalse(html.contains("Boris"), "nothing about the other member beyond their proposal");
    }

    @Test
    @Order(2)
    void dismissingNeedsTheTokenAndHidesTheMatchFromTheDismisserOnly() {
        PageClient boris = new PageClient(instance.base());
        boris.login("boris", "boris-password");
        String html = boris.get("/me/matches").body();
        Matcher m = DISMISS.matcher(html);
        assertTrue(m.find(), html);
        String path = "/me/matches/" + m.group(1) + "/dismiss";
        assertEquals(403, boris.post(path, Map.of()).statusCode());
        PageClient stranger = new PageClient(instance.base());
        instance.server().localActors().createMember("chen", "Chen", "chen-password", false);
        stranger.login("chen", "chen-password");
        assertEquals(404, stranger.submit("/me/matches", path, Map.of()).statusCode());
        HttpResponse<String> ok = boris.submit("/me/matches", path, Map.of());
        assertEquals(303, ok.statusCode());
        assertFalse(boris.get("/me/matches").body().contains("A pram to give"));
        assertFalse(boris.get("/me/matches").body().contains("We need a pram"));

        // The dismissal is Boris's alone: Amina, the other member of the pair, still sees the match and keeps her
        // notification of it.
        PageClient amina = new PageClient(instance.base());
        amina.login("amina", "amina-password");
        String aminas = amina.get("/me/matches").body();
        assertTrue(aminas.contains("A pram to give") && aminas.contains("action=\"" + path + "\""), aminas);
        assertEquals(1L, (long) instance.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from NotificationEntity n, ActorEntity a where n.memberId = a.id and a.username = 'amina'"
                        + " and a.local = true and n.kind = 'match'", Long.class).getSingleResult()));
    }

    @Test
    @Order(3)
    void aRelatedOfferIsShownAsRelatedHelpInTheReadersLanguage() {
        long before = instance.server().matching().matcher().applied();
        instance.server().proposals().service().create("amina", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("ar").title("أحتاج مساعدة في ملء استمارة").description("طلب لجوء.")
                .categories("form-filling").build());
        instance.server().proposals().service().create("boris", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("Phone and laptop help").description("Evenings.")
                .categories("tech-help").build());
        WaitFor.condition("both proposals are matched", () -> instance.server().matching().matcher().applied() >= before + 2);

        PageClient amina = new PageClient(instance.base()).language("ar");
        amina.login("amina", "amina-password");
        String html = amina.get("/me/matches").body();
        Messages ar = Messages.forLanguage("ar");
        Taxonomy taxonomy = Taxonomy.load();
        String techHelp = taxonomy.label(taxonomy.byId("tech-help").orElseThrow(), "ar").toLowerCase(ar.locale());
        assertTrue(html.contains("Phone and laptop help"), html);
        assertTrue(html.contains(ar.get("match.reason.RELATED_CATEGORY", techHelp)), "why, in Arabic: " + html);
    }
}
