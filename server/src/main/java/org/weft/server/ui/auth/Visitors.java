package org.weft.server.ui.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.account.Tokens;
import org.weft.web.i18n.Messages;
import org.weft.web.view.FormTokens;

/** Works out the {@link Visitor} of a request, and checks the CSRF token of a submitted form. */
public final class Visitors {
    private static final String FORM_FIELD = "csrf";
    private static final long VISITOR_COOKIE_SECONDS = 60L * 60 * 24;

    private final SessionStore sessions;
    private final SessionCookies cookies;

    public Visitors(SessionStore sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /**
     * The visitor; a visitor without a session gets a CSRF cookie (set on this response) so that the login and sign-up
     * forms are protected too.
     */
    public Visitor resolve(ServerRequest req, ServerResponse res) {
        Optional<SessionInfo> member = SessionCookies.read(req, SessionCookies.SESSION).flatMap(sessions::find);
        String csrf;
        if (member.isPresent()) {
            csrf = member.get().csrfToken();
        } else {
            csrf = SessionCookies.read(req, SessionCookies.VISITOR).filter(v -> v.matches("[A-Za-z0-9_-]{43}")).orElse(null);
            if (csrf == null) {
                csrf = Tokens.random();
                res.headers().add(HeaderNames.SET_COOKIE, cookies.set(SessionCookies.VISITOR, csrf, VISITOR_COOKIE_SECONDS));
            }
        }
        String chosen = member.map(SessionInfo::language)
                .or(() -> SessionCookies.read(req, SessionCookies.LANGUAGE))
                .filter(l -> Messages.LANGUAGES.contains(l))
                .orElseGet(() -> fromAcceptLanguage(req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("")));
        // Where to come back to after logging in: only a page (GET), never a form's address.
        String query = req.query().rawValue();
        String target = req.prologue().method() != Method.GET ? null
                : req.path().rawPath() + (query == null || query.isEmpty() ? "" : "?" + query);
        return new Visitor(member, Messages.forLanguage(chosen), csrf, target);
    }

    /**
     * A visitor known only by the browser's language, with no session and no token, for the error page shown when
     * working out the real visitor failed (the database is unreachable).
     */
    public Visitor stranger(ServerRequest req) {
        return new Visitor(Optional.empty(),
                Messages.forLanguage(fromAcceptLanguage(req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse(""))), "",
                null);
    }

    /** Whether the form carries the visitor's own CSRF token (masked, as pages write it, or plain). */
    public static boolean csrfOk(Visitor visitor, Map<String, List<String>> form) {
        List<String> given = form.getOrDefault(FORM_FIELD, List.of());
        return given.size() == 1 && CsrfMask.matches(visitor.csrfToken(), given.get(0));
    }

    /** The hidden values for the forms of one page: the visitor's token masked anew for each form, and a one-time token. */
    public static FormTokens formTokens(Visitor visitor) {
        return new FormTokens() {
            @Override
            public String csrf() {
                return CsrfMask.mask(visitor.csrfToken());
            }

            @Override
            public String once() {
                return Tokens.random();
            }
        };
    }

    public SessionCookies cookies() {
        return cookies;
    }

    /** The first supported language the browser asks for, else English. */
    static String fromAcceptLanguage(String header) {
        if (header.isBlank()) {
            return "en"; // what servers and scripts send; the parser throws on it
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String lang = range.getRange().split("-")[0];
                if (range.getWeight() > 0 && Messages.LANGUAGES.contains(lang)) {
                    return lang;
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header counts as none.
        }
        return "en";
    }
}
