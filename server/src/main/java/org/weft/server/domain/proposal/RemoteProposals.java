package org.weft.server.domain.proposal;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.activitypub.vocab.IncomingNote;
import org.weft.activitypub.vocab.ProposalNote;
import org.weft.activitypub.vocab.Quantity;
import org.weft.activitypub.vocab.Visibility;
import org.weft.server.domain.RemoteEdit;
import org.weft.server.domain.RemoteTexts;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.domain.classify.Classification;
import org.weft.server.domain.classify.ClassifiedPost;
import org.weft.server.domain.classify.TextClassifier;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.web.i18n.Messages;

/**
 * Proposals from other servers, kept as their owner describes them: structured ones from Weft (or
 * any FEP-0837 sender), and free-text posts from Mastodon classified by their words and hashtags.
 * Only the actor a proposal is attributed to may change or delete it.
 */
public final class RemoteProposals {
    private final Taxonomy taxonomy;
    private final TextClassifier classifier;
    private final Clock clock;
    private final ProposalListener listener;
    private final BlockedDomains blocked;
    private final CalledOff calledOff;
    private final TermsChanged termsChanged;
    private final Reopened reopened;

    public RemoteProposals(Taxonomy taxonomy, TextClassifier classifier, Clock clock) {
        this(taxonomy, classifier, clock, ProposalListener.NONE);
    }

    /** {@code listener} hears of every remote proposal stored, changed or deleted, after commit. */
    public RemoteProposals(Taxonomy taxonomy, TextClassifier classifier, Clock clock, ProposalListener listener) {
        this(taxonomy, classifier, clock, listener, BlockedDomains.NONE);
    }

    /** {@code blocked}: new posts from silenced servers wait for a moderator. */
    public RemoteProposals(Taxonomy taxonomy, TextClassifier classifier, Clock clock, ProposalListener listener,
                           BlockedDomains blocked) {
        this(taxonomy, classifier, clock, listener, blocked, CalledOff.NONE, TermsChanged.NONE, Reopened.NONE);
    }

    /**
     * {@code calledOff} hears, in the transaction, of every copy its owner withdrew, or deleted before it was fulfilled;
     * {@code termsChanged} of every copy whose owner's {@code Update} changed what it offers or asks for
     * ({@link AgreedTerms}), not only its status; {@code reopened} of every copy its owner moved from promised back to
     * open.
     */
    public RemoteProposals(Taxonomy taxonomy, TextClassifier classifier, Clock clock, ProposalListener listener,
                           BlockedDomains blocked, CalledOff calledOff, TermsChanged termsChanged, Reopened reopened) {
        this.calledOff = calledOff;
        this.termsChanged = termsChanged;
        this.reopened = reopened;
        this.blocked = blocked;
        this.taxonomy = taxonomy;
        this.classifier = classifier;
        this.clock = clock;
        this.listener = listener;
    }

    /** Whether {@code actor}'s server is silenced or suspended here: its new posts wait for a moderator. */
    public boolean fromBlockedServer(ActorEntity actor) {
        return !actor.isLocal() && blocked.isBlockedUri(actor.getUri());
    }

    /**
     * Stores or updates a structured proposal. {@code owner} is the verified sender and must be the
     * Note's {@code attributedTo}; {@code group} is the community it came through, if any.
     *
     * @throws IllegalArgumentException when the sender is not the owner, or claims a local proposal
     */
    public ProposalEntity upsert(Session s, ProposalNote note, ActorEntity owner, ActorEntity group) {
        return upsert(s, note, owner, group, ProposalEntity.Moderation.VISIBLE);
    }

