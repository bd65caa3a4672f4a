package org.weft.activitypub.content;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Writes the text of an HTML tree with the line structure a reader would see. One instance per call. */
final class PlainTextWriter implements NodeVisitor {

    /** Elements that stand apart as paragraphs: a blank line before and after. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "blockquote", "pre", "ul", "ol", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "div", "section", "article", "header", "footer", "aside", "figure", "dl");
    /** Elements that start on a line of their own. */
    private static final Set<String> LINES = Set.of("li", "tr", "dt", "dd", "figcaption", "hr");

    private final StringBuilder out = new StringBuilder();
    private int preDepth;

    private PlainTextWriter() {
    }

    /**
     * The text of an element and everything in it.
     *
     * @param root the element
     * @return its text, trimmed
     */
    static String write(Element root) {
        PlainTextWriter writer = new PlainTextWriter();
        NodeTraversor.traverse(writer, root);
        return writer.out.toString().strip();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            appendText(text.getWholeText());
        } else if (node instanceof Element element) {
            String name = element.normalName();
            if (name.equals("br")) {
                out.append('\n');
            } else if (PARAGRAPHS.contains(name)) {
                breakLines(2);
            } else if (LINES.contains(name)) {
                breakLines(1);
            } else if (name.equals("td") || name.equals("th")) {
                appendText(" ");
            }
            if (name.equals("pre")) {
                preDepth++;
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element element) {
            String name = element.normalName();
            if (PARAGRAPHS.contains(name)) {
                breakLines(2);
            } else if (LINES.contains(name)) {
                breakLines(1);
            }
            if (name.equals("pre")) {
                preDepth--;
            }
        }
    }

    private void appendText(String text) {
        if (preDepth > 0) {
            out.append(text);
            return;
        }
        String collapsed = text.replaceAll("[\\s\\u00A0]+", " ");
        boolean atLineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n'
                || out.charAt(out.length() - 1) == ' ';
        out.append(atLineStart ? collapsed.stripLeading() : collapsed);
    }

    /** Ends the current line and makes sure {@code count} line breaks separate it from what follows. */
    private void breakLines(int count) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        if (out.isEmpty()) {
            return;
        }
        int trailing = 0;
        while (trailing < out.length() && out.charAt(out.length() - 1 - trailing) == '\n') {
            trailing++;
        }
        out.append("\n".repeat(Math.max(0, count - trailing)));
    }
}
