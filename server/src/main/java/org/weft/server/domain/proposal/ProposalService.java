package org.weft.server.domain.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.Usernames;
import org.weft.server.model.ActorKind;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.AreaEntity;
import org.weft.server.persistence.AreaRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.TombstoneEntity;
import org.weft.server.persistence.TombstoneRepository;

/**
 * A local member's offers and requests: create, edit, renew, change status, withdraw, delete, and the
 * expiry of old ones. Every change is stored and handed to the publisher in one transaction, so what
 * the database says and what goes out to other servers cannot drift apart.
 */
public final class ProposalService {

    private final Database db;
    private final LocalUrls urls;
    private final ProposalRules rules;
    private final ProposalPublisher publisher;
    private final CalledOff calledOff;
    private final TermsChanged termsChanged;
    private final Reopened reopened;
    private final Clock clock;

    /**
     * {@code calledOff} hears of every proposal withdrawn, or deleted before it was fulfilled, in that transaction;
     * {@code termsChanged} of every edit or renewal that changed what it offers or asks for ({@link AgreedTerms});
     * {@code reopened} of every promised proposal moved back to open.
     */
    public ProposalService(Database db, LocalUrls urls, ProposalRules rules, ProposalPublisher publisher,
                           CalledOff calledOff, TermsChanged termsChanged, Reopened reopened, Clock clock) {
        this.db = db;
        this.urls = urls;
        this.rules = rules;
        this.publisher = publisher;
        this.calledOff = calledOff;
        this.termsChanged = termsChanged;
        this.reopened = reopened;
        this.clock = clock;
    }

    /** Publishes a new offer or request by a local member on one of this instance's communities. */
    public ProposalEntity create(String memberUsername, ProposalDraft draft) {
        if (draft.purpose() == null) {
            throw InvalidInputException.field("purpose", "purpose_required");
        }
        Instant now = clock.instant();
        String title = rules.title(draft.title());
        String description = rules.description(draft.description());
        String language = rules.language(draft.language());
        List<String> categories = rules.categories(draft.categories());
        rules.quantity(draft.quantity(), draft.unit());
        Instant endsAt = rules.endsAt(draft.endsAt(), draft.purpose(), now);
        String translations = translations(draft.translations());
        return db.inTransaction(s -> {
            ActorEntity member = member(s, memberUsername);
            ActorEntity community = community(s, draft.community());
            Audience audience = draft.audience() != null ? draft.audience() : rules.defaultAudience(draft.purpose(), categories);
            ActorEntity shownAs = audience == Audience.PUBLIC ? member : community;
            ProposalEntity p = new ProposalEntity(urls.proposal(UUID.randomUUID().toString()), true, member, shownAs,
                    community, draft.purpose(), ProposalEntity.Source.LOCAL, now);
            p.setAudience(audience);
            p.setTitle(title);
            p.setDescription(description);
            p.setLanguage(language);
            p.setTranslations(translations);
            p.setCategories(categories);
            p.setKind(draft.kind() == null ? HelpKind.GIFT : draft.kind());
            p.setQuantity(draft.quantity(), draft.quantity() == null ? null : draft.unit());
            p.setEndsAt(endsAt);
            place(s, p, draft);
            ProposalTerms.index(p);
            s.persist(p);
            publisher.published(s, p);
            return p;
        });
    }

