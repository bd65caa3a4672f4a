package org.weft.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.classify.PostReading;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.moderation.CommunityServerBlocks;
import org.weft.server.domain.moderation.ModerationQueue;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.domain.moderation.ReadingSentences;
import org.weft.server.domain.moderation.WaitingPosts;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalCursor;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Confirmation;
import org.weft.web.view.WaitingPostsView;

/**
 * {@code /moderate/{name}/posts}: the posts waiting for a moderator of a community, for its moderators, a page at a
 * time ({@code ?after=} a cursor; {@code ?account=} one account's alone, {@code ?server=} one server's) under their
 * total. An account with several waiting posts is shown once, with one button that keeps all of them off the board
 * and one that blocks it in the community (which does the same), so a flood from one account is one entry; a server
 * whose many accounts each sent a few is shown once the same way, with one button for all of them. Each post can be put on the board or
 * kept off it; a post only the classifier held shows its two best readings as sentences in the
 * moderator's language, each with a button that puts the post on the board under exactly that reading. Someone who does
 * not moderate the community gets 403, a post no longer waiting 409, a reading not shown 400; none of them changes
 * anything.
 */
public final class WaitingPostsPage {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,29}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Set<String> NOTICES = Set.of("postApproved", "postRejected", "postsTurnedDown",
            "serverPostsTurnedDown", "accountBlocked", "serverBlocked", "serverUnblocked");

    private final Pages pages;
    private final Database db;
    private final Moderators moderators;
    private final ModerationQueue queue;
    private final WaitingPosts waiting;
    private final AccountBlocks blocks;
    private final CommunityServerBlocks serverBlocks;
    private final ReadingSentences sentences;

    public WaitingPostsPage(Pages pages, Database db, Moderators moderators, ModerationQueue queue, WaitingPosts waiting,
                            AccountBlocks blocks, CommunityServerBlocks serverBlocks, Taxonomy taxonomy) {
        this.pages = pages;
        this.db = db;
        this.moderators = moderators;
        this.queue = queue;
        this.waiting = waiting;
        this.blocks = blocks;
        this.serverBlocks = serverBlocks;
        this.sentences = new ReadingSentences(taxonomy);
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        if (!Pages.requireMember(res, v)) {
            return;
        }
        String community = community(req);
        Optional<ActorEntity> group = db.inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, community)
                .filter(g -> !g.isDeleted()));
        if (group.isEmpty()) {
            pages.notFound(res, v);
            return;
        }
        if (!moderators.moderates(v.member().get().memberId(), group.get().getId())) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
            return;
        }
        Messages m = v.messages();
        ProposalCursor after = ProposalCursor.parse(req.query().first("after").orElse(null)).orElse(null);
        String accountParam = req.query().first("account").orElse(null);
        if (accountParam != null && !NUMBER.matcher(accountParam).matches()) {
            pages.notFound(res, v);
            return;
        }
        Long account = accountParam == null ? null : Long.parseLong(accountParam);
        String serverParam = req.query().first("server").orElse(null);
        if (serverParam != null && account != null) {
            pages.notFound(res, v);
            return;
        }
        String server = serverParam == null ? null : ServerName.read(serverParam).orElse(null);
        if (serverParam != null && server == null) {
            notAServer(pages, res, v, base(community));
            return;
        }
        WaitingPosts.Page page;
        try {
            page = waiting.page(community, after, new WaitingPosts.Only(account, server));
        } catch (NotFoundException e) {
            pages.notFound(res, v);
            return;
        }
        String base = base(community);
        List<WaitingPostsView.Post> posts = page.posts().stream().map(held -> new WaitingPostsView.Post(
                held.post().getId(), held.post().getTitle(), plain(held.post().getDescription()),
                held.post().getAuthor().getUri(), held.post().getUri(), held.post().getLanguage(),
                readings(held.readings(), m))).toList();
        List<WaitingPostsView.Account> accounts = page.accounts().stream().map(a -> new WaitingPostsView.Account(
                a.account().getId(), a.account().getUri(), m.get("moderation.accountCount", a.count()),
                m.get("moderation.turnDownAll", a.count()), a.sample().getTitle(), plain(a.sample().getDescription()),
                a.sample().getLanguage(), base + "?account=" + a.account().getId())).toList();
        List<WaitingPostsView.Server> servers = page.servers().stream().map(h -> server(h, m, base)).toList();
        String heading = page.only() != null
                ? m.get("moderation.onlyAccount", Messages.isolateLeftToRight(page.only().getUri()))
                : page.onlyServer() != null
                ? m.get("moderation.onlyServer", Messages.isolateLeftToRight(page.onlyServer()))
                : m.get("moderation.postsTitle", Messages.isolate(group.get().getDisplayName()));
        List<WaitingPostsView.BlockedServer> refused = page.only() != null || page.onlyServer() != null ? List.of()
                : serverBlocks.list(v.member().get().memberId(), community).stream()
                .map(b -> new WaitingPostsView.BlockedServer(b.getDomain(), b.getReason())).toList();
        String scope = account != null ? "account=" + account + "&" : server != null ? "server=" + query(server) + "&" : "";
        String next = page.next() == null ? null : base + "?" + scope + "after=" + page.next().text();
        WaitingPostsView view = new WaitingPostsView(heading, base,
                page.total() == 0 ? null : m.get("moderation.postsTotal", page.total()), servers, accounts, posts, next,
                page.only() == null && page.onlyServer() == null ? null : base, refused, Pages.notice(req, m, NOTICES));
        pages.render(res, Status.OK_200, v, heading, "moderation_posts.jte", Map.of("view", view));
    }

    /** 400: {@code ?server=} or a form's {@code server} is no server's name; said so, with the way back to the queue. */
    static void notAServer(Pages pages, ServerResponse res, Visitor v, String queue) {
        pages.message(res, Status.BAD_REQUEST_400, v, v.messages().get("error.title"),
                v.messages().get("moderation.badServer"), queue, "moderation.allPosts");
    }

    /**
     * A server's name in a link's query: an IPv6 literal's brackets escaped (a query may not hold them as they are; its
     * colons, and a name's dots and port, it may).
     */
    private static String query(String server) {
        return server.replace("[", "%5B").replace("]", "%5D");
    }

    /** A server shown once: "812 posts waiting from 406 accounts", its button with the count, its last post. */
    private static WaitingPostsView.Server server(WaitingPosts.Server h, Messages m, String base) {
        return new WaitingPostsView.Server(h.domain(),
                m.get("moderation.serverCount", h.count(), m.get("moderation.serverAccounts", h.accounts())),
                m.get("moderation.turnDownServer", h.count()), h.sample().getAuthor().getUri(), h.sample().getTitle(),
                plain(h.sample().getDescription()), h.sample().getLanguage(), base + "?server=" + query(h.domain()));
    }

    /**
     * Keeps every waiting post of one account ({@code account}, its number) off the board, in one go, for the public
     * {@code reason} the moderator may write.
     */
    public void turnDown(ServerRequest req, ServerResponse res) {
        actOnAccount(req, res, false, (me, community, account, reason) -> {
            waiting.turnDownAll(me, community, account, reason);
            return "postsTurnedDown";
        });
    }

    /**
     * Keeps every post waiting from any account of one server ({@code server}, its name) off the board, in one go, for
     * the public {@code reason} the moderator may write.
     */
    public void turnDownServer(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String community = community(req);
        String base = base(community);
        String server = ServerName.read(Forms.first(form, "server")).orElse(null);
        if (server == null) {
            notAServer(pages, res, v, base);
            return;
        }
        long me = v.member().get().memberId();
        String reason = Forms.first(form, "reason");
        try {
            pages.once(res, v, form, base, () -> {
                waiting.turnDownServer(me, community, server, reason);
                return Pages.done(base, "serverPostsTurnedDown", null);
            });
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        }
    }

    /**
     * Blocks one account ({@code account}, its number) in the community, as a report's "block" does: its waiting posts
     * are kept off the board with it. It asks first, as every block does. Only an account the community has met is
     * taken ({@link WaitingPosts#accountAddress}).
     */
    public void block(ServerRequest req, ServerResponse res) {
        actOnAccount(req, res, true, (me, community, account, reason) -> {
            String uri = waiting.accountAddress(me, community, account);
            try {
                blocks.blockForCommunity(community, uri, Optional.of(me), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "accountBlocked";
        });
    }

    /**
     * The page that asks before a block, for a moderator of the community only (anyone else: 403), about an account the
     * community has met (its posts or its reports; any other number is the 404 of one that does not exist, as the
     * page names the account's address).
     */
    private void askBlock(ServerResponse res, Visitor v, long me, String community, long account) {
        String uri = waiting.accountAddress(me, community, account);
        Messages m = v.messages();
        String host = BlockedDomains.hostOf(uri);
        pages.confirm(res, v, m.get("confirm.blockAccountTitle", host), new Confirmation(uri, null,
                m.get("confirm.blockWaitingAccount"), base(community) + "/block",
                List.of(new Confirmation.Field("account", String.valueOf(account))), m.get("moderation.blockAccount"),
                base(community) + "#account-" + account));
    }

    private interface AccountDecision {
        /** Decides, for the public {@code reason} (may be null), and returns the notice to show. */
        String apply(long moderatorId, String community, long accountId, String reason);
    }

    private void actOnAccount(ServerRequest req, ServerResponse res, boolean asksFirst, AccountDecision decision) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String community = community(req);
        String base = base(community);
        String account = Forms.first(form, "account");
        if (account == null || !NUMBER.matcher(account).matches()) {
            pages.notFound(res, v);
            return;
        }
        long me = v.member().get().memberId();
        try {
            if (asksFirst && !Pages.confirmed(form)) {
                askBlock(res, v, me, community, Long.parseLong(account));
                return;
            }
            pages.once(res, v, form, base, () -> Pages.done(base,
                    decision.apply(me, community, Long.parseLong(account), Forms.first(form, "reason")), null));
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (InvalidInputException e) {
            pages.refused(res, v, e, base);
        }
    }

    /** Puts a post on the board as it is, or keeps it off ({@code decision}: approve or reject). */
    public void decide(ServerRequest req, ServerResponse res) {
        act(req, res, (me, post, form) -> {
            String decision = Forms.first(form, "decision");
            if ("approve".equals(decision)) {
                queue.approve(me, post);
                return "postApproved";
            }
            if ("reject".equals(decision)) {
                queue.reject(me, post);
                return "postRejected";
            }
            throw InvalidInputException.field("decision", "invalid_input");
        });
    }

    /** "This one": puts a post on the board under the classifier's reading number {@code reading}. */
    public void reading(ServerRequest req, ServerResponse res) {
        act(req, res, (me, post, form) -> {
            String index = Forms.first(form, "reading");
            if (index == null || !NUMBER.matcher(index).matches()) {
                throw InvalidInputException.field("reading", "no_such_reading");
            }
            queue.approveReading(me, post, Integer.parseInt(index));
            return "postApproved";
        });
    }

    private interface Decision {
        /** Decides, and returns the notice to show. */
        String apply(long moderatorId, long postId, Map<String, List<String>> form);
    }

    private void act(ServerRequest req, ServerResponse res, Decision decision) {
        Visitor v = pages.visitor(req, res);
        Map<String, List<String>> form = pages.form(req, res, v);
        if (form == null || !Pages.requireMember(res, v)) {
            return;
        }
        String base = base(community(req));
        String post = Forms.first(form, "post");
        if (post == null || !NUMBER.matcher(post).matches()) {
            pages.notFound(res, v);
            return;
        }
        long me = v.member().get().memberId();
        try {
            pages.once(res, v, form, base, () -> Pages.done(base, decision.apply(me, Long.parseLong(post), form), null));
        } catch (ForbiddenException e) {
            pages.message(res, Status.FORBIDDEN_403, v, "error.forbiddenTitle", "followers.forbidden");
        } catch (NotFoundException e) {
            pages.notFound(res, v);
        } catch (ConflictException e) {
            pages.refused(res, Status.CONFLICT_409, v, e, base);
        } catch (InvalidInputException e) {
            pages.refused(res, v, e, base);
        }
    }

    /** Each reading as a sentence: "Request: childcare, babysitting (Time given)", labels in the page's language. */
    private List<WaitingPostsView.Reading> readings(List<PostReading> readings, Messages m) {
        return IntStream.range(0, readings.size())
                .mapToObj(i -> new WaitingPostsView.Reading(i, sentences.say(readings.get(i), m))).toList();
    }

    private static String plain(String html) {
        return html == null ? "" : HtmlSanitizer.toPlainText(html);
    }

    private static String base(String community) {
        return "/moderate/" + community + "/posts";
    }

    /** The community named in the path, or "-" (no such community) when it is not a username. */
    private static String community(ServerRequest req) {
        String name = req.path().pathParameters().get("name").toLowerCase(Locale.ROOT);
        return USERNAME.matcher(name).matches() ? name : "-";
    }
}
