package org.weft.activitypub.vocab;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.Fixtures;
import org.weft.activitypub.jsonld.MalformedActivityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncomingNoteTest {

    private static final String ROSA = "https://mastodon.example/users/rosa";
    private static final String KOFI = "https://lemmy.example/u/kofi";
    private static final String AMINA = "https://camp.weft.test/users/amina";
    private static final String BLOCK3 = "https://camp.weft.test/groups/block3";
    private static final String PROPOSAL = "https://camp.weft.test/proposals/7f3c9a";
    private static final String MASTODON_POST = "<p>Veg boxes for <span class=\"h-card\" translate=\"no\"><a href=\""
            + "https://camp.weft.test/groups/block3\" class=\"u-url mention\">@<span>block3</span></a></span> are packed "
            + "for Saturday — we still need %s and cool bags. <a href=\"https://mastodon.example/tags/MutualAidRequest\""
            + " class=\"mention hashtag\" rel=\"tag\">#<span>MutualAidRequest</span></a> <a href=\"https://mastodon."
            + "example/tags/food\" class=\"mention hashtag\" rel=\"tag\">#<span>food</span></a></p>";
    private static final String MASTODON_REPLY = "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://camp."
            + "weft.test/@amina\" class=\"u-url mention\">@<span>amina</span></a></span> I can cover the Thursday slot in"
            + " this proposal, and bring the trolley.</p>";
    private static final String MASTODON_DIRECT = "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://camp."
            + "weft.test/@amina\" class=\"u-url mention\">@<span>amina</span></a></span> my door code is 4417 if you drop"
            + " the cool bags while I'm out.</p>";

    private static IncomingNote objectOf(String fixture) {
        return IncomingNote.fromJson(Fixtures.parsed(fixture).get("object"));
    }

    @Test
    void mastodonPublicPost() {
        IncomingNote note = objectOf("mastodon/create-note-public.json");
        String id = "https://mastodon.example/users/rosa/statuses/116205812345678901";
        String html = MASTODON_POST.formatted("two drivers");

        assertEquals(id, note.id());
        assertEquals("Note", note.type());
        assertEquals(ROSA, note.attributedTo());
        assertNull(note.name());
        assertEquals(html, note.content());
        assertEquals(Map.of("en", html), note.contentMap());
        assertEquals("en", note.language());
        assertNull(note.summary());
        assertFalse(note.sensitive());
        assertNull(note.inReplyTo());
        assertEquals(List.of(Vocab.PUBLIC), note.to());
        assertEquals(List.of(ROSA + "/followers", BLOCK3, BLOCK3 + "/followers"), note.cc());
        assertEquals(Instant.parse("2026-03-14T09:26:53Z"), note.published());
        assertNull(note.updated());
        assertEquals("https://mastodon.example/@rosa/116205812345678901", note.url());
        assertEquals(List.of("MutualAidRequest", "food"), note.hashtags());
        assertEquals(List.of(BLOCK3), note.mentions());
        assertTrue(note.mentions(BLOCK3));
        assertNull(note.audience());
        assertEquals(Visibility.PUBLIC, note.visibility());
    }

    @Test
    void mastodonReplyToAProposal() {
        IncomingNote note = objectOf("mastodon/create-note-reply.json");

        assertEquals("https://mastodon.example/users/rosa/statuses/116205830011223344", note.id());
        assertEquals("Note", note.type());
        assertEquals(ROSA, note.attributedTo());
        assertNull(note.name());
        assertEquals(MASTODON_REPLY, note.content());
        assertEquals(Map.of("en", MASTODON_REPLY), note.contentMap());
        assertEquals("en", note.language());
        assertNull(note.summary());
        assertFalse(note.sensitive());
        assertEquals(PROPOSAL, note.inReplyTo());
        assertEquals(List.of(Vocab.PUBLIC), note.to());
        assertEquals(List.of(ROSA + "/followers", AMINA), note.cc());
        assertEquals(Instant.parse("2026-03-14T09:31:27Z"), note.published());
        assertNull(note.updated());
        assertEquals("https://mastodon.example/@rosa/116205830011223344", note.url());
        assertEquals(List.of(), note.hashtags());
        assertEquals(List.of(AMINA), note.mentions());
        assertNull(note.audience());
        assertEquals(Visibility.PUBLIC, note.visibility());
    }

    @Test
    void mastodonDirectMessage() {
        IncomingNote note = objectOf("mastodon/create-note-direct.json");

        assertEquals("https://mastodon.example/users/rosa/statuses/116205845566778899", note.id());
        assertEquals("Note", note.type());
        assertEquals(ROSA, note.attributedTo());
        assertNull(note.name());
        assertEquals(MASTODON_DIRECT, note.content());
        assertEquals(Map.of("en", MASTODON_DIRECT), note.contentMap());
        assertEquals("en", note.language());
        assertNull(note.summary());
        assertFalse(note.sensitive());
        assertNull(note.inReplyTo());
        assertEquals(List.of(AMINA), note.to());
        assertEquals(List.of(), note.cc());
        assertEquals(Instant.parse("2026-03-14T09:35:02Z"), note.published());
        assertNull(note.updated());
        assertEquals("https://mastodon.example/@rosa/116205845566778899", note.url());
        assertEquals(List.of(), note.hashtags());
        assertEquals(List.of(AMINA), note.mentions());
        assertNull(note.audience());
        assertEquals("https://mastodon.example/contexts/115482903117245512-5120433", note.context());
        assertEquals(Visibility.DIRECT, note.visibility());
    }

    @Test
    void mastodonEdit() {
        IncomingNote note = objectOf("mastodon/update-note.json");
        String html = MASTODON_POST.formatted("one more driver");

        assertEquals("https://mastodon.example/users/rosa/statuses/116205812345678901", note.id());
        assertEquals("Note", note.type());
        assertEquals(ROSA, note.attributedTo());
        assertEquals(html, note.content());
        assertEquals(Map.of("en", html), note.contentMap());
        assertEquals("en", note.language());
        assertNull(note.summary());
        assertFalse(note.sensitive());
        assertNull(note.inReplyTo());
        assertEquals(List.of(Vocab.PUBLIC), note.to());
        assertEquals(List.of(ROSA + "/followers", BLOCK3, BLOCK3 + "/followers"), note.cc());
        assertEquals(Instant.parse("2026-03-14T09:26:53Z"), note.published());
        assertEquals(Instant.parse("2026-03-14T09:48:20Z"), note.updated());
        assertEquals("https://mastodon.example/@rosa/116205812345678901", note.url());
        assertEquals(List.of("MutualAidRequest", "food"), note.hashtags());
        assertEquals(List.of(BLOCK3), note.mentions());
        assertNull(note.audience());
        assertEquals(Visibility.PUBLIC, note.visibility());
    }

    @Test
    void lemmyPostToTheGroup() {
        IncomingNote note = objectOf("lemmy/create-note-public.json");
        String html = "<p>Packed for Saturday, we still need two drivers and cool bags. #MutualAidRequest #food</p>\n";

        assertEquals("https://lemmy.example/post/88214", note.id());
        assertEquals("Page", note.type());
        assertEquals(KOFI, note.attributedTo());
        assertEquals("Veg boxes for Block 3: drivers needed", note.name());
        assertEquals(html, note.content());
        assertEquals(Map.of(), note.contentMap());
        assertEquals("en", note.language(), "from Lemmy's language.identifier");
        assertNull(note.summary());
        assertFalse(note.sensitive());
        assertNull(note.inReplyTo());
        assertEquals(List.of(BLOCK3, Vocab.PUBLIC), note.to());
        assertEquals(List.of(), note.cc());
        assertEquals(Instant.parse("2026-03-14T09:26:53.604812Z"), note.published());
        assertNull(note.updated());
        assertNull(note.url());
        assertEquals(List.of("block3"), note.hashtags());
        assertEquals(List.of(), note.mentions());
        assertEquals(BLOCK3, note.audience());
        assertEquals(Visibility.PUBLIC, note.visibility());
    }

    @Test
    void lemmyCommentReplyingToAProposal() {
        IncomingNote note = objectOf("lemmy/create-note-reply.json");
        String html = "<p>@amina@camp.weft.test I can cover the Thursday slot in this proposal, and bring the trolley.</p>\n";

        assertEquals("https://lemmy.example/comment/401877", note.id());
        assertEquals("Note", note.type());
        assertEquals(KOFI, note.attributedTo());
        assertNull(note.name());
        assertEquals(html, note.content());
        assertEquals(Map.of(), note.contentMap());
        assertEquals("en", note.language());
        assertNull(note.summary());
        assertFalse(note.sensitive());
        assertEquals(PROPOSAL, note.inReplyTo());
        assertEquals(List.of(Vocab.PUBLIC), note.to());
        assertEquals(List.of(BLOCK3, AMINA), note.cc());
        assertEquals(Instant.parse("2026-03-14T09:31:27.552190Z"), note.published());
        assertNull(note.updated());
        assertNull(note.url());
        assertEquals(List.of(), note.hashtags());
        assertEquals(List.of(AMINA), note.mentions());
        assertEquals(BLOCK3, note.audience());
        assertEquals(Visibility.PUBLIC, note.visibility());
    }

    @Test
    void lemmyPrivateMessage() {
        IncomingNote note = objectOf("lemmy/create-note-direct.json");

        assertEquals("https://lemmy.example/private_message/20933", note.id());
        assertEquals("ChatMessage", note.type());
        assertEquals(KOFI, note.attributedTo());
        assertNull(note.name());
        assertEquals("<p>my door code is 4417 if you drop the cool bags while I'm out.</p>\n", note.content());
        assertEquals(Map.of(), note.contentMap());
        assertNull(note.language());
        assertNull(note.summary());
        assertFalse(note.sensitive());
        assertNull(note.inReplyTo());
        assertEquals(List.of(AMINA), note.to());
        assertEquals(List.of(), note.cc());
        assertEquals(Instant.parse("2026-03-14T09:35:02.881463Z"), note.published());
        assertNull(note.updated());
        assertNull(note.url());
        assertEquals(List.of(), note.hashtags());
        assertEquals(List.of(), note.mentions());
        assertNull(note.audience());
        assertEquals(Visibility.DIRECT, note.visibility());
    }

    @Test
    void lemmyEditAndTheCommunityAnnounceOfAPost() {
        IncomingNote edit = objectOf("lemmy/update-note.json");
        assertEquals("https://lemmy.example/post/88214", edit.id());
        assertEquals("Page", edit.type());
        assertEquals("<p>Packed for Saturday, we still need one more driver and cool bags. #MutualAidRequest #food</p>\n",
                edit.content());
        assertEquals(Instant.parse("2026-03-14T09:48:20.117204Z"), edit.updated());
        assertEquals(List.of("block3"), edit.hashtags());
        assertEquals(BLOCK3, edit.audience());
        assertEquals(Visibility.PUBLIC, edit.visibility());

        JsonNode announce = Fixtures.parsed("lemmy/announce.json");
        IncomingNote post = IncomingNote.fromJson(announce.get("object").get("object"));
        assertEquals("https://lemmy.example/post/88214", post.id());
        assertEquals("Veg boxes for Block 3: drivers needed", post.name());
        assertEquals(List.of("https://lemmy.example/c/foodshare", Vocab.PUBLIC), post.to());
        assertEquals(List.of("foodshare"), post.hashtags());
        assertEquals("https://lemmy.example/c/foodshare", post.audience());
        assertEquals("en", post.language());
    }

    @Test
    void addressingDecidesVisibility() {
        ObjectNode json = (ObjectNode) Fixtures.parsed("mastodon/create-note-public.json").get("object").deepCopy();
        json.put("to", ROSA + "/followers");
        json.putArray("cc").add("as:Public");
        assertEquals(Visibility.UNLISTED, IncomingNote.fromJson(json).visibility());

        json.putArray("cc").add(AMINA);
        IncomingNote followersOnly = IncomingNote.fromJson(json);
        assertEquals(Visibility.FOLLOWERS, followersOnly.visibility());
        assertEquals(Visibility.FOLLOWERS, followersOnly.visibility(Set.of(ROSA + "/followers")));
        assertEquals(Visibility.DIRECT, followersOnly.visibility(Set.of("https://mastodon.example/users/other/followers")));

        json.put("to", "Public");
        assertEquals(Visibility.PUBLIC, IncomingNote.fromJson(json).visibility());
    }

    @Test
    void summarySensitiveAndContentMapOnlyAreRead() {
        ObjectNode json = (ObjectNode) Fixtures.parsed("mastodon/create-note-public.json").get("object").deepCopy();
        json.put("summary", "food, allergens");
        json.put("sensitive", true);
        json.remove("content");
        json.putObject("contentMap").put("ar", "<p>مرحبا</p>").put("en", "<p>hello</p>");
        json.set("tag", json.get("tag").get(1));

        IncomingNote note = IncomingNote.fromJson(json);

        assertEquals("food, allergens", note.summary());
        assertTrue(note.sensitive());
        assertEquals("<p>مرحبا</p>", note.content());
        assertEquals("ar", note.language());
        assertEquals(List.of("MutualAidRequest"), note.hashtags());
        assertEquals(List.of(), note.mentions());
    }

    @Test
    void nonPostsAreRefused() {
        JsonNode follow = Fixtures.parsed("mastodon/follow.json");
        assertFalse(IncomingNote.isPost(follow));
        MalformedActivityException e = assertThrows(MalformedActivityException.class,
                () -> IncomingNote.fromJson(follow));
        assertEquals(MalformedActivityException.Reason.INVALID_SHAPE, e.reason());
        assertTrue(e.getMessage().contains("has type Follow"), e.getMessage());

        ObjectNode anonymous = (ObjectNode) Fixtures.parsed("mastodon/create-note-public.json").get("object").deepCopy();
        anonymous.remove("attributedTo");
        assertTrue(IncomingNote.isPost(anonymous));
        assertThrows(MalformedActivityException.class, () -> IncomingNote.fromJson(anonymous));
    }
}
