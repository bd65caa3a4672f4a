package org.weft.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.helidon.http.Status;
import org.hibernate.Session;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.Reports;
import org.weft.server.domain.response.ConversationService;
import org.weft.server.domain.response.ResponseReaders;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ConversationMessageRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ReportEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Confirmation;
import org.weft.web.view.ReportsView;

/**
 * Reporting, for members: {@code POST /report} (a proposal, a response or a conversation message, from the page it is
 * on, with a comment);
 * and the moderators' queue, {@code /moderate/reports}, with the reported account, content, comment, how many
 * reporters the account had, how many open reports in the queue are from the same reporter, and the actions (dismiss,
 * hide the posts, block the account for the community, forward the report to its server, and, for operators, suspend
 * its server). All but dismissing ask first on a page of their
 * own; every form changes things once (a repeat of its token changes nothing). Anyone else gets 403 and nothing changes.
 */
public final class ReportPages {
    private static final String QUEUE = "/moderate/reports";
    /** What cannot be taken back quietly: posts hidden from members, a report sent to another server, blocks. */
    private static final Set<String> ASKS_FIRST = Set.of("hide", "forward", "block", "suspend");
    private static final String SENT = "/report/sent";

    private final Pages pages;
    private final Database db;
    private final Reports reports;

    public ReportPages(Pages pages, Database db, Reports reports) {
        this.pages = pages;
        this.db = db;
        this.reports = reports;
    }

    /**
     * {@code POST /report}: {@code proposal} (its address), {@code response} or {@code message} (a conversation
     * message; both by id), with a {@code comment}. Once per form. A proposal whose page the reporter may not read
     * ({@link ProposalPageReaders}: one waiting for a moderator, hidden, withdrawn or deleted), or a response or message
     * they may not read ({@link ResponseReaders}), gets the 404 of one that does not exist, and nothing is stored.
     */
    public void report(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String proposal = Forms.first(form, "proposal");
        long responseId = number(Forms.first(form, "response"));
        long messageId = number(Forms.first(form, "message"));
        long me = v.member().get().memberId();
        // What the reporter may not read is answered as what does not exist: a 303 would confirm the id, and a report
        // of a private message or of an anonymous request's answer would reach the moderators unseen by its reporter.
        Optional<Reported> reported = db.inTransaction(s -> responseId > 0
                ? Optional.ofNullable(s.find(ResponseEntity.class, responseId))
                        .filter(r -> ResponseReaders.mayRead(s, me, r))
                        .map(r -> new Reported(r.getUri(), r.getProposal().isLocal()
                                ? URI.create(r.getProposal().getUri()).getRawPath() + "#responses"
                                : "/conversations/" + r.getId()))
                : messageId > 0 ? Optional.ofNullable(s.find(ConversationMessageEntity.class, messageId))
                        .filter(msg -> ResponseReaders.mayRead(s, me, msg))
                        .map(msg -> new Reported(msg.getUri(), "/conversations/" + msg.getResponse().getId()))
                : ProposalRepository.byUri(s, proposal)
                        .filter(p -> ProposalPageReaders.mayRead(s, Optional.of(me), p))
                        .map(p -> new Reported(p.getUri(), p.isLocal() ? URI.create(p.getUri()).getRawPath()
                                : RemoteProposalPage.path(p.getId()))));
        if (reported.isEmpty()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        String sent = reported.get().page() == null ? SENT
                : SENT + "?back=" + URLEncoder.encode(reported.get().page(), StandardCharsets.UTF_8);
        try {
            pages.once(res, v, form, sent, () -> {
                Reports.Filed filed = reports.filedByMember(me, reported.get().uri(), Forms.first(form, "comment"));
                // Joined to their open report, the member is told so rather than thanked for a new one.
                return filed.joinedAnOpenOne() ? sent + (sent.contains("?") ? "&" : "?") + "again=1" : sent;
            });
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        } catch (InvalidInputException e) {
            pages.refused(res, v, e, null);
        } catch (DomainException | IllegalArgumentException e) {
            pages.message(res, Status.BAD_REQUEST_400, v, "error.title", "report.refused");
        }
    }

    /** What was reported, and the page here it was reported from (null when there is none to go back to). */
    private record Reported(String uri, String page) {
    }

    /**
     * {@code GET /report/sent}: where a report goes after it is stored (reloading it sends nothing again), with a way
     * back to the post or conversation it was made from ({@code back}, a path on this site only). With {@code again},
     * the member had reported the same thing before and that report is still open: it says their words were added
     * to it, so they know the moderators see it once, however often they send it.
     */
    public void sent(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (Pages.requireMember(res, v)) {
            Messages m = v.messages();
            boolean again = req.query().first("again").isPresent();
            pages.message(res, Status.OK_200, v, m.get(again ? "report.addedTitle" : "report.doneTitle"),
                    m.get(again ? "report.added" : "report.done"),
                    ReturnTo.safe(req.query().first("back").orElse(null)).orElse(null), "report.back");
        }
    }

    /** {@code GET /moderate/reports}. */
    public void queue(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        String notice = req.query().first("nothing").isPresent() ? v.messages().get("reports.nothingHidden")
                : req.query().first("forwarded").isPresent() ? v.messages().get("reports.forwardedBefore")
                : req.query().first("done").isPresent() ? v.messages().get("reports.done") : null;
        show(res, Status.OK_200, v, notice, null);
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
        String action = Forms.first(form, "action");
        String reason = Forms.first(form, "reason");
        if (ASKS_FIRST.contains(action) && !Pages.confirmed(form)) {
            ask(res, v, id, action, reason);
            return;
        }
        try {
            pages.once(res, v, form, QUEUE, () -> {
                switch (action) {
                    case "dismiss" -> reports.dismiss(id, me);
                    case "hide" -> {
                        if (reports.hideContent(id, me, reason) == 0) {
                            return QUEUE + "?nothing=hidden#report-" + id;
                        }
                    }
                    case "block" -> blockAccount(id, me, reason);
                    case "forward" -> {
                        if (!reports.forward(id, me, reason).sentNow()) {
                            return QUEUE + "?forwarded=before#report-" + id;
                        }
                    }
                    case "suspend" -> reports.suspendServer(id, me, reason);
                    default -> throw new IllegalArgumentException("reports.unknownAction");
                }
                return QUEUE + "?done=1";
            });
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        } catch (InvalidInputException e) {
            show(res, Status.BAD_REQUEST_400, v, null, Pages.explain(v.messages(), e));
        } catch (DomainException | IllegalArgumentException | UncheckedIOException e) {
            show(res, Status.BAD_REQUEST_400, v, null, v.messages().get("reports.refused"));
        }
    }

    /**
     * {@code POST /moderate/hidden-posts/show}: {@code proposal} (its number), a local proposal hidden after a report,
     * is shown again by a moderator of its community, from its page (the only place a hidden one is still read); back
     * to that page, now everyone's again. Once per form.
     */
    public void showAgain(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        long id = number(Forms.first(form, "proposal"));
        Optional<String> page = db.inTransaction(s -> Optional.ofNullable(id > 0 ? s.find(ProposalEntity.class, id) : null)
                .filter(p -> p.isLocal() && !p.isDeleted()).map(p -> URI.create(p.getUri()).getRawPath()));
        if (page.isEmpty()) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
            return;
        }
        try {
            pages.once(res, v, form, page.get(), () -> {
                reports.showAgain(id, v.member().get().memberId());
                return page.get();
            });
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.message(res, Status.NOT_FOUND_404, v, "error.notFoundTitle", "error.notFound");
        }
    }

