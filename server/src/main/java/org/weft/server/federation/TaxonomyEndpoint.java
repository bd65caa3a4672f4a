package org.weft.server.federation;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.taxonomy.SkosDocument;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.LocalUrls;

/**
 * {@code GET /taxonomy/v1}: the categories as a SKOS document that any server or script may read. It never changes
 * while the process runs, so it is written once, on the first request rather than at start, where it cost 20-60 ms of
 * a start that most instances never repay (few clients ask for it).
 */
public final class TaxonomyEndpoint {
    private final Taxonomy taxonomy;
    private final LocalUrls urls;
    /** Written by the first request; two first requests at once both write the same bytes, which is harmless. */
    private volatile byte[] document;

    public TaxonomyEndpoint(Taxonomy taxonomy, LocalUrls urls) {
        this.taxonomy = taxonomy;
        this.urls = urls;
    }

    public void serve(ServerRequest req, ServerResponse res) {
        byte[] bytes = document;
        if (bytes == null) {
            bytes = HttpReplies.bytes(SkosDocument.toJsonLd(taxonomy, urls.taxonomy()));
            document = bytes;
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/ld+json; charset=utf-8");
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.send(bytes);
    }
}
