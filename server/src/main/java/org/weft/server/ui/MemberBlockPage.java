package org.weft.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.DomainException;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.BlockedAccount;
import org.weft.web.view.Confirmation;
import org.weft.web.view.Notice;

/**
 * A member blocks, for themselves, the account on the other side of a response: {@code POST /block} with
 * {@code response} (an id). The account that answered a proposal of hers here, from another server (the proposal's
 * page shows the form under its response); or the author of a proposal on another server that she answered (the
 * conversation of her answer shows it). It asks first on a page of its own; confirmed, nothing from that account
 * reaches the member any more (responses, matches, messages) and the account is not told. The form changes things
 * once. Only that member may use it, the author of the proposal (of an anonymous request, the member behind it) or
 * the one who answered elsewhere: anyone else gets the 404 of a response that does not exist. Accounts of this server
 * are for its moderators: they can be reported, not blocked here.
 */
public final class MemberBlockPage {
    private static final String DONE = "/block/done";
    private static final String LIST = "/account/blocks";

    private final Pages pages;
    private final Database db;
    private final AccountBlocks blocks;

    public MemberBlockPage(Pages pages, Database db, AccountBlocks blocks) {
        this.pages = pages;
        this.db = db;
        this.blocks = blocks;
    }

    /** What the form names: the account on the other side, and the page the member came from. */
    private record Target(String account, String name, String back) {
    }

    public void block(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        long me = v.member().get().memberId();
        long responseId = number(Forms.first(form, "response"));
        // Any other member's id is answered as one that does not exist: the confirmation names the responder, so it
        // would otherwise tell who answered what, an anonymous request's responders included.
        Optional<Target> target = db.inTransaction(s -> Optional.ofNullable(s.find(ResponseEntity.class, responseId))
                .flatMap(r -> otherSide(r, me)));
        if (target.isEmpty()) {
            pages.notFound(res, v);
            return;
        }
        Target t = target.get();
        if (!Pages.confirmed(form)) {
            Messages m = v.messages();
            pages.confirm(res, v, m.get("confirm.blockForMeTitle"), new Confirmation(t.name() + " · " + t.account(), null,
                    m.get("confirm.blockForMe"), "/block", List.of(new Confirmation.Field("response",
                    String.valueOf(responseId))), m.get("block.forMe"), t.back()));
            return;
        }
        try {
            pages.once(res, v, form, DONE, () -> {
                try {
                    blocks.blockForMember(me, t.account());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return DONE;
            });
        } catch (DomainException | IllegalArgumentException | UncheckedIOException e) {
            pages.refused(res, v, e, t.back());
        }
    }

    /** {@code GET /block/done}: where a block goes once stored (reloading it does nothing again). */
    public void done(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (Pages.requireMember(res, v)) {
            Messages m = v.messages();
            pages.message(res, Status.OK_200, v, m.get("block.doneTitle"), m.get("block.done"), LIST, "account.blocksLink");
        }
    }

    /** {@code GET /account/blocks}: the accounts the member blocked, newest first, each with a button to unblock it. */
    public void list(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        Messages m = v.messages();
        Notice notice = req.query().first("done").filter("unblocked"::equals)
                .map(d -> new Notice("blocks", m.get("blocks.unblocked"))).orElse(null);
        List<BlockedAccount> blocked = blocks.blockedBy(v.member().get().memberId()).stream()
                .map(b -> new BlockedAccount(b.getBlocked().getDisplayName(), b.getBlocked().getUri(),
                        m.date(b.getCreatedAt())))
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("notice", notice);
        params.put("blocked", blocked);
        pages.render(res, Status.OK_200, v, m.get("blocks.title"), "blocks.jte", params);
    }

    /**
     * {@code POST /account/blocks/remove} with {@code account}: lifts the member's own block. Not asked first: it takes
     * nothing away, and blocking again is one form. What the account sent while blocked stays unseen.
     */
    public void unblock(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        if (!blocks.unblockForMember(v.member().get().memberId(), Forms.first(form, "account"))) {
            pages.notFound(res, v);
            return;
        }
        Pages.redirect(res, LIST + "?done=unblocked");
    }

    /**
     * Whom {@code memberId} may block from {@code r}: its responder, from another server, when it answered a proposal
     * of theirs here; the proposal's actor, when they answered a proposal of another server (its author, or the
     * community it speaks as). None for anybody else, nor for an account of this server.
     */
    private static Optional<Target> otherSide(ResponseEntity r, long memberId) {
        ProposalEntity p = r.getProposal();
        if (!r.getResponder().isLocal() && answered(r, memberId)) {
            return Optional.of(new Target(r.getResponder().getUri(), r.getResponder().getDisplayName(),
                    URI.create(p.getUri()).getRawPath() + "#response-" + r.getId()));
        }
        if (!p.isLocal() && r.getResponder().getId() == memberId && !p.getAttributedTo().isLocal()) {
            ActorEntity author = p.getAttributedTo();
            return Optional.of(new Target(author.getUri(), author.getDisplayName(),
                    ConversationViews.pageUrl(r.getId(), 0)));
        }
        return Optional.empty();
    }

    /** Whether {@code r} answered the member {@code memberId}: a response to a proposal of theirs here. */
    private static boolean answered(ResponseEntity r, long memberId) {
        ProposalEntity p = r.getProposal();
        return p.isLocal() && p.getAuthor() != null && p.getAuthor().getId() == memberId;
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
