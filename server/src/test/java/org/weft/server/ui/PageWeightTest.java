package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.moderation.DomainBlocks;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.DomainSeverity;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Every page type stays under 50 KB for a phone on a weak connection (the budget; the shared stylesheet is
 * cached and not counted): the member's and the operator's pages (each operator section, the invite's QR code
 * included), the moderators' pages (reports queue, moderation log, followers, moderation) full, the confirmation
 * pages, the welcome, and the error pages (404, 410, 403, 500-shaped refusals). Measured
 * uncompressed, so the budget holds even where nothing compresses the page.
 */
class PageWeightTest {
    private static final int BUDGET = 50 * 1024;
    private static final String TEXT = "A thing someone nearby may need, in good condition, collected from the block "
            + "near the water point in the morning or brought over after the evening meal if that is easier. ";
    private static TestServers.Instance weft;
    private static String proposalPath;
    private static String withdrawnPath;
    private static String invite;

    @BeforeAll
    static void start() {
        weft = TestServers.start(Map.of("WEFT_SIGNUP", "invite"));
        weft.server().localActors().createGroup("camp", "Camp Board", "Help between neighbours");
        weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
        new Operators(weft.server().db()).setAdmin("amina", true);
        weft.server().localActors().createMember("basma", "Basma", "basma-password", false);
        ProposalEntity last = null;
        // Amina's offers and Basma's requests of one category match each other (nobody's offer matches their own
        // request): Amina's matches page gets well over a page of rows.
        for (int i = 0; i < 25; i++) {
            last = weft.server().proposals().service().create(i % 2 == 0 ? "amina" : "basma", ProposalDraft.builder()
                    .community("camp")
                    .purpose(i % 2 == 0 ? Purpose.OFFER : Purpose.REQUEST).language("en").title("Proposal number " + i)
                    .description(TEXT.repeat(3)).categories(i % 3 == 0 ? "prams" : "bread").build());
        }
        proposalPath = URI.create(last.getUri()).getPath();
        for (int i = 0; i < 20; i++) {
            weft.server().proposals().areas().create("area-" + i, "Area number " + i + " of the camp", null, null);
            new org.weft.server.domain.account.Invites(weft.server().db(), java.time.Clock.systemUTC())
                    .create("Invite number " + i + " for a family of the camp", null);
            weft.server().localActors().createMember("member" + i, "Member number " + i, "member-password", false);
        }
        invite = new org.weft.server.domain.account.Invites(weft.server().db(), java.time.Clock.systemUTC())
                .create("for the weigh-in", null).getCode();
        ProposalEntity gone = weft.server().proposals().service().create("amina", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("Taken back").categories("bread").build());
        weft.server().proposals().service().delete("amina", gone.getId());
        withdrawnPath = URI.create(gone.getUri()).getPath();
        // The moderators' pages, weighed full: twenty open reports with comments, and twenty blocked servers in the log.
        for (int i = 0; i < 20; i++) {
            long reporter = weft.server().localActors().createMember("reporter" + i, "Reporter " + i, "reporter-password",
                    false).getId();
            weft.server().safety().reports().fromMember(reporter, last.getUri(), TEXT);
            weft.server().safety().domains().block(new DomainBlocks.Block("spam" + i + ".example", DomainSeverity.SUSPEND,
                    false, "Sends the same advert to every community, again and again", false));
        }
        long target = 25;
        WaitFor.condition("the matcher has seen every proposal",
                () -> weft.server().matching().matcher().applied() >= target);
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void everyPageTypeIsUnderFiftyKilobytes() {
        PageClient member = new PageClient(weft.base());
        member.login("amina", "amina-password");
        PageClient visitor = new PageClient(weft.base());
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String path : new String[] {"/", "/groups/camp", "/board/camp", proposalPath, proposalPath + "/edit",
                "/new?purpose=offer", "/new?purpose=request", "/me/proposals", "/me/matches", "/me/notifications",
                "/account", "/admin", "/admin/communities", "/admin/links", "/admin/areas", "/admin/invites",
                "/admin/invites?show=" + invite, "/admin/members", "/admin/queue", "/welcome", "/users/amina", "/tags/bread",
                "/tags/MutualAidOffer", "/moderate/reports", "/moderation-log/camp", "/moderate/camp",
                "/moderate/camp/followers", "/account/followers"}) {
            sizes.put(path, weigh(member, path, 200));
        }
        sizes.put("confirm withdraw", weighPost(member, proposalPath, proposalPath + "/status", Map.of("status", "withdrawn")));
        sizes.put("confirm delete", weighPost(member, proposalPath, proposalPath + "/delete", Map.of()));
        sizes.put("confirm reset", weighPost(member, "/admin/members", "/admin/members/member1/password", Map.of()));
        sizes.put("confirm remove moderator", weighPost(member, "/moderate/camp", "/moderate/camp/moderators/remove",
                Map.of("username", "amina")));
        long report = weft.server().safety().reports().all(1).get(0).getId();
        sizes.put("confirm suspend server", weighPost(member, "/moderate/reports", "/moderate/reports/" + report,
                Map.of("action", "suspend", "reason", "Spam")));
        sizes.put("refused form", member.submit("/new?purpose=offer", "/new", Map.of("purpose", "offer", "title", "t",
                "category", "")).body().getBytes(StandardCharsets.UTF_8).length);
        sizes.put("403 /admin (member)", weigh(other(), "/admin/members", 403));
        sizes.put("404 unknown address", weigh(visitor, "/no/such/page", 404));
        sizes.put("/login", weigh(visitor, "/login", 200));
        sizes.put("/signup", weigh(visitor, "/signup", 200));
        // The pages a visitor lands on when something is not there (or no longer is), and the remote-follow answers.
        sizes.put("404 " + "/board/nowhere", weigh(visitor, "/board/nowhere", 404));
        sizes.put("410 " + withdrawnPath, weigh(visitor, withdrawnPath, 410));
        sizes.put("/authorize_follow (not a handle)", weigh(visitor, "/authorize_follow?acct=nobody", 400));
        sizes.put("/authorize_follow (no such community)",
                weigh(visitor, "/authorize_follow?acct=%40rosa%40mastodon.example&target=nothing", 404));
        System.out.println("Page weights (bytes): " + sizes);
        assertTrue(new PageClient(weft.base()).get("/board/camp").body().contains("Proposal number 24"),
                "the board shows the proposals it is weighed with");
        assertTrue(member.get("/me/matches").body().contains("rel=\"next\""), "the matches page is full and pages on");
        assertTrue(member.get("/admin/invites?show=" + invite).body().contains("<svg"), "weighed with its QR code");
        assertTrue(member.get("/admin/members").body().contains("Member number 19"), "weighed with its members");
        assertTrue(member.get("/moderate/reports").body().contains("Reporter 19"), "the queue is weighed full");
        assertTrue(visitor.get("/moderation-log/camp").body().contains("spam19.example"), "the log is weighed full");
        String tag = member.get("/tags/bread").body();
        assertTrue(tag.contains("Proposal number 23") && tag.contains("Proposal number 1<"),
                "the tag page is weighed full, with the newest and the oldest bread proposals");
        sizes.forEach((path, size) -> assertTrue(size < BUDGET, path + " weighs " + size + " bytes, over " + BUDGET));
    }

    private static PageClient other() {
        weft.server().localActors().createMember("zaid", "Zaid", "zaid-password", false);
        PageClient zaid = new PageClient(weft.base());
        zaid.login("zaid", "zaid-password");
        return zaid;
    }

    /** A form that answers with a page (a confirmation), weighed like the pages. */
    private static int weighPost(PageClient client, String formPage, String path, Map<String, String> fields) {
        HttpResponse<String> res = client.submit(formPage, path, fields);
        assertEquals(200, res.statusCode(), path + ": " + res.body());
        return res.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private static int weigh(PageClient client, String path, int status) {
        HttpResponse<String> res = client.get(path);
        assertEquals(status, res.statusCode(), path + ": " + res.body());
        return res.body().getBytes(StandardCharsets.UTF_8).length;
    }
}