    /**
     * Hiding the posts, forwarding the report, blocking the account and suspending its server ask first, on a page of
     * their own, with the public reason carried through; only someone who may act on the report is asked (suspending: an operator), anyone else gets 403.
     */
    private void ask(ServerResponse res, Visitor v, long id, String action, String reason) {
        Optional<ReportEntity> report = reports.openFor(v.member().get().memberId()).stream()
                .filter(r -> r.getId() == id).findFirst();
        if (report.isEmpty() || "suspend".equals(action) && !v.admin()) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
            return;
        }
        if ("forward".equals(action) && report.get().getForwardedAt() != null) {
            Pages.redirect(res, QUEUE + "?forwarded=before#report-" + id);
            return;
        }
        Messages m = v.messages();
        String address = report.get().getAccount().getUri();
        String host = BlockedDomains.hostOf(address);
        String account = behindAnAnonymousRequest(report.get()) ? m.get("reports.anonymousAuthor") : address;
        String[] keys = switch (action) {
            case "block" -> new String[] {"confirm.blockAccountTitle", "confirm.blockAccount", "reports.block"};
            case "suspend" -> new String[] {"confirm.suspendServerTitle", "confirm.suspendServer", "reports.suspend"};
            case "hide" -> onlyMessages(report.get())
                    ? new String[] {"confirm.hideMessageTitle", "confirm.hideMessage", "reports.hideMessage"}
                    : new String[] {"confirm.hideContentTitle", "confirm.hideContent", "reports.hide"};
            default -> new String[] {"confirm.forwardTitle", "confirm.forward", "reports.forward"};
        };
        pages.confirm(res, v, m.get(keys[0], host), new Confirmation(account, null, m.get(keys[1], host), QUEUE + "/" + id,
                List.of(new Confirmation.Field("action", action), new Confirmation.Field("reason", reason)), m.get(keys[2]),
                QUEUE + "#report-" + id));
    }

    /**
     * Whether all a report asks to hide is private conversation messages: hiding those is not taking a post off a board
     * (the two people still talk, the message's words go), so the question says what it does to a message.
     */
    private boolean onlyMessages(ReportEntity report) {
        List<String> content = report.getContentUris();
        return !content.isEmpty() && db.inTransaction(s -> content.stream()
                .allMatch(uri -> ConversationMessageRepository.byUri(s, uri).isPresent()));
    }

    private void blockAccount(long id, Optional<Long> me, String reason) {
        try {
            reports.blockAccount(id, me, reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(ServerResponse res, Status status, Visitor v, String notice, String error) {
        Messages m = v.messages();
        long me = v.member().get().memberId();
        List<ReportEntity> open = reports.openFor(me);
        // A flood of reports from one reporter is told as one: each says how many of those in this queue are theirs.
        Map<String, Long> fromEachReporter = open.stream().map(Reports::reporter).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // Counted once per account, however many of its reports the queue shows (a flood is many of one account's).
        Map<Long, Integer> reportersOfAccount = new HashMap<>();
        List<ReportsView.Item> items = open.stream().map(r -> item(r, m, Reports.reporter(r).map(fromEachReporter::get)
                .map(count -> m.get("reports.fromReporter", count)).orElse(null), reportersOfAccount)).toList();
        String heading = m.get("reports.title");
        pages.render(res, status, v, heading, "moderation_reports.jte",
                Map.of("view", new ReportsView(heading, notice, error, items)));
    }

    private ReportsView.Item item(ReportEntity r, Messages m, String fromReporter,
                                  Map<Long, Integer> reportersOfAccount) {
        ActorEntity account = r.getAccount();
        List<ReportsView.Post> content = db.inTransaction(s -> r.getContentUris().stream()
                .map(uri -> ConversationMessageRepository.byUri(s, uri).map(msg -> message(msg, m))
                        .orElseGet(() -> new ReportsView.Post(uri, text(s, uri), null))).toList());
        String from = db.inTransaction(s -> r.getReporterId() != null
                ? Optional.ofNullable(s.find(ActorEntity.class, r.getReporterId())).map(ActorEntity::getDisplayName)
                        .orElse(m.get("reports.fromGone"))
                // A server's name is machine text, left to right inside any sentence (an IPv6 literal holds no letter).
                : m.get("reports.fromServer", Messages.isolateLeftToRight(BlockedDomains.hostOf(r.getReporterUri()))));
        String community = db.inTransaction(s -> r.getCommunity() == null ? m.get("reports.operators")
                : s.find(ActorEntity.class, r.getCommunity().getId()).getDisplayName());
        boolean anonymous = behindAnAnonymousRequest(r);
        String forwarded = r.getForwardedAt() == null ? null
                : m.get("reports.forwarded", Messages.isolateLeftToRight(BlockedDomains.hostOf(account.getUri())),
                        m.dateTime(r.getForwardedAt()));
        return new ReportsView.Item(r.getId(), community, anonymous ? null : account.getUri(), content, r.getComment(),
                from, fromReporter, m.date(r.getCreatedAt()), anonymous ? null
                        : m.get("reports.history", reportersOfAccount.computeIfAbsent(account.getId(),
                                reports::reporterCount)), !account.isLocal(),
                anonymous, forwarded);
    }

    /**
     * Whether the reported account is the member who posted a reported anonymous request. The report holds the member,
     * but the moderators, members of the community like the others, are not told who asked: neither the address nor
     * how often the member was reported.
     */
    private boolean behindAnAnonymousRequest(ReportEntity r) {
        return reports.ofAnAnonymousRequest(r);
    }

    /**
     * A reported conversation message: its words and who it went to, in which conversation. Its sender is the
     * reported account already; for an anonymous request's side that is the community, and the member behind it is
     * not named here (its moderators find them in the conversation itself). A message written here has an address
     * nobody can open, so it is not shown; one from another server keeps its address there.
     */
    private static ReportsView.Post message(ConversationMessageEntity msg, Messages m) {
        String words = msg.isHidden() ? m.get("conversation.removed") : shortened(ConversationService.shownText(msg));
        String to = m.get("reports.messageTo", Messages.isolate(ConversationService.shownRecipient(msg)),
                Messages.isolate(msg.getResponse().getProposal().getTitle()));
        return new ReportsView.Post(msg.getSender().isLocal() ? null : msg.getUri(), words, to);
    }

    private static String text(Session s, String uri) {
        String text = ProposalRepository.byUri(s, uri).map(ProposalEntity::getTitle)
                .or(() -> ResponseRepository.byUri(s, uri).map(r -> HtmlSanitizer.toPlainText(r.getContent())))
                .orElse("");
        return shortened(text);
    }

    private static String shortened(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
