package org.weft.server.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.weft.server.model.ActorKind;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;

/**
 * A search over proposals: the board of a community, a tag page, a member's own list, the API's search. Every
 * criterion is optional; results are newest first (publication time, then id), one page at a time. Only visible,
 * undeleted proposals are found (and of copies from other servers, only those still held through a link), and
 * community-only ones only when {@code includeCommunityOnly} is set. A member's own list ({@code authorId}, only
 * ever the caller's) also finds what a moderator held back or hid, which its author still sees, marked so.
 *
 * <p>Pages are found by keyset: {@code before} gives the page of older proposals just past a cursor, {@code after}
 * the page of newer ones; neither gives the newest page. The database then seeks in an index on the sort key
 * (V44) and reads one page, however large the board. {@code page} (an offset) is kept for the API's old clients;
 * it counts past every row before it, so deep pages cost more.
 *
 * @param areaCode      an area and everything inside it ({@code camp-a} finds {@code camp-a/block-3})
 * @param categoryUris  any of these concepts (the caller expands narrower concepts if wanted)
 * @param statuses      empty means open and promised
 * @param text          words to find in the title or description
 * @param localOnly     only proposals hosted here, not those kept from other servers (nor, on a community's
 *                      board, those held from the communities it links to)
 * @param page          1 unless an old client pages by offset; not with a cursor
 * @param before        the older page just past this cursor, or null
 * @param after         the newer page just past this cursor, or null
 */
