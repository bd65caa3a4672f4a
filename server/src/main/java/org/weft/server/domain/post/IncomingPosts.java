package org.weft.server.domain.post;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.hibernate.Session;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.client.FetchException;
import org.weft.activitypub.jsonld.MalformedActivityException;
import org.weft.activitypub.vocab.IncomingNote;
import org.weft.activitypub.vocab.ProposalNote;
import org.weft.activitypub.vocab.Visibility;
import org.weft.activitypub.vocab.WebOrigin;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.proposal.BoardLimit;
import org.weft.server.domain.proposal.CommunityBoosts;
import org.weft.server.domain.proposal.HeldCopies;
import org.weft.server.domain.proposal.ProposalContent;
import org.weft.server.domain.proposal.RemoteProposals;
import org.weft.server.domain.response.ConversationThreads;
import org.weft.server.domain.response.MessageInbox;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.model.ActorKind;
import org.weft.server.model.Audience;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.MessageRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ResponseRepository;

/**
 * What Weft does with posts from elsewhere: a structured proposal from a followed actor or community
 * is kept; one from an actor nobody here follows waits for a moderator of the community it addresses (and
 * matches nothing until then); a reply in a response's conversation joins it (only from that conversation's other
 * side); a reply or direct message to a local proposal becomes a response; a direct message to a member who has no
 * proposal it answers is kept for them, and one to nobody else here (a community) is kept nowhere; a post that is not
 * direct, mentions a local community and offers or asks for something goes on that community's board (at once when the
 * sender follows the community,
 * is within the board's hourly limit and the classifier is sure of it, otherwise after a moderator's look), and the
 * community announces it once it is on the board.
 */
public final class IncomingPosts {
    /** Copies detached from one community fetched again when it is linked anew, at most. */
    static final int DETACHED_REFRESH = 500;
    private final Database db;
    private final RemoteActors remoteActors;
    private final RemoteProposals remoteProposals;
    private final ResponseService responses;
    private final ActivityPubClient client;
    private final CommunityBoosts boosts;
    private final LocalUrls urls;
    private final BoardLimit boardLimit;
    private final Clock clock;
    private final MessageInbox inbox;
    private final ConversationThreads conversations;
    private final HeldCopies copies;

    public IncomingPosts(Database db, RemoteActors remoteActors, RemoteProposals remoteProposals, ResponseService responses,
                         ActivityPubClient client, CommunityBoosts boosts, LocalUrls urls, BoardLimit boardLimit, Clock clock,
                         HeldCopies copies) {
        this.db = db;
        this.copies = copies;
        this.remoteActors = remoteActors;
        this.remoteProposals = remoteProposals;
        this.responses = responses;
        this.client = client;
        this.boosts = boosts;
        this.urls = urls;
        this.boardLimit = boardLimit;
        this.clock = clock;
        this.inbox = new MessageInbox(clock);
        this.conversations = new ConversationThreads(clock);
    }

