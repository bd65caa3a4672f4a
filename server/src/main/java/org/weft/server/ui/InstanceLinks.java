package org.weft.server.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.follow.CommunityLink;
import org.weft.server.domain.follow.LinkAllowList;
import org.weft.server.domain.follow.LinkService;
import org.weft.web.i18n.Messages;
import org.weft.web.view.LinkRow;

/** Links between our communities and communities elsewhere, as pages show and change them (via {@link LinkService}). */
final class InstanceLinks {
    private final LinkService links;

    InstanceLinks(LinkService links) {
        this.links = links;
    }

    /** Every link of the given communities, for the operator. */
    List<LinkRow> all(List<String> communities, Messages m) {
        List<LinkRow> rows = new ArrayList<>();
        for (String community : communities) {
            for (CommunityLink l : links.links(community)) {
                rows.add(new LinkRow(community, l.handle(), l.actorUri(), state(l, m), l.weFollow()));
            }
        }
        return rows;
    }

    /** The links a visitor may see on a community's page: those that carry proposals (an accepted follow either way). */
    List<LinkRow> shown(String community, Messages m) {
        return links.links(community).stream().filter(l -> l.theyFollow() || l.weFollow() && l.accepted())
                .map(l -> new LinkRow(community, l.handle(), l.actorUri(), state(l, m), l.weFollow())).toList();
    }

    /**
     * Links {@code community} to {@code target}; returns null when done, else the reason in the reader's words. The
     * allow-list is checked here first so that its refusal reads as its own sentence rather than a generic failure.
     */
    String link(String community, String target, Messages m) {
        String domain;
        try {
            domain = LinkAllowList.domainOf(target);
        } catch (InvalidInputException e) {
            return m.get("admin.linkBadTarget");
        }
        if (!links.allowList().allows(domain)) {
            return m.get("admin.linkNotAllowed", Messages.isolateLeftToRight(domain));
        }
        try {
            links.link(community, target);
            return null;
        } catch (NotFoundException e) {
            return m.get("admin.linkNoCommunity");
        } catch (InvalidInputException e) {
            // The handle led to another host than it named, and that one is not allowed.
            return e.code().equals("link_not_allowed")
                    ? m.get("admin.linkNotAllowed", Messages.isolateLeftToRight(String.valueOf(e.arguments().get(0))))
                    : m.get("admin.linkFailed");
        } catch (IOException | RuntimeException e) {
            return m.get("admin.linkFailed");
        }
    }

    /**
     * Stops our community following the other; returns null when done, else the reason in the reader's words: among
     * them that our community did not follow it (only it follows us, or the page was out of date), so nothing changed.
     */
    String unlink(String community, String target, Messages m) {
        try {
            return links.unlink(community, target) ? null
                    : m.get("admin.unlinkNothing", Messages.isolateLeftToRight(handle(community, target)));
        } catch (RuntimeException e) {
            return m.get("admin.unlinkFailed");
        }
    }

    /** The other community as its row names it ({@code @name@server}), else as given. */
    String handle(String community, String target) {
        try {
            return links.links(community).stream().filter(l -> l.actorUri().equals(target) || l.handle().equals(target))
                    .map(CommunityLink::handle).findFirst().orElse(target);
        } catch (RuntimeException e) {
            return target;
        }
    }

    /**
     * How the link stands, in the reader's words; a link to a community whose account or server our community blocked
     * says so, for it is still there (operators manage links) but carries nothing to our board.
     */
    private static String state(CommunityLink l, Messages m) {
        return l.blockedHere() ? m.get("link.blockedHere", m.get(stateKey(l))) : m.get(stateKey(l));
    }

    private static String stateKey(CommunityLink l) {
        if (l.mutual()) {
            return "link.mutual";
        }
        if (l.weFollow()) {
            return l.accepted() ? "link.following" : "link.waiting";
        }
        return "link.followedBy";
    }
}
