package org.weft.activitypub.signature;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light read of a {@code Signature} header's parameters, only to choose how tomitribe must parse it
 * ({@code hs2019} and a missing {@code algorithm} need help there).
 */
final class SignatureParameters {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

    private final Map<String, String> values;

    private SignatureParameters(Map<String, String> values) {
        this.values = values;
    }

    static SignatureParameters read(String header) {
        Map<String, String> values = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(header);
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            values.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), value);
        }
        return new SignatureParameters(values);
    }

    /** @return the algorithm, lower case, or empty when the parameter is absent */
    Optional<String> algorithm() {
        return Optional.ofNullable(values.get("algorithm")).map(a -> a.trim().toLowerCase(Locale.ROOT));
    }
}
