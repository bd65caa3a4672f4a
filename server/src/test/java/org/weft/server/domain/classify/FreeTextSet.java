package org.weft.server.domain.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * Reads the free-text evaluation set and knows its split rule. The two files and the rules for using them are
 * described in {@code classify/examples/README.md}.
 */
final class FreeTextSet {

    /** The development two-thirds: tune on it. */
    static final String DEVELOPMENT = "/classify/examples/development.tsv";
    /**
     * The first set's frozen third. It was measured once (issue 14, session 22) and is now <em>spent</em>: it may be
     * tuned on like the development part.
     */
    static final String FROZEN = "/classify/examples/frozen.tsv";
    /** The second set's development two-thirds (session 23, scenes 61 to 120): tune on it. */
    static final String DEVELOPMENT_2 = "/classify/examples/development2.tsv";
    /**
     * The second set's frozen third. It was measured once (issue 14, session 23) and is now <em>spent</em>: it may be
     * tuned on like the development parts.
     */
    static final String FROZEN_2 = "/classify/examples/frozen2.tsv";
    /** The third set's development two-thirds (session 25, scenes 121 to 180): tune on it. */
    static final String DEVELOPMENT_3 = "/classify/examples/development3.tsv";
    /**
     * The third set's frozen third. It was measured once (issue 14, session 25) and is now <em>spent</em>: it may be
     * tuned on like the development parts.
     */
    static final String FROZEN_3 = "/classify/examples/frozen3.tsv";
    /**
     * The fourth set's development two-thirds (scenes 181 to 240, written blind by someone who had not read the
     * classifier): measured once untuned (session 26), then tuned on like the others.
     */
    static final String DEVELOPMENT_4 = "/classify/examples/development4.tsv";
    /**
     * The fourth set's frozen third. It was measured once (issue 14, session 27) and is now <em>spent</em>: since
     * session 28 it is tuned on like the development parts.
     */
    static final String FROZEN_4 = "/classify/examples/frozen4.tsv";
    /**
     * The fifth set's development two-thirds (scenes 241 to 300, written blind): measured once untuned (session 28),
     * tuned on since session 30.
     */
    static final String DEVELOPMENT_5 = "/classify/examples/development5.tsv";
    /**
     * The fifth set's frozen third. It was measured once (issue 14, session 28) and is now <em>spent</em>: since
     * session 30 it is tuned on like the development parts.
     */
    static final String FROZEN_5 = "/classify/examples/frozen5.tsv";
    /**
     * The sixth set's development two-thirds (scenes 301 to 360, written blind in session 30 while the classifier was
     * tuned on the fifth set): measured once untouched with its frozen third (session 30), spent, not yet tuned on.
     */
    static final String DEVELOPMENT_6 = "/classify/examples/development6.tsv";
    /**
     * The sixth set's frozen third: measured once (session 30) and spent; read only by
     * {@code FrozenFreeTextEvaluationTest}, which never prints a post of it.
     */
    static final String FROZEN_6 = "/classify/examples/frozen6.tsv";
    /**
     * The seventh set's development two-thirds (scenes 361 to 420, written blind in session 32 while the classifier
     * learnt to read by example): measured once, whole (session 32), spent; among the examples since session 34.
     */
    static final String DEVELOPMENT_7 = "/classify/examples/development7.tsv";
    /** The seventh set's frozen third: measured once (session 32), spent; among the examples since session 34. */
    static final String FROZEN_7 = "/classify/examples/frozen7.tsv";
    /**
     * The eighth set's development two-thirds (scenes 421 to 480, written blind in session 34 while the examples
     * learnt to add needs): measured once, whole, by {@code FrozenFreeTextEvaluationTest} (session 34), spent; among
     * the examples since session 35.
     */
    static final String DEVELOPMENT_8 = "/classify/examples/development8.tsv";
    /** The eighth set's frozen third: measured once (session 34), spent; among the examples since session 35. */
    static final String FROZEN_8 = "/classify/examples/frozen8.tsv";
    /**
     * The ninth set's development two-thirds (scenes 481 to 540, written blind in session 35 while the eighth set's
     * misses were studied): measured once, whole, by {@code FrozenFreeTextEvaluationTest} (session 35), spent; among the
     * examples since session 35.
     */
    static final String DEVELOPMENT_9 = "/classify/examples/development9.tsv";
    /** The ninth set's frozen third: measured once (session 35), spent; among the examples since session 35. */
    static final String FROZEN_9 = "/classify/examples/frozen9.tsv";
    /**
     * The tenth set's development two-thirds (scenes 541 to 600, written blind in session 35 while the word list learnt
     * new writers' words): measured once, whole, by {@code FrozenFreeTextEvaluationTest} (session 35), spent; among the
     * examples since session 36.
     */
    static final String DEVELOPMENT_10 = "/classify/examples/development10.tsv";
    /** The tenth set's frozen third: measured once (session 35), spent; among the examples since session 36. */
    static final String FROZEN_10 = "/classify/examples/frozen10.tsv";
    /**
     * The parts of a set written blind and not yet measured ({@code classify/free-text/}), which {@code
     * FrozenFreeTextEvaluationTest} measures once: none now (the tenth, measured in session 35, joined the examples;
     * the lead adds the eleventh, written blind, when it is ready).
     */
    static final List<String> BLIND = List.of();
    /** Every part that may be tuned on: the five development parts and the five spent frozen thirds. */
    static final List<String> TUNING = List.of(DEVELOPMENT, FROZEN, DEVELOPMENT_2, FROZEN_2, DEVELOPMENT_3, FROZEN_3,
            DEVELOPMENT_4, FROZEN_4, DEVELOPMENT_5, FROZEN_5);
    /**
     * Every part of the ten sets, each measured once and spent: the examples the server reads by ({@code
     * classify/examples/}, {@link ExampleSet}), in the same order.
     */
    static final List<String> ALL = List.of(DEVELOPMENT, FROZEN, DEVELOPMENT_2, FROZEN_2, DEVELOPMENT_3, FROZEN_3,
            DEVELOPMENT_4, FROZEN_4, DEVELOPMENT_5, FROZEN_5, DEVELOPMENT_6, FROZEN_6, DEVELOPMENT_7, FROZEN_7,
            DEVELOPMENT_8, FROZEN_8, DEVELOPMENT_9, FROZEN_9, DEVELOPMENT_10, FROZEN_10);
    /** The scene numbers of the second set run from here to {@code SECOND_SET_FIRST + 59}. */
    static final int SECOND_SET_FIRST = 61;
    /** The scene numbers of the third set run from here to {@code THIRD_SET_FIRST + 59}. */
    static final int THIRD_SET_FIRST = 121;
    /** The scene numbers of the fourth set run from here to {@code FOURTH_SET_FIRST + 59}. */
    static final int FOURTH_SET_FIRST = 181;
    /** The scene numbers of the fifth set run from here to {@code FIFTH_SET_FIRST + 59}. */
    static final int FIFTH_SET_FIRST = 241;
    /** The scene numbers of the sixth set run from here to {@code SIXTH_SET_FIRST + 59}. */
    static final int SIXTH_SET_FIRST = 301;
    /** The scene numbers of the seventh set run from here to {@code SEVENTH_SET_FIRST + 59}. */
    static final int SEVENTH_SET_FIRST = 361;
    /** The scene numbers of the eighth set run from here to {@code EIGHTH_SET_FIRST + 59}. */
    static final int EIGHTH_SET_FIRST = 421;
    /** The scene numbers of the ninth set run from here to {@code NINTH_SET_FIRST + 59}. */
    static final int NINTH_SET_FIRST = 481;
    /** The scene numbers of the tenth set run from here to {@code TENTH_SET_FIRST + 59}. */
    static final int TENTH_SET_FIRST = 541;

