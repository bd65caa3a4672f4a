package org.weft.activitypub.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.weft.activitypub.client.FetchException.Reason;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.activitypub.signature.ActorSigner;
import org.weft.activitypub.signature.HttpSigner;

/**
 * Fetches ActivityPub documents and posts activities, safely.
 *
 * <p>Every URL, including each redirect hop, passes a scheme check (http or https) and the
 * {@link AddressCheck} before a request is built from it, let alone sent.
 * Redirects are followed by hand (at most {@value #MAX_REDIRECTS}, as Mastodon) for GET and never for
 * POST. Bodies are read up to a cap. Requests use HTTP/1.1 so the {@code Host} header is exactly the one
 * {@link HttpSigner} signed. With an instance signer, every GET is signed (authorized fetch). Thread-safe;
 * create one per application and {@link #close()} it on shutdown.
 *
 * <p>Given an {@link ActorSigner} (for POSTs, and as the instance signer for GETs), the client
 * double-knocks: a POST is signed with RFC 9421 first, a GET with draft-cavage first, and the other scheme is
 * tried once more after a 400 or 401; its {@link SchemeMemory} remembers the hosts that take only one scheme
 * (see {@link DoubleKnock}). The scheme and address checks run before each of the two requests.
 */
public final class ActivityPubClient implements AutoCloseable {

    /** Redirects followed by {@link #fetchDocument} before giving up. */
    public static final int MAX_REDIRECTS = 3;
    /** Default response cap: Mastodon's 1 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default timeout for a whole request, from sending to the last byte of the response headers. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Hard limit on one exchange including the body: the request timeout stops at the response headers,
     * so a server trickling its body would otherwise hold the request open (Mastodon: 30 s read deadline).
     */
    public static final Duration EXCHANGE_DEADLINE = Duration.ofSeconds(30);

    private static final String ACTIVITY_JSON = MediaTypes.ACTIVITY_JSON;

    /**
     * Made on first use, not with this client: building one sets up TLS (the JDK's trust store and providers), about
     * 0.14 s of a server's start on a small machine, which sends nothing at that point (BENCHMARKS.md, G5). Null until
     * then; guarded by {@code this} when made.
     */
    private volatile HttpClient http;
    private boolean closed; // guarded by this
    private final Duration connectTimeout;
    private final AddressCheck addressCheck;
    private final SignedRequests requests;
    private final HttpSigner instanceSigner;
    private final ActorSigner instanceActorSigner;
    private final DoubleKnock doubleKnock;
    private final long maxResponseBytes;
    private final Clock clock;

    private ActivityPubClient(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.addressCheck = builder.addressCheck;
        this.requests = new SignedRequests(builder.userAgent, builder.requestTimeout, builder.clock);
        this.instanceSigner = builder.instanceSigner;
        this.instanceActorSigner = builder.instanceActorSigner;
        this.doubleKnock = new DoubleKnock(builder.schemeMemory);
        this.maxResponseBytes = builder.maxResponseBytes;
        this.clock = builder.clock;
    }

    /**
     * @param userAgent sent with every request, e.g. {@code Weft/0.1 (+https://camp.example/)}
     * @return a builder with the defaults: {@code new AddressGuard(false)}, no instance signer, 1 MiB cap,
     *         5 s connect and 10 s request timeouts, the system UTC clock, an {@link InMemorySchemeMemory}
     */
    public static Builder builder(String userAgent) {
        return new Builder(userAgent);
    }

    /**
     * Fetches an ActivityPub object or actor and checks that its {@code id} is the URL finally fetched
     * (after redirects), byte for byte, as Mastodon does.
     *
     * @param uri the object's URL; a fragment is dropped before fetching
     * @return the JSON object
     * @throws FetchException on any failure, with the reason; {@link FetchException#isGone()} for 410
     */
    public JsonNode fetchObject(URI uri) throws FetchException {
        FetchedDocument document = fetchDocument(uri);
        String id = document.id();
        if (!document.finalUri().toString().equals(id)) {
            throw new FetchException(Reason.ID_MISMATCH, -1,
                    "document id " + id + " is not the URL fetched, " + document.finalUri(), null);
        }
        return document.json();
    }