public record ProposalQuery(String community, Purpose purpose, List<String> categoryUris, String areaCode,
                            List<ProposalStatus> statuses, String text, Long authorId, boolean includeCommunityOnly,
                            boolean localOnly, int page, int pageSize, ProposalCursor before, ProposalCursor after,
                            TextMeaning meaning) {
    public static final int MAX_PAGE_SIZE = 100;
    /** The longest search text; the board and the API cut or refuse longer text before building a query. */
    public static final int MAX_TEXT = 200;
    /**
     * Nothing by an account the board's community blocked. Written as a count compared with 0, not {@code not exists}:
     * MariaDB turns a {@code not exists} into a materialised anti-join and, for the refused servers below, gathered
     * every known account of every refused server first (a refused big server: thousands of rows per page view). A
     * count is a subquery of the row: a look-up in the blocks' unique key for each row the page reads.
     */
    static final String NOT_BY_BLOCKED_ACCOUNT = "(select count(*) from account_block b where b.blocker_id = :board"
            + " and b.blocked_id = p.author_id) = 0";
    /** Nothing by an account of a server the board's community refuses: the author's row, then the refusals' key. */
    static final String NOT_FROM_REFUSED_SERVER = "(select count(*) from actor a join community_server_block r"
            + " on r.community_id = :board and r.domain = a.domain where a.id = p.author_id and a.is_local = false) = 0";
    /**
     * Listing every community's (a tag page, the API's search across communities): nothing from another server that
     * every community here holding it blocked, by account or by server, as {@code BlockedCopies} decides for the copy's
     * page, which answers 404 then. The communities holding a copy: the one of ours it was posted to (a follower's
     * post), else those linking to the community of another server it came through; a copy none holds (under no
     * community, or no longer linked) is not one a community's block reaches. Proposals of ours pass at the first test;
     * each copy costs a few key look-ups: the actor rows, the links by their followee key, the blocks' unique keys.
     */
    static final String NOT_BLOCKED_WHERE_HELD = "(p.is_local = true or p.group_id is null"
            + " or (select count(*) from actor g where g.id = p.group_id and g.is_local = true) = 1"
            + " and " + blocksOfAuthor("p.group_id") + " = 0"
            + " or (select count(*) from actor g where g.id = p.group_id and g.is_local = false) = 1"
            + " and ((select count(*) from follow f join actor h on h.id = f.follower_id where " + linkOf("f") + ") = 0"
            + " or (select count(*) from follow f join actor h on h.id = f.follower_id where " + linkOf("f")
            + " and " + blocksOfAuthor("f.follower_id") + " = 0) > 0))";
    /** Which kinds of block a community has: most have none, and their boards' statements carry neither clause. */
    private static final String BOARD_BLOCKS = "select case when exists (select 1 from account_block b"
            + " where b.blocker_id = :board) then 1 else 0 end, case when exists (select 1 from community_server_block r"
            + " where r.community_id = :board) then 1 else 0 end";
    /**
     * Whether any community here blocks an account, or refuses a server: on most instances none does, and their tag
     * pages carry no clause. A member's own blocks keep nothing off a listing.
     */
    private static final String ANY_COMMUNITY_BLOCKS = "select case when exists (select 1 from account_block b"
            + " join actor g on g.id = b.blocker_id where g.kind = '" + ActorKind.GROUP.name() + "') then 1 else 0 end,"
            + " case when exists (select 1 from community_server_block r) then 1 else 0 end";

    /** How many blocks the community {@code community} (an SQL expression) has of the row's author: account, server. */
    private static String blocksOfAuthor(String community) {
        return "((select count(*) from account_block b where b.blocker_id = " + community
                + " and b.blocked_id = p.author_id) + (select count(*) from actor a join community_server_block r"
                + " on r.community_id = " + community + " and r.domain = a.domain"
                + " where a.id = p.author_id and a.is_local = false))";
    }

    /** {@code f} is an accepted link to the row's community from a community here ({@code h}, its follower). */
    private static String linkOf(String f) {
        return f + ".followee_id = p.group_id and " + f + ".state = '" + FollowEntity.State.ACCEPTED.name() + "'"
                + " and h.is_local = true and h.kind = '" + ActorKind.GROUP.name() + "'";
    }

    public ProposalQuery {
        categoryUris = categoryUris == null ? List.of() : List.copyOf(categoryUris);
        statuses = statuses == null || statuses.isEmpty() ? List.of(ProposalStatus.OPEN, ProposalStatus.PROMISED)
                : List.copyOf(statuses);
        if (page < 1 || page > 10_000) {
            throw new IllegalArgumentException("Pages go from 1 to 10000");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE_SIZE + " proposals");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("Search text can be at most 200 characters");
        }
        if (before != null && after != null || page > 1 && (before != null || after != null)) {
            throw new IllegalArgumentException("A page is found by one of before, after or page");
        }
    }

    /**
     * What the search text means besides its letters: the concepts it names in any language (with the narrower ones)
     * and its words, each as the set of its readings (stems in the six languages). A proposal is found by its text
     * when it is in one of the concepts, or when it holds a reading of every word among its stored terms (V54); its
     * title and description are read for the text's letters only while its terms are older than {@code termsVersion}
     * (the analysis the words were read with) or missing. See {@link BoardTextSearch}.
     */
    public record TextMeaning(List<String> conceptUris, List<Set<String>> words, int termsVersion) {
        public TextMeaning {
            conceptUris = List.copyOf(conceptUris);
            words = words.stream().map(Set::copyOf).toList();
        }
    }

    /** A page by cursor, without a meaning for its text (letters only). */
    public ProposalQuery(String community, Purpose purpose, List<String> categoryUris, String areaCode,
                         List<ProposalStatus> statuses, String text, Long authorId, boolean includeCommunityOnly,
                         boolean localOnly, int page, int pageSize, ProposalCursor before, ProposalCursor after) {
        this(community, purpose, categoryUris, areaCode, statuses, text, authorId, includeCommunityOnly, localOnly, page,
                pageSize, before, after, null);
    }

    /** The same search, its text also found by what it means. */
    public ProposalQuery withMeaning(TextMeaning textMeaning) {
        return new ProposalQuery(community, purpose, categoryUris, areaCode, statuses, text, authorId,
                includeCommunityOnly, localOnly, page, pageSize, before, after, textMeaning);
    }

    /** The newest page of a search; {@link #olderThan} and {@link #newerThan} move from there. */
    public ProposalQuery(String community, Purpose purpose, List<String> categoryUris, String areaCode,
                         List<ProposalStatus> statuses, String text, Long authorId, boolean includeCommunityOnly,
                         boolean localOnly, int page, int pageSize) {
        this(community, purpose, categoryUris, areaCode, statuses, text, authorId, includeCommunityOnly, localOnly, page,
                pageSize, null, null);
    }

    /** The same search, the page of older proposals just past {@code cursor}. */
    public ProposalQuery olderThan(ProposalCursor cursor) {
        return new ProposalQuery(community, purpose, categoryUris, areaCode, statuses, text, authorId,
                includeCommunityOnly, localOnly, 1, pageSize, cursor, null, meaning);
    }

    /** The same search, the page of newer proposals just past {@code cursor}. */
    public ProposalQuery newerThan(ProposalCursor cursor) {
        return new ProposalQuery(community, purpose, categoryUris, areaCode, statuses, text, authorId,
                includeCommunityOnly, localOnly, 1, pageSize, null, cursor, meaning);
    }

    /** The same search from its newest page. */
    public ProposalQuery newest() {
        return new ProposalQuery(community, purpose, categoryUris, areaCode, statuses, text, authorId,
                includeCommunityOnly, localOnly, 1, pageSize, null, null, meaning);
    }

    /**
     * One page and the cursors around it.
     *
     * @param items  newest first
     * @param older  the cursor of the page of older proposals, or null when there are none
     * @param newer  the cursor of the page of newer proposals, or null when that page is the newest
     * @param hasNewer whether there is a newer page at all (with {@code newer} null: the newest page)
     */
    public record Slice(List<ProposalEntity> items, ProposalCursor older, ProposalCursor newer, boolean hasNewer) {
    }

    /** The page of matching proposals, newest first. */
    public List<ProposalEntity> run(Session s) {
        return slice(s).items();
    }

    /** A page and how many proposals match (counted as {@link #countUpTo} counts). */
    public record Counted(Slice slice, long count) {
    }

    /** The page this query names, with the cursors of the pages on either side. */
    public Slice slice(Session s) {
        return slice(s, textDrive(s), reach(s));
    }

    /**
     * The page and how many match, counting no further than {@code cap + 1} (as {@link #countUpTo}): a search's
     * candidates are counted once for both, not once for each.
     */
    public Counted sliceAndCount(Session s, int cap) {
        BoardTextSearch.Drive drive = textDrive(s);
        Reach reach = reach(s);
        return new Counted(slice(s, drive, reach), newest().ids(s, cap + 1, drive, reach).size());
    }

    private Slice slice(Session s, BoardTextSearch.Drive drive, Reach reach) {
        if (after != null) {
            List<Long> ids = ids(s, pageSize + 1, drive, reach);
            if (ids.size() <= pageSize) {
                return newest().slice(s, drive, reach); // nothing newer than this page: it is the newest one
            }
            List<ProposalEntity> items = load(s, ids.subList(0, pageSize));
            Collections.reverse(items);
            return new Slice(items, ProposalCursor.of(items.getLast()), ProposalCursor.of(items.getFirst()), true);
        }
        List<Long> ids = ids(s, pageSize + 1, drive, reach);
        List<ProposalEntity> items = load(s, ids.subList(0, Math.min(pageSize, ids.size())));
        ProposalCursor older = ids.size() > pageSize ? ProposalCursor.of(items.getLast()) : null;
        boolean hasNewer = before != null || page > 1;
        ProposalCursor newer = before != null && !items.isEmpty() ? ProposalCursor.of(items.getFirst()) : null;
        return new Slice(items, older, newer, hasNewer);
    }

    /**
     * How many proposals match, counting no further than {@code cap + 1}: a caller shows "more than cap" rather than
     * walk a whole board for a number. Counts from the newest, whatever page this query names.
     */
    public long countUpTo(Session s, int cap) {
        return newest().ids(s, cap + 1, textDrive(s), reach(s)).size();
    }

    /** How a search by meaning reads its page (its candidates counted), or null when this query has no such search. */
    private BoardTextSearch.Drive textDrive(Session s) {
        return text != null && !text.isBlank() && meaning != null ? new BoardTextSearch(meaning).drive(s) : null;
    }

    /** The ids of this query's page, in page order, at most {@code limit}. */
    private List<Long> ids(Session s, int limit, BoardTextSearch.Drive drive, Reach reach) {
        Optional<Sql> sql = idSql(s, limit, drive, reach);
        if (sql.isEmpty()) {
            return List.of();
        }
        NativeQuery<Long> query = sql.get().bind(s.createNativeQuery(sql.get().statement(), Long.class));
        if (before == null && after == null && page > 1) {
            query.setFirstResult((page - 1) * pageSize);
        }
        return query.setMaxResults(limit).getResultList().stream().map(Number::longValue).toList();
    }

    /**
     * The page's proposals in one statement, with what every card shows (categories, author, the community): loaded
     * one by one, a page of 20 cost some 30 statements (the "board cards N+1" of G14).
     */
    private static List<ProposalEntity> load(Session s, List<Long> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        Map<Long, ProposalEntity> byId = s.createSelectionQuery("select distinct p from ProposalEntity p"
                        + " left join fetch p.categories left join fetch p.author left join fetch p.attributedTo"
                        + " left join fetch p.group where p.id in (:ids)", ProposalEntity.class)
                .setParameterList("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(ProposalEntity::getId, Function.identity(), (a, b) -> a));
        List<ProposalEntity> ordered = new ArrayList<>(ids.size());
        ids.stream().map(byId::get).filter(p -> p != null).forEach(ordered::add);
        return ordered;
    }

    /** A native statement and its named parameters. */
    record Sql(String text, Map<String, Object> params, String optimizerSwitch) {
        Sql(String text, Map<String, Object> params) {
            this(text, params, null);
        }

        /** The statement to run: its text, under its optimizer switch when it has one (MariaDB's SET STATEMENT). */
        String statement() {
            return optimizerSwitch == null ? text : "SET STATEMENT optimizer_switch='" + optimizerSwitch + "' FOR " + text;
        }

        /** The statement's plan as it would run, {@code tail} (a LIMIT) appended. */
        String explain(String tail) {
            return new Sql("EXPLAIN " + text + tail, params, optimizerSwitch).statement();
        }

        /** Binds the parameters to {@code query}: this statement's text, or the same with EXPLAIN in front. */
        <Q extends NativeQuery<?>> Q bind(Q query) {
            params.forEach((k, v) -> {
                if (v instanceof List<?> list) {
                    query.setParameterList(k, list);
                } else {
                    query.setParameter(k, v);
                }
            });
            return query;
        }
    }

    /**
     * Which proposals a view of this query may list, looked up once for all of the view's statements (its page, the
     * newest page when the one asked for has nothing newer, its count): every community's when {@code board} is null
     * (with the kinds of block any community here has: {@link #NOT_BLOCKED_WHERE_HELD} when there are some), nothing
     * when the named community does not exist here; otherwise the board's community, the communities whose copies it
     * shows ({@code groupIds}, the board's own first), and the kinds of block it has.
     */
    record Reach(boolean nothing, Long board, List<Long> groupIds, boolean blocksAccounts, boolean refusesServers) {
        static final Reach EVERY_COMMUNITY = new Reach(false, null, List.of(), false, false);
        static final Reach NOTHING = new Reach(true, null, List.of(), false, false);
    }

    private Reach reach(Session s) {
        if (community == null && (localOnly || authorId != null)) {
            return Reach.EVERY_COMMUNITY; // only proposals of ours, or a member's own: no copy a block would keep off
        }
        if (community == null) {
            Object[] kinds = s.createNativeQuery(ANY_COMMUNITY_BLOCKS, Object[].class).getSingleResult();
            return new Reach(false, null, List.of(), ((Number) kinds[0]).intValue() == 1,
                    ((Number) kinds[1]).intValue() == 1);
        }
        Optional<ActorEntity> group = ActorRepository.local(s, ActorKind.GROUP, community);
        if (group.isEmpty()) {
            return Reach.NOTHING;
        }
        long board = group.get().getId();
        List<Long> groupIds = new ArrayList<>();
        groupIds.add(board);
        if (!localOnly && authorId == null) {
            groupIds.addAll(FollowRepository.linkedRemoteIds(s, board));
        }
        // A community's board shows nothing by an account it blocked or from a server it refuses, however the post came
        // to be held here (a follower's post, a linked community's Announce). A clause only for the kinds of block it
        // has: each costs a key look-up or two per row read, and most communities block no one.
        Object[] kinds = s.createNativeQuery(BOARD_BLOCKS, Object[].class).setParameter("board", board).getSingleResult();
        return new Reach(false, board, List.copyOf(groupIds), ((Number) kinds[0]).intValue() == 1,
                ((Number) kinds[1]).intValue() == 1);
    }

    /**
     * The statement that finds the page's ids, written in SQL so that its plan is what the index test reads
     * ({@code BoardPlanTest}); empty when the named community does not exist here (nothing can match).
     */
    Optional<Sql> idSql(Session s) {
        return idSql(s, pageSize + 1, textDrive(s), reach(s));
    }

    /**
     * The statement for a page of at most {@code limit} ids. A community's board lists what the community holds: its
     * own proposals and its followers' posts (both under its id) and, unless {@code localOnly}, the copies held from
     * the communities it links to (under theirs). One community is one range of the board index; several are one such
     * range each, every one cut at the page's length, and the few rows they give are merged in order: each part stays
     * index-driven however many proposals the linked communities hold. {@code drive} is how a search by meaning reads
     * its page ({@link #textDrive}), null without one; {@code reach} is what the view may list ({@link #reach}).
     */
    private Optional<Sql> idSql(Session s, int limit, BoardTextSearch.Drive drive, Reach reach) {
        if (reach.nothing()) {
            return Optional.empty();
        }
        Map<String, Object> params = new TreeMap<>();
        List<String> clauses = new ArrayList<>();
        List<Long> groupIds = reach.groupIds();
        if (groupIds.size() == 1) {
            clauses.add("p.group_id = :groupId");
            params.put("groupId", reach.board());
        }
        if (reach.board() == null) {
            if (reach.blocksAccounts() || reach.refusesServers()) {
                clauses.add(NOT_BLOCKED_WHERE_HELD);
            }
        } else {
            if (reach.blocksAccounts()) {
                clauses.add(NOT_BY_BLOCKED_ACCOUNT);
            }
            if (reach.refusesServers()) {
                clauses.add(NOT_FROM_REFUSED_SERVER);
            }
            if (reach.blocksAccounts() || reach.refusesServers()) {
                params.put("board", reach.board());
            }
        }
        clauses.add("p.deleted_at is null");
        clauses.add("p.detached_at is null"); // copies no longer held through a link are not shown
        if (authorId == null) {
            clauses.add("p.moderation = :visible");
            params.put("visible", ProposalEntity.Moderation.VISIBLE.name());
        } // a member's own list also holds what a moderator held back or hid: the author is told so there

        clauses.add("p.status in (:statuses)");
        params.put("statuses", statuses.stream().map(Enum::name).toList());
        if (!includeCommunityOnly) {
            clauses.add("p.audience <> :communityOnly");
            params.put("communityOnly", Audience.COMMUNITY.name());
        }
        if (localOnly) {
            clauses.add("p.is_local = true");
        }
        if (purpose != null) {
            clauses.add("p.purpose = :purpose");
            params.put("purpose", purpose.name());
        }
        if (!categoryUris.isEmpty()) {
            clauses.add("exists (select 1 from proposal_category c where c.proposal_id = p.id"
                    + " and c.concept_uri in (:categories))");
            params.put("categories", categoryUris);
        }
        if (areaCode != null) {
            clauses.add("(p.area_code = :area or p.area_code like :areaPrefix escape '!')");
            params.put("area", areaCode);
            params.put("areaPrefix", likeEscaped(areaCode) + "/%");
        }
        Optional<String> candidates = Optional.empty();
        if (text != null && !text.isBlank() && meaning != null) {
            BoardTextSearch search = new BoardTextSearch(meaning);
            clauses.add(search.matchClause(text, params, BoardTextSearch.isH2(s)));
            candidates = drive.candidates(params);
            if (candidates.isPresent() && candidates.get().isEmpty()) {
                return Optional.empty(); // no word, no concept, nothing unanalysed: nothing can match
            }
        } else if (text != null && !text.isBlank()) {
            params.put("text", "%" + likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%");
            clauses.add("(lower(p.title) like :text escape '!' or lower(p.description) like :text escape '!')");
        }
        if (authorId != null) {
            clauses.add("p.author_id = :author");
            params.put("author", authorId);
        }
        ProposalCursor cursor = before != null ? before : after;
        if (cursor != null) {
            // The first clause bounds the index range; the second breaks ties between rows published the same instant.
            String cmp = before != null ? "<" : ">";
            clauses.add("p.published_at " + cmp + "= :keyAt");
            clauses.add("(p.published_at " + cmp + " :keyAt or p.id " + cmp + " :keyId)");
            params.put("keyAt", cursor.publishedAt());
            params.put("keyId", cursor.id());
        }
        String order = after != null ? "asc" : "desc";
        String sortKey = " order by p.published_at " + order + ", p.id " + order;
        if (candidates.isPresent()) {
            // Few can match: read those few by id (in the order written: MariaDB would otherwise start from the board)
            // and sort them, rather than walk the board's index for them.
            if (groupIds.size() > 1) {
                clauses.add("p.group_id in (:groupIds)");
                params.put("groupIds", groupIds);
            }
            return Optional.of(new Sql("select p.id from (" + candidates.get() + ") m"
                    + (BoardTextSearch.isH2(s) ? " join" : " straight_join") + " proposal p on p.id = m.id where "
                    + String.join(" and ", clauses) + sortKey, params));
        }
        // Walking the board for a text, MariaDB would turn each EXISTS into IN and build the whole list of proposals
        // holding the word or concept (25,000 rows for a common one, measured 60-400 ms) before reading the first
        // row; tested row by row through the term and category keys instead, a page costs its own rows.
        String textWalk = text != null && !text.isBlank() && meaning != null && !BoardTextSearch.isH2(s)
                ? "exists_to_in=off,materialization=off" : null;
        if (groupIds.size() <= 1) {
            return Optional.of(new Sql("select p.id from proposal p" + indexHint(s) + " where "
                    + String.join(" and ", clauses) + sortKey, params, textWalk));
        }
        int perGroup = limit + (before == null && after == null && page > 1 ? (page - 1) * pageSize : 0);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < groupIds.size(); i++) {
            parts.add("(select p.id, p.published_at from proposal p" + indexHint(s) + " where p.group_id = :group" + i
                    + " and " + String.join(" and ", clauses) + sortKey + " limit " + perGroup + ")");
            params.put("group" + i, groupIds.get(i));
        }
        return Optional.of(new Sql("select u.id from (" + String.join(" union all ", parts) + ") u order by u.published_at "
                + order + ", u.id " + order, params, textWalk));
    }

    /**
     * On MariaDB, the index on the sort key, named. Given {@code group_id = ?} and a cursor, MariaDB's choice of an
     * index for ORDER BY ... LIMIT turns the range (group_id, published_at < cursor) into a ref on group_id alone, and
     * walks down from the newest row to the cursor: 90,000 rows for a page 90,000 deep (measured, G14). Named, the
     * same index is read as a range from the cursor: one page of rows. H2 has no such hint and no such trouble.
     */
    private String indexHint(Session s) {
        if (authorId != null || BoardTextSearch.isH2(s)) {
            return "";
        }
        return community != null ? " force index (ix_proposal_board_newest)" : " force index (ix_proposal_newest)";
    }

    /** Makes LIKE's wildcards literal, so searching "a_b" finds "a_b" and nothing else. */
    static String likeEscaped(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
