package org.weft.server.opendata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.proposal.OpenProposals;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Purpose;
import org.weft.web.i18n.Messages;

/**
 * What a request for open data or a feed asks for: the language of labels and sentences, and the filter
 * ({@code purpose}, {@code category}, {@code area}). A value that names nothing is refused rather than read as "all":
 * a feed subscribed with a misspelt category would otherwise quietly carry every proposal.
 *
 * <p>{@code bom=1} asks the CSV files to start with a UTF-8 byte order mark: Excel on Windows reads a CSV file
 * without one in the machine's legacy code page, and shows Arabic, Persian or Ukrainian as mojibake. Tools that follow
 * RFC 4180 take the mark for part of the first column's name, so it is only there when asked for.
 *
 * @param category the concept asked for, or null
 * @param area     the area's code, or null
 * @param bom      whether a CSV file starts with a byte order mark ({@code bom=1}; {@code 0} or nothing: not)
 */
record DataRequest(Messages messages, OpenProposals.Filter filter, Concept category, String area, boolean bom) {

    /** A parameter that names nothing; {@link #code} is the API's error code, the message key is {@code error.<code>}. */
    static final class Refused extends RuntimeException {
        private final String code;
        private final Object[] arguments;

        Refused(String code, Object... arguments) {
            super(code, null, false, false);
            this.code = code;
            this.arguments = arguments;
        }

        String code() {
            return code;
        }

        String message(Messages m) {
            return m.get("error." + code, arguments);
        }
    }

    static DataRequest read(ServerRequest req, Taxonomy taxonomy, AreaService areas) {
        Messages m = Messages.forLanguage(language(req));
        var q = req.query();
        String purposeValue = q.first("purpose").orElse("");
        Purpose purpose = purposeValue.isEmpty() ? null : Purpose.fromWire(purposeValue)
                .orElseThrow(() -> new Refused("field_choice", "purpose", "offer, request"));
        String categoryValue = q.first("category").orElse("");
        Concept category = categoryValue.isEmpty() ? null : taxonomy.byId(categoryValue)
                .orElseThrow(() -> new Refused("category_unknown", categoryValue));
        String areaValue = q.first("area").orElse("");
        String area = areaValue.isEmpty() ? null : areas.all().stream().map(a -> a.getCode())
                .filter(areaValue::equals).findFirst().orElseThrow(() -> new Refused("area_unknown", areaValue));
        String bomValue = q.first("bom").orElse("");
        if (!bomValue.isEmpty() && !bomValue.equals("0") && !bomValue.equals("1")) {
            throw new Refused("field_choice", "bom", "0, 1");
        }
        List<String> uris = category == null ? List.of() : taxonomy.withNarrowerUris(category);
        return new DataRequest(m, new OpenProposals.Filter(purpose, uris, area), category, area, bomValue.equals("1"));
    }

    /**
     * {@code ?lang=} (one of the six, else refused), else the first of them in {@code Accept-Language}, else English:
     * a feed reader or a script asks with the parameter, a browser with its header.
     */
    static String language(ServerRequest req) {
        Optional<String> asked = req.query().first("lang").asOptional();
        if (asked.isPresent()) {
            String lang = primary(asked.get());
            if (!Messages.LANGUAGES.contains(lang)) {
                throw new Refused("lang_unknown", String.join(", ", Messages.LANGUAGES));
            }
            return lang;
        }
        for (String range : req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("").split(",")) {
            String lang = primary(range.split(";", 2)[0]);
            if (Messages.LANGUAGES.contains(lang)) {
                return lang;
            }
        }
        return "en";
    }

    private static String primary(String tag) {
        return tag.strip().split("-", 2)[0].toLowerCase(Locale.ROOT);
    }
}
