package org.weft.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MessagesTest {

    /**
     * Reads each language's own file, not the bundle: a bundle's keys include its English parent's, so a key missing
     * from a translation would pass unseen.
     */
    @Test
    void everyLanguageFileHasEveryEnglishKeyFilledIn() throws IOException {
        Properties english = file("messages.properties");
        assertFalse(english.isEmpty());
        for (String lang : Messages.LANGUAGES) {
            assertEquals(lang, Messages.forLanguage(lang).language());
            if ("en".equals(lang)) {
                continue;
            }
            Properties translated = file("messages_" + lang + ".properties");
            Set<String> missing = new TreeSet<>();
            Set<String> blank = new TreeSet<>();
            for (String key : english.stringPropertyNames()) {
                String value = translated.getProperty(key);
                if (value == null) {
                    missing.add(key);
                } else if (value.isBlank()) {
                    blank.add(key);
                }
            }
            assertTrue(missing.isEmpty(), lang + " lacks " + missing);
            assertTrue(blank.isEmpty(), lang + " has blank " + blank);
        }
        Set<String> blankEnglish = new TreeSet<>();
        english.stringPropertyNames().stream().filter(k -> english.getProperty(k).isBlank()).forEach(blankEnglish::add);
        assertTrue(blankEnglish.isEmpty(), "English has blank " + blankEnglish);
    }

    @Test
    void countsTakeEachLanguagesPluralForms() {
        // CLDR plural rules through ICU: Ukrainian one/few/many, Arabic two/few/many/other with Arabic-Indic digits.
        Messages uk = Messages.forLanguage("uk");
        assertEquals("1 сервері", uk.get("reach.servers", 1));
        assertEquals("3 серверах", uk.get("reach.servers", 3));
        assertEquals("21 сервері", uk.get("reach.servers", 21));
        assertEquals("14 схвалених підписників на 6 серверах",
                uk.get("reach.followers", 14, uk.get("reach.servers", 6)));
        assertEquals("22 схвалені підписники на 1 сервері", uk.get("reach.followers", 22, uk.get("reach.servers", 1)));
        Messages ar = Messages.forLanguage("ar");
        assertEquals("خادمين", ar.get("reach.servers", 2));
        assertEquals("٣ خوادم", ar.get("reach.servers", 3));
        assertEquals("١١ خادمًا", ar.get("reach.servers", 11));
        assertEquals("١٠٠ خادم", ar.get("reach.servers", 100));
        Messages en = Messages.forLanguage("en");
        assertEquals("Only 120 members of this server and 14 approved followers on 6 servers; posted by the community,"
                + " never under your name.", en.get("reach.communityOnly", en.get("reach.members", 120),
                en.get("reach.followers", 14, en.get("reach.servers", 6))));
        assertEquals("no approved follower elsewhere", en.get("reach.followers", 0, en.get("reach.servers", 0)));
        assertEquals("1 member of this server", en.get("reach.members", 1));
    }

    /**
     * The counts a reader meets most, the unread badge and the printed board's "and 100 more", and the limits an error
     * names take the forms of their language: Arabic's one, two, few (3 to 10), many (11 to 99) and other; French and
     * Spanish one and other; Ukrainian one, few and many.
     */
    @Test
    void theBadgeAndThePrintedBoardCountInTheirLanguagesForms() {
        Messages ar = Messages.forLanguage("ar");
        assertEquals("إشعار جديد", ar.get("notification.unreadBadge", 1));
        assertEquals("إشعاران جديدان", ar.get("notification.unreadBadge", 2));
        assertEquals("٣ إشعارات جديدة", ar.get("notification.unreadBadge", 3));
        assertEquals("١١ إشعارًا جديدًا", ar.get("notification.unreadBadge", 11));
        assertEquals("١٠٠ إشعار جديد", ar.get("notification.unreadBadge", 100));
        assertEquals("…و٥ منشورات أخرى على صفحة اللوحة في الويب.", ar.get("print.more", 5));
        assertEquals("…و٢٥ منشورًا آخر على صفحة اللوحة في الويب.", ar.get("print.more", 25));
        assertEquals("لا يزيد العنوان عن ١٠٠ حرف.", ar.get("error.title_too_long", 100));
        assertEquals("لا يزيد العنوان عن ٨٠ حرفًا.", ar.get("error.title_too_long", 80));
        assertEquals("1 nouveau", Messages.forLanguage("fr").get("notification.unreadBadge", 1));
        assertEquals("2 nouveaux", Messages.forLanguage("fr").get("notification.unreadBadge", 2));
        assertEquals("…et 1 autre sur la page web du tableau.", Messages.forLanguage("fr").get("print.more", 1));
        assertEquals("1 nuevo", Messages.forLanguage("es").get("notification.unreadBadge", 1));
        assertEquals("1 resultado", Messages.forLanguage("es").get("board.total", 1));
        // A poll lasts at most 31 days: "31 день" in Ukrainian (one), not "днів".
        assertEquals("Опитування завершується не раніше ніж через 5 хвилин і не пізніше ніж через 31 день.",
                Messages.forLanguage("uk").get("error.poll_end_out_of_range", 5, 31));
    }

    @Test
    void everyPluralPatternHasAnOtherFormInEveryLanguage() throws IOException {
        for (String lang : Messages.LANGUAGES) {
            Properties p = file("en".equals(lang) ? "messages.properties" : "messages_" + lang + ".properties");
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (value.contains(", plural,")) {
                    assertTrue(value.contains("other {"), lang + " " + key + " lacks its 'other' form");
                    // Formatting must not throw for any count (ICU refuses a malformed pattern only when used); a second
                    // argument is a count too when the pattern formats it, else a word.
                    for (long n : new long[] {0, 1, 2, 3, 11, 21, 100}) {
                        Messages.forLanguage(lang).get(key, n, value.contains("{1,") ? n : "x");
                    }
                }
            }
        }
    }

    private static Properties file(String name) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertTrue(in != null, "no file i18n/" + name);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    /**
     * An example handle ({@code @name@server}) inside an Arabic or Persian sentence is wrapped in Unicode's
     * left-to-right isolate (U+2066 … U+2069): bare, its first {@code @} took the sentence's direction and was drawn
     * after the rest, so the page showed {@code name@server@}.
     */
    @Test
    void aHandleInARightToLeftSentenceIsIsolatedLeftToRight() throws IOException {
        Pattern handle = Pattern.compile("(.?)@[A-Za-z]+@[A-Za-z.]*[A-Za-z](.?)");
        for (String lang : List.of("ar", "fa")) {
            Properties p = file("messages_" + lang + ".properties");
            Set<String> bare = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                Matcher found = handle.matcher(p.getProperty(key));
                while (found.find()) {
                    if (!"\u2066".equals(found.group(1)) || !"\u2069".equals(found.group(2))) {
                        bare.add(key + "=" + p.getProperty(key));
                    }
                }
            }
            assertTrue(bare.isEmpty(), lang + ": a handle without U+2066 before and U+2069 after it: " + bare);
        }
    }

    @Test
    void languagesResolveWithFallbackAndDirection() {
        assertEquals("ar", Messages.supported("ar-SY"));
        assertEquals("en", Messages.supported("de"));
        assertEquals("en", Messages.supported(null));
        assertTrue(Messages.forLanguage("fa").isRightToLeft());
        assertFalse(Messages.forLanguage("uk").isRightToLeft());
        assertEquals("عرض", Messages.forLanguage("ar").get("wire.purpose.offer"));
        assertEquals("Until 3 May", Messages.forLanguage("en").get("wire.until", "3 May"));
    }

    /** A list reads as its language joins one: no Latin comma between Arabic or Persian words. */
    @Test
    void aListIsJoinedAsItsLanguageJoinsOne() {
        List<String> two = List.of("طعام", "حفاضات");
        assertEquals("Food and Nappies", Messages.forLanguage("en").list(List.of("Food", "Nappies")));
        assertEquals("Food, Nappies, and Coats", Messages.forLanguage("en").list(List.of("Food", "Nappies", "Coats")));
        for (String lang : List.of("ar", "fa")) {
            String joined = Messages.forLanguage(lang).list(two);
            assertTrue(joined.startsWith("طعام") && joined.endsWith("حفاضات") && !joined.contains(","), lang + ": " + joined);
            assertTrue(joined.contains("و"), lang + " joins with its own and: " + joined);
        }
        assertEquals("A", Messages.forLanguage("fr").list(List.of("A")));
    }

    /** An area within a larger one is written with the reader's comma: no Latin comma inside an Arabic or Persian name. */
    @Test
    void anAreasFullNameIsJoinedWithItsLanguagesComma() {
        assertEquals("Camp A, Block 3, Row 2", Messages.forLanguage("en").place(List.of("Camp A", "Block 3", "Row 2")));
        for (String lang : List.of("ar", "fa")) {
            assertEquals("المخيم أ\u060c البلوك 3", Messages.forLanguage(lang).place(List.of("المخيم أ", "البلوك 3")), lang);
        }
        assertEquals("Bloc 3", Messages.forLanguage("fr").place(List.of("Bloc 3")));
        assertEquals("", Messages.forLanguage("fr").place(List.of()));
    }

    /**
     * A proposal's quantity names its unit in the reader's language, in the form its number takes, with the language's
     * digits: what the page and the Note both write.
     */
    @Test
    void quantitiesTakeTheirUnitsPluralForm() {
        Messages en = Messages.forLanguage("en");
        assertEquals("1 hour", en.get("amount.hour", new java.math.BigDecimal("1")));
        assertEquals("2 hours", en.get("amount.hour", new java.math.BigDecimal("2")));
        assertEquals("1.5 kilograms", en.get("amount.kilogram", new java.math.BigDecimal("1.5")));
        Messages ar = Messages.forLanguage("ar");
        assertEquals("ساعة واحدة", ar.get("amount.hour", 1));
        assertEquals("ساعتين", ar.get("amount.hour", 2));
        assertEquals("٣ ساعات", ar.get("amount.hour", 3));
        assertEquals("١١ ساعة", ar.get("amount.hour", 11));
        assertEquals("Quantité : 1 heure", Messages.forLanguage("fr").get("wire.quantity",
                Messages.forLanguage("fr").get("amount.hour", 1)));
        assertEquals("3 год.", Messages.forLanguage("uk").get("amount.hour", 3));
    }
}
