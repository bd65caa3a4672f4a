package org.weft.server.domain.matching;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.Usernames;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.actor.WebFingerLookup;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FediverseAccountEntity;

/** A member's own fediverse account (on Mastodon or elsewhere), where the community sends news of matches. */
public final class FediverseAccounts {
    private final Database db;
    private final RemoteActors remoteActors;
    private final WebFingerLookup webFinger;
    private final Clock clock;

    public FediverseAccounts(Database db, RemoteActors remoteActors, WebFingerLookup webFinger, Clock clock) {
        this.db = db;
        this.remoteActors = remoteActors;
        this.webFinger = webFinger;
        this.clock = clock;
    }

    /** Links (or relinks) {@code account} ({@code @name@host} or actor URL) to the member; returns its actor id. */
    public String link(String memberUsername, String account) throws IOException {
        String a = account.strip();
        String uri = a.startsWith("https://") || a.startsWith("http://") ? a : webFinger.actorUri(a);
        ActorEntity actor = remoteActors.resolve(uri);
        if (actor.isLocal()) {
            throw InvalidInputException.field("account", "fediverse_account_local");
        }
        db.run(s -> {
            ActorEntity member = member(s, memberUsername);
            FediverseAccountEntity row = s.find(FediverseAccountEntity.class, member.getId());
            if (row == null) {
                s.persist(new FediverseAccountEntity(member.getId(), a, actor.getUri(), clock.instant()));
            } else {
                row.relink(a, actor.getUri(), clock.instant());
            }
        });
        return actor.getUri();
    }

    public void unlink(String memberUsername) {
        db.run(s -> {
            FediverseAccountEntity row = s.find(FediverseAccountEntity.class, member(s, memberUsername).getId());
            if (row != null) {
                s.remove(row);
            }
        });
    }

    public Optional<String> accountOf(long memberId) {
        return db.inTransaction(s -> Optional.ofNullable(s.find(FediverseAccountEntity.class, memberId))
                .map(FediverseAccountEntity::getAccount));
    }

    private static ActorEntity member(org.hibernate.Session s, String username) {
        return ActorRepository.local(s, ActorKind.PERSON, Usernames.normalise(username)).filter(m -> !m.isDeleted())
                .orElseThrow(() -> InvalidInputException.field("username", "member_unknown", username));
    }
}