    /**
     * As {@link #upsert(Session, ProposalNote, ActorEntity, ActorEntity)}; a proposal seen for the first time gets
     * {@code moderation} (PENDING: it waits for a moderator and matches nothing until then). A kept one keeps its own.
     */
    public ProposalEntity upsert(Session s, ProposalNote note, ActorEntity owner, ActorEntity group,
                                 ProposalEntity.Moderation moderation) {
        if (!owner.getUri().equals(note.attributedTo())) {
            throw new IllegalArgumentException(owner.getUri() + " is not the owner of " + note.id());
        }
        Optional<ProposalEntity> existing = ProposalRepository.byUri(s, note.id());
        if (existing.isPresent()
                && (existing.get().isLocal() || !existing.get().getAttributedTo().getId().equals(owner.getId()))) {
            throw new IllegalArgumentException("Proposal " + note.id() + " belongs to someone else");
        }
        if (existing.isPresent() && RemoteEdit.isStale(existing.get().getUpdatedAt(), note.updated())) {
            return existing.get(); // an older version than the one kept (a late delivery): it never wins
        }
        Instant now = clock.instant();
        Purpose purpose = Purpose.fromWire(note.purpose()).orElseThrow(() -> new IllegalArgumentException("No purpose"));
        ProposalEntity p = existing.orElseGet(() -> new ProposalEntity(note.id(), false, owner, owner, group, purpose,
                ProposalEntity.Source.WEFT, note.published() == null ? now : note.published()));
        ProposalStatus before = p.getStatus();
        AgreedTerms termsBefore = AgreedTerms.of(p);
        if (group != null) {
            p.setGroup(group);
            // It came (again) through a community someone here follows: held again if a link had ended.
            p.setDetachedAt(null);
        }
        p.setHeardAt(now);
        p.setPurpose(purpose);
        p.setStatus(ProposalStatus.fromWire(note.status()).orElse(ProposalStatus.OPEN));
        if (note.publishes() != null && note.publishes().finished()) {
            p.setStatus(ProposalStatus.FULFILLED);
        }
        String language = note.contentMap() == null || note.contentMap().isEmpty() ? "und"
                : note.contentMap().keySet().iterator().next();
        RemoteText.TitleAndDescription text = RemoteText.of(note.content());
        p.setTitle(text.title());
        p.setDescription(text.description());
        p.setLanguage(language.length() > 16 ? "und" : language);
        ProposalTerms.index(p);
        p.setAudience(note.to() != null && note.to().stream().anyMatch(Vocab::isPublic)
                ? Audience.PUBLIC : Audience.COMMUNITY);
        p.setCategories(knownCategories(note.publishes() == null ? List.of() : note.publishes().resourceClassifiedAs()));
        nameIfWordless(p);
        if (note.publishes() != null) {
            p.setKind(HelpKind.fromAction(note.publishes().action()).orElse(HelpKind.GIFT));
            Quantity q = purpose == Purpose.OFFER ? note.publishes().availableQuantity() : note.publishes().resourceQuantity();
            setQuantity(p, q);
        }
        if (note.location() != null) {
            p.setArea(RemoteTexts.asTyped(note.location().areaCode()), RemoteTexts.asTyped(note.location().name()));
            if (note.location().latitude() != null && note.location().longitude() != null) {
                CoarseLocation coarse = CoarseLocation.snap(note.location().latitude(), note.location().longitude());
                p.setCoordinates(coarse.latitude(), coarse.longitude());
            }
        }
        p.setEndsAt(endDate(note.endTime(), purpose, p.getPublishedAt(), now));
        p.setUpdatedAt(note.updated());
        if (p.getId() == null) {
            // A silenced server's posts wait for a moderator, whoever follows it.
            p.setModeration(blocked.isBlockedUri(owner.getUri()) ? ProposalEntity.Moderation.PENDING : moderation);
            p.setReceivedAt(now);
            s.persist(p);
        } else if (p.getStatus() == ProposalStatus.WITHDRAWN && CalledOff.callsOff(before)) {
            calledOff.calledOff(s, p); // its owner withdrew it (their Delete follows, and calls off nothing again)
        } else {
            if (termsBefore.changedIn(p)) {
                termsChanged.termsChanged(s, p); // its owner edited or renewed it (an Update sent again changes nothing)
            }
            if (Reopened.reopens(before, p.getStatus())) {
                reopened.reopened(s, p); // its owner opened it again (an Update sent again finds it open already)
            }
        }
        ProposalEvents.afterCommit(s, p, listener);
        return p;
    }

