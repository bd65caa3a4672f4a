package org.weft.server.domain.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.Passwords;
import org.weft.server.domain.Usernames;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ApiTokenRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.InviteEntity;
import org.weft.server.persistence.LocalAccountEntity;
import org.weft.server.persistence.LoginDeviceRepository;
import org.weft.server.persistence.MemberSettingEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.WebSessionRepository;
import org.weft.web.i18n.Messages;

/** A member's account: sign-up, password check and change, language, admin flag, deletion. */
public final class AccountService {
    /** The dummy hash below at production's cost, 12. */
    static final String PRODUCTION_DUMMY_HASH = "$2b$12$eKtylzS8OxEgnxCCQ00duuswfOXgcrxheHr8qWZN8QuGGHreOxwci";
    /**
     * Checked against when a username is unknown, so a login takes as long whether or not the name exists: a bcrypt
     * hash at the same cost as {@link Passwords#hash}, of a random password nobody kept (a match would not sign anyone
     * in anyway). A constant rather than hashed when the class loads: that took a cold JVM 0.3-0.8 s of every start.
     * The test build, which hashes at a lower cost ({@link Passwords}), hashes one at its own cost (a few ms).
     */
    static final String DUMMY_HASH = Passwords.atProductionCost()
            ? PRODUCTION_DUMMY_HASH
            : Passwords.hash("not-kept-" + UUID.randomUUID());

    private final Database db;
    private final LocalActorService actors;
    private final ProposalService proposals;
    private final AccountEnd ended;
    private final Clock clock;

    public AccountService(Database db, LocalActorService actors, ProposalService proposals, AccountEnd ended,
                          Clock clock) {
        this.db = db;
        this.actors = actors;
        this.proposals = proposals;
        this.ended = ended;
        this.clock = clock;
    }

    /**
     * Creates a member from the sign-up form. In invite mode the code must be valid and unused; it is marked used in
     * the same transaction that checks it, so two people cannot share one code.
     */
    public ActorEntity signUp(SignupMode mode, String username, String displayName, String password, String inviteCode,
                              String language) {
        if (mode == SignupMode.CLOSED) {
            throw InvalidInputException.of("signup_closed");
        }
        Instant now = clock.instant();
        if (mode == SignupMode.INVITE) {
            boolean usable = db.inTransaction(s -> findInvite(s, inviteCode).map(i -> i.isUsable(now)).orElse(false));
            if (!usable) {
                throw InvalidInputException.field("invite", "invite_invalid");
            }
        }
        Passwords.validate(password);
        ActorEntity member = actors.createMember(username, displayName, password, false);
        db.run(s -> {
            MemberSettingEntity setting = new MemberSettingEntity(member.getId());
            setting.setLanguage(Messages.supported(language));
            s.persist(setting);
            if (mode == SignupMode.INVITE) {
                InviteEntity invite = findInvite(s, inviteCode).orElseThrow();
                if (!invite.isUsable(now)) {
                    throw InvalidInputException.field("invite", "invite_invalid");
                }
                invite.use(member.getId(), now);
            }
        });
        return member;
    }

    /** The member id when the username and password match a live local member. */
    public Optional<Long> authenticate(String username, String password) {
        String name;
        try {
            name = Usernames.normalise(username);
        } catch (InvalidInputException e) {
            Passwords.matches(password == null ? "" : password, DUMMY_HASH);
            return Optional.empty();
        }
        record Candidate(long id, String hash) {
        }
        Optional<Candidate> candidate = db.inTransaction(s -> ActorRepository.local(s, ActorKind.PERSON, name)
                .filter(a -> !a.isDeleted())
                .map(a -> new Candidate(a.getId(), ActorRepository.account(s, a).getPasswordHash())));
        boolean ok = Passwords.matches(password, candidate.map(Candidate::hash).orElse(DUMMY_HASH));
        return ok ? candidate.map(Candidate::id) : Optional.empty();
    }

