package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the moderation pages take as a server's name: as actors' domain and the delivery queue's hosts name it. */
class ServerNameTest {
    @ParameterizedTest
    @CsvSource({"spam.example,spam.example", "Spam.Example:8443,spam.example:8443", "localhost:65535,localhost:65535",
            "[2001:db8::1],[2001:db8::1]", "[2001:DB8::1]:8443,[2001:db8::1]:8443", "[::1]:80,[::1]:80",
            "[::ffff:192.0.2.1],[::ffff:192.0.2.1]", "bücher.example,xn--bcher-kva.example", "spam.example.,spam.example",
            "spam.example:08443,spam.example:8443"})
    void aNameIsTaken(String given, String read) {
        assertEquals(Optional.of(read), ServerName.read(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-spam.example", "spam.example:70000", "2001:db8::1", "[2001:db8::1", "[2001:db8::1]x",
            "[2001:db8::zz]", "[192.0.2.1]", "[]", "[::1]:99999", "a b", "<b>x</b>", "[fe80::1%eth0]", "*.spam.example", "spam-.example",
            "spam..example"})
    void anythingElseIsNone(String given) {
        assertEquals(Optional.empty(), ServerName.read(given));
    }
}
