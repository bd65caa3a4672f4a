package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Invites;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Walks every page a member, an operator and a visitor can reach (following the site's own links) and every form
 * refusal, in Arabic and in Persian, and fails on any visible string that is not from that language's message file:
 * an English sentence, a raw message key, a developer's error text.
 * <p>
 * The principle for what is skipped: people's own words and proper names are marked as such on the page, and only
 * those marks are trusted. Text inside an element with its own {@code lang} (another language than the page's), with
 * {@code dir="auto"} (user text, names), in {@code <bdi>} or {@code <code>}, or with {@code dir="ltr"} (handles,
 * addresses, codes) is not the page's own, nor is text between Unicode's isolate marks (U+2066 or U+2068 … U+2069, plain text's
 * {@code <bdi>}: what a person typed, inside a sentence that refuses it). The page's {@code <title>} cannot hold
 * markup; it repeats the page's heading, so the marked text of the page is taken out of it before it is checked.
 * Everything else must be the page language's: no Latin letters, except
 * words that the message file itself uses (product names such as Weft, protocol words such as Bearer). The seeded
 * content is deliberately English, so an unmarked piece of it fails the walk.
 */
class RightToLeftWalkTest {
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern ISOLATED = Pattern.compile("[\u2066\u2068][^\u2069]*\u2069");
    private static final Pattern LINK = Pattern.compile("href=\"([^\"#]*)");
    private static final int MAX_PAGES = 160;
    /**
     * Notifications of matches are still shown by their raw key ({@code notification.match}); translating every
     * notification kind is issue 12 item 5, done in its own branch. Until it lands, the walk reads the notifications
     * of a member without matches only ({@link #omarsNotificationsSpeakHisLanguage}).
     */
    private static final Set<String> NOT_YET = Set.of("/me/notifications");

    private static TestServers.Instance weft;
    private static String requestPath;
    private static String withdrawnPath;
    private static String invite;

    @BeforeAll
    static void start() {
        weft = TestServers.start(Map.of("WEFT_SIGNUP", "invite"));
        weft.server().localActors().createGroup("camp", "Camp Board", "Help between neighbours");
        weft.server().proposals().areas().create("camp-a", "Camp A", null, null);
        weft.server().proposals().areas().create("camp-a/block-3", "Block 3", null, null);
        weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
        weft.server().localActors().createMember("layla", "Layla", "layla-password", false);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        new Operators(weft.server().db()).setAdmin("amina", true);
        var service = weft.server().proposals().service();
        ProposalEntity request = service.create("amina", ProposalDraft.builder().community("camp").purpose(Purpose.REQUEST)
                .language("en").title("Need a pram for a month").description("Anything that rolls.\n\nThank you.")
                .categories("prams").area("camp-a/block-3").audience(Audience.PUBLIC).build());
        service.create("layla", ProposalDraft.builder().community("camp").purpose(Purpose.OFFER).language("en")
                .title("Pram to lend").description("Folds flat.").categories("prams").area("camp-a").build());
        service.create("layla", ProposalDraft.builder().community("camp").purpose(Purpose.OFFER).language("ar")
                .title("خبز طازج").description("كل صباح").categories("bread").build());
        ProposalEntity gone = service.create("amina", ProposalDraft.builder().community("camp").purpose(Purpose.OFFER)
                .language("en").title("A kettle").categories("kitchenware").build());
        service.changeStatus("amina", gone.getId(), ProposalStatus.WITHDRAWN);
        requestPath = URI.create(request.getUri()).getPath();
        withdrawnPath = URI.create(gone.getUri()).getPath();
        invite = new Invites(weft.server().db(), Clock.systemUTC()).create("for Yusuf", null).getCode();
        WaitFor.condition("the matcher has seen every proposal", () -> weft.server().matching().matcher().applied() >= 4);

        // Omar answers Amina's request; Amina accepts with a meeting place, which reaches Omar as a message.
        PageClient omar = member("omar", "en");
        assertEquals(303, omar.submit(requestPath, requestPath + "/respond", Map.of("text", "I have one, hardly used"))
                .statusCode());
        long response = weft.server().db().inTransaction(s -> s.createSelectionQuery("from ResponseEntity",
                ResponseEntity.class).getResultList().get(0).getId());
        weft.server().proposals().responses().accept("amina", response, "Tent 12, after noon");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void everyPageAnOperatorReachesIsArabicOrPersian() throws IOException {
        for (String lang : List.of("ar", "fa")) {
            List<String> problems = walk(member("amina", lang), lang, List.of("/", "/admin", "/me/proposals", "/me/matches",
                    "/welcome", "/account", requestPath, requestPath + "/edit", "/new?purpose=offer", "/new?purpose=request",
                    "/admin/invites?show=" + invite, "/board/camp?status=withdrawn", withdrawnPath, "/no/such/page"));
            assertTrue(problems.isEmpty(), lang + ": text that is not from messages_" + lang + ":\n" + String.join("\n", problems));
        }
    }

    @Test
    void everyPageAVisitorReachesIsArabicOrPersian() throws IOException {
        for (String lang : List.of("ar", "fa")) {
            List<String> problems = walk(new PageClient(weft.base()).language(lang), lang, List.of("/", "/login", "/signup",
                    "/signup?invite=" + invite, requestPath, "/groups/camp", "/tags/prams", "/tags/MutualAidRequest",
                    "/board/camp/print?lang=" + lang, "/authorize_follow?acct=not-a-handle", "/authorize_follow?acct=%40rosa%40example.org&target=nothing"));
            assertTrue(problems.isEmpty(), lang + ":\n" + String.join("\n", problems));
        }
    }

    @Test
    void omarsNotificationsSpeakHisLanguage() throws IOException {
        for (String lang : List.of("ar", "fa")) {
            PageClient omar = member("omar", lang);
            List<String> problems = new ArrayList<>(check("/me/notifications", omar.get("/me/notifications"), lang));
            assertTrue(omar.get("/me/notifications").body().contains("Tent 12, after noon"), "the meeting place is there");
            assertTrue(problems.isEmpty(), lang + ":\n" + String.join("\n", problems));
        }
    }

    /** Every refusal a person can meet on a form, in both languages: each answer must be in that language only. */
    @Test
    void everyFormRefusalIsArabicOrPersian() throws IOException {
        for (String lang : List.of("ar", "fa")) {
            PageClient amina = member("amina", lang);
            PageClient visitor = new PageClient(weft.base()).language(lang);
            List<String> problems = new ArrayList<>();
            Map<String, String> offer = new HashMap<>(Map.of("purpose", "offer", "community", "camp", "title", "Bread",
                    "category", "bread", "kind", "GIFT", "audience", "PUBLIC"));
            for (Map<String, String> change : List.<Map<String, String>>of(Map.of("category", ""), Map.of("title", ""),
                    Map.of("title", "x".repeat(121)), Map.of("quantity", "lots"), Map.of("quantity", "0", "unit", "one"),
                    Map.of("quantity", "2", "unit", "lorry"), Map.of("quantity", "2.00001", "unit", "one"),
                    Map.of("quantity", "2"), Map.of("until", "2001-01-01"), Map.of("until", "2999-01-01"),
                    Map.of("until", "tomorrow"), Map.of("area", "atlantis"), Map.of("community", "nowhere"),
                    Map.of("description", "d".repeat(5_001)))) {
                Map<String, String> fields = new HashMap<>(offer);
                fields.putAll(change);
                problems.addAll(refused("/new " + change.keySet(), amina.submit("/new?purpose=offer", "/new", fields), lang));
            }
            problems.addAll(refused("respond", amina.submit(requestPath, requestPath + "/respond", Map.of("text", "")), lang));
            problems.addAll(refused("status", amina.submit(requestPath, requestPath + "/status", Map.of("status", "expired")),
                    lang));
            problems.addAll(refused("password", amina.submit("/account", "/account/password",
                    Map.of("current", "wrong", "next", "long enough secret")), lang));
            problems.addAll(refused("password short", amina.submit("/account", "/account/password",
                    Map.of("current", "amina-password", "next", "short")), lang));
            problems.addAll(refused("fediverse", amina.submit("/account", "/account/fediverse", Map.of("account", "")), lang));
            problems.addAll(refused("delete", amina.submit("/account", "/account/delete", Map.of("password", "no")), lang));
            problems.addAll(refused("area code", amina.submit("/admin/areas", "/admin/areas",
                    Map.of("code", "Bad Code", "name", "x")), lang));
            problems.addAll(refused("area exists", amina.submit("/admin/areas", "/admin/areas",
                    Map.of("code", "camp-a", "name", "x")), lang));
            problems.addAll(refused("area parent", amina.submit("/admin/areas", "/admin/areas",
                    Map.of("code", "nowhere/here", "name", "x")), lang));
            problems.addAll(refused("community taken", amina.submit("/admin/communities", "/admin/communities",
                    Map.of("name", "camp", "display", "x")), lang));
            problems.addAll(refused("community reserved", amina.submit("/admin/communities", "/admin/communities",
                    Map.of("name", "admin", "display", "x")), lang));
            problems.addAll(refused("texts", amina.submit("/admin/communities", "/admin/texts",
                    Map.of("community", "camp", "about", "a", "rules", "r".repeat(4_001))), lang));
            problems.addAll(refused("invite note", amina.submit("/admin/invites", "/admin/invites",
                    Map.of("note", "n".repeat(201))), lang));
            problems.addAll(refused("link target", amina.submit("/admin/links", "/admin/links",
                    Map.of("community", "camp", "target", "nonsense")), lang));
            problems.addAll(refused("signup invite", visitor.submit("/signup", "/signup",
                    Map.of("invite", "nope", "username", "yusuf", "password", "long enough secret")), lang));
            problems.addAll(refused("signup name", visitor.submit("/signup", "/signup",
                    Map.of("invite", invite, "username", "Bad Name!", "password", "long enough secret")), lang));
            problems.addAll(refused("signup taken", visitor.submit("/signup", "/signup",
                    Map.of("invite", invite, "username", "omar", "password", "long enough secret")), lang));
            problems.addAll(refused("signup password", visitor.submit("/signup", "/signup",
                    Map.of("invite", invite, "username", "yusuf", "password", "short")), lang));
            problems.addAll(check("login", visitor.submit("/login", "/login", Map.of("username", "omar", "password", "no")),
                    lang));
            problems.addAll(check("no token", visitor.post("/login", Map.of("username", "omar", "password", "no")), lang));
            for (String[] ask : new String[][] {{requestPath + "/status", "status", "withdrawn"},
                    {requestPath + "/delete", "x", "y"}, {"/admin/members/omar/password", "x", "y"},
                    {"/admin/members/omar/remove", "x", "y"}, {"/admin/links/remove", "target", "@town@elsewhere.example"}}) {
                HttpResponse<String> confirm = amina.submit(requestPath, ask[0], Map.of(ask[1], ask[2]));
                assertEquals(200, confirm.statusCode(), ask[0]);
                problems.addAll(check("confirm " + ask[0], confirm, lang));
            }
            assertTrue(problems.isEmpty(), lang + ":\n" + String.join("\n", problems));
        }
    }

    private static PageClient member(String username, String lang) {
        PageClient client = new PageClient(weft.base()).language(lang);
        client.login(username, username + "-password");
        // The member's chosen language wins over the browser's: choose it, as a member does in the footer.
        client.submit("/", "/language", Map.of("lang", lang));
        return client;
    }

    private static List<String> refused(String what, HttpResponse<String> response, String lang) throws IOException {
        List<String> problems = new ArrayList<>(check(what, response, lang));
        if (response.statusCode() != 400) {
            problems.add(what + ": expected a refusal (400), got " + response.statusCode());
        }
        return problems;
    }

    /** Follows the site's own links from {@code starts}, checking every page on the way. */
    private static List<String> walk(PageClient client, String lang, List<String> starts) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(starts);
        List<String> problems = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
            String path = queue.poll();
            if (!seen.add(path) || NOT_YET.contains(path.split("\\?", 2)[0])) {
                continue;
            }
            HttpResponse<String> page = client.get(path);
            if (page.statusCode() == 303 || page.statusCode() == 301) {
                queue.add(page.headers().firstValue("Location").orElseThrow().split("#", 2)[0]);
                continue;
            }
            problems.addAll(check(path, page, lang));
            Matcher link = LINK.matcher(page.body());
            while (link.find()) {
                String href = link.group(1).replace("&amp;", "&");
                if (href.startsWith(weft.base())) {
                    href = href.substring(weft.base().length());
                }
                // Links to the same data as JSON (the moderation log's), and a board's feeds and data files, are for
                // programs, not pages to read.
                if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/static/")
                        && !href.startsWith("/favicon") && !href.contains("format=json")
                        && !href.split("\\?", 2)[0].matches(".*\\.(atom|csv|json)")) {
                    queue.add(href);
                }
            }
        }
        assertTrue(seen.size() > starts.size(), "the walk followed links: " + seen);
        return problems;
    }

    /** The visible strings of a page that are not from the page language's message file. */
    static List<String> check(String where, HttpResponse<String> response, String lang) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/html")) {
            return List.of(where + ": not a page (" + response.statusCode() + " " + type + "): " + response.body());
        }
        Document page = Jsoup.parse(response.body());
        List<String> problems = new ArrayList<>();
        if (!lang.equals(page.selectFirst("html").attr("lang")) || !"rtl".equals(page.selectFirst("html").attr("dir"))) {
            problems.add(where + ": the page is not lang=" + lang + " dir=rtl");
        }
        Set<String> allowed = latinWordsOf(lang);
        List<String> texts = new ArrayList<>();
        String title = page.title();
        for (Element marked : page.select("bdi, code, [dir=auto], [dir=ltr], [lang]")) {
            if (!marked.tagName().equals("html") && !marked.text().isBlank()) {
                title = title.replace(marked.text(), " ");
            }
        }
        texts.add(title);
        for (Element e : page.select("[placeholder], [aria-label], [title], [alt], optgroup[label]")) {
            if (!e.hasAttr("dir") || !"ltr".equals(e.attr("dir"))) {
                for (String attribute : List.of("placeholder", "aria-label", "title", "alt", "label")) {
                    texts.add(e.attr(attribute));
                }
            }
        }
        page.select("head, script, style, svg, code, bdi, textarea, [dir=auto], [dir=ltr]").remove();
        for (Element e : page.select("[lang]")) {
            if (!e.tagName().equals("html") && !lang.equals(e.attr("lang"))) {
                e.remove();
            }
        }
        page.body().select("*").forEach(e -> texts.add(e.ownText()));
        for (String text : texts) {
            Set<String> foreign = new TreeSet<>();
            Matcher word = LATIN_WORD.matcher(ISOLATED.matcher(text).replaceAll(" "));
            while (word.find()) {
                if (!allowed.contains(word.group())) {
                    foreign.add(word.group());
                }
            }
            if (!foreign.isEmpty()) {
                problems.add(where + ": \"" + text.strip() + "\" " + foreign);
            }
        }
        return problems;
    }

    private static final Map<String, Set<String>> LATIN_WORDS = new HashMap<>();

    /** The Latin words the language's own message file uses (its values only, without placeholders). */
    static synchronized Set<String> latinWordsOf(String lang) throws IOException {
        if (!LATIN_WORDS.containsKey(lang)) {
            Properties messages = new Properties();
            try (InputStream in = RightToLeftWalkTest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> words = new TreeSet<>();
            for (String value : messages.stringPropertyNames().stream().map(messages::getProperty).toList()) {
                Matcher word = LATIN_WORD.matcher(value.replaceAll("\\{[^}]*}", " "));
                while (word.find()) {
                    words.add(word.group());
                }
            }
            LATIN_WORDS.put(lang, words);
        }
        return LATIN_WORDS.get(lang);
    }
}
