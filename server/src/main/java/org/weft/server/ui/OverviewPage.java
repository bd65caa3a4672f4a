package org.weft.server.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.overview.FigureRows;
import org.weft.server.domain.overview.FigureRows.Place;
import org.weft.server.domain.overview.MedianTime;
import org.weft.server.domain.overview.MostNeeded;
import org.weft.server.domain.overview.RecentOverviews;
import org.weft.server.domain.overview.Overview;
import org.weft.server.domain.proposal.AreaPaths;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.http.HttpReplies;
import org.weft.server.persistence.AreaEntity;
import org.weft.server.ui.auth.Visitor;
import org.weft.web.i18n.Messages;
import org.weft.web.view.Link;
import org.weft.web.view.OverviewView;
import org.weft.web.view.OverviewView.TableRow;

/**
 * {@code GET /overview/{name}} (a community; {@code ?linked=yes} with the communities it links to) and
 * {@code GET /overview} (the instance): the needs overview as a page, and the same figures as
 * {@code .json}, {@code .csv} and {@code .hxl.csv}. Community-only proposals count only for a signed-in member.
 */
public final class OverviewPage {
    private static final String HXL = ".hxl.csv";

    private final Pages pages;
    private final RecentOverviews overview;
    private final Taxonomy taxonomy;
    private final AreaService areas;

    public OverviewPage(Pages pages, RecentOverviews overview, Taxonomy taxonomy, AreaService areas) {
        this.pages = pages;
        this.overview = overview;
        this.taxonomy = taxonomy;
        this.areas = areas;
    }

    /** {@code /overview}, {@code /overview.json}, {@code .csv}, {@code .hxl.csv}: every community here. */
    public void instance(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        String path = req.path().path();
        String format = path.endsWith(HXL) ? HXL : path.endsWith(".csv") ? ".csv" : path.endsWith(".json") ? ".json" : "";
        answer(res, v, overview.instance(v.loggedIn()), format);
    }

    public void community(ServerRequest req, ServerResponse res) {
        Visitor v = pages.visitor(req, res);
        String name = req.path().pathParameters().get("name");
        String format = "";
        for (String ending : List.of(HXL, ".csv", ".json")) {
            if (name.endsWith(ending)) {
                format = ending;
                name = name.substring(0, name.length() - ending.length());
                break;
            }
        }
        boolean linked = "yes".equals(req.query().first("linked").orElse(""));
        Optional<Overview> found = overview.community(name, v.loggedIn(), linked);
        if (found.isEmpty()) {
            pages.notFound(res, v);
            return;
        }
        answer(res, v, found.get(), format);
    }

    private void answer(ServerResponse res, Visitor v, Overview o, String format) {
        if (!format.isEmpty()) {
            List<FigureRows.Figure> figures = FigureRows.of(o, taxonomy, places(path -> String.join(AreaPaths.DATA_SEPARATOR, path)));
            res.header(HeaderNames.CACHE_CONTROL, v.loggedIn() ? "private, no-store" : "no-cache");
            if (format.equals(".json")) {
                HttpReplies.json(res, Status.OK_200, "application/json; charset=utf-8", OverviewData.json(o, figures));
            } else {
                HttpReplies.text(res, Status.OK_200, "text/csv; charset=utf-8; header=present",
                        OverviewData.csv(o, figures, format.equals(HXL)));
            }
            return;
        }
        Messages m = v.messages();
        Map<String, Place> places = places(m::place);
        OverviewCharts charts = new OverviewCharts(m, o.threshold());
        String heading = o.community() == null ? m.get("overview.titleInstance")
                : m.get(o.scope() == Overview.Scope.LINKED ? "overview.titleLinked" : "overview.title",
                        Messages.isolate(o.communityName()));
        List<String> notes = new ArrayList<>(List.of(m.get("overview.intro", o.threshold())));
        if (o.threshold() > 1) {
            notes.add(m.get("overview.rounded", o.threshold()));
        }
        notes.add(m.get(o.withCommunityOnly() ? "overview.memberNote" : "overview.visitorNote"));
        String base = o.community() == null ? "/overview" : "/overview/" + o.community();
        List<Link> scopeLinks = new ArrayList<>();
        if (o.community() != null) {
            scopeLinks.add(o.scope() == Overview.Scope.LINKED ? new Link(m.get("overview.alone"), base)
                    : new Link(m.get("overview.withLinked"), base + "?linked=yes"));
            scopeLinks.add(new Link(m.get("overview.board"), "/board/" + o.community()));
        }
        scopeLinks.add(new Link(m.get("overview.instance"), "/overview"));
        String query = o.scope() == Overview.Scope.LINKED ? "?linked=yes" : "";
        List<Link> data = List.of(new Link(m.get("overview.csv"), base + ".csv" + query),
                new Link(m.get("overview.hxl"), base + HXL + query), new Link(m.get("overview.json"), base + ".json" + query));
        Function<String, String> categoryName = id -> id == null ? m.get("overview.noCategory")
                : taxonomy.byId(id).map(c -> taxonomy.label(c, m.language())).orElse(id);
        Function<String, String> areaName = code -> code == null ? m.get("overview.noArea")
                : Optional.ofNullable(places.get(code)).map(Place::name).orElse(code);
        OverviewView view = new OverviewView(heading, notes, scopeLinks,
                charts.bars(m.get("overview.byCategory"), m.get("overview.category"), o.byCategory(), categoryName, false),
                charts.bars(m.get("overview.byArea"), m.get("overview.area"), o.byArea(), areaName, true),
                charts.map(o.byArea(), places), charts.weeks(o),
                List.of(new TableRow(m.get("overview.outcome.met"), List.of(charts.cellText(o.outcomes().met()))),
                        new TableRow(m.get("overview.outcome.promised"), List.of(charts.cellText(o.outcomes().promised()))),
                        new TableRow(m.get("overview.outcome.unmet"), List.of(charts.cellText(o.outcomes().unmet()))),
                        new TableRow(m.get("overview.total"), List.of(charts.totalText(o.outcomes().total())))),
                List.of(median(m, charts, "overview.toPromised", o.toPromised()),
                        median(m, charts, "overview.toFulfilled", o.toFulfilled())),
                m.get("overview.mostNeededRule", o.threshold()),
                o.mostNeeded().stream().map(MostNeeded::conceptId).map(categoryName).toList(), data);
        pages.render(res, v, heading, "overview.jte", Map.of("o", view));
    }

    private static TableRow median(Messages m, OverviewCharts charts, String key,
                                   MedianTime t) {
        String value = t.median() == null ? m.get("overview.noMedian") : charts.duration(t.median());
        return new TableRow(m.get(key), List.of(value, charts.cellText(t.requests())));
    }

    /**
     * The instance's areas by code: their full names and coordinates. The page writes a name in its reader's language
     * ({@code named} is {@link Messages#place}); the data files, read by programs, with a comma and a space.
     */
    private Map<String, Place> places(Function<List<String>, String> named) {
        Map<String, AreaEntity> byCode = new HashMap<>();
        List<AreaEntity> all = areas.all();
        all.forEach(a -> byCode.put(a.getCode(), a));
        Map<String, Place> places = new HashMap<>();
        AreaPaths.of(all).forEach((code, path) -> places.put(code,
                new Place(named.apply(path), byCode.get(code).getLatitude(), byCode.get(code).getLongitude())));
        return places;
    }
}
