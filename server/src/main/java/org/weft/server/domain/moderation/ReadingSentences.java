package org.weft.server.domain.moderation;

import java.util.Locale;

import org.weft.server.domain.classify.PostReading;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.web.i18n.Messages;

/**
 * One of the classifier's readings of a held post as the sentence a moderator reads, "Request: Childcare, Babysitting
 * (Time given)", from the message files and the taxonomy's labels in one language. The waiting-posts page and
 * {@code weft board pending} say it with this, so the words a moderator chooses by are the same wherever they look.
 */
public final class ReadingSentences {
    private final Taxonomy taxonomy;

    public ReadingSentences(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public String say(PostReading reading, Messages m) {
        String concepts = reading.concepts().stream().map(c -> taxonomy.label(c, m.language()))
                .reduce((a, b) -> m.get("moderation.readingList", a, b)).orElseThrow();
        String purpose = m.get("purpose." + reading.purpose().wire());
        return reading.kind().map(k -> m.get("moderation.readingWithKind", purpose, concepts,
                        m.get("kind." + k.name().toLowerCase(Locale.ROOT))))
                .orElseGet(() -> m.get("moderation.reading", purpose, concepts));
    }
}
