package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.admin.OperatorInstance.Run;
import org.weft.server.domain.Passwords;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.OutboundActivityEntity;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.ui.auth.SessionStore;

/**
 * The operator commands, run as {@code ./weft …} runs them but in-process, against a database of their own
 * (H2 in a temporary directory, or a fresh MariaDB database in CI): what they print, what they store, and that
 * refused input exits with 2, says why, and leaves nothing behind.
 */
class CliTest {
    private static final String ORIGIN = "https://camp.weft.test";
    private static final String PASSWORD = "correct horse battery";
    private static OperatorInstance cli;

    @BeforeAll
    static void createDatabase() {
        cli = OperatorInstance.fresh(ORIGIN);
    }

    @AfterAll
    static void dropDatabase() {
        cli.close();
    }

    @Test
    void groupCreateMakesACommunity() {
        Run run = weft("group", "create", "block3", "--display-name", "Block 3", "--summary", "Our street");
        assertEquals(0, run.exit(), run.err());
        assertEquals("Created group @block3@camp.weft.test " + ORIGIN + "/groups/block3", run.out().strip());
        ActorEntity group = inDb(s -> ActorRepository.localByUsername(s, "block3")).orElseThrow();
        assertEquals(ActorKind.GROUP, group.getKind());
        assertEquals("Block 3", group.getDisplayName());
        assertEquals("<p>Our street</p>", group.getSummary());
    }

    @Test
    void memberCreateReadsThePasswordFromStdinOrAFile() throws IOException {
        Run fromStdin = weftWithStdin(PASSWORD + "\n", "member", "create", "amina", "--password-stdin",
                "--display-name", "Amina");
        assertEquals(0, fromStdin.exit(), fromStdin.err());
        assertEquals("Created member @amina@camp.weft.test " + ORIGIN + "/users/amina", fromStdin.out().strip());
        assertTrue(Passwords.matches(PASSWORD, passwordHash("amina")), "the password typed is the one stored");

        Path file = Files.writeString(cli.dataDir().resolve("bilal.pw"), "another long secret\r\nignored second line\n");
        Run fromFile = weft("member", "create", "bilal", "--password-file", file.toString(), "--approve-followers");
        assertEquals(0, fromFile.exit(), fromFile.err());
        assertTrue(Passwords.matches("another long secret", passwordHash("bilal")));
        assertTrue(inDb(s -> ActorRepository.localByUsername(s, "bilal")).orElseThrow().isManuallyApproves());
    }

    @Test
    void tokenCreatePrintsATokenThatAuthenticatesTheMember() {
        assertEquals(0, weftWithStdin(PASSWORD, "member", "create", "tokenholder", "--password-stdin").exit());
        Run run = weft("token", "create", "tokenholder", "--label", "phone");
        assertEquals(0, run.exit(), run.err());
        String token = run.out().strip();
        assertTrue(token.startsWith("weft_") && !token.contains("\n"), "one line, the token alone: " + token);
        long memberId = inDb(s -> ActorRepository.localByUsername(s, "tokenholder")).orElseThrow().getId();
        try (Database db = cli.openDatabase()) {
            assertEquals(memberId, new ApiTokens(db, Clock.systemUTC()).memberFor(token).orElseThrow());
            assertTrue(new ApiTokens(db, Clock.systemUTC()).memberFor(token + "x").isEmpty());
        }
    }

    @Test
    void memberPasswordGivesANewPasswordAndEndsSessionsAndTokens() {
        assertEquals(0, weftWithStdin(PASSWORD, "member", "create", "forgetful", "--password-stdin").exit());
        String token = weft("token", "create", "forgetful").out().strip();
        long memberId = inDb(s -> ActorRepository.localByUsername(s, "forgetful")).orElseThrow().getId();
        String session;
        try (Database db = cli.openDatabase()) {
            session = new SessionStore(db, Clock.systemUTC()).open(memberId);
        }

        Run made = weft("member", "password", "forgetful");
        assertEquals(0, made.exit(), made.err());
        String printed = made.out().strip().replaceAll("^New password for forgetful: (\\S+) .*$", "$1");
        assertTrue(printed.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"), "a new password to hand over: " + made.out());
        assertTrue(Passwords.matches(printed, passwordHash("forgetful")), "the printed password is the one stored");
        assertFalse(Passwords.matches(PASSWORD, passwordHash("forgetful")), "the old one no longer works");
        try (Database db = cli.openDatabase()) {
            assertTrue(new SessionStore(db, Clock.systemUTC()).find(session).isEmpty(), "the login session ended");
            assertTrue(new ApiTokens(db, Clock.systemUTC()).memberFor(token).isEmpty(), "the API token ended");
        }

        assertEquals(0, weftWithStdin("chosen by the operator\n", "member", "password", "forgetful", "--password-stdin")
                .exit());
        assertTrue(Passwords.matches("chosen by the operator", passwordHash("forgetful")));
        String before = passwordHash("forgetful");
        assertRefused(weftWithStdin("short\n", "member", "password", "forgetful", "--password-stdin"), "at least 8");
        assertRefused(weft("member", "password", "nobody"), "no member “nobody”");
        assertEquals(before, passwordHash("forgetful"), "a refused reset changes nothing");
    }

    @Test
    void followersListShowsEachFollowerAndItsState() {
        assertEquals(0, weft("group", "create", "street9").exit());
        try (Database db = cli.openDatabase()) {
            db.run(s -> {
                ActorEntity group = ActorRepository.localByUsername(s, "street9").orElseThrow();
                Instant now = Instant.now();
                ActorEntity rosa = new ActorEntity("https://mastodon.example/users/rosa", ActorKind.PERSON, false, "rosa",
                        "mastodon.example", now);
                rosa.setDisplayName("Rosa");
                rosa.setInbox("https://mastodon.example/users/rosa/inbox");
                rosa.setKey("https://mastodon.example/users/rosa#main-key", "unused");
                s.persist(rosa);
                FollowEntity follow = new FollowEntity(rosa, group, "https://mastodon.example/follows/1", now);
                follow.accept(now);
                s.persist(follow);
            });
        }
        Run run = weft("followers", "list", "street9");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("1 follower(s) of " + ORIGIN + "/groups/street9"), run.out());
        assertTrue(run.out().contains("ACCEPTED  https://mastodon.example/users/rosa  (@rosa@mastodon.example)"), run.out());
    }

