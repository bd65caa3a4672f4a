package org.weft.activitypub.signature;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * Component values of a request about to be sent: the values a receiver will compute from what
 * {@link java.net.http.HttpClient} puts on the wire for this URL and these headers.
 */
final class SentComponents implements SignatureBase.ComponentValues {

    private final String method;
    private final URI target;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /**
     * @param method the HTTP method, e.g. {@code POST}
     * @param target the URL requested
     * @param headers the headers that will be sent (including {@code Host} and, when signed,
     *        {@code Content-Length}, which HttpClient writes itself with the same values)
     */
    SentComponents(String method, URI target, Map<String, String> headers) {
        this.method = method;
        this.target = target;
        this.headers.putAll(headers);
    }

    @Override
    public String valueOf(String component) throws SignatureException {
        return switch (component) {
            case "@method" -> method;
            case "@target-uri" -> scheme() + "://" + Rfc9421Signer.authority(target) + requestTarget();
            case "@authority" -> Rfc9421Signer.authority(target);
            case "@scheme" -> scheme();
            case "@request-target" -> requestTarget();
            case "@path" -> path();
            case "@query" -> "?" + (target.getRawQuery() == null ? "" : target.getRawQuery());
            default -> {
                String value = headers.get(component);
                if (value == null) {
                    throw new SignatureException(Reason.MALFORMED, "no " + component + " header to sign");
                }
                yield value.strip();
            }
        };
    }

    private String scheme() {
        return target.getScheme().toLowerCase(Locale.ROOT);
    }

    private String path() {
        String path = target.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private String requestTarget() {
        return target.getRawQuery() == null ? path() : path() + "?" + target.getRawQuery();
    }
}