    /** A post created by {@code actorUri} (already verified as the signer). */
    public void created(String actorUri, JsonNode post) throws IOException, IgnoredPost {
        requireOwnPost(actorUri, post);
        ActorEntity sender = remoteActors.resolve(actorUri);
        if (ProposalNote.isProposal(post)) {
            ProposalNote note = readProposal(post);
            boolean kept = db.inTransaction(s -> {
                ActorEntity from = s.merge(sender);
                // A silenced server's posts take the strangers' way, followed or not: to a moderator.
                if (FollowRepository.hasLocalFollower(s, from) && !remoteProposals.fromBlockedServer(from)) {
                    remoteProposals.upsert(s, note, from, from.getKind() == ActorKind.GROUP ? from : null);
                    return true;
                }
                // Nobody here follows the sender and no linked community brought it (that is an Announce): it goes
                // to a moderator of a community it addresses, and matches nothing unless one lets it on the board.
                Optional<ActorEntity> community = addressedCommunity(s, note)
                        .filter(c -> !AccountBlocks.blocks(s, from, c));
                community.ifPresent(c -> remoteProposals.upsert(s, note, from, c, ProposalEntity.Moderation.PENDING));
                return community.isPresent();
            });
            if (!kept) {
                throw new IgnoredPost("Proposal " + note.id() + " from " + actorUri
                        + ", whom nobody here follows, for no community here");
            }
            return;
        }
        if (!IncomingNote.isPost(post)) {
            throw new IgnoredPost("Create of something that is not a post");
        }
        IncomingNote note = IncomingNote.fromJson(post);
        if (concernsNothingHere(note)) {
            throw new IgnoredPost(notPlaced(note)); // what the lookups below would conclude, without a transaction
        }
        // One transaction for the conversation, the response, the message and the boards: the inbound worker's cost per
        // post is mostly its transactions, and the first three change nothing when they do not apply.
        String ignored = db.inTransaction(s -> {
            ActorEntity from = s.merge(sender);
            if (note.context() != null) {
                // A message naming its conversation and the Offer that opens it travel side by side: each takes its
                // sender's row first, so one is kept before the other looks (the Offer adopts a message kept before it;
                // a message after it joins). Overlapping, neither saw the other, and the message stayed a stray.
                ActorRepository.lock(s, from);
            }
            ConversationThreads.Threaded threaded = conversations.received(s, note, from);
            Optional<ProposalEntity> answers = Optional.empty();
            if (threaded.outcome() == ConversationThreads.Outcome.NOT_A_CONVERSATION) {
                Optional<ProposalEntity> repliedTo = Optional.ofNullable(note.inReplyTo())
                        .flatMap(id -> ProposalRepository.byUri(s, id)).filter(p -> p.isLocal() && !p.isDeleted());
                if (repliedTo.isPresent() && repliedTo.get().isHeldByModerator()) {
                    // A proposal a moderator hid (or holds for review) takes no answers, not even under another of
                    // its author's proposals (where a direct message answering nothing would go).
                    return "Post " + note.id() + " answers a proposal a moderator holds back";
                }
                answers = repliedTo;
                if (answers.isEmpty() && note.visibility() == Visibility.DIRECT) {
                    // A direct message that answers no proposal here is about the one it links to, or, when it replies
                    // to nothing (Mastodon's "mention only" post), its recipient's newest; from someone who already
                    // answered that one, it continues their conversation. One that replies to a post unknown here is
                    // about none: it may be a message that overtook the one it answers, and taking it for an answer to
                    // whatever its recipient posted last put a conversation's words on an unrelated proposal. It is kept
                    // as a message, as Mastodon keeps a reply whose parent it cannot fetch.
                    answers = linkedProposal(s, note)
                            .or(() -> note.inReplyTo() == null ? latestOfRecipient(s, note) : Optional.empty());
                    if (answers.isPresent()) {
                        threaded = conversations.receivedAbout(s, note, from, answers.get());
                    }
                }
            }
            if (threaded.outcome() == ConversationThreads.Outcome.REFUSED) {
                return "Post " + note.id() + " refused: " + threaded.reason();
            }
            if (threaded.outcome() == ConversationThreads.Outcome.JOINED || asResponse(s, note, from, answers)
                    || note.visibility() == Visibility.DIRECT && asMessage(s, note, from)) {
                return null;
            }
            // Neither may reach a board or a moderators' queue: a direct post was written to the actors it names alone (a
            // community's inbox is not its members; it keeps, unseen, only a message naming a conversation, which may have
            // overtaken its Offer), and a post naming a conversation of this instance as its context, which it could not
            // join, belongs to that conversation or nowhere.
            if (note.visibility() == Visibility.DIRECT) {
                return "Post " + note.id() + " is a direct message for no member here: a private post goes on no board";
            }
            if (inConversationHere(s, note)) {
                return "Post " + note.id() + " names the conversation " + note.context() + " as its context, which it may"
                        + " not join: a conversation's message goes on no board";
            }
            return onBoards(s, note, from) ? null : notPlaced(note);
        });
        if (ignored != null) {
            throw new IgnoredPost(ignored);
        }
    }

