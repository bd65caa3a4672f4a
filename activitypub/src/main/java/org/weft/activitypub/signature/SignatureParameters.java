package org.weft.activitypub.signature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a {@code Signature} header, read here so that tomitribe only sees what it handles
 * well. tomitribe 1.8 checks {@code created}/{@code expires} against the system clock while parsing,
 * and writes {@code (expires)} into the signing string as {@code %.3f} in the default locale, so those
 * two stay with us; {@code hs2019} and a missing {@code algorithm} also need help.
 */
final class SignatureParameters {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

    private final Map<String, String> values;

    private SignatureParameters(Map<String, String> values) {
        this.values = values;
    }

    static SignatureParameters read(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(header);
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            values.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), value);
        }
        return new SignatureParameters(values);
    }

    /** @return the algorithm, lower case, or empty when the parameter is absent */
    Optional<String> algorithm() {
        return value("algorithm").map(a -> a.trim().toLowerCase(Locale.ROOT));
    }

    /** @return a parameter's value exactly as received, without quotes */
    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @param name {@code created} or {@code expires}
     * @return the time in the parameter, or empty if absent
     * @throws NumberFormatException if present but not a number of seconds
     */
    Optional<Instant> time(String name) {
        return value(name).map(raw -> {
            long seconds = new BigDecimal(raw.trim()).setScale(0, RoundingMode.FLOOR).longValueExact();
            return Instant.ofEpochSecond(seconds);
        });
    }

    /**
     * @param algorithm the algorithm to state
     * @return the header rebuilt for tomitribe: every parameter quoted, {@code created} and
     *         {@code expires} left out, {@code algorithm} set
     */
    String forTomitribe(String algorithm) {
        StringBuilder header = new StringBuilder();
        Map<String, String> kept = new LinkedHashMap<>(values);
        kept.remove("created");
        kept.remove("expires");
        kept.put("algorithm", algorithm);
        kept.forEach((name, value) -> {
            if (!header.isEmpty()) {
                header.append(',');
            }
            header.append(name.equals("keyid") ? "keyId" : name).append("=\"").append(value).append('"');
        });
        return header.toString();
    }
}
