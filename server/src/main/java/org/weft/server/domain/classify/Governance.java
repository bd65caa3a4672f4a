package org.weft.server.domain.classify;

import java.util.List;

/**
 * Which units of a post ({@link PostStructure}) a purpose phrase governs, and so which concept words name a need
 * rather than the poster's story: in "Single mum, nurse, starting night shifts. Need someone to stay with my 2" the
 * first sentence says why, the second what. A unit is governed when a clause of its sentence holds an offer or request
 * phrase ("need formula and nappies"; in Persian and Arabic the phrase often ends the sentence, "مام، شامپو و برس مو
 * هم لازم داریم", so the clauses before it count too), or when it is a list item of a post that offers or asks
 * somewhere. A hashtag is always governed.
 *
 * <p>Governance applies only when a governed unit names a concept: a post whose purpose comes from a hashtag or a
 * bare question, or whose need is told in the story and asked for with "can anyone help?", is read as a whole.
 */
final class Governance {

    private final PostStructure structure;
    private final boolean[] governed;
    private final boolean applies;

    private Governance(PostStructure structure, boolean[] governed, boolean applies) {
        this.structure = structure;
        this.governed = governed;
        this.applies = applies;
    }

    static Governance of(PostStructure structure, List<CueHit> purposePhrases, List<ConceptHit> hits) {
        List<PostStructure.Unit> units = structure.units();
        boolean[] purposeful = new boolean[units.size()];
        for (CueHit phrase : purposePhrases) {
            purposeful[structure.unitOf(phrase.start())] = true;
        }
        boolean anyPurpose = purposePhrases.stream().findAny().isPresent();
        boolean[] governed = new boolean[units.size()];
        for (int u = 0; u < units.size(); u++) {
            PostStructure.Unit unit = units.get(u);
            governed[u] = unit.listItem() && anyPurpose;
            for (int v = 0; v < units.size(); v++) {
                governed[u] |= purposeful[v] && units.get(v).sentence() == unit.sentence();
            }
        }
        Governance g = new Governance(structure, governed, false);
        boolean applies = hits.stream().anyMatch(h -> h.position() >= 0 && g.isGoverned(h.position()));
        return new Governance(structure, governed, applies);
    }

    /** Whether some governed unit names a concept, so that the others can be told apart from it. */
    boolean applies() {
        return applies;
    }

    /** Whether the word at {@code position} (-1: a hashtag given apart from the text) is governed. */
    boolean isGoverned(int position) {
        return position < 0 || structure.isHashtag(position) || governed[structure.unitOf(position)];
    }

    /** The hits in governed units only. */
    List<ConceptHit> governedOnly(List<ConceptHit> hits) {
        return hits.stream().filter(h -> isGoverned(h.position())).toList();
    }

    /** Whether unit {@code u} is governed, for explanations. */
    boolean governs(int u) {
        return governed[u];
    }
}
