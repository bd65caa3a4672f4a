package org.weft.server.api;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ResponseEntity;

/**
 * A response as its proposal's author sees it (nobody else is shown responses through the API): who
 * answered, how (a public reply, a direct message, an agreement offer), what they wrote (the
 * sanitised HTML and the same as plain text), and the author's decision. {@code state} stays the decision, as
 * clients read it; {@code responderLeft} says that its sender has left since (their account deleted here, or a
 * {@code Delete} of them received), which the page says instead of the decision: an accepted one is off.
 */
final class ResponseJson {
    private ResponseJson() {
    }

    /** Call with the responder loaded. */
    static ObjectNode toJson(ResponseEntity r, long proposalId) {
        ActorEntity from = r.getResponder();
        ObjectNode json = ApiJson.object()
                .put("id", r.getId())
                .put("uri", r.getUri())
                .put("proposalId", proposalId)
                .put("kind", r.getKind().name().toLowerCase(Locale.ROOT))
                .put("public", r.isPublicResponse())
                .put("state", r.getState().name().toLowerCase(Locale.ROOT))
                .put("responderLeft", from.isDeleted())
                .put("content", r.getContent())
                .put("text", HtmlSanitizer.toPlainText(r.getContent()))
                .put("created", r.getCreatedAt().toString())
                .put("updated", r.getUpdatedAt() == null ? null : r.getUpdatedAt().toString());
        json.putObject("responder")
                .put("uri", from.getUri())
                .put("handle", "@" + from.getUsername() + "@" + from.getDomain())
                .put("name", from.getDisplayName());
        return json;
    }
}