    private static final Pattern ID = Pattern.compile("([a-z]{2})-(\\d{2,3})");
    private static final Pattern CONCEPT_ID = Pattern.compile("[a-z][a-z-]*");
    /** Stratum order of a scene's purpose in the split, and the tie-break when a scene's posts disagree. */
    private static final List<String> PURPOSES = List.of("none", "offer", "request");

    private FreeTextSet() {
    }

    /** The posts of several parts, in order. */
    static List<FreeTextPost> readAll(List<String> resources) {
        return resources.stream().flatMap(r -> read(r).stream()).toList();
    }

    /**
     * The split rule of the second set: in each language, posts are numbered in the order they were written, and every
     * third one (the third, sixth, ... sixtieth) is in the frozen third. Scenes are told in every language under the
     * same number, so a frozen post never has a sister post in the development part.
     */
    static boolean inSecondFrozenThird(int number) {
        return (number - SECOND_SET_FIRST + 1) % 3 == 0;
    }

    /** The third set's split rule, the second's moved to its numbers: scenes 123, 126, ... 180 are frozen. */
    static boolean inThirdFrozenThird(int number) {
        return (number - THIRD_SET_FIRST + 1) % 3 == 0;
    }

    /** The fourth set's split rule, the same moved to its numbers: scenes 183, 186, ... 240 are frozen. */
    static boolean inFourthFrozenThird(int number) {
        return (number - FOURTH_SET_FIRST + 1) % 3 == 0;
    }

    /** The fifth set's split rule, the same moved to its numbers: scenes 243, 246, ... 300 are frozen. */
    static boolean inFifthFrozenThird(int number) {
        return (number - FIFTH_SET_FIRST + 1) % 3 == 0;
    }

    /** The sixth set's split rule, the same moved to its numbers: scenes 303, 306, ... 360 are frozen. */
    static boolean inSixthFrozenThird(int number) {
        return (number - SIXTH_SET_FIRST + 1) % 3 == 0;
    }

