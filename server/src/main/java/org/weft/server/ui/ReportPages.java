package org.weft.server.ui;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import org.hibernate.Session;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.Reports;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ReportEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.ReportsView;

/**
 * Reporting, for members: {@code POST /report} (a proposal or a response, from the proposal page, with a comment);
 * and the moderators' queue, {@code /moderate/reports}, with the reported account, content, comment, the account's
 * history of reports and the actions (dismiss, hide the posts, block the account for the community, forward the
 * report to its server, and, for operators, suspend its server). Anyone else gets 403 and nothing changes.
 */
public final class ReportPages {
    private final Pages pages;
    private final Database db;
    private final Reports reports;

    public ReportPages(Pages pages, Database db, Reports reports) {
        this.pages = pages;
        this.db = db;
        this.reports = reports;
    }

    /** {@code POST /report}: {@code proposal} (its address) or {@code response} (an id), {@code comment}. */
    public void report(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String proposal = Forms.first(form, "proposal");
        long responseId = number(Forms.first(form, "response"));
        Optional<String> uri = db.inTransaction(s -> responseId > 0
                ? Optional.ofNullable(s.find(ResponseEntity.class, responseId)).map(ResponseEntity::getUri)
                : proposal == null ? Optional.<String>empty() : ProposalRepository.byUri(s, proposal).map(ProposalEntity::getUri));
        if (uri.isEmpty()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        try {
            reports.fromMember(v.member().get().memberId(), uri.get(), Forms.first(form, "comment"));
            pages.message(res, Status.OK_200, v, "report.doneTitle", "report.done");
        } catch (IllegalArgumentException e) {
            pages.message(res, Status.BAD_REQUEST_400, v, "error.title", "report.refused");
        }
    }

    /** {@code GET /moderate/reports}. */
    public void queue(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        show(res, Status.OK_200, v, req.query().first("done").isPresent() ? v.messages().get("reports.done") : null, null);
    }

    /** {@code POST /moderate/reports/{id}}: {@code action} dismiss, hide, block, forward or suspend; {@code reason}. */
    public void act(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        long id = number(req.path().pathParameters().get("id"));
        Optional<Long> me = Optional.of(v.member().get().memberId());
        String reason = Forms.first(form, "reason");
        try {
            switch (Forms.first(form, "action") == null ? "" : Forms.first(form, "action")) {
                case "dismiss" -> reports.dismiss(id, me);
                case "hide" -> reports.hideContent(id, me, reason);
                case "block" -> reports.blockAccount(id, me, reason);
                case "forward" -> reports.forward(id, me);
                case "suspend" -> reports.suspendServer(id, me, reason);
                default -> throw new IllegalArgumentException("reports.unknownAction");
            }
            Pages.redirect(res, "/moderate/reports?done=1");
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        } catch (IllegalArgumentException | IOException e) {
            show(res, Status.BAD_REQUEST_400, v, null, v.messages().get("reports.refused"));
        }
    }

    private void show(ServerResponse res, Status status, Visitor v, String notice, String error) {
        Messages m = v.messages();
        long me = v.member().get().memberId();
        List<ReportsView.Item> items = reports.openFor(me).stream().map(r -> item(r, m)).toList();
        String heading = m.get("reports.title");
        pages.render(res, status, v, heading, "moderation_reports.jte",
                Map.of("view", new ReportsView(heading, notice, error, items)));
    }

    private ReportsView.Item item(ReportEntity r, Messages m) {
        ActorEntity account = r.getAccount();
        List<String> content = db.inTransaction(s -> r.getContentUris().stream().map(uri -> uri + text(s, uri)).toList());
        String from = db.inTransaction(s -> r.getReporterId() != null
                ? Optional.ofNullable(s.find(ActorEntity.class, r.getReporterId())).map(ActorEntity::getDisplayName)
                        .orElse(m.get("reports.fromGone"))
                : m.get("reports.fromServer", BlockedDomains.hostOf(r.getReporterUri())));
        String community = db.inTransaction(s -> r.getCommunity() == null ? m.get("reports.operators")
                : s.find(ActorEntity.class, r.getCommunity().getId()).getDisplayName());
        return new ReportsView.Item(r.getId(), community, account.getUri(), content, r.getComment(), from,
                m.date(r.getCreatedAt()), m.get("reports.history", reports.history(account.getId()).size()),
                !account.isLocal());
    }

    private static String text(Session s, String uri) {
        String text = ProposalRepository.byUri(s, uri).map(ProposalEntity::getTitle)
                .or(() -> ResponseRepository.byUri(s, uri).map(r -> HtmlSanitizer.toPlainText(r.getContent())))
                .orElse("");
        return text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    private static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
