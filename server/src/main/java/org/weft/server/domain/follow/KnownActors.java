package org.weft.server.domain.follow;

import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;

/** An actor already known here, named the way operators and pages name it: its URL, or {@code @name@host}. */
final class KnownActors {
    private KnownActors() {
    }

    static Optional<ActorEntity> find(Session s, String target) {
        String t = target == null ? "" : target.strip();
        if (t.startsWith("http://") || t.startsWith("https://")) {
            return ActorRepository.byUri(s, t);
        }
        String bare = t.startsWith("@") ? t.substring(1) : t;
        int at = bare.lastIndexOf('@');
        if (at <= 0 || at == bare.length() - 1) {
            return Optional.empty();
        }
        return ActorRepository.byHandle(s, bare.substring(0, at), bare.substring(at + 1));
    }
}
