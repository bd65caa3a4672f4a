package org.weft.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;

/**
 * A search over proposals: the board of a community, a member's own list, the API's search. Every
 * criterion is optional; results are newest first, one page at a time. Only visible, undeleted
 * proposals are found, and community-only ones only when {@code includeCommunityOnly} is set.
 *
 * @param areaCode      an area and everything inside it ({@code camp-a} finds {@code camp-a/block-3})
 * @param categoryUris  any of these concepts (the caller expands narrower concepts if wanted)
 * @param statuses      empty means open and promised
 * @param text          words to find in the title or description
 * @param localOnly     only proposals hosted here, not those kept from other servers
 */
public record ProposalQuery(String community, Purpose purpose, List<String> categoryUris, String areaCode,
                            List<ProposalStatus> statuses, String text, Long authorId, boolean includeCommunityOnly,
                            boolean localOnly, int page, int pageSize) {
    public static final int MAX_PAGE_SIZE = 100;
    /** The longest search text; the board and the API cut or refuse longer text before building a query. */
    public static final int MAX_TEXT = 200;

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
    }

    /** The page of matching proposals. */
    public List<ProposalEntity> run(Session s) {
        Map<String, Object> params = new TreeMap<>();
        String where = where(params);
        var query = s.createSelectionQuery("select p from ProposalEntity p left join p.group g" + where
                + " order by p.publishedAt desc, p.id desc", ProposalEntity.class);
        bind(query, params);
        return query.setFirstResult((page - 1) * pageSize).setMaxResults(pageSize).getResultList();
    }

    /** How many proposals match in all (for paging). */
    public long count(Session s) {
        Map<String, Object> params = new TreeMap<>();
        String where = where(params);
        var query = s.createSelectionQuery("select count(p) from ProposalEntity p left join p.group g" + where, Long.class);
        bind(query, params);
        return query.getSingleResult();
    }

    /** Makes LIKE's wildcards literal, so searching "a_b" finds "a_b" and nothing else. */
    private static String likeEscaped(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static void bind(SelectionQuery<?> query, Map<String, Object> params) {
        params.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                query.setParameterList(k, list);
            } else {
                query.setParameter(k, v);
            }
        });
    }

    private String where(Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("p.deletedAt is null");
        clauses.add("p.moderation = :visible");
        params.put("visible", ProposalEntity.Moderation.VISIBLE);
        clauses.add("p.status in (:statuses)");
        params.put("statuses", statuses);
        if (!includeCommunityOnly) {
            clauses.add("p.audience <> :communityOnly");
            params.put("communityOnly", Audience.COMMUNITY);
        }
        if (localOnly) {
            clauses.add("p.local = true");
        }
        if (community != null) {
            clauses.add("g.username = :community and g.local = true");
            params.put("community", community);
        }
        if (purpose != null) {
            clauses.add("p.purpose = :purpose");
            params.put("purpose", purpose);
        }
        if (!categoryUris.isEmpty()) {
            clauses.add("exists (select 1 from ProposalEntity q join q.categories c where q = p and c in (:categories))");
            params.put("categories", categoryUris);
        }
        if (areaCode != null) {
            clauses.add("(p.areaCode = :area or p.areaCode like :areaPrefix escape '!')");
            params.put("area", areaCode);
            params.put("areaPrefix", likeEscaped(areaCode) + "/%");
        }
        if (text != null && !text.isBlank()) {
            clauses.add("(lower(p.title) like :text escape '!' or lower(p.description) like :text escape '!')");
            params.put("text", "%" + likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (authorId != null) {
            clauses.add("p.author.id = :author");
            params.put("author", authorId);
        }
        return " where " + String.join(" and ", clauses);
    }
}