    @Test
    void queueShowSummarisesTheQueues() {
        // Deliveries in every state, for two hosts, and inbound activities waiting and done. Nothing else in this
        // class queues anything, so the counts are exact.
        Instant now = Instant.now();
        try (Database db = cli.openDatabase()) {
            db.run(s -> {
                ActorEntity sender = new ActorEntity(ORIGIN + "/groups/queued", ActorKind.GROUP, true, "queued",
                        "camp.weft.test", now);
                sender.setInbox(sender.getUri() + "/inbox");
                sender.setKey(sender.getUri() + "#main-key", "PEM");
                s.persist(sender);
                OutboundActivityEntity activity = new OutboundActivityEntity(ORIGIN + "/activities/queued", sender,
                        "Create", "{}", true, now);
                s.persist(activity);
                List<URI> inboxes = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    inboxes.add(URI.create("https://" + (i < 2 ? "due" : i < 3 ? "later" : "done") + ".example/inbox/" + i));
                }
                DeliveryQueue.enqueue(s, activity, inboxes, now.minusSeconds(60));
            });
            db.run(s -> {
                s.createNativeMutationQuery("UPDATE delivery SET attempts = 3, next_attempt_at = ?1"
                        + " WHERE host = 'later.example'").setParameter(1, now.plus(Duration.ofHours(1))).executeUpdate();
                s.createNativeMutationQuery("UPDATE delivery SET state = 'DELIVERED', attempts = 1 WHERE inbox IN"
                        + " ('https://done.example/inbox/3', 'https://done.example/inbox/4', 'https://done.example/inbox/5')")
                        .executeUpdate();
                s.createNativeMutationQuery("UPDATE delivery SET state = 'GAVE_UP', attempts = 1"
                        + " WHERE inbox = 'https://done.example/inbox/6'").executeUpdate();
                for (String state : List.of("PENDING", "PENDING", "DONE")) {
                    s.createNativeMutationQuery("INSERT INTO inbound_activity (activity_uri, actor_uri, activity_type, body,"
                                    + " state, attempts, received_at, next_attempt_at)"
                                    + " VALUES (?1, 'https://a.example/users/rosa', 'Create', '{}', ?2, 0, ?3, ?3)")
                            .setParameter(1, "https://a.example/activities/" + java.util.UUID.randomUUID())
                            .setParameter(2, state).setParameter(3, now).executeUpdate();
                }
            });
        }

