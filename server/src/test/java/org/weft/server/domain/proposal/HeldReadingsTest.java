package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.classify.PostReading;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * The readings kept with a held post read back as they were written; what this taxonomy no longer knows is left out,
 * and a damaged value reads as no readings rather than failing the moderation queue that lists the post.
 */
class HeldReadingsTest {
    private static final Taxonomy TAXONOMY = Taxonomy.load();
    private final HeldReadings readings = new HeldReadings(TAXONOMY);

    @Test
    void readingsReadBackAsTheyWereWritten() {
        List<PostReading> kept = List.of(
                new PostReading(Purpose.REQUEST, List.of(concept("childcare"), concept("babysitting")),
                        Optional.of(HelpKind.TIME)),
                new PostReading(Purpose.OFFER, List.of(concept("babysitting")), Optional.empty()));

        assertEquals(kept, readings.read(HeldReadings.write(kept)));
    }

    @Test
    void aReadingThisTaxonomyNoLongerKnowsIsLeftOut() {
        String json = "[{\"purpose\":\"request\",\"concepts\":[\"no-such-concept\"]},"
                + "{\"purpose\":\"sideways\",\"concepts\":[\"childcare\"]},"
                + "{\"purpose\":\"offer\",\"concepts\":[\"no-such-concept\",\"childcare\"],\"kind\":\"NO_SUCH_KIND\"}]";

        assertEquals(List.of(new PostReading(Purpose.OFFER, List.of(concept("childcare")), Optional.empty())),
                readings.read(json));
    }

    @Test
    void aDamagedValueReadsAsNoReadings() {
        assertEquals(List.of(), readings.read("[{\"purpose\": \"request\", \"concepts\": [\"childc"));
        assertEquals(List.of(), readings.read("not json at all"));
        assertEquals(List.of(), readings.read("42"));
        assertEquals(List.of(), readings.read(null));
    }

    private static Concept concept(String id) {
        return TAXONOMY.byId(id).orElseThrow();
    }
}
