package org.weft.server.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.response.Conversation;
import org.weft.server.domain.response.ConversationService;
import org.weft.server.domain.response.TakenBackAnswers;

/**
 * The conversation after a response, for its two sides only ({@code GET|POST /responses/{id}/messages}), and the
 * caller's own responses with their conversations ({@code GET /me/responses}); its responder takes their answer back
 * with {@code POST /responses/{id}/take-back}. Anyone else gets 404, as for a response that does not exist.
 */
final class ConversationsApi {
    private final ConversationService conversations;
    private final TakenBackAnswers takenBack;
    private final ApiAuth auth;

    ConversationsApi(ConversationService conversations, TakenBackAnswers takenBack, ApiAuth auth) {
        this.conversations = conversations;
        this.takenBack = takenBack;
        this.auth = auth;
    }

    /** The conversation's messages, newest first, page by page. */
    void list(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        SearchParameters.allowOnly(req, Set.of("page", "size"));
        long id = ApiRoutes.pathId(req, "response");
        int page = SearchParameters.page(req);
        int size = SearchParameters.size(req);
        Conversation c = conversations.view(member.id(), id, (page - 1) * size, size);
        ObjectNode body = about(c);
        ArrayNode items = body.putArray("items");
        c.messages().reversed().forEach(message -> items.add(message(message)));
        body.put("page", page).put("size", size).put("total", c.total());
        ApiReplies.ok(res, body);
    }

    /** {@code {"text": "…"}}: writes in the conversation; 201 with the message. */
    void post(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        long id = ApiRoutes.pathId(req, "response");
        JsonBody body = JsonBody.read(req, Set.of("text"));
        String text = body.text("text");
        // An empty or too long text is a 400 on "text", a closed or full conversation a 409 (ApiRoutes says them).
        Conversation.Message written = conversations.post(member.id(), id, text);
        ApiReplies.created(res, ApiRoutes.PREFIX + "/responses/" + id + "/messages", message(written));
    }

    /**
     * The caller takes back their own answer: 200 with its conversation as it is now (closed, {@code takenBack}).
     * Idempotent: taking back again answers the same and changes nothing; 404 for an answer that is not theirs.
     */
    void takeBack(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        long id = ApiRoutes.pathId(req, "response");
        JsonBody.readOptional(req, Set.of());
        takenBack.takeBack(member.id(), id);
        ApiReplies.ok(res, about(conversations.view(member.id(), id, 0, 1)));
    }

    /** The caller's own responses, newest first, each with its newest message. */
    void mine(ServerRequest req, ServerResponse res) {
        ApiAuth.Member member = auth.required(req);
        SearchParameters.allowOnly(req, Set.of("page", "size"));
        int page = SearchParameters.page(req);
        int size = SearchParameters.size(req);
        List<Conversation> found = conversations.ofResponder(member.id(), (page - 1) * size, size, 1);
        ObjectNode body = ApiJson.object();
        ArrayNode items = body.putArray("items");
        for (Conversation c : found) {
            ObjectNode item = about(c);
            item.put("text", c.responseText()).put("created", c.responseAt().toString());
            if (!c.messages().isEmpty()) {
                item.set("lastMessage", message(c.messages().getLast()));
            }
            item.put("messages", c.total());
            items.add(item);
        }
        body.put("page", page).put("size", size);
        ApiReplies.ok(res, body);
    }

    /** What a conversation is about, and whether it takes messages. */
    private static ObjectNode about(Conversation c) {
        ObjectNode json = ApiJson.object().put("responseId", c.responseId())
                .put("side", c.authorSide() ? "author" : "responder")
                .put("state", c.state().name().toLowerCase(Locale.ROOT))
                .put("with", c.otherName())
                .put("open", c.open())
                .put("takenBack", "conversation.closedTakenBack".equals(c.closedKey()));
        if (!c.open()) {
            json.put("closed", c.closedKey().substring("conversation.closed".length()).toLowerCase(Locale.ROOT));
        }
        json.putObject("proposal").put("uri", c.proposalUri()).put("title", c.proposalTitle())
                .put("local", c.proposalLocal()).put("id", c.proposalId());
        return json;
    }

    private static ObjectNode message(Conversation.Message m) {
        return ApiJson.object().put("id", m.id()).put("mine", m.byViewer()).put("ownSide", m.ownSide())
                .put("from", m.from()).put("text", m.text()).put("created", m.at().toString())
                .put("removed", m.removed()).put("unread", m.unread());
    }
}
