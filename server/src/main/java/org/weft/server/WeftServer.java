package org.weft.server;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;
import org.weft.activitypub.client.ActivityPubClient;
import org.weft.activitypub.client.AddressGuard;
import org.weft.activitypub.client.KeyDocumentResolver;
import org.weft.activitypub.delivery.InboxPoster;
import org.weft.activitypub.delivery.OutcomeClassifier;
import org.weft.activitypub.delivery.RetryPolicy;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.activitypub.signature.AnySchemeVerifier;
import org.weft.activitypub.signature.ExpectedHost;
import org.weft.activitypub.signature.RequestVerifier;
import org.weft.activitypub.signature.Rfc9421Verifier;
import org.weft.activitypub.signature.SeenSignatures;
import org.weft.activitypub.signature.SignatureVerifier;
import org.weft.server.api.ApiRoutes;
import org.weft.server.config.WeftConfig;
import org.weft.server.config.WeftVersion;
import org.weft.server.domain.account.ApiTokens;
import org.weft.server.domain.actor.LocalActorService;
import org.weft.server.model.LocalUrls;
import org.weft.server.federation.ActorEndpoint;
import org.weft.server.domain.actor.ActorDeletes;
import org.weft.server.domain.actor.ActorRenderer;
import org.weft.server.domain.actor.ActorUpdates;
import org.weft.server.domain.actor.CommunityTexts;
import org.weft.server.federation.CollectionsEndpoint;
import org.weft.server.domain.follow.FollowService;
import org.weft.server.domain.follow.Followers;
import org.weft.server.federation.InboxEndpoint;
import org.weft.server.federation.LocalActorDocuments;
import org.weft.server.domain.actor.LocalSigners;
import org.weft.server.federation.NodeInfoEndpoint;
import org.weft.server.federation.OutsideTransactions;
import org.weft.server.queue.Outbox;
import org.weft.server.federation.SignedDelivery;
import org.weft.server.federation.TaxonomyEndpoint;
import org.weft.server.federation.WebFingerEndpoint;
import org.weft.server.federation.quota.InboxQuotas;
import org.weft.server.federation.BlockedAddressCheck;
import org.weft.server.federation.FetchAuthorizer;
import org.weft.server.http.ForegroundFilter;
import org.weft.server.http.Gzip;
import org.weft.server.opendata.FeedEndpoint;
import org.weft.server.opendata.OpenDataEndpoint;
import org.weft.server.opendata.OpenDataRoutes;
import org.weft.server.federation.PollEndpoint;
import org.weft.server.federation.ProposalEndpoint;
import org.weft.server.federation.inbound.ActivityRouter;
import org.weft.server.federation.inbound.AnnounceHandler;
import org.weft.server.federation.inbound.CreateHandler;
import org.weft.server.federation.inbound.LikeHandler;
import org.weft.server.federation.inbound.FlagHandler;
import org.weft.server.federation.inbound.OfferHandler;
import org.weft.server.federation.inbound.DeleteHandler;
import org.weft.server.federation.inbound.FollowAnswerHandler;
import org.weft.server.federation.inbound.LinkBackfill;
import org.weft.server.federation.inbound.FollowHandler;
import org.weft.server.queue.InboundWorker;
import org.weft.server.federation.inbound.QuestionHandler;
import org.weft.server.federation.inbound.UndoHandler;
import org.weft.server.federation.inbound.UpdateHandler;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.actor.StoredKeyResolver;
import org.weft.server.domain.actor.WebFingerLookup;
import org.weft.server.domain.actor.StoredSchemeMemory;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.BackgroundTasks;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.persistence.ChangeKind;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.Database;
import org.weft.server.domain.matching.FediverseAccounts;
import org.weft.server.domain.follow.LinkAllowList;
import org.weft.server.domain.follow.LinkService;
import org.weft.server.domain.matching.Matcher;
import org.weft.server.domain.matching.Matching;
import org.weft.server.domain.matching.MemberMatches;
import org.weft.server.domain.matching.ReasonText;
import org.weft.server.domain.post.IncomingEdits;
import org.weft.server.domain.post.IncomingPosts;
import org.weft.server.domain.response.AgreementService;
import org.weft.server.domain.overview.NeedsOverview;
import org.weft.server.domain.overview.RecentOverviews;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.domain.proposal.BoardLimit;
import org.weft.server.domain.proposal.BoardSearch;
import org.weft.server.domain.proposal.OpenProposals;
import org.weft.server.domain.proposal.CommunityBoosts;
import org.weft.server.domain.proposal.HeldReadings;
import org.weft.server.domain.response.DirectMessages;
import org.weft.server.domain.moderation.ModerationDecisions;
import org.weft.server.domain.moderation.WaitingPosts;
import org.weft.server.domain.moderation.WaitingPostsTurnDown;
import org.weft.server.domain.moderation.AccountBlocks;
import org.weft.server.domain.moderation.CommunityServerBlocks;
import org.weft.server.domain.moderation.DomainBlocks;
import org.weft.server.domain.moderation.ModerationLog;
import org.weft.server.domain.decision.DecisionOutcomes;
import org.weft.server.domain.decision.DecisionService;
import org.weft.server.domain.poll.PollFederation;
import org.weft.server.domain.poll.PollService;
import org.weft.server.domain.poll.PollTimer;
import org.weft.server.domain.poll.PollWire;
import org.weft.server.domain.poll.RemotePollVoting;
import org.weft.server.domain.poll.RemotePolls;
import org.weft.server.domain.poll.RemoteVotes;
import org.weft.server.domain.moderation.Reports;
import org.weft.server.domain.moderation.ModerationQueue;
import org.weft.server.domain.moderation.ModerationService;
import org.weft.server.domain.moderation.CommunityFollowers;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.domain.notification.NotificationService;
import org.weft.server.domain.proposal.HeldCopies;
import org.weft.server.domain.proposal.ProposalContent;
import org.weft.server.domain.proposal.ProposalEvents;
import org.weft.server.domain.proposal.ProposalFederation;
import org.weft.server.domain.proposal.ProposalListener;
import org.weft.server.domain.proposal.ProposalPublisher;
import org.weft.server.domain.proposal.ProposalReferences;
import org.weft.server.domain.proposal.ProposalRules;
import org.weft.server.domain.proposal.ProposalService;
import org.weft.server.domain.proposal.ProposalTermsBackfill;
import org.weft.server.domain.proposal.ProposalWire;
import org.weft.server.domain.proposal.RemoteProposals;
import org.weft.server.domain.proposal.StaleCopies;
import org.weft.server.domain.proposal.Thanks;
import org.weft.server.domain.response.ActorDeparture;
import org.weft.server.domain.response.DepartedResponder;
import org.weft.server.domain.response.TakenBackAnswers;
import org.weft.server.domain.response.CalledOffNotices;
import org.weft.server.domain.response.ConversationService;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.domain.response.ReopenedNotices;
import org.weft.server.domain.response.TermsChangedNotices;
import org.weft.server.domain.classify.TextClassifier;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.queue.ForegroundRequests;
import org.weft.server.queue.DeliveryWorker;
import org.weft.server.queue.HostGate;
import org.weft.server.queue.InboundStore;
import org.weft.server.queue.InboxWriter;
import org.weft.server.domain.retention.Pruner;
import org.weft.server.domain.retention.StorageReport;
import org.weft.server.domain.account.AccountEnd;
import org.weft.server.domain.account.AccountService;
import org.weft.server.domain.account.Invites;
import org.weft.server.ui.auth.LoginDevices;
import org.weft.server.ui.auth.LoginGuard;
import org.weft.server.ui.auth.LoginRateLimiter;
import org.weft.server.ui.auth.SignInsSharedByFeed;
import org.weft.server.ui.auth.SessionCookies;
import org.weft.server.ui.auth.SessionStore;
import org.weft.server.domain.account.SignupMode;
import org.weft.server.ui.auth.Visitors;
import org.weft.server.config.IpAddresses;
import org.weft.server.http.ResponseHeaders;
import org.weft.server.http.SameOrigin;
import org.weft.server.http.Wants;
import org.weft.server.config.TrustedProxies;
import org.weft.server.ui.AccountPages;
import org.weft.server.ui.BoardPage;
import org.weft.server.ui.OverviewPage;
import org.weft.server.ui.PrintBoardPage;
import org.weft.server.ui.TagPage;
import org.weft.server.ui.HomePage;
import org.weft.server.ui.StoragePage;
import org.weft.server.ui.ConversationPages;
import org.weft.server.ui.MemberPages;
import org.weft.server.ui.NotificationsPage;
import org.weft.server.ui.OperatorCommunities;
import org.weft.server.ui.OperatorMembers;
import org.weft.server.ui.OperatorPage;
import org.weft.server.ui.Pages;
import org.weft.server.ui.ProposalActions;
import org.weft.server.ui.ProposalFormPage;
import org.weft.server.ui.ProposalLookup;
import org.weft.server.ui.MatchesPage;
import org.weft.server.ui.UiRoutes;
import org.weft.server.ui.WaitingPostsPage;
import org.weft.server.ui.FollowersPage;
import org.weft.server.ui.ModerationLogPage;
import org.weft.server.ui.PollPages;
import org.weft.server.ui.RemotePollPages;
import org.weft.server.ui.RemoteProposalPage;
import org.weft.server.ui.DecisionsPage;
import org.weft.server.ui.ModerationPage;
import org.weft.server.ui.MemberBlockPage;
import org.weft.server.ui.ReportPages;
import org.weft.server.ui.CommunityServerBlockPage;
import org.weft.server.ui.AudienceReach;
import org.weft.server.ui.ProfilePage;
import org.weft.server.ui.ProposalPage;
import org.weft.server.ui.ErrorPages;
import org.weft.server.ui.Favicon;
import org.weft.server.ui.auth.FormSubmissions;
import org.weft.server.domain.DomainException;
import org.weft.server.ui.RemoteFollowPage;
import org.weft.server.ui.Templates;

