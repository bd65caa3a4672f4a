package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.ModeratorRepository;

/**
 * The operator's moderation commands ({@code moderator …}, {@code followers …}), run in-process against a database
 * of their own as {@code ./weft} runs them: what they print, what they store, and that a refusal exits with 2, says
 * why and changes nothing.
 */
class ModerationCliTest {
    private static final String ORIGIN = "https://camp.weft.test";
    private static final String PASSWORD = "correct horse battery";
    private static OperatorInstance cli;

    @BeforeAll
    static void createDatabase() {
        cli = OperatorInstance.fresh(ORIGIN);
        assertEquals(0, weft("group", "create", "block3").exit());
        for (String member : new String[] {"olga", "amina"}) {
            assertEquals(0, OperatorInstance.run(cli.env(), PASSWORD, "member", "create", member, "--password-stdin").exit());
        }
        assertEquals(0, weft("member", "admin", "olga").exit());
    }

    @AfterAll
    static void dropDatabase() {
        cli.close();
    }

    @Test
    void moderatorAddListAndRemove() {
        OperatorInstance.Run added = weft("moderator", "add", "block3", "Amina");
        assertEquals(0, added.exit(), added.err());
        assertEquals("amina now moderates block3", added.out().strip());
        assertEquals(1, moderatorRows());

        OperatorInstance.Run listed = weft("moderator", "list", "block3");
        assertEquals(0, listed.exit(), listed.err());
        String[] lines = listed.out().strip().split("\n");
        assertEquals("2 moderator(s) of block3", lines[0]);
        assertEquals("chosen    amina  (" + ORIGIN + "/users/amina)", lines[1]);
        assertEquals("operator  olga  (" + ORIGIN + "/users/olga)", lines[2]);

        OperatorInstance.Run removed = weft("moderator", "remove", "block3", "amina");
        assertEquals(0, removed.exit(), removed.err());
        assertEquals(0, moderatorRows());
        assertRefused(weft("moderator", "remove", "block3", "amina"), "amina was not chosen to moderate block3");
    }

    @Test
    void moderatorRefusalsChangeNothing() {
        assertRefused(weft("moderator", "add", "block3", "nobody"), "No member nobody");
        assertRefused(weft("moderator", "add", "nowhere", "amina"), "No community nowhere");
        assertRefused(weft("moderator", "list", "nowhere"), "No community nowhere");
        assertEquals(0, moderatorRows());
    }

    @Test
    void followersPendingApproveRejectRemoveAndApproval() {
        assertEquals(0, weft("group", "create", "street9").exit());
        int start = queued().size();
        OperatorInstance.Run on = weft("followers", "approval", "street9", "on");
        assertEquals(0, on.exit(), on.err());
        assertEquals("New follows of street9 now wait for approval", on.out().strip());
        assertTrue(ModerationCliTest.<Boolean>inDb(s -> ActorRepository.localByUsername(s, "street9").orElseThrow()
                .isManuallyApproves()));
        String rosa = follower("rosa", FollowEntity.State.PENDING);
        String tom = follower("tom", FollowEntity.State.PENDING);
        String eve = follower("eve", FollowEntity.State.ACCEPTED);

        OperatorInstance.Run pending = weft("followers", "pending", "street9");
        assertEquals(0, pending.exit(), pending.err());
        assertTrue(pending.out().startsWith("2 follow(s) waiting for street9\n"), pending.out());
        assertTrue(pending.out().contains(rosa + "  (@rosa@mastodon.example)") && pending.out().contains(tom));
        assertFalse(pending.out().contains(eve));

        assertEquals(0, weft("followers", "approve", "street9", "@rosa@mastodon.example").exit());
        assertEquals(0, weft("followers", "reject", "street9", tom).exit());
        assertEquals(0, weft("followers", "remove", "street9", eve).exit());
        assertEquals(FollowEntity.State.ACCEPTED, state(rosa));
        assertEquals(null, state(tom));
        assertEquals(null, state(eve));
        // The Group's Update (now manuallyApprovesFollowers), then the Accept and the two Rejects, for the server to send.
        assertEquals(List.of("Update", "Accept", "Reject", "Reject"), queued().subList(start, queued().size()));
        OperatorInstance.Run listed = weft("followers", "list", "street9");
        assertTrue(listed.out().contains("ACCEPTED  " + rosa + "  (@rosa@mastodon.example)  approved"), listed.out());
    }

