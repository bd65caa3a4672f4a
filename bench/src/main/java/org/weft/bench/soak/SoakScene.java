package org.weft.bench.soak;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.hibernate.Session;
import org.weft.bench.db.BenchDatabase;
import org.weft.bench.db.Seeder;
import org.weft.bench.mock.HostBehaviour;
import org.weft.bench.mock.MockHosts;
import org.weft.bench.server.WeftEnv;
import org.weft.bench.targets.Sender;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.domain.proposal.CalledOff;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.proposal.ProposalPublisher;
import org.weft.server.domain.proposal.ProposalRules;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.domain.proposal.Reopened;
import org.weft.server.domain.proposal.TermsChanged;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Audience;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ProposalEntity;

/**
 * The instance the soak runs against, put in its database before the server starts (with the server's own
 * classes, as {@code ./weft group create} and the member pages would): one community, {@value #MEMBER_COUNT} members
 * with {@value #LOCAL_PROPOSALS} public offers and requests between them, and {@value #HOSTS} remote instances on
 * loopback mocks, {@value #WEFT_HOSTS} of them Weft servers, with {@value #ACTORS_PER_HOST} signing actors each.
 * Every remote actor follows the community (so its posts go on the board and the community boosts them to all
 * {@value #HOSTS} shared inboxes); one member follows every actor on the Weft hosts and every third Mastodon
 * actor (so their proposals are kept and their boosts are read). The remote actors and their keys are known to
 * the server from the start, as after a first fetch: a key fetch during the run would show as a GET at a mock.
 */
final class SoakScene {
    static final String COMMUNITY = "camp";
    static final int MEMBER_COUNT = 5;
    static final int LOCAL_PROPOSALS = 200;
    static final int HOSTS = 12;
    static final int WEFT_HOSTS = 3;
    static final int ACTORS_PER_HOST = 25;
    private static final List<String> MEMBERS = List.of("rosa", "amina", "olek", "farid", "lucia");

    private final String baseUrl;
    private final String communityUri;
    private final List<String> memberUris;
    private final List<LocalProposal> proposals;
    private final List<Sender> mastodon;
    private final List<Sender> weft;
    private final List<Category> categories;

    /** The scene as {@link #build} makes it; tests make their own without a database. */
    SoakScene(String baseUrl, String communityUri, List<String> memberUris, List<LocalProposal> proposals,
                      List<Sender> mastodon, List<Sender> weft, List<Category> categories) {
        this.baseUrl = baseUrl;
        this.communityUri = communityUri;
        this.memberUris = memberUris;
        this.proposals = proposals;
        this.mastodon = mastodon;
        this.weft = weft;
        this.categories = categories;
    }

    /** A local proposal: its URI (the page is its path) and its author's actor URI. */
    record LocalProposal(String uri, String authorUri) {
        String path() {
            return URI.create(uri).getRawPath();
        }
    }

    /** A taxonomy category the posts are about: URI, hashtag, and label per language. */
    record Category(String uri, String hashtag, Map<String, String> labels) {
        String label(String language) {
            return labels.getOrDefault(language, labels.get("en"));
        }
    }

