package org.weft.server.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.helidon.webserver.http.ServerRequest;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.proposal.AreaNames;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.proposal.OpenProposals;
import org.weft.server.domain.proposal.OpenProposals.Community;
import org.weft.server.domain.proposal.PublicProposal;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.http.BoardLinks;
import org.weft.server.http.ConditionalGet;
import org.weft.server.model.ControlCharacters;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.Database;
import org.weft.web.i18n.Messages;

/**
 * {@code GET /board/{name}/feed.atom}: an Atom feed of a community's open offers and requests, for people who follow
 * it in a feed reader rather than from the fediverse. {@code purpose}, {@code category} and {@code area} narrow it
 * (a category takes the ones under it, an area the areas inside it); {@code lang} chooses the language of its title
 * and labels (the proposals keep their own). Entries are the newest {@value #ENTRIES} open public proposals, each
 * linking to its page; one that is promised, withdrawn, expired, hidden or deleted is simply no longer in it. ROME
 * writes the XML, from text without the characters XML 1.0 forbids ({@link ControlCharacters#forXml}): a title from
 * another server (or an old row) holding a NUL would otherwise stop the whole feed. A reader that sends back the feed's {@code ETag} is answered 304 while nothing changed
 * ({@link ConditionalGet}).
 */
public final class FeedEndpoint {
    static final int ENTRIES = 50;
    static final String ATOM = "application/atom+xml; charset=utf-8";
    /** The summary is the board card's excerpt, a little longer: the page has the rest. */
    private static final int SUMMARY = 500;

    private final OpenProposals proposals;
    private final Taxonomy taxonomy;
    private final AreaService areas;
    private final BearerReader bearer;
    private final LocalUrls urls;

    /** {@code tokens} and {@code db}: a member's API token lets a feed reader read the community-only proposals too. */
    public FeedEndpoint(OpenProposals proposals, Taxonomy taxonomy, AreaService areas, LocalUrls urls, ApiTokens tokens,
                        Database db) {
        this.bearer = new BearerReader(tokens, db);
        this.proposals = proposals;
        this.taxonomy = taxonomy;
        this.areas = areas;
        this.urls = urls;
    }

    public void atom(ServerRequest req, ServerResponse res) {
        Optional<Asked> asked = Asked.read(req, res, proposals, taxonomy, areas, bearer);
        if (asked.isEmpty()) {
            return;
        }
        Community community = asked.get().community();
        DataRequest request = asked.get().request();
        ConditionalGet.Validators validators = asked.get().validators(req, proposals);
        OpenDataEndpoint.headers(res, ATOM, community.name() + ".atom", asked.get().member());
        if (ConditionalGet.notModified(req, res, validators)) {
            return;
        }
        List<PublicProposal> newest = proposals.newest(community, request.filter(), ENTRIES, asked.get().member());
        // Written whole before anything is sent: a failure then reaches the error handler as a fault, not as the
        // truncated end of a feed.
        res.send(xml(community, request, newest));
    }

    private byte[] xml(Community community, DataRequest request, List<PublicProposal> newest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            Document xml = new WireFeedOutput().outputJDom(feed(community, request, newest).createWireFeed());
            // ROME writes a feed's language as Dublin Core at best; Atom readers take it from xml:lang on the root.
            xml.getRootElement().setAttribute("lang", request.messages().language(), Namespace.XML_NAMESPACE);
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).output(xml, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write the feed of " + community.name(), e);
        }
        return bytes.toByteArray();
    }

    SyndFeed feed(Community community, DataRequest request, List<PublicProposal> entries) {
        Messages m = request.messages();
        String board = urls.base() + "/board/" + community.name();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(urls.base() + selfPath(community.name(), request));
        feed.setTitle(ControlCharacters.forXml(title(community, request)));
        feed.setLink(board);
        feed.setLinks(List.of(link("self", urls.base() + selfPath(community.name(), request), "application/atom+xml"),
                link("alternate", board, "text/html")));
        feed.setAuthors(List.of(person(community)));
        feed.setPublishedDate(Date.from(entries.stream().map(PublicProposal::lastChanged)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH)));
        List<SyndEntry> items = new ArrayList<>(entries.size());
        AreaNames areaNames = AreaNames.of(areas.all());
        for (PublicProposal p : entries) {
            items.add(entry(p, m, areaNames));
        }
        feed.setEntries(items);
        return feed;
    }

    private SyndEntry entry(PublicProposal p, Messages m, AreaNames areaNames) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(ControlCharacters.forXml(p.url()));
        entry.setLink(ControlCharacters.forXml(p.url()));
        entry.setTitle(ControlCharacters.forXml(m.get("feed.entryTitle", m.get("purpose." + p.purpose().wire()), p.title())));
        entry.setPublishedDate(Date.from(p.publishedAt()));
        entry.setUpdatedDate(Date.from(p.lastChanged()));
        List<SyndCategory> categories = new ArrayList<>();
        for (String uri : p.categoryUris()) {
            taxonomy.byUri(uri).ifPresent(c -> categories.add(category(c, m)));
        }
        entry.setCategories(categories);
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(ControlCharacters.forXml(summary(p, m, areaNames)));
        entry.setDescription(summary);
        return entry;
    }

    /** The member's text, cut, then where (its area in the feed's language) and until when. */
    private static String summary(PublicProposal p, Messages m, AreaNames areaNames) {
        String text = p.description().length() > SUMMARY ? p.description().substring(0, SUMMARY) + "…" : p.description();
        List<String> facts = new ArrayList<>();
        if (p.areaName() != null) {
            // Proposals posted here only (OpenProposals): their area is one of ours.
            facts.add(m.get("feed.area", areaNames.name(true, p.areaCode(), p.areaName(), m)));
        }
        facts.add(m.get("card.until", m.date(p.endsAt())));
        String tail = String.join(" · ", facts);
        return text.isEmpty() ? tail : text + "\n\n" + tail;
    }

    private SyndCategory category(Concept c, Messages m) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(c.id());
        category.setTaxonomyUri(Taxonomy.BASE_URI);
        category.setLabel(ControlCharacters.forXml(taxonomy.label(c, m.language())));
        return category;
    }

    private String title(Community community, DataRequest request) {
        Messages m = request.messages();
        String which = request.filter().purpose() == null ? "all" : request.filter().purpose().wire();
        StringBuilder title = new StringBuilder(m.get("feed.title." + which, community.displayName()));
        if (request.category() != null) {
            title.append(" · ").append(taxonomy.label(request.category(), m.language()));
        }
        if (request.area() != null) {
            areas.all().stream().filter(a -> a.getCode().equals(request.area())).findFirst()
                    .ifPresent(a -> title.append(" · ").append(a.getName()));
        }
        return title.toString();
    }

    private static SyndPerson person(Community community) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(ControlCharacters.forXml(community.displayName()));
        person.setUri(community.uri());
        return person;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static String selfPath(String community, DataRequest request) {
        return BoardLinks.feed(community, request.filter().purpose() == null ? null : request.filter().purpose().wire(),
                request.category() == null ? null : request.category().id(), request.area(), request.messages().language());
    }
}