    /**
     * A post that replies to nothing, is not direct, names no local actor and carries no offer or request hashtag: no
     * conversation, response, message or board can take it (the fediverse's commonest post, pushed to a follower here).
     */
    private boolean concernsNothingHere(IncomingNote note) {
        if (note.inReplyTo() != null || note.visibility() == Visibility.DIRECT || isTagged(note)) {
            return false;
        }
        List<String> addressed = new ArrayList<>(note.mentions());
        addressed.addAll(note.to());
        addressed.addAll(note.cc());
        if (note.audience() != null) {
            addressed.add(note.audience());
        }
        return addressed.stream().noneMatch(urls::isLocal);
    }

    private static String notPlaced(IncomingNote note) {
        return "Post " + note.id() + " is neither a response nor an offer or request for a community here";
    }

    /**
     * A post announced (boosted) by {@code announcerUri}: kept when it is a proposal and we follow the announcer. A copy
     * kept already is left to its owner's Updates, unless it was detached when a link ended: then it is fetched afresh
     * and held again (this is how a new link brings back what the old one brought), or, when its own server answers
     * 404 or 410, it is gone here too.
     */
    public void announced(String announcerUri, String objectId) throws IOException, IgnoredPost {
        ActorEntity announcer = remoteActors.resolve(announcerUri);
        boolean followed = db.inTransaction(s -> FollowRepository.hasLocalFollower(s, s.merge(announcer)));
        if (!followed) {
            throw new IgnoredPost("Announce from " + announcerUri + ", whom nobody here follows");
        }
        if (urls.isLocal(objectId)) {
            return; // ours
        }
        Optional<ProposalEntity> known = db.inTransaction(s -> ProposalRepository.byUri(s, objectId));
        if (known.isPresent() && (known.get().isDeleted() || !known.get().isDetached())) {
            return; // held already (its owner's Updates keep it current), or deleted for good
        }
        JsonNode post = fetchOrForget(objectId, known); // fetched ourselves: the id is checked, not trusted
        if (!ProposalNote.isProposal(post)) {
            throw new IgnoredPost("Announced post " + objectId + " is not a proposal");
        }
        ProposalNote note = readProposal(post);
        if (!WebOrigin.same(note.id(), note.attributedTo())) {
            throw new IgnoredPost("Proposal " + note.id() + " claims an author on another server");
        }
        ActorEntity owner = remoteActors.resolve(note.attributedTo());
        db.run(s -> remoteProposals.upsert(s, note, s.merge(owner),
                announcer.getKind() == ActorKind.GROUP ? s.merge(announcer) : null));
    }

    /** The copies that came through {@code communityUri} and were detached when a link to it ended, to fetch again. */
    public List<String> detachedThrough(String communityUri) {
        return db.inTransaction(s -> ActorRepository.byUri(s, communityUri)
                .map(community -> copies.detachedThrough(s, community, DETACHED_REFRESH)).orElse(List.of()));
    }