    /** The seventh set's split rule, the same moved to its numbers: scenes 363, 366, ... 420 are frozen. */
    static boolean inSeventhFrozenThird(int number) {
        return (number - SEVENTH_SET_FIRST + 1) % 3 == 0;
    }

    /** The eighth set's split rule, the same moved to its numbers: scenes 423, 426, ... 480 are frozen. */
    static boolean inEighthFrozenThird(int number) {
        return (number - EIGHTH_SET_FIRST + 1) % 3 == 0;
    }

    /** The ninth set's split rule, the same moved to its numbers: scenes 483, 486, ... 540 are frozen. */
    static boolean inNinthFrozenThird(int number) {
        return (number - NINTH_SET_FIRST + 1) % 3 == 0;
    }

    /** The tenth set's split rule, the same moved to its numbers: scenes 543, 546, ... 600 are frozen. */
    static boolean inTenthFrozenThird(int number) {
        return (number - TENTH_SET_FIRST + 1) % 3 == 0;
    }

    /** Whether a part is on the test class path (the sixth frozen third is added only when it is measured). */
    static boolean exists(String resource) {
        return FreeTextSet.class.getResource(resource) != null;
    }

    static List<FreeTextPost> read(String resource) {
        try (InputStream in = FreeTextSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the lines of one file; a malformed line is refused with its number, never skipped. */
    static List<FreeTextPost> parse(List<String> lines, String source) {
        List<FreeTextPost> posts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                continue;
            }
            try {
                posts.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return posts;
    }

    private static FreeTextPost parseLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("expected 6 tab-separated columns, found " + f.length);
        }
        var id = ID.matcher(f[0]);
        if (!id.matches() || !id.group(1).equals(f[1])) {
            throw new IllegalArgumentException("id " + f[0] + " is not <language>-<number> of language " + f[1]);
        }
        if (!Taxonomy.LANGUAGES.contains(f[1])) {
            throw new IllegalArgumentException("unknown language " + f[1]);
        }
        if (!PURPOSES.contains(f[2])) {
            throw new IllegalArgumentException("purpose must be offer, request or none: " + f[2]);
        }
        Optional<Purpose> purpose = Purpose.fromWire(f[2]);
        List<List<String>> needs = needs(f[3]);
        Optional<HelpKind> kind = kind(f[4]);
        if (purpose.isEmpty() && (!needs.isEmpty() || kind.isPresent())) {
            throw new IllegalArgumentException("a post that is neither offer nor request has needs 'other' and kind '-'");
        }
        if (f[5].isBlank()) {
            throw new IllegalArgumentException("empty text");
        }
        return new FreeTextPost(f[0], f[1], purpose, needs, kind, f[5].replace("\\n", "\n"));
    }

    private static List<List<String>> needs(String field) {
        if (field.equals(Taxonomy.OTHER_ID)) {
            return List.of();
        }
        List<List<String>> needs = new ArrayList<>();
        for (String need : field.split("\\+", -1)) {
            List<String> ids = Arrays.asList(need.split("/", -1));
            for (String id : ids) {
                if (!CONCEPT_ID.matcher(id).matches() || id.equals(Taxonomy.OTHER_ID)) {
                    throw new IllegalArgumentException("bad concept '" + id + "' in needs " + field);
                }
            }
            needs.add(ids);
        }
        return needs;
    }

    private static Optional<HelpKind> kind(String field) {
        return switch (field) {
            case "-" -> Optional.empty();
            case "gift" -> Optional.of(HelpKind.GIFT);
            case "loan" -> Optional.of(HelpKind.LOAN);
            case "time" -> Optional.of(HelpKind.TIME);
            default -> throw new IllegalArgumentException("kind must be gift, loan, time or -: " + field);
        };
    }

    /**
     * The scene numbers that belong in the frozen third, computed from the whole set (both files). Each number takes
     * the purpose most of its posts have (ties: none, offer, request); numbers are sorted by that purpose, then by the
     * SHA-256 of the two-digit number, and every third one from the third on is frozen. So the frozen third has the
     * same share of each purpose as the whole, no scene is in both parts, and nobody chose which posts went where.
     */
    static Set<Integer> frozenNumbers(Collection<FreeTextPost> all) {
        Map<Integer, List<FreeTextPost>> byNumber = all.stream().collect(Collectors.groupingBy(FreeTextPost::number));
        Function<Integer, Integer> stratum = n -> majorityPurpose(byNumber.get(n));
        List<Integer> order = byNumber.keySet().stream()
                .sorted(Comparator.comparing(stratum).thenComparing(n -> sha256(String.format("%02d", n))))
                .toList();
        Set<Integer> frozen = new TreeSet<>();
        for (int i = 2; i < order.size(); i += 3) {
            frozen.add(order.get(i));
        }
        return frozen;
    }

    private static int majorityPurpose(List<FreeTextPost> posts) {
        int[] counts = new int[PURPOSES.size()];
        posts.forEach(p -> counts[PURPOSES.indexOf(p.purpose().map(Purpose::wire).orElse("none"))]++);
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        return best;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
