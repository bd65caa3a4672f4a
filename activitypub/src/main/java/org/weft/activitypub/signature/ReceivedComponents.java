package org.weft.activitypub.signature;

import java.util.List;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * Component values of a received request (RFC 9421 §2.1, §2.2). The scheme and authority come from the
 * server's own public origin ({@link ExpectedHost}, made from its base URL), never from the request: behind a
 * TLS-terminating proxy the request arrives as plain http, and a request signed for another host must not
 * verify here.
 */
final class ReceivedComponents implements SignatureBase.ComponentValues {

    private final IncomingRequest request;
    private final String scheme;
    private final String authority;

    /**
     * @param request the request as received
     * @param origin this server's public origin, e.g. {@code https://camp.example}
     */
    ReceivedComponents(IncomingRequest request, ExpectedHost origin) {
        this.request = request;
        this.scheme = origin.scheme();
        this.authority = origin.authority();
    }

    @Override
    public String valueOf(String component) throws SignatureException {
        return switch (component) {
            case "@method" -> request.method();
            case "@target-uri" -> scheme + "://" + authority + requestTarget();
            case "@authority" -> authority;
            case "@scheme" -> scheme;
            case "@request-target" -> requestTarget();
            case "@path" -> path();
            case "@query" -> "?" + (request.rawQuery() == null ? "" : request.rawQuery());
            default -> field(component);
        };
    }

    private String path() {
        return request.path().isEmpty() ? "/" : request.path();
    }

    private String requestTarget() {
        return request.rawQuery() == null ? path() : path() + "?" + request.rawQuery();
    }

    /** Every line of the field, each trimmed, joined with ", " (§2.1). */
    private String field(String name) throws SignatureException {
        List<String> lines = request.headers().get(name);
        if (lines == null || lines.isEmpty()) {
            throw new SignatureException(Reason.MALFORMED, "covered field " + name + " is absent");
        }
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            if (!value.isEmpty()) {
                value.append(", ");
            }
            value.append(line.strip());
        }
        return value.toString();
    }
}