    /**
     * Creates the remote actors (one key pair each) on {@code hosts}, then fills {@code db} for a server that will
     * listen on {@code port}. The database is closed again before this returns: the server process opens it next.
     */
    static SoakScene build(BenchDatabase db, int port, MockHosts hosts) throws SQLException {
        if (hosts.size() != HOSTS) {
            throw new IllegalArgumentException("the scene needs " + HOSTS + " mock hosts");
        }
        List<Sender> all = IntStream.range(0, HOSTS * ACTORS_PER_HOST).parallel()
                .mapToObj(i -> {
                    int host = i / ACTORS_PER_HOST;
                    String prefix = host < HOSTS - WEFT_HOSTS ? "m" : "w";
                    return Sender.create(hosts.origin(host), prefix + host + "u" + i % ACTORS_PER_HOST);
                }).toList();
        List<Sender> mastodon = all.stream().filter(s -> s.actor().username().startsWith("m")).toList();
        List<Sender> weft = all.stream().filter(s -> s.actor().username().startsWith("w")).toList();

        Clock clock = Clock.systemUTC();
        String baseUrl = WeftEnv.baseUrl(port);
        LocalUrls urls = new LocalUrls(URI.create(baseUrl));
        Taxonomy taxonomy = Taxonomy.load();
        List<Category> categories = categories(taxonomy);
        try (Database database = Database.open(db.settings(), db.dataDir())) {
            LocalActorService actors = new LocalActorService(database, urls, clock);
            ActorEntity community = actors.createGroup(COMMUNITY, "Camp", "Offers and requests of the camp");
            List<ActorEntity> members = new ArrayList<>();
            for (String name : MEMBERS.subList(0, MEMBER_COUNT)) {
                members.add(actors.createMember(name, name, "soak benchmark member " + name, false));
            }
            ProposalService service = new ProposalService(database, urls, new ProposalRules(taxonomy), SILENT,
                    CalledOff.NONE, TermsChanged.NONE, Reopened.NONE, clock);
            List<LocalProposal> proposals = new ArrayList<>();
            for (int i = 0; i < LOCAL_PROPOSALS; i++) {
                ActorEntity author = members.get(i % members.size());
                Category category = categories.get((i * 7) % categories.size());
                String language = PostTexts.LANGUAGES.get(i % PostTexts.LANGUAGES.size());
                boolean offer = i % 2 == 0;
                PostTexts.Text text = PostTexts.proposal(offer, language, category.label(language), i);
                ProposalEntity p = service.create(author.getUsername(), ProposalDraft.builder().community(COMMUNITY)
                        .purpose(offer ? Purpose.OFFER : Purpose.REQUEST).title(text.title())
                        .description(text.description()).language(language).categories(category.uri())
                        .audience(Audience.PUBLIC).endsAt(clock.instant().plus(Duration.ofDays(30))).build());
                proposals.add(new LocalProposal(p.getUri(), author.getUri()));
            }
            Seeder.insertActors(database.dataSource(), all.stream().map(Sender::actor).toList());
            Seeder.followAll(database.dataSource(), "m", community.getId());
            Seeder.followAll(database.dataSource(), "w", community.getId());
            List<String> followed = new ArrayList<>(weft.stream().map(s -> s.actor().uri()).toList());
            for (int i = 0; i < mastodon.size(); i += 3) {
                followed.add(mastodon.get(i).actor().uri());
            }
            Seeder.followedBy(database.dataSource(), members.getFirst().getId(), members.getFirst().getUri(), followed);
            return new SoakScene(baseUrl, community.getUri(), members.stream().map(ActorEntity::getUri).toList(),
                    List.copyOf(proposals), mastodon, weft, categories);
        }
    }

    /** Starts the mock instances the remote actors live on: they take deliveries (202) and answer GETs with 404. */
    static MockHosts startHosts() {
        return MockHosts.start(HOSTS, h -> HostBehaviour.ANSWER, Duration.ZERO);
    }

    String baseUrl() {
        return baseUrl;
    }

    String communityUri() {
        return communityUri;
    }

    List<String> memberUris() {
        return memberUris;
    }

    List<LocalProposal> proposals() {
        return proposals;
    }

    List<Sender> mastodon() {
        return mastodon;
    }

    List<Sender> weft() {
        return weft;
    }

    List<Category> categories() {
        return categories;
    }

    /** The taxonomy's narrower concepts (not the top level, not "other"): what people offer and ask for. */
    static List<Category> categories(Taxonomy taxonomy) {
        return taxonomy.all().stream()
                .filter(c -> !c.isTopLevel() && !c.id().equals(Taxonomy.OTHER_ID))
                .map(c -> new Category(c.uri(), c.hashtag(), labels(taxonomy, c))).toList();
    }

    private static Map<String, String> labels(Taxonomy taxonomy, Concept concept) {
        Map<String, String> labels = new java.util.HashMap<>();
        for (String language : PostTexts.LANGUAGES) {
            labels.put(language, taxonomy.label(concept, language));
        }
        return Map.copyOf(labels);
    }

    /** The seeded proposals count as already published: nothing is sent for them. */
    private static final ProposalPublisher SILENT = new ProposalPublisher() {
        @Override
        public void published(Session session, ProposalEntity proposal) {
        }

        @Override
        public void updated(Session session, ProposalEntity proposal) {
        }

        @Override
        public void deleted(Session session, ProposalEntity proposal) {
        }
    };
}
