package org.weft.server.api;

import io.helidon.http.Status;

/**
 * A request the API refuses for a reason of its own (authentication, size, content type, shape of
 * the JSON), with the status to answer and, when one field is to blame, that field's name.
 * Refusals by the services keep their own exceptions and are mapped in {@link ApiRoutes}.
 */
final class ApiException extends RuntimeException {
    private final transient Status status;
    private final String field;
    private final String challenge;

    private ApiException(Status status, String message, String field, String challenge) {
        super(message);
        this.status = status;
        this.field = field;
        this.challenge = challenge;
    }

    static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, message, null, null);
    }

    /** A 400 that names the field to fix, so a client can point at it. */
    static ApiException badField(String field, String message) {
        return new ApiException(Status.BAD_REQUEST_400, message, field, null);
    }

    static ApiException of(Status status, String message) {
        return new ApiException(status, message, null, null);
    }

    /** 401 with the {@code WWW-Authenticate} challenge of RFC 6750. */
    static ApiException unauthorized(String message, String challenge) {
        return new ApiException(Status.UNAUTHORIZED_401, message, null, challenge);
    }

    Status status() {
        return status;
    }

    /** The request field at fault, or null. */
    String field() {
        return field;
    }

    /** The {@code WWW-Authenticate} value for a 401, or null. */
    String challenge() {
        return challenge;
    }
}
