package org.weft.activitypub.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weft.activitypub.client.ForbiddenAddressException;
import org.weft.activitypub.client.PostResult;

class OutcomeClassifierTest {

    private final OutcomeClassifier classifier = new OutcomeClassifier(Duration.ofHours(1));

    private DeliveryOutcome classify(int status) {
        return classifier.classify(new PostResult(status, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void successIsDelivered(int status) {
        assertEquals(new DeliveryOutcome.Delivered(status), classify(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 405, 406, 410, 413, 422})
    void mostClientErrorsAreFinal(int status) {
        assertInstanceOf(DeliveryOutcome.GiveUp.class, classify(status));
        assertEquals(status, classify(status).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 408, 429, 500, 502, 503, 504, 301, 302, 308})
    void authTimeoutRateLimitServerErrorsAndRedirectsAreRetried(int status) {
        assertInstanceOf(DeliveryOutcome.Retry.class, classify(status));
    }

    @Test
    void retryAfterIsPassedOnAndCapped() {
        DeliveryOutcome.Retry shortWait = (DeliveryOutcome.Retry) classifier.classify(
                new PostResult(429, Optional.of(Duration.ofMinutes(5))));
        assertEquals(Optional.of(Duration.ofMinutes(5)), shortWait.retryAfter());

        DeliveryOutcome.Retry longWait = (DeliveryOutcome.Retry) classifier.classify(
                new PostResult(503, Optional.of(Duration.ofDays(3))));
        assertEquals(Optional.of(Duration.ofHours(1)), longWait.retryAfter());
    }

    @Test
    void networkFailuresAreRetriedButRefusedAddressesAreNot() {
        DeliveryOutcome timeout = classifier.classify(new HttpTimeoutException("request timed out"));
        assertEquals(new DeliveryOutcome.Retry(-1, "HttpTimeoutException: request timed out", Optional.empty()), timeout);
        assertInstanceOf(DeliveryOutcome.Retry.class, classifier.classify(new IOException("connection reset")));
        assertInstanceOf(DeliveryOutcome.GiveUp.class, classifier.classify(new ForbiddenAddressException("10.0.0.1")));
    }
}