    /** Changes what the member gives; fields left null stay as they are. */
    public ProposalEntity edit(String memberUsername, long proposalId, ProposalDraft draft) {
        Instant now = clock.instant();
        return db.inTransaction(s -> {
            ProposalEntity p = changeable(s, memberUsername, proposalId);
            ProposalLifecycle.require(ProposalLifecycle.Action.EDIT, p.getStatus());
            AgreedTerms before = AgreedTerms.of(p);
            if (draft.audience() != null && draft.audience() != p.getAudience()) {
                throw InvalidInputException.field("audience", "audience_fixed");
            }
            if (draft.title() != null) {
                p.setTitle(rules.title(draft.title()));
            }
            if (draft.description() != null) {
                p.setDescription(rules.description(draft.description()));
            }
            if (draft.language() != null) {
                p.setLanguage(rules.language(draft.language()));
            }
            if (draft.title() != null || draft.description() != null || draft.language() != null) {
                ProposalTerms.index(p);
            }
            if (draft.categories() != null) {
                p.setCategories(rules.categories(draft.categories()));
            }
            if (draft.kind() != null) {
                p.setKind(draft.kind());
            }
            if (draft.quantity() != null) {
                rules.quantity(draft.quantity(), draft.unit());
                p.setQuantity(draft.quantity(), draft.unit());
            }
            if (draft.endsAt() != null) {
                p.setEndsAt(rules.endsAt(draft.endsAt(), p.getPurpose(), now));
            }
            if (draft.translations() != null) {
                p.setTranslations(translations(draft.translations()));
            }
            place(s, p, draft);
            p.setUpdatedAt(now);
            publisher.updated(s, p);
            if (before.changedIn(p)) {
                termsChanged.termsChanged(s, p);
            }
            return p;
        });
    }

    /** Gives an open, promised or expired proposal a new end date (default lifetime when none is given). */
    public ProposalEntity renew(String memberUsername, long proposalId, Instant newEnd) {
        Instant now = clock.instant();
        return db.inTransaction(s -> {
            ProposalEntity p = changeable(s, memberUsername, proposalId);
            ProposalLifecycle.require(ProposalLifecycle.Action.RENEW, p.getStatus());
            AgreedTerms before = AgreedTerms.of(p);
            p.setEndsAt(rules.endsAt(newEnd, p.getPurpose(), now));
            if (p.getStatus() == ProposalStatus.EXPIRED) {
                p.setStatus(ProposalStatus.OPEN);
            }
            p.setUpdatedAt(now);
            publisher.updated(s, p);
            if (before.changedIn(p)) {
                termsChanged.termsChanged(s, p); // a new end date changes what was promised: until when
            }
            return p;
        });
    }

    /**
     * Moves a proposal along its lifecycle (promised, fulfilled, withdrawn, or back to open). Returns whether it moved:
     * false when it had that status already (a second tab, a stale page), and then nothing was changed or sent.
     */
    public boolean changeStatus(String memberUsername, long proposalId, ProposalStatus next) {
        return db.inTransaction(s -> {
            ProposalEntity p = changeable(s, memberUsername, proposalId);
            boolean moves = p.getStatus() != next;
            changeStatus(s, p, next);
            return moves;
        });
    }

    /** As above inside a caller's transaction, for the response service (accepting makes it promised). */
    public ProposalEntity changeStatus(Session s, ProposalEntity p, ProposalStatus next) {
        ProposalLifecycle.requireMove(p.getStatus(), next);
        if (p.getStatus() == next) {
            return p;
        }
        boolean callsOff = next == ProposalStatus.WITHDRAWN && CalledOff.callsOff(p.getStatus());
        boolean reopens = Reopened.reopens(p.getStatus(), next);
        p.setStatus(next, clock.instant());
        p.setUpdatedAt(clock.instant());
        publisher.updated(s, p);
        if (next == ProposalStatus.WITHDRAWN) {
            // Withdrawn is final: other servers remove it (Delete after the status Update, for FEP-0837 readers)
            // and its URL answers 410; the member still sees it in their own list.
            s.persist(new TombstoneEntity(p.getUri(), "Note", clock.instant()));
            publisher.deleted(s, p);
        }
        if (callsOff) {
            calledOff.calledOff(s, p);
        }
        if (reopens) {
            reopened.reopened(s, p);
        }
        return p;
    }

