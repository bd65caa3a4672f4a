package org.weft.server.domain.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.Usernames;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ApiTokenEntity;
import org.weft.server.persistence.ApiTokenRepository;
import org.weft.server.persistence.Database;

/** Bearer tokens for the member API. The token is shown once; only its hash is stored. */
public final class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;
    private final Clock clock;

    public ApiTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Issues a token for a local member; returns the token text, which cannot be recovered later. */
    public String create(String username, String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "weft_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        db.run(s -> {
            ActorEntity member = ActorRepository.local(s, ActorKind.PERSON, Usernames.normalise(username))
                    .orElseThrow(() -> InvalidInputException.field("username", "member_unknown", username));
            s.persist(new ApiTokenEntity(member.getId(), sha256(token), label == null ? "api" : label, clock.instant()));
        });
        return token;
    }

    /** The member a token belongs to, if the token is valid. */
    public Optional<Long> memberFor(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = sha256(token.strip());
        return db.inTransaction(s -> ApiTokenRepository.byHash(s, hash)
                .map(t -> {
                    t.touch(clock.instant());
                    return t.getActorId();
                }));
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