    @Test
    void followerDecisionsThatCannotBeTakenAreRefusedAndChangeNothing() {
        assertEquals(0, weft("group", "create", "street10").exit());
        String ana = follower("ana", "street10", FollowEntity.State.ACCEPTED);
        String ben = follower("ben", "street10", FollowEntity.State.PENDING);
        int queuedBefore = queued().size();
        assertRefused(weft("followers", "reject", "street10", ana), "is not waiting for approval: remove it instead");
        assertRefused(weft("followers", "remove", "street10", ben), "is waiting for approval: reject it instead");
        assertRefused(weft("followers", "approve", "street10", "@nobody@nowhere.example"), "does not follow street10");
        assertRefused(weft("followers", "approve", "nowhere", ana), "No community or member nowhere");
        assertRefused(weft("followers", "approval", "street10", "maybe"), "say on or off");
        assertEquals(FollowEntity.State.ACCEPTED, state(ana, "street10"));
        assertEquals(FollowEntity.State.PENDING, state(ben, "street10"));
        assertEquals(queuedBefore, queued().size(), "nothing was sent");
        assertFalse(ModerationCliTest.<Boolean>inDb(s -> ActorRepository.localByUsername(s, "street10").orElseThrow()
                .isManuallyApproves()));
    }

    private static String follower(String name, FollowEntity.State state) {
        return follower(name, "street9", state);
    }

    /** A Mastodon account following the group, as the inbox would have stored it. */
    private static String follower(String name, String group, FollowEntity.State state) {
        String uri = "https://mastodon.example/users/" + name;
        try (Database db = cli.openDatabase()) {
            db.run(s -> {
                Instant now = Instant.now();
                ActorEntity actor = ActorRepository.byUri(s, uri).orElseGet(() -> {
                    ActorEntity a = new ActorEntity(uri, ActorKind.PERSON, false, name, "mastodon.example", now);
                    a.setDisplayName(name);
                    a.setInbox(uri + "/inbox");
                    a.setKey(uri + "#main-key", "unused");
                    s.persist(a);
                    return a;
                });
                FollowEntity follow = new FollowEntity(actor, ActorRepository.localByUsername(s, group).orElseThrow(),
                        "https://mastodon.example/follows/" + name + "-" + group, now);
                if (state == FollowEntity.State.ACCEPTED) {
                    follow.accept(now);
                }
                s.persist(follow);
            });
        }
        return uri;
    }

    private static FollowEntity.State state(String follower) {
        return state(follower, "street9");
    }

    private static FollowEntity.State state(String follower, String group) {
        return inDb(s -> FollowRepository.between(s, ActorRepository.byUri(s, follower).orElseThrow(),
                ActorRepository.localByUsername(s, group).orElseThrow()).map(FollowEntity::getState).orElse(null));
    }

    /** The types of the activities queued so far, oldest first. */
    private static List<String> queued() {
        return inDb(s -> s.createSelectionQuery("select activityType from OutboundActivityEntity order by id", String.class)
                .getResultList());
    }

    static void assertRefused(OperatorInstance.Run run, String why) {
        assertEquals(2, run.exit(), "exit code; out: " + run.out() + " err: " + run.err());
        assertTrue(run.err().startsWith("weft: ") && run.err().contains(why), run.err());
        assertFalse(run.err().contains("Exception"), "a message, not a stack trace: " + run.err());
    }

    private static long moderatorRows() {
        return inDb(s -> (long) ModeratorRepository.ofCommunity(s,
                ActorRepository.localByUsername(s, "block3").orElseThrow().getId()).size());
    }

    static OperatorInstance.Run weft(String... args) {
        return cli.weft(args);
    }

    private static <T> T inDb(Function<Session, T> query) {
        return cli.inDb(query);
    }
}
