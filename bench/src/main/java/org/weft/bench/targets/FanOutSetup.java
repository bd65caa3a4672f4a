package org.weft.bench.targets;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.activitypub.vocab.Activities;
import org.weft.bench.db.RemoteActor;
import org.weft.bench.db.Seeder;
import org.weft.bench.mock.MockHosts;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.queue.Outbox;

/**
 * The G2 scene: a group followed by {@value #PER_HOST} accounts on each mock host, every host with one
 * shared inbox, and one post (about 2 KiB of JSON) from the group to all its followers through the server's own
 * {@link Outbox}.
 */
final class FanOutSetup {
    static final int HOSTS = 1_000;
    static final int PER_HOST = 10;

    private FanOutSetup() {
    }

    /** Inserts the followers and their accepted follows of {@code groupId}; returns how many follow. */
    static int seedFollowers(DataSource dataSource, MockHosts hosts, long groupId) throws SQLException {
        List<RemoteActor> actors = new ArrayList<>(hosts.size() * PER_HOST);
        for (int h = 0; h < hosts.size(); h++) {
            String origin = hosts.origin(h);
            for (int k = 0; k < PER_HOST; k++) {
                String username = "f" + h + "x" + k;
                actors.add(new RemoteActor(origin + "/users/" + username, username, "127.0.0.1:" + hosts.port(h),
                        origin + "/inbox", "unused: these actors never sign"));
            }
        }
        Seeder.insertActors(dataSource, actors);
        return Seeder.followAll(dataSource, "f", groupId);
    }

    /**
     * Posts a note from the group to its accepted followers in one transaction, as the server does:
     * load the followers, store the activity and one delivery row per inbox, commit.
     */
    static void post(Database db, Outbox outbox, long groupId) {
        db.run(s -> {
            ActorEntity group = s.find(ActorEntity.class, groupId);
            List<ActorEntity> followers = FollowRepository.acceptedFollowerActors(s, group);
            ObjectNode note = JsonNodeFactory.instance.objectNode()
                    .put("id", group.getUri() + "/notes/" + System.nanoTime())
                    .put("type", "Note")
                    .put("attributedTo", group.getUri())
                    .put("content", ("<p>Food bank pick-up moves to Thursday 5-7 pm this week, same place. Bring bags;"
                            + " volunteers for unloading welcome from 4:30. Fresh vegetables from the allotments, bread,"
                            + " rice, tinned fish, nappies in sizes 3-5; ask at the table for anything not on display.</p>")
                            .repeat(6));
            note.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
            outbox.send(s, group, Activities.create(outbox.newActivityId(), group.getUri(), note), followers, true);
        });
    }
}
