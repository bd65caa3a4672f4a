package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.proposal.ProposalRules;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The new-proposal form asks for what the rules allow and no more (lengths, numbers, dates, a unit from a list, a
 * category chosen on purpose), and what the rules refuse comes back next to its field in the member's language,
 * with nothing stored. User text in another script carries its language and dir="auto".
 */
class FormLimitsTest {
    private static TestServers.Instance weft;
    private static PageClient layla;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
        weft.server().proposals().areas().create("camp-a/block-3", "Block 3", null, null);
        weft.server().localActors().createMember("layla", "Layla", "layla-password", false);
        layla = new PageClient(weft.base()).language("ar");
        layla.login("layla", "layla-password");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theFormsLimitsAreTheRules() {
        String form = layla.get("/new?purpose=offer").body();
        assertTrue(form.contains("name=\"title\" type=\"text\" required maxlength=\"" + ProposalRules.MAX_TITLE + "\""), form);
        assertTrue(form.contains("maxlength=\"" + ProposalRules.MAX_DESCRIPTION + "\""), form);
        assertTrue(form.contains("min=\"0.001\" max=\"10000\"") && form.contains("step=\"0.001\""), form);
        assertTrue(form.matches("(?s).*type=\"date\" value=\"\" min=\"\\d{4}-\\d\\d-\\d\\d\" max=\"\\d{4}-\\d\\d-\\d\\d\".*"), form);
        assertTrue(form.contains("<select id=\"unit\" name=\"unit\""), "units are a list, not free text: " + form);
        assertTrue(form.contains("<option value=\"kilogram\">كيلوغرام</option>"), "with translated names: " + form);
        assertTrue(form.contains("<select id=\"category\" name=\"category\" required"), form);
        assertTrue(form.contains("<option value=\"\" selected>اختر فئة</option>"), "nothing chosen at first: " + form);
        assertTrue(form.contains("<optgroup label="), "categories grouped under their top category: " + form);
        assertFalse(form.contains(">— "), "no dash prefixes, so typing a letter finds a category: " + form);
        assertTrue(form.contains("<option value=\"camp-a/block-3\" dir=\"auto\">Camp A\u060c Block 3</option>"),
                "areas by full name, with the reader's comma: " + form);
    }

    @Test
    void refusalsComeBackNextToTheirFieldInTheMembersLanguageAndStoreNothing() {
        long before = proposals();
        Map<String, String> fields = new HashMap<>(Map.of("purpose", "offer", "community", "camp", "title", "Bread",
                "category", "", "kind", "GIFT", "audience", "PUBLIC"));
        HttpResponse<String> noCategory = layla.submit("/new?purpose=offer", "/new", fields);
        assertEquals(400, noCategory.statusCode());
        assertTrue(noCategory.body().contains("<p class=\"error\" id=\"category-error\" role=\"alert\">اختر فئة.</p>"),
                "an untouched category is refused, not filed under Food: " + noCategory.body());
        assertTrue(noCategory.body().contains("value=\"Bread\""), "the form comes back as typed");

        fields.put("category", "bread");
        fields.put("title", "x".repeat(ProposalRules.MAX_TITLE + 1));
        HttpResponse<String> long1 = layla.submit("/new?purpose=offer", "/new", fields);
        assertTrue(long1.body().contains("id=\"title-error\"") && long1.body().contains("لا يزيد العنوان عن ١٢٠ حرفًا."),
                long1.body());

        fields.put("title", "Bread");
        fields.put("quantity", "3");
        fields.put("unit", "lorry-loads");
        HttpResponse<String> unit = layla.submit("/new?purpose=offer", "/new", fields);
        assertTrue(unit.body().contains("id=\"unit-error\""), unit.body());
        assertFalse(unit.body().contains("A unit is one of"), "no English developer sentence: " + unit.body());

        fields.put("unit", "kilogram");
        fields.put("until", "2001-01-01");
        HttpResponse<String> past = layla.submit("/new?purpose=offer", "/new", fields);
        assertTrue(past.body().contains("id=\"until-error\"") && past.body().contains("يجب أن يكون تاريخ الانتهاء في المستقبل."),
                past.body());
        assertEquals(before, proposals(), "nothing was stored");

        fields.remove("until");
        HttpResponse<String> made = layla.submit("/new?purpose=offer", "/new", fields);
        assertEquals(303, made.statusCode(), made.body());
        java.net.URI published = java.net.URI.create(made.headers().firstValue("Location").orElseThrow());
        assertEquals("done=published", published.getRawQuery(), published.toString());
        assertEquals("manage", published.getFragment(), "where the notice is shown: " + published);
        String page = layla.get(published.getRawPath() + "?" + published.getRawQuery()).body();
        assertTrue(page.contains("<dd>٣ كيلوغرامات</dd>"), "the quantity in the reader's words, in its plural for 3: " + page);
        assertTrue(page.contains("role=\"status\">نُشر: هو على اللوحة الآن.</p>"), "told it is published, in Arabic: " + page);

        Map<String, String> edit = new HashMap<>(PageClient.hiddenFields(layla.get(published.getRawPath() + "/edit").body(),
                published.getRawPath() + "/edit"));
        edit.putAll(fields);
        edit.put("title", "Two sacks of rice");
        HttpResponse<String> edited = layla.post(published.getRawPath() + "/edit", edit);
        assertEquals(303, edited.statusCode(), edited.body());
        java.net.URI saved = java.net.URI.create(edited.headers().firstValue("Location").orElseThrow());
        String after = layla.get(saved.getRawPath() + "?" + saved.getRawQuery()).body();
        assertTrue(after.contains("Two sacks of rice") && after.contains("role=\"status\">حُفظ. يُرسل التعديل إلى الخوادم التي وصلها.</p>"),
                "told the change is saved and sent: " + after);
    }