    /**
     * Removes a proposal, in any status: other servers are told to delete it and its URL answers 410 from now on. A
     * withdrawn proposal has been deleted on other servers and answers 410 already: it only leaves the member's list.
     */
    public void delete(String memberUsername, long proposalId) {
        db.run(s -> {
            ProposalEntity p = own(s, memberUsername, proposalId);
            ProposalLifecycle.require(ProposalLifecycle.Action.DELETE, p.getStatus());
            Instant now = clock.instant();
            p.setDeletedAt(now);
            if (TombstoneRepository.byUri(s, p.getUri()).isPresent()) {
                return; // withdrawn: its Delete went out then, and it left matching then (and was called off then)
            }
            s.persist(new TombstoneEntity(p.getUri(), "Note", now));
            publisher.deleted(s, p);
            if (CalledOff.callsOff(p.getStatus())) {
                calledOff.calledOff(s, p);
            }
        });
    }

    /** Marks every local proposal past its end date as expired and tells the same audience. */
    public int expireDue() {
        Instant now = clock.instant();
        List<Long> due = db.inTransaction(s -> ProposalRepository.dueToExpire(s, now, 500));
        for (Long id : due) {
            db.run(s -> {
                ProposalEntity p = s.find(ProposalEntity.class, id);
                if (p.getStatus().isActive() && !p.getEndsAt().isAfter(now)) {
                    p.setStatus(ProposalStatus.EXPIRED);
                    p.setUpdatedAt(now);
                    publisher.updated(s, p);
                }
            });
        }
        return due.size();
    }

    /** A member's own proposal, or an error that does not reveal other members' proposals. */
    public ProposalEntity own(Session s, String memberUsername, long proposalId) {
        ActorEntity member = member(s, memberUsername);
        ProposalEntity p = s.find(ProposalEntity.class, proposalId);
        if (p == null || p.isDeleted() || !p.isLocal()) {
            throw new NotFoundException("No proposal " + proposalId);
        }
        if (!p.getAuthor().getId().equals(member.getId())) {
            throw new ForbiddenException("Only its author can change this proposal");
        }
        return p;
    }

    /**
     * The member's own proposal, to edit, renew or move along: not one a moderator hid (or holds for review), which is
     * gone for everyone else (its author still reads it, told why); an edit would send other servers an Update of a
     * post they were told to delete. Deleting it stays possible ({@link #own}).
     */
    private ProposalEntity changeable(Session s, String memberUsername, long proposalId) {
        ProposalEntity p = own(s, memberUsername, proposalId);
        if (p.isHeldByModerator()) {
            throw new NotFoundException("Proposal " + proposalId + " is held by a moderator");
        }
        return p;
    }

    private void place(Session s, ProposalEntity p, ProposalDraft draft) {
        if (draft.areaCode() != null) {
            AreaEntity area = AreaRepository.byCode(s, draft.areaCode())
                    .orElseThrow(() -> InvalidInputException.field("area", "area_unknown", draft.areaCode()));
            p.setArea(area.getCode(), AreaService.fullName(s, area));
        }
        if (draft.latitude() != null || draft.longitude() != null) {
            if (draft.latitude() == null || draft.longitude() == null) {
                throw InvalidInputException.field("coordinates", "coordinates_incomplete");
            }
            CoarseLocation coarse = CoarseLocation.snap(draft.latitude(), draft.longitude());
            p.setCoordinates(coarse.latitude(), coarse.longitude());
        }
    }

    private String translations(Map<String, ProposalDraft.Text> translations) {
        if (translations == null || translations.isEmpty()) {
            return null;
        }
        var node = PlainJson.object();
        translations.forEach((lang, text) -> node.putObject(rules.language(lang))
                .put("title", rules.title(text.title()))
                .put("description", rules.description(text.description())));
        return node.toString();
    }

    private static ActorEntity member(Session s, String username) {
        return ActorRepository.local(s, ActorKind.PERSON, Usernames.normalise(username))
                .filter(a -> !a.isDeleted())
                .orElseThrow(() -> new NotFoundException("No member " + username));
    }

    private static ActorEntity community(Session s, String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.field("community", "community_required");
        }
        return ActorRepository.local(s, ActorKind.GROUP, name.strip().toLowerCase(Locale.ROOT))
                .filter(a -> !a.isDeleted())
                .orElseThrow(() -> InvalidInputException.field("community", "community_unknown", name));
    }
}
