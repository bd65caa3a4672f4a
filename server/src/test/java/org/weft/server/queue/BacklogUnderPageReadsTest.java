package org.weft.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.HeldPosts;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * The work queues step aside while someone waits on a request ({@link ForegroundRequests}), and never stop for it: on
 * a running server, with a form upload held open half sent (so someone waits all along, as on a slow phone) and three
 * readers fetching the board without a pause, a burst of posts from one follower is still all handled, and every page
 * read is answered. Once the upload is dropped, nobody is waited on.
 */
class BacklogUnderPageReadsTest {
    private static final int POSTS = 30;
    private static final int READERS = 3;

    @Test
    void aBurstOfPostsIsHandledWhilePagesAreReadWithoutPauseAndAnUploadIsHeldOpen() throws Exception {
        // No hourly limit: the burst is one follower's, and a post past the limit would wait for its author instead.
        try (TestServers.Instance weft = TestServers.start(Map.of("WEFT_MODERATION_POSTS_PER_HOUR", "0"));
             MastodonPeer mastodon = new MastodonPeer(weft.base());
             Socket upload = new Socket()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            HeldPosts posts = HeldPosts.following(weft, mastodon, "block3");
            InboundWorker inbound = weft.server().inboundWorker();

            upload.connect(new InetSocketAddress("127.0.0.1", weft.server().port()));
            OutputStream out = upload.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 5000\r\n\r\nusername=a").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            WaitFor.condition("the half-sent upload is waited on", inbound::steppingAside);

            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            for (int i = 0; i < READERS; i++) {
                readers.submit(() -> {
                    while (reading.get()) {
                        int status = TestHttp.get(weft.base() + "/board/block3", "text/html").statusCode();
                        (status == 200 ? answered : refused).incrementAndGet();
                    }
                });
            }
            int readBefore;
            int readDuring;
            try {
                WaitFor.condition("the readers are reading", () -> answered.get() >= READERS);
                readBefore = answered.get();
                List<String> burst = IntStream.range(0, POSTS)
                        .mapToObj(i -> posts.send("I can give a winter coat, size " + (30 + i) + ", to anyone who needs one"))
                        .toList();
                for (String create : burst) {
                    WaitFor.inboundDone(weft, create); // each post of the burst handled
                }
                readDuring = answered.get() - readBefore;
                assertTrue(inbound.steppingAside(), "someone was waited on all along: the upload is still open");
            } finally {
                reading.set(false);
                readers.shutdown();
                assertTrue(readers.awaitTermination(30, TimeUnit.SECONDS));
            }
            assertTrue(readDuring > 0, "pages were read while the burst was handled");
            assertEquals(0, refused.get(), "every page read was answered");

            upload.close();
            WaitFor.condition("nobody is waited on once the upload is dropped", Duration.ofSeconds(20),
                    () -> !inbound.steppingAside());
        }
    }
}
