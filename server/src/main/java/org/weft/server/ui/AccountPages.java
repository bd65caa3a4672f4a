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
import org.weft.server.domain.account.AccountService;
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

/**
 * Log in, log out, sign up, the account page (password, fediverse account for match messages, deletion) and the
 * language choice.
 */
public final class AccountPages {
    private static final long SESSION_SECONDS = SessionStore.LIFETIME.toSeconds();

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
        showLogin(res, Status.OK_200, v, null, "");
    }

    public void login(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null) {
            return;
        }
        String username = Forms.first(form, "username");
        LoginRateLimiter.Attempt attempt = guard.attempt(req, username);
        Optional<Duration> wait = guard.limiter().refusal(attempt);
        if (wait.isPresent()) {
            // The password is not even checked: a refused guess must not tell whether it was right.
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds));
            showLogin(res, Status.TOO_MANY_REQUESTS_429, v, v.messages().get("login.tooMany", (seconds + 59) / 60), username);
            return;
        }
        Optional<Long> member = accounts.authenticate(username, form.getOrDefault("password", List.of("")).get(0));
        if (member.isEmpty()) {
            guard.limiter().failed(attempt);
            showLogin(res, Status.UNAUTHORIZED_401, v, v.messages().get("login.failed"), username);
            return;
        }
        guard.limiter().succeeded(attempt);
        rememberDevice(req, res, member.get());
        startSession(res, member.get());
        Pages.redirect(res, "/me/proposals");
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
        showSignup(res, Status.OK_200, v, null, "", req.query().first("invite").orElse(""));
    }

    public void signup(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null) {
            return;
        }
        String username = Forms.first(form, "username");
        try {
            ActorEntity member = accounts.signUp(signup, username, Forms.first(form, "display"),
                    form.getOrDefault("password", List.of("")).get(0), Forms.first(form, "invite"), v.messages().language());
            startSession(res, member.getId());
            Pages.redirect(res, "/");
        } catch (IllegalArgumentException e) {
            showSignup(res, Status.BAD_REQUEST_400, v, Pages.explain(v.messages(), e), username, Forms.first(form, "invite"));
        }
    }

    public void account(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (Pages.requireMember(res, v)) {
            String notice = req.query().first("done").map(d -> v.messages().get("account.saved")).orElse(null);
            showAccount(res, Status.OK_200, v, notice, null);
        }
    }

    public void changePassword(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        try {
            accounts.changePassword(v.member().get().memberId(), form.getOrDefault("current", List.of("")).get(0),
                    form.getOrDefault("next", List.of("")).get(0));
            rememberDevice(req, res, v.member().get().memberId());
            Pages.redirect(res, "/account?done=1");
        } catch (IllegalArgumentException e) {
            showAccount(res, Status.BAD_REQUEST_400, v, null, Pages.explain(v.messages(), e));
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
        try {
            if (account.isEmpty()) {
                throw new IllegalArgumentException("account.fediverseMissing");
            }
            fediverse.link(v.username(), account);
            Pages.redirect(res, "/account?done=1");
        } catch (IOException | RuntimeException e) {
            // A handle that does not resolve fails in many ways (no WebFinger, no actor, a refused address): the
            // member needs one sentence, not the cause.
            String key = "account.fediverseMissing".equals(e.getMessage()) ? "account.fediverseMissing"
                    : "account.fediverseFailed";
            showAccount(res, Status.BAD_REQUEST_400, v, null, v.messages().get(key));
        }
    }

    public void unlinkFediverse(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        fediverse.unlink(v.username());
        Pages.redirect(res, "/account?done=1");
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
        } catch (IllegalArgumentException e) {
            showAccount(res, Status.BAD_REQUEST_400, v, null, Pages.explain(v.messages(), e));
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

    private void showLogin(ServerResponse res, Status status, Visitor v, String error, String username) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        params.put("username", username);
        pages.render(res, status, v, v.messages().get("login.title"), "login.jte", params);
    }

    private void showSignup(ServerResponse res, Status status, Visitor v, String error, String username, String invite) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        params.put("username", username);
        params.put("invite", invite);
        params.put("inviteNeeded", signup == SignupMode.INVITE);
        params.put("closed", signup == SignupMode.CLOSED);
        pages.render(res, status, v, v.messages().get("signup.title"), "signup.jte", params);
    }

    private void showAccount(ServerResponse res, Status status, Visitor v, String notice, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("notice", notice);
        params.put("error", error);
        params.put("handle", "@" + v.username() + "@" + urls.domain());
        params.put("fediverse", fediverse.accountOf(v.member().get().memberId()).orElse(null));
        pages.render(res, status, v, v.messages().get("account.title"), "account.jte", params);
    }
}
