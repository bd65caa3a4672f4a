package org.weft.server.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;
import org.weft.server.model.ActorKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ProposalEntity;

/**
 * A server's flood waiting in a community's queue, stored as the inbox would have left it: {@code accounts} accounts
 * of the server {@code server} (as actors' domain names it, {@code http://SERVER/users/botN}), two offers each, each
 * account under the three at which it would be shown alone, so the server is shown once.
 */
public final class ServerFloodSeed {
    private ServerFloodSeed() {
    }

    /** The posts' ids, oldest first. */
    public static List<Long> waiting(TestServers.Instance weft, String server, String community, int accounts) {
        return weft.server().db().inTransaction(s -> {
            ActorEntity group = ActorRepository.local(s, ActorKind.GROUP, community).orElseThrow();
            Instant now = Instant.now();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                ActorEntity bot = account(s, server, i);
                for (int j = 0; j < 2; j++) {
                    ProposalEntity p = new ProposalEntity("http://" + server + "/statuses/" + i + "-" + j, false, bot,
                            bot, group, Purpose.OFFER, ProposalEntity.Source.NOTE, now.minusSeconds(600 - i * 2L - j));
                    p.setTitle("Tent " + i + "-" + j);
                    p.setDescription("A tent");
                    p.setLanguage("en");
                    p.setEndsAt(now.plus(Duration.ofDays(7)));
                    p.setModeration(ProposalEntity.Moderation.PENDING);
                    p.setReceivedAt(now);
                    p.setHeardAt(now);
                    s.persist(p);
                    s.flush();
                    ids.add(p.getId());
                }
            }
            return ids;
        });
    }

    /** Account {@code n} of {@code server}, stored as a fetched actor would be. */
    public static ActorEntity account(Session s, String server, int n) {
        String uri = "http://" + server + "/users/bot" + n;
        ActorEntity a = new ActorEntity(uri, ActorKind.PERSON, false, "bot" + n, server, Instant.now());
        a.setDisplayName("bot" + n);
        a.setInbox(uri + "/inbox");
        a.setKey(uri + "#main-key", "unused");
        s.persist(a);
        return a;
    }
}
