package org.weft.activitypub.content;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.weft.activitypub.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class HtmlSanitizerTest {

    private static final String REL = " rel=\"nofollow noopener noreferrer\" target=\"_blank\"";

    static Stream<Arguments> hostile() {
        return Stream.of(
                arguments("<p>hi<script>alert(1)</script></p>", "<p>hi</p>"),
                arguments("<script>alert(1)</script>", ""),
                arguments("<p>a<img src=x onerror=alert(1)>b</p>", "<p>ab</p>"),
                arguments("<p onclick=\"alert(1)\" style=\"color:red\">x</p>", "<p>x</p>"),
                arguments("<span style=\"background:url(javascript:alert(1))\">x</span>", "<span>x</span>"),
                arguments("<a href=\"javascript:alert(1)\">click</a>", "click"),
                arguments("<a href=\"JaVaScRiPt:alert(1)\">click</a>", "click"),
                arguments("<a href=\"java&#x09;script:alert(1)\">click</a>", "click"),
                arguments("<a href=\" &#14;javascript:alert(1)\">click</a>", "click"),
                arguments("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">click</a>", "click"),
                arguments("<a href=\"vbscript:msgbox\">click</a>", "click"),
                arguments("<a href=\"/relative\">click</a>", "click"),
                arguments("<a href=\"https://ok.example/\" onmouseover=\"alert(1)\">ok</a>",
                        "<a href=\"https://ok.example/\"" + REL + ">ok</a>"),
                arguments("<iframe src=\"https://evil.example\">fallback</iframe><p>after</p>", "<p>after</p>"),
                arguments("<style>p{color:red}</style><p>x</p>", "<p>x</p>"),
                arguments("<svg onload=alert(1)><text>drawn</text></svg><p>x</p>", "<p>x</p>"),
                arguments("<math><mi>x</mi></math>ok", "ok"),
                arguments("<object data=\"x.swf\">alt</object><embed src=\"x.swf\">ok", "ok"),
                arguments("<form action=\"https://evil.example\"><input name=\"p\">text</form>", "text"),
                // Unclosed formatting is closed and reopened after the paragraph, as browsers do (HTML5 parsing).
                arguments("<p><b>bold <i>both</p> after", "<p><b>bold <i>both</i></b></p><b><i> after</i></b>"),
                arguments("<ul><li>one<li>two</ul>", "<ul><li>one</li><li>two</li></ul>"),
                arguments("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
                arguments("<p>&amp;lt;b&amp;gt;</p>", "<p>&amp;lt;b&amp;gt;</p>"),
                arguments("<!-- <script>alert(1)</script> --><p>x</p>", "<p>x</p>"),
                // CDATA means nothing in HTML: jsoup keeps it as text, which is harmless once escaped.
                arguments("<p>x</p><![CDATA[<script>alert(1)</script>]]>", "<p>x</p>&lt;script&gt;alert(1)&lt;/script&gt;"),
                arguments("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
                arguments("<div>one</div><div>two</div>", "one two"),
                arguments("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><p>x</p>", "<p>x</p>"),
                arguments("<base href=\"https://evil.example/\"><a href=\"x\">rel</a>", "rel"),
                arguments("<p title=\"&quot;><script>alert(1)</script>\">x</p>", "<p>x</p>"),
                arguments("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", ""));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileInputIsDisarmed(String html, String expected) {
        String clean = HtmlSanitizer.sanitize(html).strip();
        assertEquals(expected, clean.replaceAll("\\s{2,}", " "));
        String lower = clean.toLowerCase();
        assertFalse(lower.contains("<script"), clean);
        assertFalse(lower.contains("javascript:"), clean);
        assertFalse(lower.contains(" on"), clean);
        assertFalse(lower.contains("style="), clean);
    }

    @Test
    void whatMastodonKeepsIsKept() {
        String html = "<p>a<br>b <del>c</del> <em>d</em> <strong>e</strong> <b>f</b> <i>g</i> <u>h</u> <code>i</code></p>"
                + "<pre><code>j\n  k</code></pre><blockquote><p>q</p></blockquote>"
                + "<ol start=\"3\" reversed><li value=\"5\">x</li></ol><ul><li>y</li></ul>";
        assertEquals(html, HtmlSanitizer.sanitize(html));
    }

    @Test
    void headingsBecomeStrongParagraphs() {
        assertEquals("<p><strong>Title <em>here</em></strong></p><p>body</p>",
                HtmlSanitizer.sanitize("<h1>Title <em>here</em></h1><p>body</p>"));
        assertEquals("<p><strong>small</strong></p>", HtmlSanitizer.sanitize("<h6>small</h6>"));
    }

    @Test
    void onlyMicroformatAndMastodonClassesSurvive() {
        assertEquals("<span class=\"h-card\"><a href=\"https://m.example/@rosa\" class=\"u-url mention\"" + REL
                        + ">@<span>rosa</span></a></span>",
                HtmlSanitizer.sanitize("<span class=\"h-card evil\"><a href=\"https://m.example/@rosa\" "
                        + "class=\"u-url mention btn-danger\">@<span class=\"x\">rosa</span></a></span>"));
        assertEquals("<span class=\"invisible\">https://</span><span class=\"ellipsis\">long</span>",
                HtmlSanitizer.sanitize("<span class=\"invisible\">https://</span><span class=\"ellipsis\">long</span>"));
        assertEquals("<p>x</p>", HtmlSanitizer.sanitize("<p class=\"h-entry\">x</p>"), "no class on p");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://a.example/", "https://a.example/x?y=1#z", "dat://abc", "dweb:/ipfs/abc",
        "ipfs://abc", "ipns://abc", "ssb:%abc", "gopher://a.example", "xmpp:rosa@a.example", "magnet:?xt=urn:btih:abc",
        "gemini://a.example/"})
    void everyMastodonLinkSchemeIsKept(String href) {
        assertEquals("<a href=\"" + href.replace("&", "&amp;") + "\"" + REL + ">x</a>",
                HtmlSanitizer.sanitize("<a href=\"" + href + "\">x</a>"));
    }

    @Test
    void linksGetRelAndTargetAndHashtagsKeepRelTag() {
        assertEquals("<a href=\"https://a.example/\"" + REL + ">x</a>",
                HtmlSanitizer.sanitize("<a href=\"https://a.example/\" rel=\"opener\" target=\"_self\">x</a>"));
        assertEquals("<a href=\"https://a.example/tags/food\" class=\"mention hashtag\" rel=\"tag nofollow noopener "
                        + "noreferrer\" target=\"_blank\">#<span>food</span></a>",
                HtmlSanitizer.sanitize("<a href=\"https://a.example/tags/food\" class=\"mention hashtag\" rel=\"tag\">"
                        + "#<span>food</span></a>"));
    }

    @Test
    void numericListAttributesMustBeNumbers() {
        assertEquals("<ol><li>x</li></ol>", HtmlSanitizer.sanitize("<ol start=\"1;x\"><li value=\"a\">x</li></ol>"));
        assertEquals("<ol start=\"-2\"><li value=\"7\">x</li></ol>",
                HtmlSanitizer.sanitize("<ol start=\" -2 \"><li value=\"7\">x</li></ol>"));
    }

    @Test
    void rightToLeftOverridesAreKeptButClosedWithinTheirText() {
        // "exe.txt" shown reversed is the classic disguise; the override must not leak past its text.
        String clean = HtmlSanitizer.sanitize("<p>file\u202Etxt.exe</p><p>next</p>");
        assertEquals("<p>file\u202Etxt.exe\u202C</p><p>next</p>", clean);
        assertEquals("<p><span>\u2067عربي</span> done</p>",
                HtmlSanitizer.sanitize("<p><span>\u2067عربي</span> done</p>").replace("\u2069", ""));
        assertTrue(HtmlSanitizer.sanitize("<p><span>\u2067عربي</span> done</p>").contains("عربي\u2069</span>"));
        assertEquals("<p>\u202Bbalanced\u202C</p>", HtmlSanitizer.sanitize("<p>\u202Bbalanced\u202C</p>"));
        assertEquals("<a href=\"https://a.example/\"" + REL + ">\u202Egnp.exe\u202C</a> after",
                HtmlSanitizer.sanitize("<a href=\"https://a.example/\">\u202Egnp.exe</a> after"));
    }

    @Test
    void sanitisingTwiceChangesNothing() {
        String[] inputs = {
            Fixtures.parsed("mastodon/create-note-public.json").get("object").get("content").asText(),
            "<h2>t</h2><p>a <a href=\"https://a.example\">l</a> <a href=\"javascript:x\">j</a>\u202E</p>",
            "<ol reversed start=2><li value=3>x</ol>"};
        for (String input : inputs) {
            String once = HtmlSanitizer.sanitize(input);
            assertEquals(once, HtmlSanitizer.sanitize(once), input);
        }
    }

    @Test
    void mastodonContentKeepsItsMentionsAndHashtags() {
        String content = Fixtures.parsed("mastodon/create-note-public.json").get("object").get("content").asText();
        String clean = HtmlSanitizer.sanitize(content);
        assertTrue(clean.contains("<span class=\"h-card\" translate=\"no\"><a href=\"https://camp.weft.test/groups/block3\""
                + " class=\"u-url mention\"" + REL + ">@<span>block3</span></a></span>"), clean);
        assertTrue(clean.contains("class=\"mention hashtag\" rel=\"tag nofollow noopener noreferrer\""), clean);
        assertEquals(HtmlSanitizer.toPlainText(content), HtmlSanitizer.toPlainText(clean));
    }

    @Test
    void nullAndBlankAreEmpty() {
        assertEquals("", HtmlSanitizer.sanitize(null));
        assertEquals("", HtmlSanitizer.sanitize("   "));
        assertEquals("", HtmlSanitizer.toPlainText(null));
        assertEquals("", HtmlSanitizer.escape(null));
        assertEquals("", HtmlSanitizer.textToHtml("\n\n"));
    }

    @Test
    void plainTextKeepsParagraphsAndDecodesEntities() {
        assertEquals("OFFER · Food\n\n10 bundles & more <free>\nline two\n\n- tea\nmilk",
                HtmlSanitizer.toPlainText("<p>OFFER · Food</p><p>10  bundles &amp; more &lt;free&gt;<br>line two</p>"
                        + "<ul><li>- tea</li><li>milk</li></ul><script>var x;</script>"));
        assertEquals("Title\n\nbody", HtmlSanitizer.toPlainText("<h1>Title</h1>body"));
        assertEquals("a b", HtmlSanitizer.toPlainText("a&nbsp;\n  b"));
        assertEquals("fileexe.txt", HtmlSanitizer.toPlainText("file\u202Eexe.txt"));
        assertEquals("code\n  indented", HtmlSanitizer.toPlainText("<pre>code\n  indented</pre>"));
        assertEquals("Veg boxes for @block3 are packed for Saturday — we still need two drivers and cool bags. "
                        + "#MutualAidRequest #food",
                HtmlSanitizer.toPlainText(Fixtures.parsed("mastodon/create-note-public.json").get("object").get("content")
                        .asText()));
    }

    @Test
    void escapeAndTextToHtml() {
        assertEquals("&lt;b onclick=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;",
                HtmlSanitizer.escape("<b onclick=\"x\">Tom & Jerry's</b>"));
        assertEquals("<p>Need a wheelchair<br>for a week</p><p>&lt;script&gt; &amp; thanks</p>",
                HtmlSanitizer.textToHtml("Need a wheelchair\nfor a week\r\n\r\n<script> & thanks\n"));
        String html = HtmlSanitizer.textToHtml("a <b>\n\nc");
        assertEquals(html, HtmlSanitizer.sanitize(html), "what textToHtml makes is already clean");
    }
}
