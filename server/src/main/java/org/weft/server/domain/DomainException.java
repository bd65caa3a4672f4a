package org.weft.server.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.weft.web.i18n.Messages;

/**
 * Why the domain refused to do something, in a form every adapter can say in its own way: a stable English
 * {@link #code() code} for programs (the API's {@code error}), a message key and its arguments for people (pages and
 * the API's {@code message}, in the reader's language), and the input {@link #field() field} at fault when one is.
 * Four kinds, one per answer an adapter gives: {@link InvalidInputException} (400: change the input),
 * {@link NotFoundException} (404), {@link ForbiddenException} (403) and {@link ConflictException} (409: the thing is in
 * a state that takes no more of this).
 * <p>
 * {@link #getMessage()} is the English sentence (or a developer's detail), for logs and the command line; pages and
 * the API never show it but call {@link #messageIn(Messages)}.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ForbiddenException, ConflictException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String messageKey;
    private final String field;
    private final transient List<Object> arguments;
    private final String detail;

    /** A word inside a message that is itself translated, e.g. a status name: resolved with the same language. */
    public record Term(String key) {
    }

    DomainException(String code, String field, String detail, Object... arguments) {
        this(code, null, field, detail, arguments);
    }

    /**
     * With a message key of its own when one code has several sentences (why a conversation is closed). Not variable
     * arity, so that a call with four arguments cannot land here by accident.
     */
    DomainException(String code, String messageKey, String field, String detail, Object[] arguments) {
        if (code == null || !code.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("An error code is lower-case words joined by _: " + code);
        }
        this.code = code;
        this.messageKey = messageKey == null ? "error." + code : messageKey;
        this.field = field;
        this.detail = detail;
        Object[] given = arguments == null ? new Object[0] : arguments;
        this.arguments = List.copyOf(Arrays.stream(given).map(a -> a == null ? "" : a).toList());
    }

    /** The stable English code, e.g. {@code title_too_long}: what programs test, documented in docs/api.md. */
    public String code() {
        return code;
    }

    /** The message files' key for people: {@code error.} and the code, unless the kind names another. */
    public String messageKey() {
        return messageKey;
    }

    /** The input field at fault, as the API names it ({@code title}, {@code endsAt}), if one is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public List<Object> arguments() {
        return arguments;
    }

    /**
     * The sentence a person reads, in the language of {@code m}; {@link Term}s among the arguments are translated too,
     * and text arguments (what the person typed, a name) are isolated ({@link Messages#isolate}) so that their
     * direction does not mix with the sentence's.
     */
    public String messageIn(Messages m) {
        return format(m, true);
    }

    /** The English sentence (or a developer's detail), for logs and the command line: no isolating marks. */
    @Override
    public String getMessage() {
        String english = format(Messages.forLanguage("en"), false);
        return detail == null ? english : english + " (" + detail + ")";
    }

    private String format(Messages m, boolean isolate) {
        Object[] resolved = arguments.stream().map(a -> a instanceof Term t ? m.get(t.key())
                : isolate && a instanceof String text ? Messages.isolate(text) : a).toArray();
        return m.get(messageKey(), resolved);
    }
}
