package org.weft.server.domain.actor;

import java.security.KeyPair;
import java.time.Clock;

import org.hibernate.Session;
import org.weft.activitypub.signature.RsaKeys;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.Passwords;
import org.weft.server.domain.PlainText;
import org.weft.server.domain.Usernames;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.KeyViolation;
import org.weft.server.persistence.LocalAccountEntity;
import org.weft.server.persistence.LocalUsernameEntity;

/** Creates this instance's own actors: members, groups (communities) and the instance actor. */
public final class LocalActorService {
    private final Database db;
    private final LocalUrls urls;
    private final Clock clock;

    public LocalActorService(Database db, LocalUrls urls, Clock clock) {
        this.db = db;
        this.urls = urls;
        this.clock = clock;
    }

    /** A community board that anyone can follow; groups accept follows automatically. */
    public ActorEntity createGroup(String name, String displayName, String summary) {
        String username = Usernames.normalise(name);
        return db.inTransaction(s -> create(s, ActorKind.GROUP, username, displayName, PlainText.toHtml(summary), null, false));
    }

    /** A member with a password; {@code approveFollowers} makes follows wait for the member's decision. */
    public ActorEntity createMember(String name, String displayName, String password, boolean approveFollowers) {
        String username = Usernames.normalise(name);
        String hash = Passwords.hash(password);
        return db.inTransaction(s -> create(s, ActorKind.PERSON, username, displayName, null, hash, approveFollowers));
    }

    /**
     * The Application actor that signs fetches; made once, on first start. Several nodes sharing one database may start
     * at the same moment: the one whose insert loses to the unique uri takes the other's.
     */
    public ActorEntity ensureInstanceActor() {
        try {
            return findOrCreateInstanceActor();
        } catch (RuntimeException e) {
            if (!KeyViolation.was(e)) {
                throw e;
            }
            return db.inTransaction(ActorRepository::instanceActor).orElseThrow(() -> e);
        }
    }

    private ActorEntity findOrCreateInstanceActor() {
        return db.inTransaction(s -> ActorRepository.instanceActor(s).orElseGet(() -> {
            KeyPair keys = RsaKeys.generate();
            String uri = urls.actor(ActorKind.APPLICATION, null);
            ActorEntity actor = new ActorEntity(uri, ActorKind.APPLICATION, true, urls.domain(), urls.domain(), clock.instant());
            fill(actor, uri, urls.domain(), null, keys);
            actor.setManuallyApproves(true);
            actor.setDiscoverable(false);
            s.persist(actor);
            s.persist(new LocalAccountEntity(actor.getId(), RsaKeys.toPem(keys.getPrivate())));
            return actor;
        }));
    }

    private ActorEntity create(Session s, ActorKind kind, String username, String displayName, String summary,
                               String passwordHash, boolean approveFollowers) {
        if (ActorRepository.localByUsername(s, username).isPresent()) {
            throw InvalidInputException.field("username", "username_taken", username);
        }
        KeyPair keys = RsaKeys.generate();
        String uri = urls.actor(kind, username);
        ActorEntity actor = new ActorEntity(uri, kind, true, username, urls.domain(), clock.instant());
        fill(actor, uri, displayName == null || displayName.isBlank() ? username : displayName.strip(), summary, keys);
        actor.setManuallyApproves(approveFollowers);
        s.persist(actor);
        LocalAccountEntity account = new LocalAccountEntity(actor.getId(), RsaKeys.toPem(keys.getPrivate()));
        account.setPasswordHash(passwordHash);
        s.persist(account);
        s.persist(new LocalUsernameEntity(username, actor.getId()));
        return actor;
    }

    private void fill(ActorEntity actor, String uri, String displayName, String summary, KeyPair keys) {
        actor.setDisplayName(displayName);
        actor.setSummary(summary);
        actor.setInbox(urls.inbox(uri));
        actor.setSharedInbox(urls.sharedInbox());
        actor.setProfileUrl(uri);
        actor.setKey(urls.keyId(uri), RsaKeys.toPem(keys.getPublic()));
    }
}
