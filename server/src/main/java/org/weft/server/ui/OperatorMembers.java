package org.weft.server.ui;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.account.AccountService;
import org.weft.server.domain.account.Invites;
import org.weft.server.domain.account.SignupMode;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.InviteEntity;
import org.weft.server.persistence.MemberSettingEntity;
import org.weft.server.ui.auth.FormSubmissions;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.AdminView;
import org.weft.web.view.Confirmation;
import org.weft.web.view.FormError;
import org.weft.web.view.Notice;

/**
 * The operator's sections about people: {@code /admin/invites} (make an invite; its sign-up link and QR code right
 * under the form, and again for any invite of the list) and {@code /admin/members} (give a member a new password,
 * remove a member; both after asking).
 */
public final class OperatorMembers {
    private static final int LISTED = 200;

    private final OperatorForms forms;
    private final Database db;
    private final Invites invites;
    private final AccountService accounts;
    private final SignupMode signup;
    private final LocalUrls urls;
    private final FormSubmissions submissions;

    public OperatorMembers(Pages pages, Database db, Invites invites, AccountService accounts, SignupMode signup,
                           LocalUrls urls, FormSubmissions submissions) {
        this.forms = new OperatorForms(pages);
        this.db = db;
        this.invites = invites;
        this.accounts = accounts;
        this.signup = signup;
        this.urls = urls;
        this.submissions = submissions;
    }

    public void invites(ServerRequest req, ServerResponse res) {
        Visitor v = forms.pages().visitor(req, res);
        if (!forms.refused(res, v)) {
            String notice = Pages.notice(req, v.messages(), Set.of("invite_created"));
            showInvites(res, v, req.query().first("show").orElse(null),
                    notice == null ? null : new Notice("invite-result", notice), null);
        }
    }

    public void createInvite(ServerRequest req, ServerResponse res) {
        forms.post(req, res, "/admin/invites", (v, form) -> {
            InviteEntity invite = invites.create(Forms.first(form, "note"), null);
            return Pages.done("/admin/invites?show=" + invite.getCode(), "invite_created", "invite-result");
        }, (v, form, e) -> showInvites(res, v, null, null, e));
    }

    public void members(ServerRequest req, ServerResponse res) {
        Visitor v = forms.pages().visitor(req, res);
        if (!forms.refused(res, v)) {
            String notice = Pages.notice(req, v.messages(), Set.of("member_removed", "password_reset"));
            showMembers(res, Status.OK_200, v, notice, null, null, null);
        }
    }

    /**
     * A new password for a member who lost theirs, after asking. The password is shown once, on this answer only
     * (never in an address); a repeat of the form shows that it was done, not the password again.
     */
    public void resetPassword(ServerRequest req, ServerResponse res) {
        String username = req.path().pathParameters().get("name");
        member(req, res, username, "confirm.resetTitle", "confirm.reset", "admin.resetPassword", "/password", (v, form) -> {
            FormSubmissions.Claim claim = submissions.claim(Forms.first(form, "once"), v.member().get().memberId());
            String done = Pages.done("/admin/members", "password_reset", "members");
            if (claim.repeated()) {
                Pages.redirect(res, done);
                return;
            }
            try {
                String password = accounts.resetPassword(username, null);
                submissions.succeeded(claim, done);
                showMembers(res, Status.OK_200, v, null, null, username, password);
            } catch (DomainException | IllegalArgumentException e) {
                submissions.failed(claim);
                showMembers(res, Status.BAD_REQUEST_400, v, null, e, null, null);
            }
        });
    }

    /** Removes a member, after asking: their proposals are deleted everywhere and they can no longer log in. */
    public void remove(ServerRequest req, ServerResponse res) {
        String username = req.path().pathParameters().get("name");
        member(req, res, username, "confirm.removeTitle", "confirm.remove", "admin.removeMember", "/remove",
                (v, form) -> forms.post(res, v, form, "/admin/members", (visitor, f) -> {
                    accounts.remove(username);
                    return Pages.done("/admin/members", "member_removed", "members");
                }, (visitor, f, e) -> showMembers(res, Status.BAD_REQUEST_400, visitor, null, e, null, null)));
    }

    private interface MemberAction {
        void run(Visitor v, Map<String, List<String>> form);
    }

    /** An action on one member's row: operators only, asked first on a page of its own, then {@code action}. */
    private void member(ServerRequest req, ServerResponse res, String username, String titleKey, String explanationKey,
                        String confirmKey, String path, MemberAction action) {
        Visitor v = forms.pages().visitor(req, res);
        Map<String, List<String>> form = forms.pages().form(req, res, v);
        if (form == null || forms.refused(res, v)) {
            return;
        }
        if (!Pages.confirmed(form)) {
            Messages m = v.messages();
            forms.pages().confirm(res, v, m.get(titleKey), new Confirmation("@" + username, null, m.get(explanationKey),
                    "/admin/members/" + username + path, List.of(), m.get(confirmKey), "/admin/members"));
            return;
        }
        action.run(v, form);
    }

    private void showInvites(ServerResponse res, Visitor v, String show, Notice notice, RuntimeException error) {
        Messages m = v.messages();
        List<AdminView.InviteRow> rows = invites.recent(20).stream().map(i -> new AdminView.InviteRow(i.getCode(),
                i.getNote() == null ? "" : i.getNote(), m.date(i.getExpiresAt()), i.getUsedAt() != null,
                "/admin/invites?show=" + i.getCode() + "#invite-result")).toList();
        Optional<InviteEntity> shown = invites.find(show);
        Map<String, Object> params = new HashMap<>();
        params.put("invites", rows);
        params.put("shown", shown.map(i -> link(i, m)).orElse(null));
        params.put("signupMode", m.get("signup.mode." + signup.name().toLowerCase()));
        params.put("notice", notice);
        params.put("error", error == null ? null : new FormError(Pages.fieldOf(error), Pages.explain(m, error)));
        forms.pages().render(res, OperatorForms.status(error), v, m.get("admin.invites"), "admin_invites.jte", params);
    }

    /** The sign-up link a person opens (the code already filled in), and the same link as a QR code to scan. */
    private AdminView.InviteLink link(InviteEntity invite, Messages m) {
        String link = urls.base() + "/signup?invite=" + invite.getCode();
        return new AdminView.InviteLink(invite.getCode(), invite.getNote() == null ? "" : invite.getNote(), link,
                QrCodes.svg(link, m.get("admin.inviteQr")), m.date(invite.getExpiresAt()), invite.getUsedAt() != null);
    }

    private void showMembers(ServerResponse res, Status status, Visitor v, String notice, RuntimeException error,
                             String newPasswordFor, String newPassword) {
        Messages m = v.messages();
        List<AdminView.MemberRow> members = db.inTransaction(s -> ActorRepository.newestLocal(s, ActorKind.PERSON, LISTED)
                .stream().map(a -> {
                    MemberSettingEntity setting = s.find(MemberSettingEntity.class, a.getId());
                    return new AdminView.MemberRow(a.getUsername(), a.getDisplayName(), m.date(a.getCreatedAt()),
                            setting != null && setting.isAdmin());
                }).toList());
        Map<String, Object> params = new HashMap<>();
        params.put("members", members);
        params.put("notice", notice == null ? null : new Notice("members", notice));
        params.put("error", error == null ? null : new FormError(null, Pages.explain(m, error)));
        params.put("newPasswordFor", newPasswordFor == null ? null : Messages.isolateLeftToRight("@" + newPasswordFor));
        params.put("newPassword", newPassword);
        forms.pages().render(res, status, v, m.get("admin.members"), "admin_members.jte", params);
    }
}