    /**
     * Applies an owner's {@code Update} of a structured proposal kept here. Changes nothing when none is kept, when
     * the sender is not its owner, or when the update is older than the version kept.
     */
    public RemoteEdit update(Session s, ProposalNote note, ActorEntity sender) {
        Optional<ProposalEntity> kept = ProposalRepository.byUri(s, note.id()).filter(p -> !p.isLocal());
        if (kept.isPresent() && kept.get().isDeleted()) {
            return withdrawnAfterItsDelete(kept.get(), note, sender);
        }
        if (kept.isEmpty()) {
            return RemoteEdit.NOT_KEPT;
        }
        if (!kept.get().getAttributedTo().getId().equals(sender.getId()) || !sender.getUri().equals(note.attributedTo())) {
            return RemoteEdit.NOT_OWNER;
        }
        if (RemoteEdit.isStale(kept.get().getUpdatedAt(), note.updated())) {
            return RemoteEdit.STALE;
        }
        upsert(s, note, sender, null);
        return RemoteEdit.APPLIED;
    }

    /**
     * A withdrawal is an {@code Update} (status withdrawn) followed by a {@code Delete} for readers that know no status;
     * both go out at once and the Delete may arrive first. Its owner's Update saying withdrawn then still says what
     * became of the copy (its page reads "withdrawn", as its own server's does), and changes nothing else: a deleted
     * copy stays deleted. Any other Update of a deleted copy is one of nothing kept here.
     */
    private static RemoteEdit withdrawnAfterItsDelete(ProposalEntity copy, ProposalNote note, ActorEntity sender) {
        boolean withdrawal = ProposalStatus.fromWire(note.status()).orElse(null) == ProposalStatus.WITHDRAWN;
        if (!withdrawal || copy.getStatus() == ProposalStatus.WITHDRAWN) {
            return RemoteEdit.NOT_KEPT;
        }
        if (!copy.getAttributedTo().getId().equals(sender.getId()) || !sender.getUri().equals(note.attributedTo())) {
            return RemoteEdit.NOT_OWNER;
        }
        copy.setStatus(ProposalStatus.WITHDRAWN);
        return RemoteEdit.APPLIED;
    }

