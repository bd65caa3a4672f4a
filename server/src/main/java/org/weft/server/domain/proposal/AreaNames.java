package org.weft.server.domain.proposal;

import java.util.List;
import java.util.Map;

import org.hibernate.Session;
import org.weft.server.persistence.AreaEntity;
import org.weft.server.persistence.AreaRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.web.i18n.Messages;

/**
 * A proposal's area as a person reads it, in their language: a proposal posted here is in one of the instance's areas,
 * whose names are joined the way the reader's language joins them ("Camp A، Block 3" in Arabic, {@link Messages#place});
 * a proposal from another server keeps the name it came with (its areas are not ours). A proposal keeps its area's
 * name joined with {@link AreaPaths#DATA_SEPARATOR}, for the API, the data files and other servers: only what a person
 * reads is rewritten. The areas are read once, for a whole page of proposals.
 */
public final class AreaNames {
    private final Map<String, List<String>> paths;

    private AreaNames(Map<String, List<String>> paths) {
        this.paths = paths;
    }

    /** The instance's areas as they are now, inside the caller's transaction. */
    public static AreaNames read(Session s) {
        return new AreaNames(AreaPaths.of(AreaRepository.all(s)));
    }

    /** The instance's areas as the operator set them ({@code all} from {@link AreaService#all}). */
    public static AreaNames of(List<AreaEntity> all) {
        return new AreaNames(AreaPaths.of(all));
    }

    /** A stored proposal's area in {@code m}'s language; null when it has none. */
    public String name(ProposalEntity p, Messages m) {
        return name(p.isLocal(), p.getAreaCode(), p.getAreaName(), m);
    }

    /**
     * The area's name in {@code m}'s language: for a proposal posted here ({@code local}) its area's path from
     * {@code code}, else (or for an area no longer known) the name kept with it, {@code kept}; null when it has none.
     */
    public String name(boolean local, String code, String kept, Messages m) {
        if (kept == null) {
            return null;
        }
        List<String> path = local && code != null ? paths.get(code) : null;
        return path == null ? kept : m.place(path);
    }
}
