package org.weft.activitypub.client;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weft.activitypub.signature.IncomingRequest;

/** Turns what WireMock received into the verifier's input, headers exactly as they arrived. */
public final class RecordedRequests {

    private RecordedRequests() {
    }

    /**
     * @param logged a request WireMock recorded
     * @return the same request as an {@link IncomingRequest}
     */
    public static IncomingRequest incoming(LoggedRequest logged) {
        URI url = URI.create(logged.getUrl());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : logged.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return new IncomingRequest(logged.getMethod().getName(), url.getRawPath(), url.getRawQuery(), headers, logged.getBody());
    }
}