    /**
     * Turns an ordinary post (Mastodon, Lemmy…) into a proposal on a local community's board, when its
     * words or hashtags say it offers or asks for something. Returns empty when they do not.
     * {@code visible} is false for senders who do not follow the community, or past the board's hourly limit for
     * one account: a moderator decides. A moderator also decides when the classifier is unsure of what the post
     * offers or asks for ({@link Classification#isSure()}): it waits rather than matching wrongly; and always, when the
     * community has chosen to review every such post ({@link ActorEntity#isReviewsFreeText()}).
     */
    public Optional<ProposalEntity> fromPost(Session s, IncomingNote note, ActorEntity sender, ActorEntity community,
                                             boolean visible) {
        if (ProposalRepository.byUri(s, note.id()).isPresent()) {
            return Optional.empty();
        }
        RemoteText.TitleAndDescription text = RemoteText.of(note.content());
        String plain = HtmlSanitizer.toPlainText(note.content() == null ? "" : note.content());
        ClassifiedPost classified = classifier.classifyWithReadings(plain, note.hashtags());
        Classification c = classified.result();
        if (c.purpose().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Purpose purpose = c.purpose().get();
        ProposalEntity p = new ProposalEntity(note.id(), false, sender, sender, community, purpose,
                ProposalEntity.Source.NOTE, note.published() == null ? now : note.published());
        p.setTitle(text.title());
        p.setDescription(text.description());
        p.setLanguage(note.language() != null ? note.language() : c.language().orElse("und"));
        ProposalTerms.index(p);
        p.setCategories(c.concepts().stream().map(Concept::uri).limit(ProposalRules.MAX_CATEGORIES).toList());
        nameIfWordless(p);
        p.setKind(c.kind().orElse(HelpKind.GIFT));
        Visibility visibility = note.visibility();
        p.setAudience(visibility == Visibility.PUBLIC || visibility == Visibility.UNLISTED
                ? Audience.PUBLIC : Audience.COMMUNITY);
        p.setEndsAt(endDate(null, purpose, p.getPublishedAt(), now));
        boolean welcome = visible && !blocked.isBlockedUri(sender.getUri());
        boolean atOnce = welcome && c.isSure() && !community.isReviewsFreeText();
        p.setModeration(atOnce ? ProposalEntity.Moderation.VISIBLE : ProposalEntity.Moderation.PENDING);
        keepReadings(p, classified, welcome, community.isReviewsFreeText());
        p.setHeardAt(now);
        p.setReceivedAt(now);
        s.persist(p);
        ProposalEvents.afterCommit(s, p, listener);
        return Optional.of(p);
    }

    /**
     * Applies an author's edit of a post kept on a community's board: its words are read and classified again, as for
     * a new post. It keeps its place on the board only while its author follows the community and the classifier is
     * sure of what it offers or asks for; otherwise it waits for a moderator again (a moderator approved other words).
     * One a moderator turned down stays turned down.
     */
    public RemoteEdit editPost(Session s, IncomingNote note, ActorEntity sender) {
        Optional<ProposalEntity> kept = ProposalRepository.byUri(s, note.id())
                .filter(p -> !p.isLocal() && !p.isDeleted() && p.getSource() == ProposalEntity.Source.NOTE);
        if (kept.isEmpty()) {
            return RemoteEdit.NOT_KEPT;
        }
        ProposalEntity p = kept.get();
        if (!p.getAttributedTo().getId().equals(sender.getId())) {
            return RemoteEdit.NOT_OWNER;
        }
        if (RemoteEdit.isStale(p.getUpdatedAt(), note.updated())) {
            return RemoteEdit.STALE;
        }
        RemoteText.TitleAndDescription text = RemoteText.of(note.content());
        p.setTitle(text.title());
        p.setDescription(text.description());
        ProposalTerms.index(p);
        String plain = HtmlSanitizer.toPlainText(note.content() == null ? "" : note.content());
        ClassifiedPost classified = classifier.classifyWithReadings(plain, note.hashtags());
        Classification c = classified.result();
        c.purpose().ifPresent(p::setPurpose);
        if (c.purpose().isPresent()) {
            p.setCategories(c.concepts().stream().map(Concept::uri).limit(ProposalRules.MAX_CATEGORIES).toList());
            p.setKind(c.kind().orElse(HelpKind.GIFT));
            p.setLanguage(note.language() != null ? note.language() : c.language().orElse(p.getLanguage()));
        }
        // Edited down to no words: named by what it offers or asks for; it waits for a moderator (below) unless its
        // hashtags still make the classifier sure, as the same post would on arrival.
        nameIfWordless(p);
        boolean follows = p.getGroup() != null && FollowRepository.between(s, sender, p.getGroup())
                .map(FollowEntity::isAccepted).orElse(false);
        boolean reviewed = p.getGroup() != null && p.getGroup().isReviewsFreeText();
        boolean sure = follows && c.purpose().isPresent() && c.isSure() && !reviewed;
        if (p.getModeration() == ProposalEntity.Moderation.VISIBLE && !sure) {
            p.setModeration(ProposalEntity.Moderation.PENDING);
        }
        // The moderator chooses among the new words' readings, not the old ones'.
        keepReadings(p, classified, follows && !blocked.isBlockedUri(sender.getUri()), reviewed);
        p.setUpdatedAt(note.updated());
        p.setHeardAt(clock.instant());
        ProposalEvents.afterCommit(s, p, listener);
        return RemoteEdit.APPLIED;
    }

    /**
     * Keeps the classifier's two best readings with a post that waits for a moderator only because of its words
     * ({@code welcome}: nothing else holds it; the classifier was unsure of it, or the community reviews every post), so
     * the moderator can confirm one; a post that waits for another reason (its author does not follow the community, a
     * silenced server, the hourly limit) or is on the board keeps none: the moderator decides on the post itself.
     */
    private static void keepReadings(ProposalEntity p, ClassifiedPost classified, boolean welcome, boolean reviewed) {
        boolean byItsWords = welcome && p.getModeration() == ProposalEntity.Moderation.PENDING
                && (reviewed || !classified.result().isSure()) && !classified.readings().isEmpty();
        p.setReadings(byItsWords ? HeldReadings.write(classified.readings()) : null);
    }

    /** Marks a remote proposal deleted, if {@code owner} is its owner. Returns whether it did. */
    public boolean delete(Session s, String uri, ActorEntity owner) {
        Optional<ProposalEntity> p = ProposalRepository.byUri(s, uri).filter(x -> !x.isLocal() && !x.isDeleted());
        if (p.isEmpty() || !p.get().getAttributedTo().getId().equals(owner.getId())) {
            return false;
        }
        p.get().setDeletedAt(clock.instant());
        if (CalledOff.callsOff(p.get().getStatus())) {
            calledOff.calledOff(s, p.get()); // deleted while still on: no Update said it was withdrawn first
        }
        ProposalEvents.afterCommit(s, p.get(), listener);
        return true;
    }

    /**
     * Removes everything an actor from another server left here when it is deleted: its copies, its posts on the
     * boards and those still waiting for a moderator. Returns how many. A copy still on is called off, as when its
     * owner deletes it: a member here it was promised to is told (its own Delete may never come, or come later).
     */
    public int removeAllOf(Session s, ActorEntity actor) {
        Instant now = clock.instant();
        List<ProposalEntity> owned = ProposalRepository.remoteOwnedBy(s, actor.getId());
        for (ProposalEntity p : owned) {
            p.setDeletedAt(now);
            if (CalledOff.callsOff(p.getStatus())) {
                calledOff.calledOff(s, p);
            }
            ProposalEvents.afterCommit(s, p, listener);
        }
        return owned.size();
    }

    /**
     * Names a proposal whose post had no words (only the header and links Weft adds, or nothing) by what it offers
     * or asks for, as the taxonomy names its first category in the post's language, else the purpose, from the
     * message files. Readers see a name from the vocabulary rather than an empty heading or a developer's placeholder.
     */
    private void nameIfWordless(ProposalEntity p) {
        if (!p.getTitle().isBlank()) {
            return;
        }
        p.setTitle(p.getCategories().stream().map(uri -> taxonomy.byUri(uri)).flatMap(Optional::stream).findFirst()
                .map(c -> taxonomy.label(c, p.getLanguage()))
                .orElseGet(() -> Messages.forLanguage(p.getLanguage()).get("purpose." + p.getPurpose().wire())));
    }

    /** The taxonomy concepts among the given URIs; unknown ones are dropped, and none known means "other". */
    private List<String> knownCategories(List<String> uris) {
        List<String> known = uris.stream().map(taxonomy::byUri).flatMap(Optional::stream).map(Concept::uri)
                .distinct().limit(ProposalRules.MAX_CATEGORIES).toList();
        return known.isEmpty() ? List.of(taxonomy.other().uri()) : known;
    }

    private static void setQuantity(ProposalEntity p, Quantity q) {
        if (q == null || q.value() == null || q.value().signum() <= 0 || q.value().compareTo(ProposalRules.MAX_QUANTITY) > 0
                || !ProposalRules.UNITS.contains(q.unit())) {
            p.setQuantity(null, null);
            return;
        }
        p.setQuantity(q.value().setScale(Math.min(3, Math.max(0, q.value().scale())), RoundingMode.HALF_UP), q.unit());
    }

    /** Remote end dates are clamped, not refused: the proposal is still worth showing for a while. */
    private static Instant endDate(Instant requested, Purpose purpose, Instant published, Instant now) {
        Instant latest = now.plus(ProposalRules.MAX_LIFETIME);
        if (requested == null) {
            Instant byDefault = published.plus(purpose == Purpose.OFFER ? ProposalRules.DEFAULT_OFFER_LIFETIME
                    : ProposalRules.DEFAULT_REQUEST_LIFETIME);
            return byDefault.isAfter(latest) ? latest : byDefault;
        }
        return requested.isAfter(latest) ? latest : requested;
    }
}
