package org.weft.server.api;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * The language category labels and match reasons come back in: {@code ?lang=}, else (for a member's own matches) the
 * page language they chose, else the first supported language of {@code Accept-Language}, else English. Only the
 * taxonomy's six languages are ever chosen.
 */
final class ApiLanguage {
    private ApiLanguage() {
    }

    static String of(ServerRequest req) {
        return forMember(req, null);
    }

    /**
     * The language of an answer for a member: {@code ?lang=} when given, else the page language the member chose
     * ({@code chosen}, may be null), else as {@link #of}.
     */
    static String forMember(ServerRequest req, String chosen) {
        String asked = req.query().first("lang").orElse(null);
        if (asked != null) {
            String lang = primary(asked);
            if (!Taxonomy.LANGUAGES.contains(lang)) {
                throw ApiException.badField("lang", "lang_unknown", String.join(", ", Taxonomy.LANGUAGES));
            }
            return lang;
        }
        if (chosen != null && Taxonomy.LANGUAGES.contains(chosen)) {
            return chosen;
        }
        for (String range : req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("").split(",")) {
            String lang = primary(range.split(";", 2)[0]);
            if (Taxonomy.LANGUAGES.contains(lang)) {
                return lang;
            }
        }
        return Taxonomy.FALLBACK_LANGUAGE;
    }

    /**
     * The language of an error message, which must never fail itself: {@code ?lang=} when it names one of the six,
     * else the first of them in {@code Accept-Language}, else the signed-in member's own choice, else English.
     */
    static String forMessages(ServerRequest req, Supplier<Optional<String>> memberLanguage) {
        String asked = req.query().first("lang").map(ApiLanguage::primary).orElse("");
        if (Taxonomy.LANGUAGES.contains(asked)) {
            return asked;
        }
        for (String range : req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("").split(",")) {
            String lang = primary(range.split(";", 2)[0]);
            if (Taxonomy.LANGUAGES.contains(lang)) {
                return lang;
            }
        }
        try {
            return memberLanguage.get().filter(Taxonomy.LANGUAGES::contains).orElse(Taxonomy.FALLBACK_LANGUAGE);
        } catch (RuntimeException e) {
            return Taxonomy.FALLBACK_LANGUAGE; // a bad token: the answer says so, in English
        }
    }

    private static String primary(String tag) {
        return tag.strip().split("-", 2)[0].toLowerCase(Locale.ROOT);
    }
}
