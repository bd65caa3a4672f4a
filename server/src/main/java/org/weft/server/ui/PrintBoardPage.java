package org.weft.server.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.proposal.OpenProposals;
import org.weft.server.domain.proposal.OpenProposals.Community;
import org.weft.server.domain.proposal.PublicProposal;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.http.BoardLinks;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.Purpose;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.PrintBoardView;

/**
 * {@code GET /board/{name}/print}: the board for a notice board on a wall, where many have no phone. A plain A4 page
 * (print.css: no navigation, black on white) of the open public requests, then offers, newest first, each with the
 * reference a reader gives a coordinator, its category, its coarse area and until when; the community's handle and
 * address say how to answer. In {@code ?lang=} when given (so a coordinator prints one sheet per language of the camp),
 * else the visitor's language. The same proposals as the open data ({@link OpenProposals}): never community-only ones.
 */
public final class PrintBoardPage {
    /** Rows per section: about four A4 pages; the sheet says how many more the board has. */
    static final int ROWS = 100;
    private static final Map<String, String> NATIVE_NAMES = Map.of("en", "English", "ar", "العربية", "fr", "Français",
            "es", "Español", "uk", "Українська", "fa", "فارسی");

    private final Pages pages;
    private final OpenProposals proposals;
    private final Taxonomy taxonomy;
    private final AreaService areas;
    private final LocalUrls urls;
    private final Clock clock;

    public PrintBoardPage(Pages pages, OpenProposals proposals, Taxonomy taxonomy, AreaService areas, LocalUrls urls,
                          Clock clock) {
        this.pages = pages;
        this.proposals = proposals;
        this.taxonomy = taxonomy;
        this.areas = areas;
        this.urls = urls;
        this.clock = clock;
    }

    public void render(ServerRequest req, ServerResponse res) {
        Visitor asked = pages.visitor(req, res);
        String lang = req.query().first("lang").map(l -> l.strip().toLowerCase(Locale.ROOT))
                .filter(Messages.LANGUAGES::contains)
                .orElse(asked.messages().language());
        Visitor v = new Visitor(asked.member(), Messages.forLanguage(lang), asked.csrfToken(), asked.target());
        Optional<Community> community = proposals.community(req.path().pathParameters().get("name"));
        if (community.isEmpty()) {
            pages.notFound(res, v);
            return;
        }
        Messages m = v.messages();
        Community c = community.get();
        AreaNames areaNames = AreaNames.of(areas.all());
        List<PrintBoardView.Section> sections = List.of(section(c, Purpose.REQUEST, m, areaNames),
                section(c, Purpose.OFFER, m, areaNames));
        List<PrintBoardView.Language> languages = new ArrayList<>();
        for (String l : Messages.LANGUAGES) {
            languages.add(new PrintBoardView.Language(l, NATIVE_NAMES.get(l), l.equals(lang)));
        }
        PrintBoardView view = new PrintBoardView(Messages.isolate(c.displayName()), "@" + c.name() + "@" + urls.domain(),
                urls.base() + "/board/" + c.name(), m.date(clock.instant()), sections, BoardLinks.print(c.name(), null),
                languages);
        pages.render(res, v, m.get("print.title", Messages.isolate(c.displayName())), "print_board.jte", Map.of("p", view));
    }

    private PrintBoardView.Section section(Community c, Purpose purpose, Messages m, AreaNames areaNames) {
        OpenProposals.Filter filter = new OpenProposals.Filter(purpose, List.of(), null);
        List<PrintBoardView.Row> rows = proposals.newest(c, filter, ROWS).stream().map(p -> row(p, m, areaNames)).toList();
        String more = null;
        if (rows.size() == ROWS) {
            long all = proposals.countUpTo(c, filter, 10_000);
            more = all > ROWS ? m.get("print.more", all - ROWS) : null;
        }
        String plural = purpose == Purpose.OFFER ? "offers" : "requests";
        return new PrintBoardView.Section(m.get("print." + plural), rows,
                m.get(purpose == Purpose.OFFER ? "print.noOffers" : "print.noRequests"), more);
    }

    private PrintBoardView.Row row(PublicProposal p, Messages m, AreaNames areaNames) {
        String categories = m.list(p.categoryUris().stream().map(taxonomy::byUri).flatMap(Optional::stream)
                .map(concept -> taxonomy.label(concept, m.language())).toList());
        String kind = p.kind() == null ? "" : m.get("kind." + p.kind().name().toLowerCase(Locale.ROOT));
        return new PrintBoardView.Row(p.reference(), p.title(), p.language(), kind, categories,
                p.areaName() == null ? "" : areaNames.name(true, p.areaCode(), p.areaName(), m), m.date(p.endsAt()));
    }
}
