package org.weft.server.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.proposal.AreaPaths;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.proposal.BoardSearch;
import org.weft.server.domain.proposal.ProposalReferences;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.http.BoardLinks;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.AreaEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalQuery;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.BoardView;
import org.weft.web.view.Link;
import org.weft.web.view.Option;
import org.weft.web.view.OptionGroup;
import org.weft.web.view.ProposalCard;

/**
 * {@code GET /board/{name}}: a community's offers and requests, filtered, searched, newest first, paged by keyset
 * ({@link BoardPaging}). A search that is the reference of a proposal the visitor may see ({@link ProposalReferences})
 * opens that proposal instead.
 */
public final class BoardPage {
    static final int PAGE_SIZE = 20;

    private final Pages pages;
    private final Database db;
    private final Taxonomy taxonomy;
    private final AreaService areas;
    private final ProposalCards cards;
    private final LocalUrls urls;

    private final BoardSearch search;
    private final ProposalReferences references;

    public BoardPage(Pages pages, Database db, Taxonomy taxonomy, AreaService areas, LocalUrls urls, BoardSearch search,
                     ProposalReferences references) {
        this.search = search;
        this.references = references;
        this.pages = pages;
        this.db = db;
        this.taxonomy = taxonomy;
        this.areas = areas;
        this.cards = new ProposalCards(taxonomy);
        this.urls = urls;
    }