    @Test
    void userTextInAnotherScriptCarriesItsLanguageAndDirection() {
        ProposalEntity offer = weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp").purpose(Purpose.OFFER)
                .language("en").title("Anything warm helps.").description("Coats, blankets.").categories("clothing")
                .build());
        String board = layla.get("/board/camp").body();
        assertTrue(board.contains("<html lang=\"ar\" dir=\"rtl\">"), board);
        assertTrue(board.contains("lang=\"en\" dir=\"auto\">Anything warm helps.</a>"), "the English title keeps its own"
                + " direction on the Arabic board: " + board);
        assertTrue(board.contains("<p lang=\"en\" dir=\"auto\">Coats, blankets.</p>"), board);
        assertTrue(board.contains("<bdi dir=\"auto\">Layla</bdi>"), "names too: " + board);
        Element title = Jsoup.parse(layla.get(java.net.URI.create(offer.getUri()).getPath() + "/edit").body()).getElementById("title");
        assertEquals("Anything warm helps.", title.val());
        assertEquals("auto", title.attr("dir"), "typed in the field, the English title runs left to right: " + title);
    }

    /**
     * A value none of the form's choices has (a crafted request: the form only offers its radio buttons and a hidden
     * purpose) is refused in the member's language, never read as another choice; nothing is stored.
     */
    @Test
    void aChoiceTheFormDoesNotOfferIsRefusedNotReplaced() {
        String refusal = Messages.forLanguage("ar").get("error.choice_unknown");
        long before = proposals();
        Map<String, String> fields = new HashMap<>(Map.of("purpose", "request", "community", "camp",
                "title", "Nappies", "category", "bread", "kind", "GIFT", "audience", "SECRET"));
        HttpResponse<String> audience = layla.submit("/new?purpose=request", "/new", fields);
        assertEquals(400, audience.statusCode(), audience.body());
        assertTrue(audience.body().contains("<p class=\"error\" id=\"audience-error\" role=\"alert\">" + refusal + "</p>"),
                "not made community only: " + audience.body());
        assertTrue(audience.body().contains("value=\"Nappies\""), "the form comes back as typed");

        fields.put("audience", "PUBLIC");
        fields.put("kind", "STEAL");
        HttpResponse<String> kind = layla.submit("/new?purpose=request", "/new", fields);
        assertEquals(400, kind.statusCode(), kind.body());
        assertTrue(kind.body().contains("<p class=\"error\" id=\"kind-error\" role=\"alert\">" + refusal + "</p>"),
                "not made a gift: " + kind.body());

        fields.put("kind", "LOAN");
        fields.put("purpose", "steal");
        HttpResponse<String> purpose = layla.submit("/new?purpose=request", "/new", fields);
        assertEquals(400, purpose.statusCode(), purpose.body());
        assertTrue(purpose.body().contains(refusal), "not made an offer: " + purpose.body());
        assertTrue(purpose.body().contains("<html lang=\"ar\" dir=\"rtl\">"), purpose.body());
        assertEquals(before, proposals(), "nothing was stored");

        fields.put("purpose", "request");
        HttpResponse<String> made = layla.submit("/new?purpose=request", "/new", fields);
        assertEquals(303, made.statusCode(), "the form's own choices still publish: " + made.body());
    }

    private static long proposals() {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from ProposalEntity", Long.class)
                .getSingleResult());
    }
}
