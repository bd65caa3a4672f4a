package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.response.ConversationService;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;

/**
 * The pages that show conversations stay under the 50 KB page budget (as {@link PageWeightTest} weighs the others) when
 * they are as heavy as members can make them: many responses, each with many messages of the longest length, in
 * Arabic (two bytes a letter). They page instead of growing.
 */
class ConversationPageWeightTest {
    private static final int BUDGET = 50 * 1024;
    private static final String WORDS = "سأكون عند نقطة الماء بعد صلاة العصر ومعي الأكياس والبطانيات ";
    private static final String LONGEST = WORDS.repeat(50).substring(0, ConversationService.MAX_LENGTH);

    @Test
    void heavyConversationsPageInsteadOfGrowing() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("camp", "Camp Board", null);
            weft.server().localActors().createMember("layla", "Layla", "layla-password", false);
            weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
            PageClient layla = loggedIn(weft, "layla");
            PageClient omar = loggedIn(weft, "omar");
            long laylaId = memberId(weft, "layla");
            long omarId = memberId(weft, "omar");
            ConversationService conversations = weft.server().proposals().conversations();

            // Omar answers sixteen of Layla's offers at length; they write each conversation to its fullest.
            List<Long> responses = new ArrayList<>();
            String path = null;
            for (int i = 0; i < 16; i++) {
                ProposalEntity offer = weft.server().proposals().service().create("layla", ProposalDraft.builder()
                        .community("camp").purpose(Purpose.OFFER).language("ar").title("عرض رقم " + i).categories("bread")
                        .build());
                path = URI.create(offer.getUri()).getPath();
                assertEquals(303, omar.submit(path, path + "/respond", Map.of("text", WORDS.repeat(60))).statusCode());
                long id = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                        "select max(id) from ResponseEntity", Long.class).getSingleResult());
                responses.add(id);
                for (int m = 0; m < (i == 15 ? 40 : 4); m++) {
                    conversations.post(m % 2 == 0 ? laylaId : omarId, id, LONGEST);
                    // Omar reads each as it comes (unread, one notice would count a conversation's messages), so his
                    // list holds a notice, with its long text, for each of Layla's.
                    readAll(weft, omarId);
                }
            }
            long heaviest = responses.getLast();
            String heaviestProposal = path;

            Map<String, Integer> sizes = new LinkedHashMap<>();
            sizes.put("author's proposal page", weigh(layla, heaviestProposal));
            sizes.put("responder's proposal page", weigh(omar, heaviestProposal));
            String conversation = "/conversations/" + heaviest;
            String first = omar.get(conversation).body();
            sizes.put("conversation page", weigh(omar, conversation));
            Matcher earlier = Pattern.compile("href=\"(/conversations/\\d+\\?skip=\\d+)\"")
                    .matcher(first);
            assertTrue(earlier.find(), "forty long messages page on: " + first);
            sizes.put("earlier messages", weigh(omar, earlier.group(1)));
            String responsesPage = omar.get("/me/responses").body();
            assertTrue(responsesPage.contains("rel=\"next\""), "sixteen responses page on");
            sizes.put("my responses", weigh(omar, "/me/responses"));
            sizes.put("my responses, page 2", weigh(omar, "/me/responses?page=1"));
            assertTrue(omar.get("/me/responses?page=1").body().contains(WORDS.strip()), "the second page holds the rest");
            String notifications = omar.get("/me/notifications").body();
            assertTrue(notifications.contains("rel=\"next\""), "Omar's many notifications page on");
            sizes.put("notifications", weigh(omar, "/me/notifications"));
            sizes.put("notifications, page 2", weigh(omar, "/me/notifications?page=2"));
            System.out.println("Conversation page weights (bytes): " + sizes);
            sizes.forEach((page, size) -> assertTrue(size < BUDGET, page + " weighs " + size + " bytes, over " + BUDGET));
        }
    }

    private static PageClient loggedIn(TestServers.Instance weft, String name) {
        PageClient client = new PageClient(weft.base()).language("ar");
        client.login(name, name + "-password");
        return client;
    }

    private static void readAll(TestServers.Instance weft, long memberId) {
        weft.server().db().run(s -> s.createMutationQuery("update NotificationEntity set readAt = :now"
                + " where memberId = :m and readAt is null").setParameter("now", Instant.now())
                .setParameter("m", memberId).executeUpdate());
    }

    private static long memberId(TestServers.Instance weft, String name) {
        return weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, name).orElseThrow().getId());
    }

    private static int weigh(PageClient client, String path) {
        HttpResponse<String> res = client.get(path);
        assertEquals(200, res.statusCode(), path + ": " + res.body());
        return res.body().getBytes(StandardCharsets.UTF_8).length;
    }
}