    /**
     * Fetches a JSON object with the same rules as {@link #fetchObject} except the {@code id} check, for
     * callers that check provenance themselves (key documents served under another id).
     *
     * @param uri the URL; a fragment is dropped before fetching
     * @return the object and the URL it was finally served from
     * @throws FetchException on any failure, with the reason
     */
    public FetchedDocument fetchDocument(URI uri) throws FetchException {
        return fetch(uri, MediaTypes.ACCEPT, true, MediaTypes::isActivityPub);
    }

    /**
     * Fetches a WebFinger (JRD) document. Unsigned, as Mastodon sends it; same address rules, redirect
     * checks and size cap as every other fetch; {@code application/jrd+json} or {@code application/json}.
     *
     * @param uri the WebFinger URL with its {@code resource} query
     * @return the JSON object
     * @throws FetchException on any failure, with the reason
     */
    public JsonNode fetchWebFinger(URI uri) throws FetchException {
        return fetch(uri, MediaTypes.JRD_ACCEPT, false, MediaTypes::isJrd).json();
    }

    private FetchedDocument fetch(URI uri, String accept, boolean signed, Predicate<String> contentTypeOk)
            throws FetchException {
        URI current = withoutFragment(uri);
        for (int redirects = 0; ; redirects++) {
            URI hop = current;
            HttpResponse<CappedBodySubscriber.Body> response = send(hop, () -> getOnce(hop, accept, signed));
            int status = response.statusCode();
            if (isRedirect(status)) {
                if (redirects == MAX_REDIRECTS) {
                    throw new FetchException(Reason.BAD_REDIRECT, status, "more than " + MAX_REDIRECTS + " redirects", null);
                }
                current = redirectTarget(current, response);
                continue;
            }
            if (status == 410) {
                throw new FetchException(Reason.GONE, status, current.toString(), null);
            }
            if (status < 200 || status > 299) {
                throw new FetchException(Reason.HTTP_STATUS, status, current.toString(), null);
            }
            return new FetchedDocument(current, readObject(current, response, contentTypeOk));
        }
    }

    /**
     * Posts an activity signed with draft-cavage only, with {@code Content-Type: application/activity+json}.
     * Redirects are not followed: a 3xx comes back as the result.
     *
     * @param inbox the inbox URL
     * @param body the exact JSON bytes
     * @param signer the sending actor's draft-cavage signer
     * @return the status and any {@code Retry-After}
     * @throws ForbiddenAddressException if the inbox is refused by the address check
     * @throws IOException on DNS, connection or timeout failures
     */
    public PostResult post(URI inbox, byte[] body, HttpSigner signer) throws IOException {
        HttpResponse<CappedBodySubscriber.Body> response =
                guarded(inbox, () -> requests.post(inbox, body, ACTIVITY_JSON, signer), 0);
        return new PostResult(response.statusCode(), retryAfter(response));
    }

