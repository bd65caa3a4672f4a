package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The moderators' queue asked about an account or a community that is not there, or with an account that is not a
 * number: the moderator reads the not-found page in their language, never the developer's detail ("No account 7")
 * that the domain's exception carries for the log.
 */
class WaitingPostsBadAddressTest {
    @Test
    void anUnknownAccountOrCommunityIsNotFoundInTheReadersLanguage() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("camp", "Camp Board", null);
            weft.server().localActors().createMember("amina", "Amina", "amina-password", false);
            new Operators(weft.server().db()).setAdmin("amina", true);
            PageClient amina = new PageClient(weft.base()).language("ar");
            amina.login("amina", "amina-password");
            Messages ar = Messages.forLanguage("ar");
            for (String path : List.of("/moderate/camp/posts?account=987654", "/moderate/camp/posts?account=abc",
                    "/moderate/nowhere/posts")) {
                HttpResponse<String> page = amina.get(path);
                assertEquals(404, page.statusCode(), path);
                assertTrue(page.body().contains(ar.get("error.notFound")), path + ": " + page.body());
                assertFalse(page.body().contains("No account") || page.body().contains("No community"),
                        path + ": no developer's words: " + page.body());
            }
            // Refusing a server for a community that does not exist: the same sentence, not the exception's detail.
            HttpResponse<String> refused = amina.submit("/moderate/camp/posts", "/moderate/nowhere/posts/block-server",
                    Map.of("server", "spam.example", "confirm", "yes"));
            assertEquals(404, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains(ar.get("error.notFound")), refused.body());
            assertFalse(refused.body().contains("No community"), "no developer's words: " + refused.body());
        }
    }
}
