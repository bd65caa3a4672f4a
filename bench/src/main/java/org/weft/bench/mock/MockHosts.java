package org.weft.bench.mock;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Many remote "instances" in one process: each listens on its own loopback port (so each is a distinct
 * host:port to the server's per-host limits) and accepts inbox POSTs. Blocking sockets on virtual threads
 * keep a thousand hosts cheap. Counts POSTs per host, POSTs that carry a Signature, those signed with RFC 9421
 * (a {@code Signature-Input}), distinct body digests ({@code Digest} or {@code Content-Digest}), and GETs (a
 * GET here means the server fetched something, e.g. a key). Every POST is answered 202, whatever its scheme.
 */
public final class MockHosts implements AutoCloseable {
    private static final byte[] ACCEPTED = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_FOUND = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket[] listeners;
    private final HostBehaviour[] behaviours;
    private final long latencyMillis;
    private final AtomicLongArray posts;
    /** nanoTime at which each host last answered a POST; 0 until it has. */
    private final AtomicLongArray answeredAt;
    private final LongAdder signedPosts = new LongAdder();
    private final LongAdder rfc9421Posts = new LongAdder();
    private final LongAdder gets = new LongAdder();
    private final Map<String, Boolean> digests = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private MockHosts(int count, IntFunction<HostBehaviour> behaviourOf, Duration latency) throws IOException {
        listeners = new ServerSocket[count];
        behaviours = new HostBehaviour[count];
        latencyMillis = latency.toMillis();
        posts = new AtomicLongArray(count);
        answeredAt = new AtomicLongArray(count);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int i = 0; i < count; i++) {
            behaviours[i] = behaviourOf.apply(i);
            listeners[i] = new ServerSocket();
            listeners[i].setReuseAddress(true);
            listeners[i].bind(new InetSocketAddress(loopback, 0), 256);
        }
        for (int i = 0; i < count; i++) {
            int host = i;
            Thread.ofVirtual().name("mock-accept-" + i).start(() -> acceptLoop(host));
        }
    }

    /** Starts {@code count} hosts; {@code behaviourOf} decides per host index. */
    public static MockHosts start(int count, IntFunction<HostBehaviour> behaviourOf, Duration latency) {
        try {
            return new MockHosts(count, behaviourOf, latency);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open mock host ports", e);
        }
    }

    public int size() {
        return listeners.length;
    }

    public int port(int host) {
        return listeners[host].getLocalPort();
    }

    public String origin(int host) {
        return "http://127.0.0.1:" + port(host);
    }

    public HostBehaviour behaviour(int host) {
        return behaviours[host];
    }

    public long posts(int host) {
        return posts.get(host);
    }

    public long totalPosts() {
        long sum = 0;
        for (int i = 0; i < posts.length(); i++) {
            sum += posts.get(i);
        }
        return sum;
    }

    /** Hosts that received at least one POST. */
    public int hostsReached() {
        int n = 0;
        for (int i = 0; i < posts.length(); i++) {
            n += posts.get(i) > 0 ? 1 : 0;
        }
        return n;
    }

    /** POSTs beyond the first, summed over hosts. */
    public long duplicatePosts() {
        long n = 0;
        for (int i = 0; i < posts.length(); i++) {
            n += Math.max(0, posts.get(i) - 1);
        }
        return n;
    }

    public long answeredAt(int host) {
        return answeredAt.get(host);
    }

    public long signedPosts() {
        return signedPosts.sum();
    }

    /** POSTs signed with RFC 9421. */
    public long rfc9421Posts() {
        return rfc9421Posts.sum();
    }

    public long gets() {
        return gets.sum();
    }

    public int distinctDigests() {
        return digests.size();
    }

    /** Forgets every count (the listeners stay). */
    public void reset() {
        for (int i = 0; i < posts.length(); i++) {
            posts.set(i, 0);
            answeredAt.set(i, 0);
        }
        signedPosts.reset();
        rfc9421Posts.reset();
        gets.reset();
        digests.clear();
    }

    private void acceptLoop(int host) {
        while (!closed) {
            try {
                Socket socket = listeners[host].accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(host, socket));
            } catch (IOException e) {
                if (!closed) {
                    sleepQuietly(10);
                }
            }
        }
    }

    private void serve(int host, Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8 * 1024);
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                Request request = Request.read(in);
                if (request.method().equals("POST")) {
                    posts.incrementAndGet(host);
                    if (request.signature() != null) {
                        signedPosts.increment();
                    }
                    if (request.rfc9421()) {
                        rfc9421Posts.increment();
                    }
                    if (request.digest() != null) {
                        digests.put(request.digest(), Boolean.TRUE);
                    }
                    if (behaviours[host] == HostBehaviour.BLACK_HOLE) {
                        in.transferTo(OutputStream.nullOutputStream()); // hold the connection until the client gives up
                        return;
                    }
                    if (latencyMillis > 0) {
                        Thread.sleep(latencyMillis);
                    }
                    out.write(ACCEPTED);
                    out.flush();
                    answeredAt.set(host, System.nanoTime());
                } else {
                    gets.increment();
                    if (behaviours[host] == HostBehaviour.BLACK_HOLE) {
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                    out.write(NOT_FOUND);
                    out.flush();
                }
            }
        } catch (EOFException e) {
            // the client closed its keep-alive connection
        } catch (IOException e) {
            // reset by the client or by close(): the connection is over either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (ServerSocket listener : listeners) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** The parts of a request the counters need; the body is read and dropped. */
    private record Request(String method, String signature, String digest, boolean rfc9421) {
        static Request read(InputStream in) throws IOException {
            String requestLine = line(in);
            while (requestLine.isEmpty()) {
                requestLine = line(in);
            }
            String method = requestLine.substring(0, Math.max(0, requestLine.indexOf(' ')));
            long length = 0;
            boolean chunked = false;
            String signature = null;
            String digest = null;
            boolean rfc9421 = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "signature" -> signature = value;
                    case "signature-input" -> rfc9421 = true;
                    case "digest", "content-digest" -> digest = value;
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                    in.skipNBytes(size);
                    line(in);
                }
                while (!line(in).isEmpty()) {
                    // trailers
                }
            } else {
                in.skipNBytes(length);
            }
            return new Request(method, signature, digest, rfc9421);
        }

        private static long chunkSize(InputStream in) throws IOException {
            String size = line(in);
            int semicolon = size.indexOf(';');
            return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder(80);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            throw new EOFException();
        }
    }
}
