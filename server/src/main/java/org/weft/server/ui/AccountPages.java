package org.weft.server.ui;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.Passwords;
import org.weft.server.domain.Usernames;
import org.weft.server.domain.account.AccountService;
import org.weft.server.domain.account.Tokens;
import org.weft.server.domain.account.SignupMode;
import org.weft.server.domain.matching.FediverseAccounts;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.ui.auth.LoginDevices;
import org.weft.server.ui.auth.LoginGuard;
import org.weft.server.ui.auth.LoginRateLimiter;
import org.weft.server.ui.auth.SessionCookies;
import org.weft.server.ui.auth.SessionStore;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.FormError;
import org.weft.web.view.Notice;

/**
 * Log in (and back to where the person was), log out, sign up (and a welcome with the next steps), the account page
 * (password, fediverse account for match messages, deletion, each with its notice and errors in its own section)
 * and the language choice.
 */
public final class AccountPages {
    private static final long SESSION_SECONDS = SessionStore.LIFETIME.toSeconds();
    /** The account page's notices: {@code notice.<name>}, each at the top of its section. */
    private static final Map<String, String> NOTICES = Map.of("password_changed", "password", "fediverse_linked",
            "fediverse", "fediverse_removed", "fediverse");

    private final Pages pages;
    private final AccountService accounts;
    private final SessionStore sessions;
    private final LoginGuard guard;
    private final SignupMode signup;
    private final LocalUrls urls;
    private final FediverseAccounts fediverse;

    public AccountPages(Pages pages, AccountService accounts, SessionStore sessions, LoginGuard guard,
                        SignupMode signup, LocalUrls urls, FediverseAccounts fediverse) {
        this.pages = pages;
        this.accounts = accounts;
        this.sessions = sessions;
        this.guard = guard;
        this.signup = signup;
        this.urls = urls;
        this.fediverse = fediverse;
    }

    public void loginForm(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (v.loggedIn()) {
            Pages.redirect(res, next(req.query().first("next").orElse("")));
            return;
        }
        showLogin(res, Status.OK_200, v, null, "", req.query().first("next").orElse(""));
    }