    /**
     * Fetches a post; when its server says it is gone, a copy kept here is gone too: 410, or 404 for a public one (a
     * community-only post answers 404 to a fetch its server does not authorise, which says nothing of the post).
     */
    private JsonNode fetchOrForget(String objectId, Optional<ProposalEntity> kept) throws IOException, IgnoredPost {
        try {
            return client.fetchObject(URI.create(objectId));
        } catch (FetchException e) {
            boolean notFound = e.status() == 404 && kept.map(p -> p.getAudience() != Audience.COMMUNITY).orElse(false);
            if (kept.isPresent() && (e.isGone() || notFound)) {
                db.run(s -> copies.originGone(s, objectId));
                throw new IgnoredPost("Post " + objectId + " is gone from its server (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    /**
     * A deleted post: a proposal, a conversation message or a direct message (every member's copy, and the
     * notifications of it) goes if the sender owns it; a response is taken back, its words gone
     * ({@link ResponseService#deleted}).
     */
    public void deleted(String actorUri, String objectId) throws IgnoredPost {
        boolean done = db.inTransaction(s -> {
            Optional<ActorEntity> sender = ActorRepository.byUri(s, actorUri);
            if (sender.isEmpty()) {
                return false;
            }
            if (remoteProposals.delete(s, objectId, sender.get())) {
                return true;
            }
            // Each kind is tried: a direct message that joined a conversation once its response arrived
            // (OvertakenMessages) is kept in both places, and goes from both.
            boolean response = responses.deleted(s, objectId, sender.get());
            boolean inConversation = conversations.deleted(s, objectId, sender.get());
            boolean direct = MessageRepository.deleteSentBy(s, objectId, sender.get().getId()) > 0;
            return response || inConversation || direct;
        });
        if (!done) {
            throw new IgnoredPost("Delete of " + objectId + ": nothing of the sender's by that id");
        }
    }

    /** A post that answers {@code target}, a proposal here (the one it replies to, or the one a direct message is about). */
    private boolean asResponse(Session s, IncomingNote note, ActorEntity sender, Optional<ProposalEntity> target) {
        if (target.isEmpty() || ResponseRepository.existsWithUri(s, note.id())) {
            return target.isPresent();
        }
        if (AccountBlocks.blockedOn(s, target.get(), sender)) {
            return true; // handled: its author (or its community) blocked the sender, so it is dropped
        }
        responses.record(s, note, sender, target.get());
        return true;
    }

    /**
     * A direct message to local members that answers no proposal of theirs: kept for each of them to read, with the
     * conversation it names, which it joins if the response that conversation follows arrives after it.
     */
    private boolean asMessage(Session s, IncomingNote note, ActorEntity sender) {
        Long about = Optional.ofNullable(note.inReplyTo()).flatMap(id -> ProposalRepository.byUri(s, id))
                .map(ProposalEntity::getId).orElse(null);
        boolean ahead = aheadOfItsResponse(s, note);
        boolean any = false;
        for (String uri : note.to()) {
            Optional<ActorEntity> recipient = ActorRepository.byUri(s, uri)
                    .filter(m -> !AccountBlocks.blocks(s, sender, m));
            // A community keeps only a conversation's message that came before its response (MessageInbox.keep).
            String context = recipient.isPresent() && recipient.get().getKind() == ActorKind.GROUP && !ahead ? null
                    : note.context();
            if (recipient.isPresent() && inbox.keep(s, note.id(), sender, recipient.get(), about, note.content(),
                    context)) {
                any = true;
            }
        }
        return any;
    }

    /**
     * Whether the post is shaped as a Weft conversation's message whose response is not here yet: it replies to the
     * response it names as its {@code context} (a conversation's first message), or to a message kept ahead in that
     * context. Mastodon's direct messages name a context of their own too, but never reply to it.
     */
    private static boolean aheadOfItsResponse(Session s, IncomingNote note) {
        if (note.context() == null || note.inReplyTo() == null) {
            return false;
        }
        return note.inReplyTo().equals(note.context()) || MessageRepository.byUri(s, note.inReplyTo()).stream()
                .anyMatch(m -> note.context().equals(m.getContextUri()));
    }

    /**
     * Whether the post names as its {@code context} something of this instance that is not a proposal: Weft names a
     * response there, whose conversation its messages belong to.
     */
    private boolean inConversationHere(Session s, IncomingNote note) {
        return note.context() != null && urls.isLocal(note.context())
                && ProposalRepository.byUri(s, note.context()).isEmpty();
    }

    /** Places the post on the boards of the communities it is for; false when it is for none. */
    private boolean onBoards(Session s, IncomingNote note, ActorEntity sender) {
        boolean any = false;
        for (ActorEntity community : targetCommunities(s, note, sender)) {
            if (AccountBlocks.blocks(s, sender, community)) {
                continue;
            }
            boolean follows = FollowRepository.between(s, sender, community).map(FollowEntity::isAccepted).orElse(false);
            boolean visible = follows && boardLimit.allows(s, sender, community, clock.instant());
            Optional<ProposalEntity> p = remoteProposals.fromPost(s, note, sender, community, visible);
            if (p.isPresent()) {
                any = true;
                Visibility v = note.visibility();
                boolean onBoard = p.get().getModeration() == ProposalEntity.Moderation.VISIBLE;
                if (onBoard && (v == Visibility.PUBLIC || v == Visibility.UNLISTED)) {
                    boosts.boost(s, community, note.id());
                }
            }
        }
        return any;
    }

    /**
     * Local communities a post is for: those it mentions or addresses, or, with a mutual-aid hashtag, those the sender follows.
     */
    private Set<ActorEntity> targetCommunities(Session s, IncomingNote note, ActorEntity sender) {
        Set<ActorEntity> targets = new LinkedHashSet<>();
        List<String> addressed = new ArrayList<>(note.mentions());
        addressed.addAll(note.to());
        addressed.addAll(note.cc());
        if (note.audience() != null) {
            addressed.add(note.audience());
        }
        for (String uri : addressed) {
            if (urls.isLocal(uri)) {
                ActorRepository.byUri(s, uri).filter(a -> a.getKind() == ActorKind.GROUP && !a.isDeleted())
                        .ifPresent(targets::add);
            }
        }
        if (targets.isEmpty() && isTagged(note)) {
            FollowRepository.followingOf(s, sender, 0, 50).stream().map(FollowEntity::getFollowee)
                    .filter(a -> a.isLocal() && a.getKind() == ActorKind.GROUP).forEach(targets::add);
        }
        return targets;
    }

    private static boolean isTagged(IncomingNote note) {
        return note.hashtags().stream().anyMatch(t -> t.equalsIgnoreCase(ProposalContent.OFFER_TAG)
                || t.equalsIgnoreCase(ProposalContent.REQUEST_TAG));
    }

    private Optional<ProposalEntity> linkedProposal(Session s, IncomingNote note) {
        if (note.content() == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("href=\"(" + Pattern.quote(urls.base())
                + "/proposals/[A-Za-z0-9-]+)\"").matcher(note.content());
        while (m.find()) {
            Optional<ProposalEntity> p = ProposalRepository.byUri(s, m.group(1))
                    .filter(x -> x.isLocal() && !x.isDeleted() && !x.isHeldByModerator());
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** A direct message to a member that replies to nothing goes under that member's newest open proposal. */
    private Optional<ProposalEntity> latestOfRecipient(Session s, IncomingNote note) {
        for (String uri : note.to()) {
            Optional<ActorEntity> member = ActorRepository.byUri(s, uri)
                    .filter(a -> a.isLocal() && a.getKind() == ActorKind.PERSON);
            if (member.isPresent()) {
                return ProposalRepository.newestActiveOf(s, member.get());
            }
        }
        return Optional.empty();
    }

    /** The first local community a proposal names in {@code to}, {@code cc} or {@code audience}. */
    private Optional<ActorEntity> addressedCommunity(Session s, ProposalNote note) {
        List<String> named = new ArrayList<>(note.to() == null ? List.of() : note.to());
        named.addAll(note.cc() == null ? List.of() : note.cc());
        if (note.audience() != null) {
            named.add(note.audience());
        }
        return named.stream().filter(urls::isLocal).distinct()
                .map(uri -> ActorRepository.byUri(s, uri).filter(a -> a.getKind() == ActorKind.GROUP && !a.isDeleted()))
                .flatMap(Optional::stream).findFirst();
    }

    static ProposalNote readProposal(JsonNode post) throws IgnoredPost {
        try {
            return ProposalNote.fromJson(post);
        } catch (MalformedActivityException | IllegalArgumentException e) {
            throw new IgnoredPost("Unusable proposal: " + e.getMessage());
        }
    }

    /** A post must be on its sender's server and attributed to the sender (no claiming others' ids). */
    static void requireOwnPost(String actorUri, JsonNode post) throws IgnoredPost {
        String id = post.path("id").asText(null);
        if (id == null || !WebOrigin.same(id, actorUri)) {
            throw new IgnoredPost("Post " + id + " is not on the server of its sender " + actorUri);
        }
        JsonNode attributed = post.path("attributedTo");
        String owner = attributed.isTextual() ? attributed.asText() : attributed.path("id").asText(null);
        if (owner != null && !owner.equals(actorUri)) {
            throw new IgnoredPost("Post " + id + " is attributed to " + owner + ", not its sender " + actorUri);
        }
    }
}
