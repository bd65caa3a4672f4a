package org.weft.activitypub.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class CappedBodySubscriberTest {

    private static final class RecordingSubscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Test
    void collectsABodyWithinTheLimit() {
        CappedBodySubscriber subscriber = new CappedBodySubscriber(10, -1);
        RecordingSubscription subscription = new RecordingSubscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3})));
        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[] {4, 5, 6, 7, 8, 9, 10})));
        subscriber.onComplete();

        CappedBodySubscriber.Body body = subscriber.getBody().toCompletableFuture().join();
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, body.bytes());
        assertFalse(subscription.cancelled);
    }

    @Test
    void stopsReadingAnUndeclaredBodyOnceItPassesTheLimit() {
        CappedBodySubscriber subscriber = new CappedBodySubscriber(1024 * 1024, -1);
        RecordingSubscription subscription = new RecordingSubscription();
        subscriber.onSubscribe(subscription);
        subscriber.onNext(List.of(ByteBuffer.allocate(600 * 1024)));
        long requestedBefore = subscription.requested;
        subscriber.onNext(List.of(ByteBuffer.allocate(600 * 1024)));

        assertTrue(subscription.cancelled);
        assertEquals(requestedBefore, subscription.requested, "nothing more is requested after the cap");
        assertTrue(subscriber.getBody().toCompletableFuture().join().tooLarge());
    }

    @Test
    void refusesADeclaredOversizeBodyWithoutReadingIt() {
        CappedBodySubscriber subscriber = new CappedBodySubscriber(100, 101);
        RecordingSubscription subscription = new RecordingSubscription();
        subscriber.onSubscribe(subscription);

        assertTrue(subscription.cancelled);
        assertEquals(0, subscription.requested);
        assertTrue(subscriber.getBody().toCompletableFuture().join().tooLarge());
    }
}