        Run run = weft("queue", "show");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("deliveries: 3 pending (2 due now), 3 delivered, 1 given up"), run.out());
        assertTrue(run.out().contains("inbound activities waiting: 2"), run.out());
        assertTrue(run.out().matches("(?s).*pending by host:\\R  due\\.example +2  next \\S+  attempts up to 0\\R"
                + "  later\\.example +1  next \\S+  attempts up to 3\\R.*"), run.out());
    }

    @Test
    void queueIgnoredListsWhatChangedNothingAndWhyNewestFirst() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (Database db = cli.openDatabase()) {
            db.run(s -> {
                inbound(s, "https://b.example/users/rosa", "Like", "DONE", "ignored: not about anything kept here",
                        now.minusSeconds(30));
                inbound(s, "https://b.example/users/rosa", "Create", "DONE", null, now.minusSeconds(20)); // applied
                inbound(s, "https://c_d.example/users/omar", "Update", "FAILED", "actor document unreachable",
                        now.minusSeconds(10));
                inbound(s, "https://b.example.evil/users/x", "Undo", "DONE", "ignored: no such follow",
                        now.minusSeconds(5));
            });
        }

        Run all = weft("queue", "ignored");
        assertEquals(0, all.exit(), all.err());
        List<String> lines = all.out().lines().toList();
        assertEquals(6, lines.size(), all.out());
        assertTrue(lines.get(0).matches("\\S+  ignored  Undo     https://b\\.example\\.evil/users/x"), all.out());
        assertEquals("    no such follow", lines.get(1));
        assertTrue(lines.get(2).contains("FAILED   Update   https://c_d.example/users/omar"), all.out());
        assertEquals("    actor document unreachable", lines.get(3));
        assertTrue(lines.get(4).contains("ignored  Like     https://b.example/users/rosa"), all.out());
        assertFalse(all.out().contains("Create"), "an applied activity is not listed: " + all.out());

        Run fromB = weft("queue", "ignored", "--from", "B.example");
        assertEquals(0, fromB.exit(), fromB.err());
        assertEquals(2, fromB.out().lines().count(), "b.example only, not b.example.evil: " + fromB.out());
        assertTrue(fromB.out().contains("not about anything kept here"), fromB.out());

        Run oneUnderscore = weft("queue", "ignored", "--from", "cxd.example");
        assertEquals("no ignored or failed activities from cxd.example", oneUnderscore.out().strip(),
                "an underscore in --from is a character, not a LIKE wildcard");
        assertEquals(2, weft("queue", "ignored", "--limit", "1").out().lines().count());
    }

    private static void inbound(org.hibernate.Session s, String actor, String type, String state, String why,
                                Instant at) {
        s.createNativeMutationQuery("INSERT INTO inbound_activity (activity_uri, actor_uri, activity_type, body,"
                        + " state, attempts, received_at, next_attempt_at, processed_at, last_error)"
                        + " VALUES (?1, ?2, ?3, '{}', ?4, 1, ?5, ?5, ?5, ?6)")
                .setParameter(1, actor + "/activities/" + java.util.UUID.randomUUID()).setParameter(2, actor)
                .setParameter(3, type).setParameter(4, state).setParameter(5, at).setParameter(6, why).executeUpdate();
    }

    @Test
    void refusedInputExitsWith2SaysWhyAndCreatesNothing() {
        assertEquals(0, weft("group", "create", "taken").exit());
        Run duplicate = weft("group", "create", "TAKEN", "--display-name", "Another");
        assertRefused(duplicate, "taken");
        assertEquals("taken", inDb(s -> ActorRepository.localByUsername(s, "taken")).orElseThrow().getDisplayName(),
                "the first group is untouched");
        assertRefused(weftWithStdin(PASSWORD, "member", "create", "taken", "--password-stdin"), "taken");

        assertRefused(weft("group", "create", "Bad Name!"), "a–z, 0–9");
        assertRefused(weft("group", "create", "admin"), "reserved");
        assertTrue(inDb(s -> ActorRepository.localByUsername(s, "bad name!")).isEmpty());

        assertRefused(weftWithStdin("short\n", "member", "create", "shorty", "--password-stdin"), "at least 8 characters");
        assertRefused(weftWithStdin("", "member", "create", "shorty", "--password-stdin"), "at least 8 characters");
        assertTrue(inDb(s -> ActorRepository.localByUsername(s, "shorty")).isEmpty(), "no member without a valid password");

        assertRefused(weft("token", "create", "nobody"), "no member “nobody”");
        assertRefused(weft("token", "create", "taken"), "no member “taken”");
        assertRefused(weft("followers", "list", "nobody"), "No local group or member named 'nobody'");
        assertRefused(weft("member", "create", "x1234567", "--password-file", cli.dataDir().resolve("missing").toString()),
                "Cannot read the password");
        assertRefused(weft("member", "create", "nopass"), "use --password-file or --password-stdin");
    }

    @Test
    void aBadSettingIsRefusedBeforeTouchingTheDatabase() {
        Map<String, String> broken = cli.env();
        broken.put("WEFT_BASE_URL", "https://camp.weft.test/weft");
        Run run = OperatorInstance.run(broken, "", "group", "create", "pathgroup");
        assertRefused(run, "without a path");
        assertTrue(inDb(s -> ActorRepository.localByUsername(s, "pathgroup")).isEmpty());
    }

    @Test
    void usageErrorsAlsoExitWith2() {
        Run missing = weft("group", "create");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("Missing required parameter"), missing.err());
        assertEquals(2, weft("group", "destroy", "x").exit());
    }

    private static void assertRefused(Run run, String why) {
        assertEquals(2, run.exit(), "exit code; out: " + run.out() + " err: " + run.err());
        assertTrue(run.err().startsWith("weft: ") && run.err().contains(why), run.err());
        assertFalse(run.err().contains("Exception"), "a message, not a stack trace: " + run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    private static Run weft(String... args) {
        return cli.weft(args);
    }

    private static Run weftWithStdin(String stdin, String... args) {
        return cli.weftWithStdin(stdin, args);
    }

    private static <T> T inDb(Function<Session, T> query) {
        return cli.inDb(query);
    }

    private static String passwordHash(String username) {
        String hash = inDb(s -> ActorRepository.account(s, ActorRepository.localByUsername(s, username).orElseThrow())
                .getPasswordHash());
        assertNotNull(hash);
        return hash;
    }

}
