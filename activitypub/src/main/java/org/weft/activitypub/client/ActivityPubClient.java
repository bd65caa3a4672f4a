package org.weft.activitypub.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.weft.activitypub.client.FetchException.Reason;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTIVITY_JSON = MediaTypes.ACTIVITY_JSON;

    private final HttpClient http;
    private final AddressCheck addressCheck;
    private final String userAgent;
    private final HttpSigner instanceSigner;
    private final long maxResponseBytes;
    private final Duration requestTimeout;
    private final Clock clock;

    private ActivityPubClient(Builder builder) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.connectTimeout)
                .build();
        this.addressCheck = builder.addressCheck;
        this.userAgent = builder.userAgent;
        this.instanceSigner = builder.instanceSigner;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.requestTimeout = builder.requestTimeout;
        this.clock = builder.clock;
    }

    /**
     * @param userAgent sent with every request, e.g. {@code Weft/0.1 (+https://camp.example/)}
     * @return a builder with the defaults: {@code new AddressGuard(false)}, no instance signer, 1 MiB cap,
     *         5 s connect and 10 s request timeouts, the system UTC clock
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
            HttpResponse<CappedBodySubscriber.Body> response = send(current, accept, signed);
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
     * Posts a signed activity with {@code Content-Type: application/activity+json}. Redirects are not
     * followed: a 3xx comes back as the result.
     *
     * @param inbox the inbox URL
     * @param body the exact JSON bytes
     * @param signer the sending actor's signer
     * @return the status and any {@code Retry-After}
     * @throws ForbiddenAddressException if the inbox is refused by the address check
     * @throws IOException on DNS, connection or timeout failures
     */
    public PostResult post(URI inbox, byte[] body, HttpSigner signer) throws IOException {
        guard(inbox);
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(inbox)
                    .timeout(requestTimeout)
                    .header("User-Agent", userAgent)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            addSignedHeaders(builder, signer.signPost(inbox, body, ACTIVITY_JSON, clock.instant()));
            request = builder.build();
        } catch (IllegalArgumentException e) {
            throw new ForbiddenAddressException("not a URL a request can be made to: " + inbox);
        }
        HttpResponse<CappedBodySubscriber.Body> response = exchange(request, 0);
        return new PostResult(response.statusCode(),
                response.headers().firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, clock.instant())));
    }

    @Override
    /** Aborts requests still in flight (their callers get an IOException) and releases the client. */
    public void close() {
        http.shutdownNow();
    }

    private HttpRequest get(URI uri, String accept, boolean signed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("User-Agent", userAgent)
                .GET();
        if (signed && instanceSigner != null) {
            addSignedHeaders(request, instanceSigner.signGet(uri, accept, clock.instant()));
        } else {
            request.header("Accept", accept);
        }
        return request.build();
    }

    private static void addSignedHeaders(HttpRequest.Builder request, Map<String, String> signed) {
        // HttpClient sets Host itself, to the very value that was signed.
        signed.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
    }

    /**
     * The scheme and then the address check, before anything is built from the URL: a request builder or
     * signer handed a {@code gopher:} URL throws, and nothing should be learnt from a URL that will be refused.
     */
    private void guard(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ForbiddenAddressException("scheme not allowed: " + uri);
        }
        addressCheck.check(uri);
    }

    private HttpResponse<CappedBodySubscriber.Body> send(URI uri, String accept, boolean signed) throws FetchException {
        try {
            guard(uri);
            HttpRequest request;
            try {
                request = get(uri, accept, signed);
            } catch (IllegalArgumentException e) {
                throw new FetchException(Reason.INVALID_URI, -1, "not a URL a request can be made to: " + uri, e);
            }
            return exchange(request, maxResponseBytes);
        } catch (FetchException e) {
            throw e;
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
            exchange = http.sendAsync(request, handler);
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
            JsonNode json = JSON.readTree(response.body().bytes());
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