    /** {@code GET /board}, the menu's link: the board itself when there is one community, else the list of them. */
    public void index(ServerRequest req, ServerResponse res) {
        List<ActorEntity> groups = db.inTransaction(ActorRepository::localGroups);
        Pages.redirect(res, groups.size() == 1 ? "/board/" + groups.get(0).getUsername() : "/");
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        Messages m = v.messages();
        String name = req.path().pathParameters().get("name");
        Optional<ActorEntity> group = db.inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, name.toLowerCase()));
        if (group.isEmpty()) {
            pages.notFound(res, v);
            return;
        }
        var q = req.query();
        String text = q.first("q").orElse("").strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        // A reference read off the printed board opens its proposal; one the visitor may not see is searched as text.
        Optional<String> referenced = references.find(group.get().getId(), text, v.loggedIn());
        if (referenced.isPresent()) {
            Pages.redirect(res, "/proposals/" + referenced.get());
            return;
        }
        Purpose purpose = Purpose.fromWire(q.first("purpose").orElse("")).orElse(null);
        Optional<Concept> category = taxonomy.byId(q.first("category").orElse(""));
        // The areas, read once for the page: the filter, its menu and every card's area in the reader's language.
        List<AreaEntity> allAreas = areas.all();
        AreaNames areaNames = AreaNames.of(allAreas);
        String area = allAreas.stream().map(a -> a.getCode()).filter(c -> c.equals(q.first("area").orElse("")))
                .findFirst().orElse(null);
        String statusValue = q.first("status").orElse("");
        List<ProposalStatus> statuses = ProposalStatus.fromWire(statusValue).map(List::of).orElse(List.of());
        ProposalQuery query = BoardPaging.at(req, search.withMeaning(new ProposalQuery(group.get().getUsername(), purpose,
                category.map(taxonomy::withNarrowerUris).orElse(List.of()), area, statuses, text.isEmpty() ? null : text, null,
                v.loggedIn(), false, 1, PAGE_SIZE)));
        String base = "/board/" + group.get().getUsername() + "?q=" + enc(text)
                + "&purpose=" + (purpose == null ? "" : purpose.wire()) + "&category=" + category.map(Concept::id).orElse("") + "&area=" + (area == null ? "" : enc(area))
                + "&status=" + enc(statusValue) + "&";
        BoardPaging.Page<ProposalCard> found = db.inTransaction(s -> BoardPaging.read(s, query, m, base,
                p -> cards.card(p, m, areaNames)));
        BoardView view = new BoardView(group.get().getUsername(), group.get().getDisplayName(),
                "@" + group.get().getUsername() + "@" + urls.domain(), text,
                List.of(new Option("", m.get("board.all"), purpose == null),
                        new Option("offer", m.get("purpose.offer"), purpose == Purpose.OFFER),
                        new Option("request", m.get("purpose.request"), purpose == Purpose.REQUEST)),
                categoryGroups(m, category.map(Concept::id).orElse("")), category.isPresent(),
                areaOptions(allAreas, area, m.get("board.all"), m),
                statusOptions(m, statusValue),
                found.cards(), found.total(), found.newerUrl(), found.olderUrl(),
                feeds(group.get().getUsername(), purpose, category.map(Concept::id).orElse(null), area, m),
                downloads(group.get().getUsername(), m));
        pages.render(res, v, m.get("board.titlePrefix") + " " + group.get().getDisplayName(), "board.jte", Map.of("b", view));
    }

    /**
     * The Atom feeds the head and the foot of the board name: the whole board's, and, when the filters chose a purpose,
     * a category or an area, the feed of just that (a search text and a status have no feed: feeds carry open
     * proposals, found by what they are and where). In the page's language.
     */
    static List<Link> feeds(String community, Purpose purpose, String category, String area, Messages m) {
        List<Link> feeds = new ArrayList<>();
        feeds.add(new Link(m.get("board.feedAll"), BoardLinks.feed(community, null, null, null, m.language())));
        if (purpose != null || category != null || area != null) {
            feeds.add(new Link(m.get("board.feedFiltered"),
                    BoardLinks.feed(community, purpose == null ? null : purpose.wire(), category, area, m.language())));
        }
        return feeds;
    }

    /** The open data files and the printable board. */
    static List<Link> downloads(String community, Messages m) {
        return List.of(new Link(m.get("board.csv"), BoardLinks.data(community, "proposals.csv", m.language())),
                new Link(m.get("board.hxl"), BoardLinks.data(community, "proposals.hxl.csv", m.language())),
                new Link(m.get("board.json"), BoardLinks.data(community, "proposals.json", m.language())),
                new Link(m.get("board.print"), BoardLinks.print(community, m.language())));
    }

    /**
     * The categories as groups, one per top category holding it and the ones under it: no indenting prefix on the
     * labels, so typing a letter in the list finds the category that starts with it.
     */
    List<OptionGroup> categoryGroups(Messages m, String selected) {
        List<OptionGroup> groups = new ArrayList<>();
        for (Concept top : taxonomy.topLevel()) {
            List<Option> options = new ArrayList<>();
            options.add(new Option(top.id(), taxonomy.label(top, m.language()), top.id().equals(selected)));
            for (Concept n : taxonomy.narrower(top)) {
                options.add(new Option(n.id(), taxonomy.label(n, m.language()), n.id().equals(selected)));
            }
            groups.add(new OptionGroup(taxonomy.label(top, m.language()), options));
        }
        return groups;
    }

    /**
     * The instance's areas, each by its full name in the reader's language ("Camp A, Block 3"), after a first empty
     * choice.
     */
    List<Option> areaOptions(String selected, String emptyLabel, Messages m) {
        return areaOptions(areas.all(), selected, emptyLabel, m);
    }

    private static List<Option> areaOptions(List<AreaEntity> all, String selected, String emptyLabel, Messages m) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", emptyLabel, selected == null || selected.isEmpty()));
        AreaPaths.of(all).forEach((code, path) -> options.add(new Option(code, m.place(path), code.equals(selected))));
        return options;
    }

    private static List<Option> statusOptions(Messages m, String selected) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", m.get("board.active"), selected.isEmpty()));
        for (ProposalStatus st : ProposalStatus.values()) {
            options.add(new Option(st.wire(), m.get("status." + st.wire()), st.wire().equals(selected)));
        }
        return options;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
