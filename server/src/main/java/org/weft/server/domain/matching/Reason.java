package org.weft.server.domain.matching;

import java.util.ArrayList;
import java.util.List;

/** One reason for a match: a code and an optional argument (a concept id, a distance). */
public record Reason(ReasonCode code, String argument) {

    public static Reason of(ReasonCode code) {
        return new Reason(code, null);
    }

    /** Stored form: {@code code} or {@code code:argument}, with the code's short stored form ({@code c:prams}). */
    public String encoded() {
        return argument == null ? code.stored() : code.stored() + ":" + argument;
    }

    /** Reads the stored form, and the older one with the code's name ({@code SAME_CATEGORY:prams}). */
    public static Reason decode(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? of(ReasonCode.fromStored(text))
                : new Reason(ReasonCode.fromStored(text.substring(0, colon)), text.substring(colon + 1));
    }

    /** Reasons joined with spaces for the {@code reasons} column; codes and arguments hold no spaces. */
    public static String encodeAll(List<Reason> reasons) {
        return String.join(" ", reasons.stream().map(Reason::encoded).toList());
    }

    public static List<Reason> decodeAll(String text) {
        List<Reason> reasons = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.strip().split(" ")) {
                reasons.add(decode(part));
            }
        }
        return reasons;
    }
}
