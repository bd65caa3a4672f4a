package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * How a post from another server reads on a board: what it offers or asks for, not whom it was addressed to. Mastodon
 * starts a post with the handles it mentions, as links inside h-card spans; a title that began "@block3" told a reader
 * nothing.
 */
class RemoteTextTest {
    private static final String MENTION = "<span class=\"h-card\" translate=\"no\"><a href=\"https://weft.example/groups/block3\""
            + " class=\"u-url mention\">@<span>block3</span></a></span>";

    @Test
    void theCommunityMentionedFirstIsNotPartOfTheTitle() {
        RemoteText.TitleAndDescription text = RemoteText.of("<p>" + MENTION + " spare kettle anyone? we got a new one</p>");
        assertEquals("spare kettle anyone? we got a new one", text.title());
        assertEquals("", text.description());
    }

    @Test
    void severalHandlesFirstAndOnTheirOwnLineAreLeftOutToo() {
        RemoteText.TitleAndDescription text = RemoteText.of("<p>" + MENTION + " <span class=\"h-card\"><a href=\"https://"
                + "mastodon.example/@rosa\" class=\"u-url mention\">@<span>rosa@mastodon.example</span></a></span></p>"
                + "<p>مين بيحتاج غسالة؟</p><p>بتشتغل منيح</p>");
        assertEquals("مين بيحتاج غسالة؟", text.title());
        assertEquals("بتشتغل منيح", text.description());
    }

    @Test
    void aHandleInsideTheSentenceStays() {
        RemoteText.TitleAndDescription text = RemoteText.of("<p>Lending a drill, ask " + MENTION + " for the key</p>");
        assertEquals("Lending a drill, ask @block3 for the key", text.title());
    }

    @Test
    void aPostOfHandlesOnlyKeepsThemRatherThanReadingAsEmpty() {
        assertEquals("@block3", RemoteText.of("<p>" + MENTION + "</p>").title());
    }

    @Test
    void aPostWithNoWordsHasNoTitleForItsCallerToName() {
        assertEquals(new RemoteText.TitleAndDescription("", ""), RemoteText.of("<p> </p>"));
        assertEquals(new RemoteText.TitleAndDescription("", ""), RemoteText.of(null));
    }
}