    /**
     * Posts an activity, double-knocking: signed with RFC 9421 first (or draft-cavage first for a host
     * remembered as taking only that, for a day), and once more in the other scheme after a 400 or 401; an
     * {@code Accept-Signature} in a 401 is honoured. Redirects are not followed.
     *
     * @param inbox the inbox URL
     * @param body the exact JSON bytes
     * @param signer the sending actor's signer
     * @return the last status, any {@code Retry-After}, the scheme that got it and the number of requests
     * @throws ForbiddenAddressException if the inbox is refused by the address check (before either knock)
     * @throws IOException on DNS, connection or timeout failures
     */
    public PostResult post(URI inbox, byte[] body, ActorSigner signer) throws IOException {
        checkScheme(inbox);
        DoubleKnock.Outcome outcome = doubleKnock.knock(SchemeMemory.hostOf(inbox), clock.instant(), signer.rfc9421(),
                true, (scheme, shape) -> guarded(inbox,
                        () -> requests.post(inbox, body, ACTIVITY_JSON, signer, scheme, shape), 0));
        return new PostResult(outcome.response().statusCode(), retryAfter(outcome.response()), outcome.scheme(),
                outcome.knocks());
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, clock.instant()));
    }

    @Override
    /** Aborts requests still in flight (their callers get an IOException) and releases the client. */
    public void close() {
        HttpClient made;
        synchronized (this) {
            closed = true;
            made = http;
        }
        if (made != null) {
            made.shutdownNow();
        }
    }

    /** The JDK's HTTP client, made by the first request (see {@link #http}). */
    private HttpClient http() throws IOException {
        HttpClient made = http;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (closed) {
                throw new IOException("this client is closed");
            }
            if (http == null) {
                http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(connectTimeout)
                        .build();
            }
            return http;
        }
    }

    /** One GET of one URL: double-knocked when signed with the instance's {@link ActorSigner}. */
    private HttpResponse<CappedBodySubscriber.Body> getOnce(URI uri, String accept, boolean signed) throws IOException {
        if (signed && instanceActorSigner != null) {
            checkScheme(uri);
            return doubleKnock.knock(SchemeMemory.hostOf(uri), clock.instant(), instanceActorSigner.rfc9421(), false,
                    (scheme, shape) -> guarded(uri, () -> requests.get(uri, accept, instanceActorSigner, scheme, shape),
                            maxResponseBytes)).response();
        }
        return guarded(uri, () -> signed && instanceSigner != null ? requests.get(uri, accept, instanceSigner)
                : requests.unsignedGet(uri, accept), maxResponseBytes);
    }

    /**
     * The scheme check and the address check, then building (and signing) the request, then the exchange:
     * every request, first knock or second, each redirect hop, goes through here, so nothing is built, signed
     * or sent for a refused URL, and the address is checked again just before each request (a name that
     * resolves elsewhere by the second knock gets no second request). A URL the request builder or a signer
     * still refuses (an {@link IllegalArgumentException}) is a refused address, not a crash.
     */
    private HttpResponse<CappedBodySubscriber.Body> guarded(URI uri, Supplier<HttpRequest> request, long successBodyLimit)
            throws IOException {
        checkScheme(uri);
        addressCheck.check(uri);
        HttpRequest built;
        try {
            built = request.get();
        } catch (IllegalArgumentException e) {
            throw new ForbiddenAddressException("not a URL a request can be made to: " + uri);
        }
        return exchange(built, successBodyLimit);
    }

    /**
     * http or https, and a host, before anything is derived from the URL: a request builder or signer handed
     * a {@code gopher:} URL throws, and nothing should be learnt from a URL that will be refused.
     */
    private static void checkScheme(URI uri) throws ForbiddenAddressException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ForbiddenAddressException("scheme not allowed: " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ForbiddenAddressException("no host: " + uri);
        }
    }

    /** An exchange that may throw, as {@link #send} runs it. */
    @FunctionalInterface
    private interface Exchange {
        HttpResponse<CappedBodySubscriber.Body> run() throws IOException;
    }

    private HttpResponse<CappedBodySubscriber.Body> send(URI uri, Exchange exchange) throws FetchException {
        try {
            return exchange.run();
        } catch (ForbiddenAddressException e) {
            throw new FetchException(Reason.FORBIDDEN_ADDRESS, -1, e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new FetchException(Reason.NETWORK, -1, "unknown host " + uri.getHost(), e);
        } catch (IOException e) {
            throw new FetchException(Reason.NETWORK, -1, uri + ": " + e, e);
        }
    }

    /** Sends a request; only a 2xx body is kept, up to {@code successBodyLimit} bytes. */
    private HttpResponse<CappedBodySubscriber.Body> exchange(HttpRequest request, long successBodyLimit) throws IOException {
        HttpResponse.BodyHandler<CappedBodySubscriber.Body> handler = info -> new CappedBodySubscriber(
                info.statusCode() / 100 == 2 ? successBodyLimit : 0,
                info.headers().firstValueAsLong("Content-Length").orElse(-1));
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> exchange;
        try {
            exchange = http().sendAsync(request, handler);
        } catch (IllegalArgumentException e) {
            throw new IOException("request refused by HttpClient: " + request.uri(), e);
        }
        try {
            return exchange.get(EXCHANGE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete response within " + EXCHANGE_DEADLINE + ": " + request.uri());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while requesting " + request.uri(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(request.uri() + ": " + cause, cause);
        }
    }

    private JsonNode readObject(URI uri, HttpResponse<CappedBodySubscriber.Body> response, Predicate<String> contentTypeOk)
            throws FetchException {
        int status = response.statusCode();
        if (response.body().tooLarge()) {
            throw new FetchException(Reason.TOO_LARGE, status, uri + " is larger than " + maxResponseBytes + " bytes", null);
        }
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        if (!contentTypeOk.test(contentType.orElse(null))) {
            throw new FetchException(Reason.WRONG_CONTENT_TYPE, status, uri + " is " + contentType.orElse("untyped"), null);
        }
        try {
            JsonNode json = PlainJson.read(response.body().bytes());
            if (json == null || !json.isObject()) {
                throw new FetchException(Reason.INVALID_JSON, status, uri + " is not a JSON object", null);
            }
            return json;
        } catch (JacksonException e) {
            throw new FetchException(Reason.INVALID_JSON, status, uri + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FetchException(Reason.INVALID_JSON, status, uri + ": " + e.getMessage(), e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI current, HttpResponse<?> response) throws FetchException {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new FetchException(Reason.BAD_REDIRECT, response.statusCode(), "no Location", null));
        try {
            return withoutFragment(current.resolve(new URI(location)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(Reason.BAD_REDIRECT, response.statusCode(), "unusable Location " + location, e);
        }
    }

    private static URI withoutFragment(URI uri) throws FetchException {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new FetchException(Reason.INVALID_URI, -1, "not an absolute URL with a host: " + uri, null);
        }
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    /** Configures an {@link ActivityPubClient}. */
    public static final class Builder {

        private final String userAgent;
        private AddressCheck addressCheck = new AddressGuard(false);
        private HttpSigner instanceSigner;
        private ActorSigner instanceActorSigner;
        private SchemeMemory schemeMemory = new InMemorySchemeMemory();
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        }

        /**
         * @param check decides which URLs may be requested; pass {@code new AddressGuard(true)} only in
         *        development and tests
         * @return this builder
         */
        public Builder addressCheck(AddressCheck check) {
            this.addressCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * @param signer the instance actor's signer, used to sign every GET (authorized fetch), or null
         * @return this builder
         */
        public Builder instanceSigner(HttpSigner signer) {
            this.instanceSigner = signer;
            this.instanceActorSigner = null;
            return this;
        }

        /**
         * @param signer the instance actor's signer, used to sign every GET (authorized fetch) with
         *        double-knocking, or null for unsigned GETs
         * @return this builder
         */
        public Builder instanceSigner(ActorSigner signer) {
            this.instanceActorSigner = signer;
            this.instanceSigner = null;
            return this;
        }

        /**
         * @param memory where the client remembers per host which signature scheme worked; the server passes
         *        its database-backed one so every node shares it
         * @return this builder
         */
        public Builder schemeMemory(SchemeMemory memory) {
            this.schemeMemory = Objects.requireNonNull(memory, "memory");
            return this;
        }

        /**
         * @param bytes the largest response body accepted
         * @return this builder
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("negative cap");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * @param timeout how long to wait for a TCP/TLS connection
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param timeout how long to wait for a response to each request
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param clock the source of {@code Date} for signatures and of "now" for {@code Retry-After}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the client */
        public ActivityPubClient build() {
            return new ActivityPubClient(this);
        }
    }
}
