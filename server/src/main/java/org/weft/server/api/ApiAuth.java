package org.weft.server.api;

import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MemberSettingEntity;

/**
 * Who is calling: {@code Authorization: Bearer <token>} → a local member. A missing token where one
 * is required, and a wrong token anywhere, answer 401 with the RFC 6750 challenge; a wrong token is
 * never quietly treated as "anonymous", so a client with a revoked token finds out at once.
 */
final class ApiAuth {
    private static final String REALM = "Bearer realm=\"weft\"";
    private final ApiTokens tokens;
    private final Database db;

    ApiAuth(ApiTokens tokens, Database db) {
        this.tokens = tokens;
        this.db = db;
    }

    /** The signed-in member behind a request. */
    record Member(long id, String username) {
    }

    Member required(ServerRequest req) {
        return optional(req).orElseThrow(() -> ApiException.unauthorized("token_missing", REALM));
    }

    /** The member, or empty when the request carries no token at all. */
    Optional<Member> optional(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw invalid("token_scheme");
        }
        long id = tokens.memberFor(value.substring(7).strip()).orElseThrow(() -> invalid("token_invalid"));
        return Optional.of(db.inTransaction(s -> {
            ActorEntity actor = s.find(ActorEntity.class, id);
            if (actor == null || actor.isDeleted() || !actor.isLocal() || actor.getKind() != ActorKind.PERSON) {
                throw invalid("token_member_gone");
            }
            return new Member(actor.getId(), actor.getUsername());
        }));
    }

    /** The page language the member behind the request's token chose, if there is such a member and a choice. */
    Optional<String> language(ServerRequest req) {
        return optional(req).flatMap(m -> db.inTransaction(s -> Optional.ofNullable(s.find(MemberSettingEntity.class, m.id()))
                .map(MemberSettingEntity::getLanguage)));
    }

    private static ApiException invalid(String code) {
        return ApiException.unauthorized(code, REALM + ", error=\"invalid_token\"");
    }
}