/**
 * One running Weft instance: database, workers and web server, wired together. Tests start several
 * in one JVM, each with its own configuration and database.
 */
public final class WeftServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WeftServer.class.getName());

    private final WeftConfig config;
    private final Database db;
    private final LocalUrls urls;
    private final LocalActorService localActors;
    private final LocalActorDocuments actorDocuments;
    private final FollowService follows;
    private final Outbox outbox;
    private final Proposals proposals;
    private final Matching matching;
    private final Moderators moderators;
    private final Followers followers;
    private final ScheduledExecutorService scheduler;
    private final ProposalTermsBackfill.Running searchTerms;
    private final DeliveryWorker deliveryWorker;
    private final InboundWorker inboundWorker;
    private final InboxWriter inboxWriter;
    private final LinkBackfill backfill;
    private final Pruner pruner;
    private final ModerationDecisions decisions;
    private final ActivityPubClient client;
    private final OutsideTransactions outsideTransactions;
    private final WebServer webServer;
    private final Safety safety;
    private final Cluster cluster;
    /** The lease name of proposal expiry (tests run it by hand). */
    static final String PROPOSAL_EXPIRY = "proposal-expiry";
    /** The lease name of the polls' timer (closing at the end time, coalesced Updates). */
    static final String POLL_TIMER = "polls";

    /** What keeps this node in step with the others sharing the database. */
    record Cluster(ChangeFeedTailer changes, ClusterJobs jobs, NodeHeartbeat heartbeat, HostGate hostGate) {
    }

    private WeftServer(WeftConfig config, Database db, LocalUrls urls, LocalActorService localActors,
                       LocalActorDocuments actorDocuments, FollowService follows, Outbox outbox, Proposals proposals,
                       Matching matching, Moderators moderators, Followers followers,
                       DeliveryWorker deliveryWorker, InboundWorker inboundWorker, InboxWriter inboxWriter,
                       LinkBackfill backfill, Pruner pruner, ModerationDecisions decisions,
                       ActivityPubClient client, OutsideTransactions outsideTransactions, WebServer webServer,
                       ScheduledExecutorService scheduler, ProposalTermsBackfill.Running searchTerms, Safety safety,
                       Cluster cluster) {
        this.safety = safety;
        this.cluster = cluster;
        this.config = config;
        this.db = db;
        this.urls = urls;
        this.localActors = localActors;
        this.actorDocuments = actorDocuments;
        this.follows = follows;
        this.outbox = outbox;
        this.proposals = proposals;
        this.matching = matching;
        this.moderators = moderators;
        this.followers = followers;
        this.scheduler = scheduler;
        this.searchTerms = searchTerms;
        this.deliveryWorker = deliveryWorker;
        this.inboundWorker = inboundWorker;
        this.inboxWriter = inboxWriter;
        this.backfill = backfill;
        this.pruner = pruner;
        this.decisions = decisions;
        this.client = client;
        this.outsideTransactions = outsideTransactions;
        this.webServer = webServer;
    }

    public static WeftServer start(WeftConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts with the given clock for everything that reads the time (tests move it forward to see what an hour or a
     * day later looks like: quotas, retention, digests).
     */
    public static WeftServer start(WeftConfig config, Clock clock) {
        long started = System.nanoTime();
        Database db = Database.open(config.database(), config.dataDir());
        long databaseReady = System.nanoTime();
        LocalUrls urls = new LocalUrls(config.baseUrl());
        LocalActorService localActors = new LocalActorService(db, urls, clock);
        ActorEntity instanceActor = localActors.ensureInstanceActor();
        if (config.demo()) {
            DemoData.seed(db, localActors);
        }

        JsonLdCodec codec = new JsonLdCodec(config.inboxMaxBytes(), JsonLdCodec.DEFAULT_MAX_DEPTH);
        LocalSigners signers = new LocalSigners(db);
        BlockedDomains blocked = BlockedDomains.load(db);
        // Suspended servers are refused in the address check, for every outgoing request: nothing is ever sent to them
        // or fetched from them.
        OutsideTransactions outsideTransactions = new OutsideTransactions(db,
                new BlockedAddressCheck(new AddressGuard(config.allowPrivateAddresses()), blocked));
        // Signed GETs and deliveries double-knock (draft-cavage first for GETs, RFC 9421 first for POSTs); the hosts
        // that take only one scheme are remembered in the database, for every node.
        ActivityPubClient client = ActivityPubClient.builder(WeftVersion.userAgent(urls.base()))
                .addressCheck(outsideTransactions)
                .instanceSigner(signers.forActor(instanceActor.getId()))
                .schemeMemory(new StoredSchemeMemory(db, clock))
                .build();
        RemoteActors remoteActors = new RemoteActors(db, client, urls, clock);
        StoredKeyResolver keys = new StoredKeyResolver(db, new KeyDocumentResolver(client), remoteActors, urls);
        RequestVerifier verifier = verifier(config, keys, clock);

        // Deliveries are retried on Mastodon's schedule, for about two days (RetryPolicy's default).
        // Each host's limit is shared among the nodes running on this database (NodeHeartbeat counts them).
        HostGate hostGate = new HostGate(config.deliveryPerHost(), 5, Duration.ofMinutes(1), clock);
        // Requests someone waits on (pages, API reads, actor fetches): both queues step aside while they are served.
        ForegroundRequests foreground = new ForegroundRequests();
        DeliveryWorker deliveryWorker = new DeliveryWorker(db, new DeliveryQueue(db),
                new SignedDelivery(new InboxPoster(client, new OutcomeClassifier()), signers),
                hostGate,
                new RetryPolicy(), clock, config.deliveryWorkers(), foreground);
        Outbox outbox = new Outbox(urls, codec, clock, deliveryWorker::poke);
        Moderators moderators = new Moderators(db, clock);
        Followers followers = new Followers(db, outbox, new ActorUpdates(outbox, new ActorRenderer(urls)), clock);
        WebFingerLookup webFinger = new WebFingerLookup(client, config.allowPrivateAddresses());

        long federationReady = System.nanoTime();
        Taxonomy taxonomy = Taxonomy.load();
        ProposalContent content = new ProposalContent(taxonomy, urls);
        ProposalWire wire = new ProposalWire(content, urls);
        ProposalFederation proposalFederation = new ProposalFederation(wire, outbox, urls);
        DirectMessages direct = new DirectMessages(outbox, urls, clock);
        Matcher matcher = Matcher.create(db, taxonomy, direct, clock, blocked);
        matcher.rebuild();
        Safety safety = Safety.create(db, blocked, remoteActors, outbox, proposalFederation, matcher, urls, clock);
        // Copies from other servers held through links: when a follow from here ends, those it alone held are detached.
        HeldCopies copies = new HeldCopies(clock, matcher);
        FollowService follows = new FollowService(db, outbox, remoteActors, webFinger, clock, copies::followEnded);
        // Whoever was promised a proposal is told when its author calls it off, here or on the server that holds it.
        CalledOffNotices calledOff = new CalledOffNotices(direct, clock);
        // And when its author changes what was promised to them (an edit here, or an Update of the copy kept here).
        TermsChangedNotices termsChanged = new TermsChangedNotices(clock);
        // And when its author opens it again, to look for more or other people.
        ReopenedNotices reopened = new ReopenedNotices(direct, clock);
        ProposalService proposals = new ProposalService(db, urls, new ProposalRules(taxonomy),
                ProposalEvents.notifying(proposalFederation, matcher), calledOff, termsChanged, reopened, clock);
        AgreementService agreements = new AgreementService(db, outbox, urls, clock);
        ConversationService conversations = new ConversationService(db, direct, urls, clock);
        // A responder takes their answer back: here, by an Undo of their Offer, or by deleting their reply.
        TakenBackAnswers takenBack = new TakenBackAnswers(db, proposals, outbox, clock);
        ResponseService responses = new ResponseService(db, proposals, agreements, conversations, takenBack, urls,
                clock);
        // Someone leaves, here or elsewhere: the authors here who had promised them something are told, and reopen it.
        DepartedResponder departedResponders = new DepartedResponder(proposals, clock);
        ActorDeletes actorDeletes = new ActorDeletes(outbox);
        AccountEnd accountEnd = (s, member) -> {
            departedResponders.left(s, member);
            actorDeletes.deleted(s, member);
        };
        AreaService areas = new AreaService(db);
        Matching matching = new Matching(matcher,
                new LinkService(db, follows, new LinkAllowList(config.linkAllow())), new MemberMatches(db, clock),
                new FediverseAccounts(db, remoteActors, webFinger, clock),
                new ReasonText(taxonomy));
        CommunityBoosts boosts = new CommunityBoosts(outbox, urls);
        TextClassifier classifier = new TextClassifier(taxonomy);
        BoardSearch boardSearch = new BoardSearch(taxonomy, classifier);
        RemoteProposals remoteProposals = new RemoteProposals(taxonomy, classifier, clock, matcher, blocked,
                calledOff, termsChanged, reopened);
        IncomingPosts posts = new IncomingPosts(db, remoteActors, remoteProposals, responses, client, boosts, urls,
                new BoardLimit(config.moderationPostsPerHour()), clock, copies);
        if (config.demo()) {
            DemoData.seedProposals(db, areas, proposals);
        }

        LinkBackfill backfill = new LinkBackfill(client, posts::announced, posts::detachedThrough);
        Thanks thanks = new Thanks(db, clock);
        RemotePolls remotePolls = new RemotePolls(db, clock);
        // A decision's outcome is settled in the transaction that closes its poll (domain.poll knows only the interface).
        PollService polls = new PollService(db, urls, new PollFederation(new PollWire(urls), outbox), safety.log(), clock,
                new DecisionOutcomes(safety.log()));
        DecisionService communityDecisions = new DecisionService(db, polls, safety.log(), clock);
        LikeHandler likes = new LikeHandler(thanks, remoteActors);
        ActivityRouter router = new ActivityRouter(Map.ofEntries(
                Map.entry("Follow", new FollowHandler(follows)),
                Map.entry("Undo", new UndoHandler(follows, thanks, takenBack)),
                Map.entry("Accept", new FollowAnswerHandler(follows, agreements, backfill, true)),
                Map.entry("Reject", new FollowAnswerHandler(follows, agreements, backfill, false)),
                Map.entry("Offer", new OfferHandler(agreements, remoteActors)),
                Map.entry("Create", new QuestionHandler(remotePolls, new CreateHandler(posts, new RemoteVotes(db, clock)))),
                Map.entry("Announce", new AnnounceHandler(posts)),
                Map.entry("Delete", new QuestionHandler(remotePolls,
                        new DeleteHandler(posts,
                                new ActorDeparture(db, remoteProposals, copies, departedResponders, clock), keys::forget))),
                Map.entry("Update", new QuestionHandler(remotePolls, new UpdateHandler(remoteActors,
                        new IncomingEdits(db, remoteActors, remoteProposals, responses, clock)))),
                Map.entry("Like", likes),
                Map.entry("EmojiReact", likes),
                Map.entry("Flag", new FlagHandler(safety.reports()))), blocked);
        InboundStore inboundStore = new InboundStore(db);
        // Eight attempts, 4 s, 8 s, ... 256 s apart (about eight and a half minutes): a sender's server may be briefly
        // unreachable, no more; and what fails here because of something passing (a lock another activity held, a
        // fetch that timed out on a busy machine) is tried again while the person who sent it is still looking.
        InboundWorker inboundWorker = new InboundWorker(db, inboundStore, router, codec,
                RetryPolicy.doubling(Duration.ofSeconds(4), 8), clock, 8, foreground);

        Templates templates = new Templates();
        SessionStore sessions = new SessionStore(db, clock);
        FormSubmissions submissions = new FormSubmissions(db, clock);
        NotificationService notifications = new NotificationService(db, clock);
        Pages pages = new Pages(templates,
                new Visitors(sessions, new SessionCookies("https".equals(config.baseUrl().getScheme()))),
                new SameOrigin(config.baseUrl()), notifications, submissions, db);
        ErrorPages errors = new ErrorPages(pages);
        ActorRenderer renderer = new ActorRenderer(urls);
        LocalActorDocuments actorDocuments = new LocalActorDocuments(db, renderer);
        CommunityTexts communityTexts = new CommunityTexts(db, new ActorUpdates(outbox, renderer), clock);
        ProfilePage profilePage = new ProfilePage(db, urls, pages, matching.links(), communityTexts);
        ActorEndpoint actors = new ActorEndpoint(actorDocuments);
        NodeInfoEndpoint nodeInfo = new NodeInfoEndpoint(db, urls, WeftVersion.VERSION, config.signup().equals("open"));
        CollectionsEndpoint collections = new CollectionsEndpoint(db, wire);
        InboxWriter inboxWriter = new InboxWriter(db.dataSource(), inboundWorker::poke);
        inboxWriter.start();
        // Rows older than V54, or analysed by an older version.
        ProposalTermsBackfill.Running searchTerms = ProposalTermsBackfill.startInBackground(db);
        InboxEndpoint inbox = new InboxEndpoint(verifier, codec, inboxWriter, new InboxQuotas(config.inboxLimits(), clock),
                config.inboxMaxBytes(), clock, blocked);
        HomePage home = new HomePage(db, profilePage, pages, urls);
        RemoteFollowPage remoteFollow = new RemoteFollowPage(db, urls, webFinger, pages);
        ProposalEndpoint proposalEndpoint = new ProposalEndpoint(db, wire, new FetchAuthorizer(verifier, db));
        ProposalPage proposalPage = new ProposalPage(pages, db, taxonomy, urls, new AudienceReach(db), conversations,
                notifications);
        TaxonomyEndpoint taxonomyDocument = new TaxonomyEndpoint(taxonomy, urls);
        ApiRoutes api = new ApiRoutes(db, proposals, responses, conversations, areas, notifications, taxonomy,
                new ApiTokens(db, clock), matching, urls, boardSearch, polls, communityDecisions, takenBack);
        // Sign-in limits hold for the instance: each node tells the others what it counted (see the tailer below).
        LoginRateLimiter signIns = new LoginRateLimiter(LoginRateLimiter.Limits.DEFAULT, clock,
                new SignInsSharedByFeed(db, clock));
        ModerationService moderation = new ModerationService(db, boosts, matcher, clock);
        WaitingPostsPage waitingPosts = new WaitingPostsPage(pages, db, moderators,
                new ModerationQueue(moderation, new HeldReadings(taxonomy)), new WaitingPosts(db,
                new HeldReadings(taxonomy), new WaitingPostsTurnDown(safety.log()), clock), safety.accounts(), safety.servers(), taxonomy);
        UiRoutes ui = uiRoutes(config, db, urls, localActors, proposals, responses, areas, taxonomy, pages, sessions,
                profilePage, matching, communityTexts, submissions, moderators, followers, clock,
                new ConversationPages(pages, conversations, notifications, takenBack),
                new NotificationsPage(pages, notifications), boardSearch,
                signIns, waitingPosts, proposalPage, accountEnd);

        ReportPages reportPages = new ReportPages(pages, db, safety.reports());
        RemoteProposalPage remoteProposalPage = new RemoteProposalPage(pages, db, taxonomy, agreements);
        RemotePollPages remotePollPages = new RemotePollPages(pages, remotePolls,
                new RemotePollVoting(db, outbox, clock));
        PollPages pollPages = new PollPages(pages, polls, urls, clock, remotePollPages);
        PollEndpoint pollEndpoint = new PollEndpoint(polls, urls);
        DecisionsPage decisionsPage = new DecisionsPage(pages, communityDecisions, polls, clock);
        MemberBlockPage memberBlocks = new MemberBlockPage(pages, db, safety.accounts());
        CommunityServerBlockPage serverBlocks = new CommunityServerBlockPage(pages, safety.servers());
        ResponseHeaders headers = new ResponseHeaders(clock);
        Favicon favicon = new Favicon();
        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(headers)
                .addFilter(new ForegroundFilter(foreground))
                .register("/.well-known", new WebFingerEndpoint(actorDocuments, urls))
                .register(nodeInfo)
                .register(ApiRoutes.PREFIX, api)
                .register("/static", StaticContentService.builder("static").build())
                .get("/health", (req, res) -> res.send("{\"status\":\"UP\"}"))
                .get("/favicon.svg", favicon::svg)
                .get("/favicon.ico", favicon::ico)
                .get("/", home::render)
                .get("/authorize_follow", remoteFollow::authorize)
                .get("/actor", actors::instance)
                .post("/actor/inbox", inbox::post)
                .get("/actor/outbox", collections::instanceOutbox)
                .post("/inbox", inbox::post)
                // One URL for people and servers: the page for browsers, the actor document for ActivityPub clients.
                .get("/users/{name}", Wants.pageOr(profilePage::member, actors::member))
                .get("/groups/{name}", Wants.pageOr(profilePage::group, actors::group))
                .post("/users/{name}/inbox", inbox::post)
                .post("/groups/{name}/inbox", inbox::post)
                .get("/groups/{name}/polls", pollPages::list)
                .post("/groups/{name}/polls", pollPages::open)
                .post("/groups/{name}/polls/setting", pollPages::setting)
                .get("/polls/{id}", Wants.pageOr(pollPages::show, pollEndpoint::question))
                .post("/polls/{id}/vote", pollPages::vote)
                .post("/polls/{id}/close", pollPages::close)
                .get("/remote-proposals/{id}", remoteProposalPage::show)
                .post("/remote-proposals/{id}/respond", remoteProposalPage::respond)
                .get("/remote-polls/{id}", remotePollPages::show)
                .post("/remote-polls/{id}/vote", remotePollPages::vote)
                .get("/groups/{name}/decisions", decisionsPage::list)
                .post("/groups/{name}/decisions", decisionsPage::open)
                .post("/groups/{name}/decisions/majority", decisionsPage::majority)
                .get("/users/{name}/{collection}", (req, res) -> collections.serve(req, res, ActorKind.PERSON))
                .get("/groups/{name}/{collection}", (req, res) -> collections.serve(req, res, ActorKind.GROUP))
                .post("/report", reportPages::report)
                .get("/report/sent", reportPages::sent)
                .post("/block", memberBlocks::block)
                .get("/block/done", memberBlocks::done)
                .get("/account/blocks", memberBlocks::list)
                .post("/account/blocks/remove", memberBlocks::unblock)
                .get("/moderate/reports", reportPages::queue)
                .post("/moderate/reports/{id}", reportPages::act)
                .post("/moderate/hidden-posts/show", reportPages::showAgain)
                .post("/moderate/{name}/posts/block-server", serverBlocks::block)
                .post("/moderate/{name}/posts/unblock-server", serverBlocks::unblock)
                .get("/moderation-log/{name}", new ModerationLogPage(pages, db, safety.log(),
                        config.moderationLogNames())::render)
                .get("/proposals/{id}", Wants.pageOr(proposalPage::show, proposalEndpoint::proposal))
                .get("/proposals/{id}/replies", proposalEndpoint::replies)
                .get("/taxonomy/v1", taxonomyDocument::serve);

        OpenProposals openProposals = new OpenProposals(db);
        ApiTokens dataTokens = new ApiTokens(db, clock);
        new OpenDataRoutes(new OpenDataEndpoint(openProposals, taxonomy, areas, dataTokens, db),
                new FeedEndpoint(openProposals, taxonomy, areas, urls, dataTokens, db)).register(routing);
        ui.register(routing);
        // Last: what nothing else answered is a 404 page (or JSON), and a failure a 500 page, never Helidon's plain text.
        routing.any(errors::notFound)
                .error(DomainException.class, errors::refused)
                .error(Throwable.class, errors::fault);

        long servicesReady = System.nanoTime();
        WebServer webServer = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .directHandlers(headers.directHandlers())
                .contentEncoding(Gzip.context())
                // Helidon leaves Nagle's algorithm on: a page written in more than one piece then waits for the
                // client's delayed acknowledgement (40 ms on Linux) before its last piece leaves.
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing)
                .build()
                .start();
        inboundWorker.start();
        deliveryWorker.start();
        // Other nodes' changes (and this node's own) reach what is kept in memory within a fifth of a second.
        ChangeFeedTailer changes = new ChangeFeedTailer(db)
                .on(ChangeKind.ACTOR, actorDocuments::invalidate)
                .on(ChangeKind.ACTOR, uri -> {
                    if (urls.isLocal(uri)) {
                        nodeInfo.invalidate();
                    }
                })
                .on(ChangeKind.ACTOR, remoteActors::forget)
                .on(ChangeKind.ACTOR, keys::forget)
                // This node's own proposal changes reached its matcher at commit; applying them again costs a transaction each.
                .onOthers(ChangeKind.PROPOSAL, id -> matcher.changedElsewhere(Long.parseLong(id)))
                .on(ChangeKind.DOMAIN_BLOCK, domain -> blocked.reload())
                .onOthers(ChangeKind.LOGIN_FAILED, line -> LoginRateLimiter.Keys.parse(line).ifPresent(signIns::failedElsewhere))
                .onOthers(ChangeKind.LOGIN_OK, line -> LoginRateLimiter.Keys.parse(line).ifPresent(signIns::succeededElsewhere));
        changes.start(ChangeFeedTailer.DEFAULT_EVERY);
        NodeHeartbeat heartbeat = new NodeHeartbeat(db, clock, hostGate::shareWith);
        heartbeat.start();
        // Jobs that write run on one node at a time (a lease each); those that keep this node's memory in step run on
        // every node (the matcher's index drops expired proposals; decisions and blocks reach this node's matcher).
        ClusterJobs jobs = new ClusterJobs(db, clock);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("weft-expiry").daemon().factory());
        scheduler.scheduleWithFixedDelay(jobs.once(PROPOSAL_EXPIRY, Duration.ofSeconds(60), () -> expire(proposals)),
                5, 60, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(matcher::expireDue, 60, 60, TimeUnit.SECONDS);
        StaleCopies staleCopies = new StaleCopies(db, clock, matcher);
        scheduler.scheduleWithFixedDelay(jobs.once("stale-copies", Duration.ofSeconds(600),
                () -> expireSilent(staleCopies)), 60, 600, TimeUnit.SECONDS);
        // Polls become final at their end time, and coalesced Updates of their counts go out, once across the nodes.
        scheduler.scheduleWithFixedDelay(jobs.once(POLL_TIMER, Duration.ofSeconds(30), new PollTimer(polls)),
                1, 1, TimeUnit.SECONDS);
        ModerationDecisions decisions = new ModerationDecisions(db, matcher);
        scheduler.scheduleWithFixedDelay(() -> hearDecisions(decisions), 30, 30, TimeUnit.SECONDS);
        // Blocks reach every node through the change feed at once; this reload is the safety net.
        scheduler.scheduleWithFixedDelay(blocked::reload, 30, 30, TimeUnit.SECONDS);
        // A server that falls quiet gives back the heap its last busy spell grew (the serial collector shrinks only then).
        scheduler.scheduleWithFixedDelay(IdleMemory.forThisProcess()::check, IdleMemory.EVERY.toSeconds(),
                IdleMemory.EVERY.toSeconds(), TimeUnit.SECONDS);
        Pruner pruner = Pruner.standard(db, config.retention(), clock);
        Duration pruneEvery = Duration.ofMinutes(config.retention().everyMinutes());
        pruner.start(pruneEvery, () -> jobs.ourTurn("retention", pruneEvery.multipliedBy(2).plusMinutes(1)));
        long ready = System.nanoTime();
        LOG.info(() -> String.format("Weft %s ready at %s (node %s, listening on %s:%d, %s database) in %d ms"
                        + " (database %d ms, keys and federation %d ms, proposals and matching %d ms, web server %d ms)",
                WeftVersion.VERSION, urls.base(), db.nodeId(), config.host(), webServer.port(), db.isEmbedded() ? "embedded H2" : "MariaDB",
                (ready - started) / 1_000_000, (databaseReady - started) / 1_000_000,
                (federationReady - databaseReady) / 1_000_000, (servicesReady - federationReady) / 1_000_000,
                (ready - servicesReady) / 1_000_000));
        // Built once the server is ready rather than beside its start-up, which it slowed by competing for two cores;
        // a post that needs it before then waits for it, as it always did.
        classifier.startLoading();
        return new WeftServer(config, db, urls, localActors, actorDocuments, follows, outbox,
                new Proposals(proposals, responses, agreements, areas,
                moderation, taxonomy, conversations),
                matching, moderators, followers, deliveryWorker, inboundWorker, inboxWriter, backfill, pruner, decisions,
                client, outsideTransactions, webServer, scheduler, searchTerms, safety,
                new Cluster(changes, jobs, heartbeat, hostGate));
    }

    /**
     * Verifies signed requests in both schemes (RFC 9421 when {@code Signature-Input} is present, else draft-cavage),
     * with one key resolver, one expected host and one seen-signature memory, so a signature is accepted once
     * whichever scheme carries it.
     */
    private static RequestVerifier verifier(WeftConfig config, StoredKeyResolver keys, Clock clock) {
        ExpectedHost host = ExpectedHost.of(config.baseUrl());
        SeenSignatures seen = new SeenSignatures();
        return new AnySchemeVerifier(new SignatureVerifier(keys, clock, host, seen)::verify,
                new Rfc9421Verifier(keys, clock, host, seen));
    }

    /** The member and operator pages and what they need. */
    private static UiRoutes uiRoutes(WeftConfig config, Database db, LocalUrls urls, LocalActorService localActors,
                                     ProposalService proposals, ResponseService responses, AreaService areas, Taxonomy taxonomy,
                                     Pages pages, SessionStore sessions, ProfilePage profilePage, Matching matching,
                                     CommunityTexts communityTexts, FormSubmissions submissions, Moderators moderators,
                                     Followers followers, Clock clock, ConversationPages conversations,
                                     NotificationsPage notifications, BoardSearch boardSearch,
                                     LoginRateLimiter signIns, WaitingPostsPage waitingPosts, ProposalPage proposalPage,
                                     AccountEnd accountEnd) {
        SignupMode signup = SignupMode.parse(config.signup());
        AccountService accounts = new AccountService(db, localActors, proposals, accountEnd, clock);
        ProposalLookup lookup = new ProposalLookup(urls);
        BoardPage board = new BoardPage(pages, db, taxonomy, areas, urls, boardSearch,
                new ProposalReferences(db, urls));
        return new UiRoutes(
                new AccountPages(pages, accounts, sessions, new LoginGuard(signIns, new LoginDevices(db, clock),
                        trustedProxies(config)), signup, urls, matching.accounts()),
                board, new TagPage(pages, db, taxonomy),
                new ProposalFormPage(pages, db, proposals, taxonomy, board, lookup, new AudienceReach(db), clock),
                new ProposalActions(pages, db, proposals, responses, lookup, proposalPage),
                new MemberPages(pages, db, taxonomy),
                new OperatorPage(pages, db, areas, signup, clock),
                new OperatorCommunities(pages, db, profilePage, localActors, matching.links(), communityTexts),
                new OperatorMembers(pages, db, new Invites(db, clock), accounts, signup, urls, submissions),
                new MatchesPage(pages, matching.matches(), matching.words(), taxonomy, areas),
                new FollowersPage(pages, followers, new CommunityFollowers(db, followers), moderators, new AudienceReach(db)),
                new ModerationPage(pages, db, moderators, new AudienceReach(db), urls), waitingPosts, conversations,
                notifications,
                new StoragePage(pages, new StorageReport(db, clock)),
                new OverviewPage(pages, new RecentOverviews(new NeedsOverview(db, taxonomy, clock,
                        config.overviewThreshold())), taxonomy, areas),
                new PrintBoardPage(pages, new OpenProposals(db), taxonomy, areas, urls, clock));
    }

    /** Moderators' decisions taken from the command line reach the matcher; a failure is tried again next time. */
    private static void hearDecisions(ModerationDecisions decisions) {
        try {
            decisions.poll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading moderators' decisions failed", e);
        }
    }

    /**
     * The proxies whose X-Forwarded-For is believed. Listening on loopback without any usually means a proxy on the
     * same machine that is not listed: every client then has its address, which the sign-in limit counts.
     */
    private static TrustedProxies trustedProxies(WeftConfig config) {
        boolean loopback = config.host().equals("localhost")
                || IpAddresses.parse(config.host()).map(InetAddress::isLoopbackAddress).orElse(false);
        if (loopback && config.trustedProxies().isEmpty()) {
            LOG.warning(() -> "Listening on " + config.host() + " with no WEFT_TRUSTED_PROXIES: if a reverse proxy forwards"
                    + " to Weft, every client seems to come from it, and the sign-in limit per address counts them as one"
                    + " (docs/operating.md, Sign-in limits)");
        }
        return TrustedProxies.parse(config.trustedProxies());
    }

    /** Expiry runs on a schedule; a failure is logged and tried again at the next run. */
    private static void expire(ProposalService proposals) {
        try {
            int expired = proposals.expireDue();
            if (expired > 0) {
                LOG.info(() -> expired + " proposal(s) expired");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring proposals failed", e);
        }
    }

    /** Copies of other servers' proposals whose server has been silent too long expire here; a failure waits for the next run. */
    private static void expireSilent(StaleCopies copies) {
        try {
            int expired = copies.expireSilent();
            if (expired > 0) {
                LOG.info(() -> expired + " copy(ies) of proposals from other servers expired after their server fell silent");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring silent copies failed", e);
        }
    }

    /** The offers-and-requests services, grouped for callers (API, CLI, tests). */
    public record Proposals(ProposalService service, ResponseService responses, AgreementService agreements, AreaService areas,
                            ModerationService moderation, Taxonomy taxonomy, ConversationService conversations) {
    }

    public int port() {
        return webServer.port();
    }

    public WeftConfig config() {
        return config;
    }

    public Database db() {
        return db;
    }

    public LocalUrls urls() {
        return urls;
    }

    public LocalActorService localActors() {
        return localActors;
    }

    /** The local actors' documents as served to other servers (kept in memory). */
    public LocalActorDocuments actorDocuments() {
        return actorDocuments;
    }

    public FollowService follows() {
        return follows;
    }

    public Proposals proposals() {
        return proposals;
    }

    public Matching matching() {
        return matching;
    }

    /** Who moderates which community. */
    public Moderators moderators() {
        return moderators;
    }

    /** Local actors' followers, and the decisions on them (approval, rejection, removal). */
    public Followers followers() {
        return followers;
    }

    public Outbox outbox() {
        return outbox;
    }

    public DeliveryWorker deliveryWorker() {
        return deliveryWorker;
    }

    public InboundWorker inboundWorker() {
        return inboundWorker;
    }

    /** HTTP requests made inside a database transaction since start: 0 unless there is a bug (it is logged). */
    public long requestsInsideTransactions() {
        return outsideTransactions.requestsInsideTransactions();
    }

    /** Database transactions opened inside another since start: 0 unless there is a bug (it is logged). */
    public long transactionsInsideTransactions() {
        return db.transactionsInsideTransactions();
    }

    /**
     * Hands the matcher what moderators decided since the last look, also from the command line (runs every 30 s;
     * tests call it). Returns how many decisions it handed on.
     */
    public int hearModerationDecisions() {
        return decisions.poll();
    }

    /** Blocks of servers and accounts, reports and the moderation log (issue 13). */
    public Safety safety() {
        return safety;
    }

    /** The safety services, grouped for callers (CLI, pages, tests). */
    public record Safety(DomainBlocks domains, AccountBlocks accounts, CommunityServerBlocks servers, Reports reports,
                         ModerationLog log) {
        static Safety create(Database db, BlockedDomains blocked, RemoteActors remoteActors, Outbox outbox,
                             ProposalPublisher proposals, ProposalListener matching, LocalUrls urls, Clock clock) {
            ModerationLog log = new ModerationLog(db);
            DomainBlocks domains = new DomainBlocks(db, blocked, urls, clock);
            AccountBlocks accounts = new AccountBlocks(db, remoteActors, outbox, log, clock);
            return new Safety(domains, accounts, new CommunityServerBlocks(db, outbox, log, clock),
                    new Reports(db, accounts, domains, log, outbox, proposals, matching, clock), log);
        }
    }

    /** Removes what is no longer kept (runs on its own schedule; tests call {@link Pruner#runOnce()}). */
    public Pruner pruner() {
        return pruner;
    }

    /** The change feed and job leases of this node (tests). */
    Cluster cluster() {
        return cluster;
    }

    /** Runs proposal expiry now if this node holds its lease (or takes it), as the schedule does; tests call it. */
    boolean expireProposalsIfOurTurn() {
        if (!cluster.jobs().ourTurn(PROPOSAL_EXPIRY, Duration.ofMinutes(3))) {
            return false;
        }
        expire(proposals.service());
        return true;
    }

    /**
     * Stops the server: first what brings work in (requests, then the schedules, the catch-ups and the change feed), then
     * the workers once their running tasks end, then the matcher once what they handed it is stored, and the database
     * last. Each background task is let finish what it is doing, for a bounded time ({@link BackgroundTasks}), never
     * interrupted inside the database and never left running after it closed: a stop leaves no "Database is already
     * closed" in the log.
     */
    @Override
    public void close() {
        webServer.stop();
        // Requests still waiting for the inbox writer get their rows written (or an error), before the pool closes.
        inboxWriter.close();
        BackgroundTasks.stop(scheduler, "The scheduled jobs");
        searchTerms.close();
        cluster.changes().close();
        pruner.close();
        // Stop claiming, then abort outgoing requests, so running tasks end promptly without being interrupted
        // mid-write and know it was a shutdown (a cut-off delivery is handed back, not counted as a failure).
        inboundWorker.stopClaiming();
        deliveryWorker.stopClaiming();
        client.close();
        backfill.close();
        inboundWorker.close();
        deliveryWorker.close();
        // Last of the tasks: requests, incoming activities and the change feed hand the matcher work until they stop.
        matching.matcher().close();
        cluster.jobs().releaseAll();
        cluster.heartbeat().close();
        db.close();
    }
}
