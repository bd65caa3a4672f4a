package org.weft.server.api;

import java.util.Arrays;
import java.util.List;

import io.helidon.http.Status;
import org.weft.server.domain.DomainException;
import org.weft.web.i18n.Messages;

/**
 * A request the API refuses for a reason of its own (authentication, size, content type, shape of the JSON, query
 * parameters), with the status to answer, a stable English code (the answer's {@code error}), the arguments of its
 * translated message ({@code error.<code>} in the message files) and, when one field is to blame, that field's name.
 * Refusals by the services are {@link DomainException}s and are answered the same way in {@link ApiRoutes}.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Status status;
    private final String code;
    private final String field;
    private final String challenge;
    private final transient List<Object> arguments;

    private ApiException(Status status, String code, String field, String challenge, Object... arguments) {
        this.status = status;
        this.code = code;
        this.field = field;
        this.challenge = challenge;
        this.arguments = List.copyOf(Arrays.asList(arguments));
    }

    /** A 400 about the request as a whole. */
    static ApiException badRequest(String code, Object... arguments) {
        return new ApiException(Status.BAD_REQUEST_400, code, null, null, arguments);
    }

    /** A 400 that names the field to fix, so a client can point at it. */
    static ApiException badField(String field, String code, Object... arguments) {
        return new ApiException(Status.BAD_REQUEST_400, code, field, null, arguments);
    }

    static ApiException of(Status status, String code, Object... arguments) {
        return new ApiException(status, code, null, null, arguments);
    }

    /** 401 with the {@code WWW-Authenticate} challenge of RFC 6750. */
    static ApiException unauthorized(String code, String challenge) {
        return new ApiException(Status.UNAUTHORIZED_401, code, null, challenge);
    }

    Status status() {
        return status;
    }

    /** The stable English code, e.g. {@code field_unknown}. */
    String code() {
        return code;
    }

    /** The request field at fault, or null. */
    String field() {
        return field;
    }

    /** The {@code WWW-Authenticate} value for a 401, or null. */
    String challenge() {
        return challenge;
    }

    /** The message for a person, in the language of {@code m}. */
    String messageIn(Messages m) {
        Object[] resolved = arguments.stream().map(a -> a instanceof DomainException.Term t ? m.get(t.key()) : a).toArray();
        return m.get("error." + code, resolved);
    }

    @Override
    public String getMessage() {
        return messageIn(Messages.forLanguage("en"));
    }
}