    public void login(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null) {
            return;
        }
        String username = Forms.first(form, "username");
        String next = Forms.first(form, "next");
        LoginRateLimiter.Attempt attempt = guard.attempt(req, username);
        Optional<Duration> wait = guard.limiter().refusal(attempt);
        if (wait.isPresent()) {
            // The password is not even checked: a refused guess must not tell whether it was right.
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds));
            showLogin(res, Status.TOO_MANY_REQUESTS_429, v, v.messages().get("login.tooMany", (seconds + 59) / 60), username,
                    next);
            return;
        }
        Optional<Long> member = accounts.authenticate(username, form.getOrDefault("password", List.of("")).get(0));
        if (member.isEmpty()) {
            guard.limiter().failed(attempt);
            showLogin(res, Status.UNAUTHORIZED_401, v, v.messages().get("login.failed"), username, next);
            return;
        }
        guard.limiter().succeeded(attempt);
        rememberDevice(req, res, member.get());
        startSession(res, member.get());
        Pages.redirect(res, next(next));
    }

    /** Where a login goes: back where the person was, when that is a page of this site; else their proposals. */
    private static String next(String asked) {
        return ReturnTo.safe(asked).orElse("/me/proposals");
    }

    public void logout(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (pages.form(req, res, v) == null) {
            return;
        }
        SessionCookies.read(req, SessionCookies.SESSION).ifPresent(sessions::close);
        res.headers().add(HeaderNames.SET_COOKIE, pages.visitors().cookies().clear(SessionCookies.SESSION));
        Pages.redirect(res, "/");
    }

    public void signupForm(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        showSignup(res, Status.OK_200, v, null, "", req.query().first("invite").orElse(""), "");
    }

    public void signup(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null) {
            return;
        }
        String username = Forms.first(form, "username");
        String display = Forms.first(form, "display");
        try {
            ActorEntity member = accounts.signUp(signup, username, display,
                    form.getOrDefault("password", List.of("")).get(0), Forms.first(form, "invite"), v.messages().language());
            startSession(res, member.getId());
            Pages.redirect(res, "/welcome");
        } catch (DomainException | IllegalArgumentException e) {
            showSignup(res, Status.BAD_REQUEST_400, v, new FormError(Pages.fieldOf(e), Pages.explain(v.messages(), e)),
                    username, Forms.first(form, "invite"), display);
        }
    }

    /** After sign-up: what Weft is for and the first things to do. */
    public void welcome(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (Pages.requireMember(res, v)) {
            Map<String, Object> params = new HashMap<>();
            params.put("name", v.member().get().displayName());
            params.put("handle", "@" + v.username() + "@" + urls.domain());
        params.put("minPassword", Passwords.MIN_LENGTH);
            pages.render(res, v, v.messages().get("welcome.title"), "welcome.jte", params);
        }
    }

    public void account(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (Pages.requireMember(res, v)) {
            String done = req.query().first("done").filter(NOTICES::containsKey).orElse(null);
            showAccount(res, Status.OK_200, v, done == null ? null : new Notice(NOTICES.get(done), v.messages()
                    .get("notice." + done)), null);
        }
    }

    public void changePassword(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        try {
            String session = SessionCookies.read(req, SessionCookies.SESSION).map(Tokens::sha256).orElse(null);
            accounts.changePassword(v.member().get().memberId(), form.getOrDefault("current", List.of("")).get(0),
                    form.getOrDefault("next", List.of("")).get(0), session);
            rememberDevice(req, res, v.member().get().memberId());
            Pages.redirect(res, Pages.done("/account", "password_changed", "password"));
        } catch (DomainException | IllegalArgumentException e) {
            // The new password's rules speak of "password"; on this form that field is "next".
            String field = "current".equals(Pages.fieldOf(e)) ? "current" : "next";
            showAccount(res, Status.BAD_REQUEST_400, v, null, new FormError(field, Pages.explain(v.messages(), e)));
        }
    }

    /** Links the member's own fediverse account, where match messages go; the account must exist and be elsewhere. */
    public void linkFediverse(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String account = Forms.first(form, "account");
        if (account.isEmpty()) {
            showAccount(res, Status.BAD_REQUEST_400, v, null, new FormError("account", v.messages().get("account.fediverseMissing")));
            return;
        }
        try {
            fediverse.link(v.username(), account);
            Pages.redirect(res, Pages.done("/account", "fediverse_linked", "fediverse"));
        } catch (InvalidInputException e) {
            showAccount(res, Status.BAD_REQUEST_400, v, null, new FormError("account", e.messageIn(v.messages())));
        } catch (IOException | RuntimeException e) {
            // A handle that does not resolve fails in many ways (no WebFinger, no actor, a refused address): the
            // member needs one sentence, not the cause.
            showAccount(res, Status.BAD_REQUEST_400, v, null, new FormError("account",
                    v.messages().get("account.fediverseFailed")));
        }
    }

    public void unlinkFediverse(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        fediverse.unlink(v.username());
        Pages.redirect(res, Pages.done("/account", "fediverse_removed", "fediverse"));
    }

    public void delete(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        try {
            accounts.delete(v.member().get().memberId(), form.getOrDefault("password", List.of("")).get(0));
            res.headers().add(HeaderNames.SET_COOKIE, pages.visitors().cookies().clear(SessionCookies.SESSION));
            Pages.redirect(res, "/");
        } catch (DomainException | IllegalArgumentException e) {
            showAccount(res, Status.BAD_REQUEST_400, v, null, new FormError("password", Pages.explain(v.messages(), e)));
        }
    }

    /** The language choice: stored on the member's account, or in a cookie for visitors. */
    public void language(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null) {
            return;
        }
        String lang = Messages.supported(Forms.first(form, "lang"));
        if (v.loggedIn()) {
            accounts.setLanguage(v.member().get().memberId(), lang);
        } else {
            res.headers().add(HeaderNames.SET_COOKIE, pages.visitors().cookies().set(SessionCookies.LANGUAGE, lang, 31_536_000L));
        }
        // Back to where the visitor was, but only on this site.
        String back = req.headers().first(HeaderNames.REFERER).orElse("/");
        Pages.redirect(res, back.startsWith(urls.base() + "/") ? back.substring(urls.base().length()) : "/");
    }

    /** Marks this browser as one the member signs in from (a new cookie, or the browser's own renewed). */
    private void rememberDevice(ServerRequest req, ServerResponse res, long memberId) {
        String secret = guard.remember(req, memberId);
        res.headers().add(HeaderNames.SET_COOKIE, pages.visitors().cookies().set(SessionCookies.DEVICE, secret,
                LoginDevices.LIFETIME.toSeconds(), SessionCookies.DEVICE_PATH));
    }

    private void startSession(ServerResponse res, long memberId) {
        String secret = sessions.open(memberId);
        res.headers().add(HeaderNames.SET_COOKIE, pages.visitors().cookies().set(SessionCookies.SESSION, secret, SESSION_SECONDS));
    }

    private void showLogin(ServerResponse res, Status status, Visitor v, String error, String username, String next) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        params.put("username", username);
        params.put("next", ReturnTo.safe(next).orElse(""));
        pages.render(res, status, v, v.messages().get("login.title"), "login.jte", params);
    }

    private void showSignup(ServerResponse res, Status status, Visitor v, FormError error, String username, String invite,
                            String display) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        params.put("username", username);
        params.put("display", display);
        params.put("maxUsername", Usernames.MAX_LENGTH);
        params.put("minPassword", Passwords.MIN_LENGTH);
        params.put("invite", invite);
        params.put("inviteNeeded", signup == SignupMode.INVITE);
        params.put("closed", signup == SignupMode.CLOSED);
        pages.render(res, status, v, v.messages().get("signup.title"), "signup.jte", params);
    }

    private void showAccount(ServerResponse res, Status status, Visitor v, Notice notice, FormError error) {
        Map<String, Object> params = new HashMap<>();
        params.put("notice", notice);
        params.put("error", error);
        params.put("handle", "@" + v.username() + "@" + urls.domain());
        params.put("minPassword", Passwords.MIN_LENGTH);
        params.put("fediverse", fediverse.accountOf(v.member().get().memberId()).orElse(null));
        pages.render(res, status, v, v.messages().get("account.title"), "account.jte", params);
    }
}
