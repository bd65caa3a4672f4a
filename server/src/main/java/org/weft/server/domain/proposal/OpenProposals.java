package org.weft.server.domain.proposal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.model.ActorKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ChangeFeedEntries;
import org.weft.server.persistence.ChangeKind;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalCursor;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalQuery;

/**
 * A community's open public proposals, for whoever reads its open data, its feeds and its printed board. One rule
 * for all three: only proposals still open (not promised, fulfilled, withdrawn, expired or deleted), visible (not
 * hidden by a moderator), posted here to this community (not copies held from other servers, whose people never
 * agreed to this instance publishing them), and community-only ones only when a member reads ({@code member}: the open
 * data and feeds read with a member's API token; the printed board never); each comes out as a {@link PublicProposal},
 * which holds no person and no coordinates.
 */
public final class OpenProposals {
    /** Proposals read per transaction while walking a whole board. */
    static final int BATCH = ProposalQuery.MAX_PAGE_SIZE;

    private final Database db;

    public OpenProposals(Database db) {
        this.db = db;
    }

    /** Narrows the list; every part may be null or empty (all of them). */
    public record Filter(Purpose purpose, List<String> categoryUris, String areaCode) {
        public static final Filter ALL = new Filter(null, List.of(), null);

        public Filter {
            categoryUris = categoryUris == null ? List.of() : List.copyOf(categoryUris);
        }
    }

    /** A local community by its name, as the lists name it; empty when there is none. */
    public record Community(String name, String displayName, String uri) {
    }

    public Optional<Community> community(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return db.inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, name.toLowerCase(Locale.ROOT)))
                .map(OpenProposals::community);
    }

    /**
     * The newest change to any proposal on this instance, as the change feed keeps it: the open data and feeds are
     * built from proposals alone, so while this stays the same they do too, and a reader polling them can be told so
     * without reading them ({@code http/ConditionalGet}). Every insert, edit, status change and deletion of a proposal
     * adds a row there in its own transaction; empty when none is kept.
     */
    public Optional<ChangeFeedEntries.Latest> lastChange() {
        return db.inTransaction(s -> ChangeFeedEntries.latest(s, ChangeKind.PROPOSAL));
    }

    /** The newest {@code limit} (at most {@link ProposalQuery#MAX_PAGE_SIZE}) matching proposals, newest first. */
    public List<PublicProposal> newest(Community community, Filter filter, int limit) {
        return newest(community, filter, limit, false);
    }

    /** The same, community-only proposals too when {@code member}. */
    public List<PublicProposal> newest(Community community, Filter filter, int limit, boolean member) {
        ProposalQuery query = query(community, filter, limit, member);
        return db.inTransaction(s -> query.run(s).stream().map(OpenProposals::shown).toList());
    }

    /** How many match, counting no further than {@code cap + 1} (the caller says "more than"). */
    public long countUpTo(Community community, Filter filter, int cap) {
        ProposalQuery query = query(community, filter, 1, false);
        return db.inTransaction(s -> query.countUpTo(s, cap));
    }

    /**
     * Every matching proposal, newest first, handed over a batch at a time: each batch is read in its own short
     * transaction (the keyset of the board's index moves from one to the next), so a board of any size is walked
     * without holding a connection or the whole list. Community-only proposals too when {@code member}.
     */
    public void each(Community community, Filter filter, boolean member, Consumer<List<PublicProposal>> batch) {
        ProposalQuery query = query(community, filter, BATCH, member);
        while (query != null) {
            ProposalQuery current = query;
            Batch read = db.inTransaction(s -> {
                ProposalQuery.Slice slice = current.slice(s);
                return new Batch(slice.items().stream().map(OpenProposals::shown).toList(), slice.older());
            });
            if (!read.shown().isEmpty()) {
                batch.accept(read.shown());
            }
            query = read.older() == null ? null : current.olderThan(read.older());
        }
    }

    private record Batch(List<PublicProposal> shown, ProposalCursor older) {
    }

    private static ProposalQuery query(Community community, Filter filter, int pageSize, boolean member) {
        return new ProposalQuery(community.name(), filter.purpose(), filter.categoryUris(), filter.areaCode(),
                List.of(ProposalStatus.OPEN), null, null, member, true, 1, pageSize);
    }

    private static Community community(ActorEntity group) {
        return new Community(group.getUsername(), group.getDisplayName(), group.getUri());
    }

    /** What may be shown of a stored proposal: no author, no coordinates. */
    private static PublicProposal shown(ProposalEntity p) {
        String uri = p.getUri();
        String description = p.getDescription() == null ? "" : p.isLocal() ? p.getDescription()
                : HtmlSanitizer.toPlainText(p.getDescription());
        return new PublicProposal(uri.substring(uri.lastIndexOf('/') + 1), uri, p.getPurpose(), p.getKind(),
                p.getCategories(), p.getTitle(), description.strip(), p.getLanguage(), p.getQuantity(), p.getUnit(),
                p.getAreaCode(), p.getAreaName(), p.getPublishedAt(), p.getUpdatedAt(), p.getEndsAt());
    }
}
