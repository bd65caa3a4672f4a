package org.weft.server.domain.taxonomy;

/** The taxonomy data is broken; the message names the concept and the rule it breaks. */
public final class InvalidTaxonomyException extends RuntimeException {

    public InvalidTaxonomyException(String message) {
        super(message);
    }

    public InvalidTaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
