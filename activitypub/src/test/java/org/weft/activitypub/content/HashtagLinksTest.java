package org.weft.activitypub.content;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.weft.activitypub.Fixtures;
import org.weft.activitypub.vocab.IncomingNote;
import org.weft.activitypub.vocab.Tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashtagLinksTest {

    @Test
    void aHashtagLinkMatchesItsTagEntry() {
        HashtagLinks.Rendered food = HashtagLinks.hashtag("https://camp-a.example/", "#food");

        assertEquals("<a href=\"https://camp-a.example/tags/food\" class=\"mention hashtag\" rel=\"tag\">#<span>food"
                + "</span></a>", food.html());
        assertEquals(new Tag("Hashtag", "#food", "https://camp-a.example/tags/food"), food.tag());
    }

    @Test
    void theObjectModelExampleLinksAreReproduced() {
        List<HashtagLinks.Rendered> links = List.of(HashtagLinks.hashtag("https://camp-a.example", "MutualAidOffer"),
                HashtagLinks.hashtag("https://camp-a.example", "food"));

        assertEquals("<a href=\"https://camp-a.example/tags/MutualAidOffer\" class=\"mention hashtag\" rel=\"tag\">#"
                + "<span>MutualAidOffer</span></a> <a href=\"https://camp-a.example/tags/food\" class=\"mention hashtag\""
                + " rel=\"tag\">#<span>food</span></a>", HashtagLinks.html(links));
        assertEquals(List.of(Tag.hashtag("MutualAidOffer", "https://camp-a.example/tags/MutualAidOffer"),
                Tag.hashtag("food", "https://camp-a.example/tags/food")), HashtagLinks.tags(links));
        assertEquals(List.of("MutualAidOffer", "food"), HashtagLinks.hashtagsIn(HashtagLinks.html(links)));
    }

    @Test
    void nonAsciiTagsArePercentEncodedInTheHrefOnly() {
        HashtagLinks.Rendered tag = HashtagLinks.hashtag("https://camp-a.example", "مساعدة");

        assertEquals("https://camp-a.example/tags/%D9%85%D8%B3%D8%A7%D8%B9%D8%AF%D8%A9", tag.tag().href());
        assertEquals("#مساعدة", tag.tag().name());
        assertTrue(tag.html().contains("#<span>مساعدة</span>"), tag.html());
        assertEquals(List.of("مساعدة"), HashtagLinks.hashtagsIn(tag.html()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#", "123", "two words", "<script>", "tag\"onmouseover=x", "a/b", "x-y"})
    void whatIsNoHashtagIsRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> HashtagLinks.hashtag("https://camp-a.example", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "https://camp-a.example/path", "camp-a.example", "https://x?q=1"})
    void originsMustBeOrigins(String origin) {
        assertThrows(IllegalArgumentException.class, () -> HashtagLinks.hashtag(origin, "food"));
    }

    @Test
    void aMentionMatchesMastodonsShapeAndItsTagEntry() {
        HashtagLinks.Rendered rosa = HashtagLinks.mention("https://mastodon.example/users/rosa",
                "https://mastodon.example/@rosa", "rosa", "Mastodon.Example");

        assertEquals("<span class=\"h-card\"><a href=\"https://mastodon.example/@rosa\" class=\"u-url mention\">@<span>"
                + "rosa</span></a></span>", rosa.html());
        assertEquals(new Tag("Mention", "@rosa@mastodon.example", "https://mastodon.example/users/rosa"), rosa.tag());
        assertThrows(IllegalArgumentException.class,
                () -> HashtagLinks.mention("https://x.example/u/1", null, "<b>x</b>", "x.example"));
        assertTrue(HashtagLinks.mention("https://x.example/u/1", null, "kofi", "x.example").html()
                .contains("href=\"https://x.example/u/1\""), "the actor id stands in for a missing profile URL");
    }

    @Test
    void renderedLinksSurviveTheSanitiserWithTheirClasses() {
        String html = HashtagLinks.html(List.of(HashtagLinks.hashtag("https://camp-a.example", "food"),
                HashtagLinks.mention("https://m.example/users/rosa", "https://m.example/@rosa", "rosa", "m.example")));
        String clean = HtmlSanitizer.sanitize(html);

        assertEquals(List.of("food"), HashtagLinks.hashtagsIn(clean));
        assertTrue(clean.contains("class=\"mention hashtag\""), clean);
        assertTrue(clean.contains("<span class=\"h-card\"><a href=\"https://m.example/@rosa\" class=\"u-url mention\""),
                clean);
    }

    @Test
    void hashtagsInMastodonContentMatchItsTags() {
        var object = Fixtures.parsed("mastodon/create-note-public.json").get("object");
        IncomingNote note = IncomingNote.fromJson(object);
        assertEquals(note.hashtags(), HashtagLinks.hashtagsIn(note.content()));
        assertEquals(List.of(), HashtagLinks.hashtagsIn(null));
    }
}
