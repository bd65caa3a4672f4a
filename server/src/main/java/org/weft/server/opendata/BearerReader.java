package org.weft.server.opendata;

import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;

/**
 * Who reads the open data and the feeds: a visitor (no {@code Authorization} header), or a member, by the same bearer
 * token and the same rules as the API ({@code api/ApiAuth}): a member's tool may read the community-only proposals a
 * signed-in member sees on the board. A wrong token is refused (401), never read as a visitor, so that a tool with a
 * revoked token finds out rather than quietly missing proposals.
 */
final class BearerReader {
    static final String CHALLENGE = "Bearer realm=\"weft\", error=\"invalid_token\"";

    private final ApiTokens tokens;
    private final Database db;

    BearerReader(ApiTokens tokens, Database db) {
        this.tokens = tokens;
        this.db = db;
    }

    /** Who is reading: a member or not, or why the token was refused (an error code with an {@code error.} message). */
    record Reader(boolean member, String refusal) {
        static final Reader VISITOR = new Reader(false, null);
        static final Reader MEMBER = new Reader(true, null);

        static Reader refused(String code) {
            return new Reader(false, code);
        }
    }

    Reader read(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Reader.VISITOR;
        }
        String value = header.get().strip();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Reader.refused("token_scheme");
        }
        Optional<Long> id = tokens.memberFor(value.substring(7).strip());
        if (id.isEmpty()) {
            return Reader.refused("token_invalid");
        }
        boolean alive = db.inTransaction(s -> {
            ActorEntity actor = s.find(ActorEntity.class, id.get());
            return actor != null && !actor.isDeleted() && actor.isLocal() && actor.getKind() == ActorKind.PERSON;
        });
        return alive ? Reader.MEMBER : Reader.refused("token_member_gone");
    }
}