    /**
     * Changes the password. Every other login session ends and every browser the member had signed in from is
     * forgotten with the old password (one of them may be why it is changed); the session the change was made in
     * ({@code keptSession}, the digest of its secret, or null) stays, and the caller marks its browser again. API
     * tokens stay: the operator made them, and the member cannot make new ones.
     */
    public void changePassword(long memberId, String current, String next, String keptSession) {
        Passwords.validate(next);
        String hash = Passwords.hash(next);
        db.run(s -> {
            LocalAccountEntity account = s.find(LocalAccountEntity.class, memberId);
            if (account == null || !Passwords.matches(current, account.getPasswordHash())) {
                throw InvalidInputException.field("current", "password_wrong");
            }
            account.setPasswordHash(hash);
            LoginDeviceRepository.deleteAllOf(s, memberId);
            WebSessionRepository.deleteAllOfExcept(s, memberId, keptSession);
        });
    }

    /**
     * The operator gives a member who lost their password a new one: {@code chosen}, or when null a new random one
     * that is returned to be handed over in person. Every session, API token and remembered browser of the member
     * ends with it, as after a theft.
     */
    public String resetPassword(String username, String chosen) {
        String password = chosen == null ? Tokens.password() : chosen;
        Passwords.validate(password);
        String hash = Passwords.hash(password);
        db.run(s -> {
            ActorEntity member = liveMember(s, username);
            ActorRepository.account(s, member).setPasswordHash(hash);
            endAccess(s, member.getId());
        });
        return password;
    }

    public void setLanguage(long memberId, String language) {
        db.run(s -> setting(s, memberId).setLanguage(Messages.supported(language)));
    }


    /**
     * Deletes a member's account: each of their proposals is deleted through the proposal service (so other servers
     * are told and the URLs answer 410), their sessions end and the password stops working, and those who knew them
     * are told ({@link AccountEnd}: the authors whose proposal was promised to them, the other servers that know them).
     */
    public void delete(long memberId, String password) {
        String hash = db.inTransaction(s -> ActorRepository.account(s, s.find(ActorEntity.class, memberId)).getPasswordHash());
        if (!Passwords.matches(password, hash)) {
            throw InvalidInputException.field("password", "password_wrong");
        }
        removeById(memberId);
    }

    /** The operator removes a member: as if they deleted their account themselves (no password asked). */
    public void remove(String username) {
        long memberId = db.inTransaction(s -> liveMember(s, username).getId());
        removeById(memberId);
    }

    private void removeById(long memberId) {
        String username = db.inTransaction(s -> s.find(ActorEntity.class, memberId).getUsername());
        List<Long> own = db.inTransaction(s -> ProposalRepository.localIdsOf(s, memberId));
        for (Long id : own) {
            proposals.delete(username, id);
        }
        Instant now = clock.instant();
        db.run(s -> {
            ActorEntity a = s.find(ActorEntity.class, memberId);
            a.setDeletedAt(now);
            ActorRepository.account(s, a).setPasswordHash(null);
            endAccess(s, memberId);
            ended.ended(s, a);
        });
    }

    /** Every way in ends: login sessions, remembered browsers, API tokens. */
    private static void endAccess(Session s, long memberId) {
        WebSessionRepository.deleteAllOf(s, memberId);
        LoginDeviceRepository.deleteAllOf(s, memberId);
        ApiTokenRepository.deleteAllOf(s, memberId);
    }

    private static ActorEntity liveMember(Session s, String username) {
        return ActorRepository.local(s, ActorKind.PERSON, Usernames.normalise(username)).filter(a -> !a.isDeleted())
                .orElseThrow(() -> InvalidInputException.field("username", "member_unknown", username));
    }

    static MemberSettingEntity setting(Session s, long memberId) {
        MemberSettingEntity setting = s.find(MemberSettingEntity.class, memberId);
        if (setting == null) {
            setting = new MemberSettingEntity(memberId);
            s.persist(setting);
        }
        return setting;
    }

    private static Optional<InviteEntity> findInvite(Session s, String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(s.find(InviteEntity.class, code.strip().toLowerCase(Locale.ROOT)));
    }
}
