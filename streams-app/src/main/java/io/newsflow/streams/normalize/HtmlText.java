package io.newsflow.streams.normalize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML remnants sources leave in "plain" text (tags such as {@code <b>} or {@code <br>}, entities
 * such as {@code &quot;} or {@code &#39;}) into plain text with jsoup, keeping paragraph breaks. Text without
 * markup is returned as it is, so the common case costs one regex scan.
 *
 * <p>Only tags HTML knows are markup: newswires put company names in angle brackets ({@code <Texaco Inc>},
 * a headline {@code <CONSOLIDATED PLANTATIONS BHD>}), which an HTML parser would take for an element and drop.
 */
public final class HtmlText {

  /** An ASCII-named tag: Korean text uses angle brackets as quotes ("<저작권자 ...>"), which are not markup. */
  private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]{0,15})(?:\\s[^<>]{0,500})?/?>");
  private static final Pattern ENTITY =
      Pattern.compile("&(?:#\\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

  /** Elements whose text is never article text: scripts, styles, photo captions, embedded players. */
  private static final Set<String> SKIPPED = Set.of(
      "script", "style", "noscript", "template", "figcaption", "iframe", "button", "select", "svg");
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "section",
      "article", "header", "footer", "pre", "dd", "dt", "figure", "hr", "address", "aside", "main", "nav");

  private HtmlText() {
  }

  /** The text with tags turned into line breaks (block elements) or nothing (inline ones) and entities decoded. */
  public static String toPlainText(String text) {
    Matcher tag = TAG.matcher(text);
    boolean markup = false;
    StringBuilder escaped = null;
    int copied = 0;
    while (tag.find()) {
      if (Tag.isKnownTag(tag.group(1).toLowerCase(Locale.ROOT))) {
        markup = true;
      } else {
        escaped = escaped == null ? new StringBuilder(text.length() + 16) : escaped;
        escaped.append(text, copied, tag.start()).append("&lt;");
        copied = tag.start() + 1;
      }
    }
    if (markup) {
      return fromMarkup(escaped == null ? text : escaped.append(text, copied, text.length()).toString());
    }
    if (text.indexOf('&') >= 0 && ENTITY.matcher(text).find()) {
      return Parser.unescapeEntities(text, false);
    }
    return text;
  }

  private static String fromMarkup(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    StringBuilder out = new StringBuilder(html.length());
    NodeTraversor.traverse(new NodeVisitor() {
      private int skipping;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element element) {
          String tag = element.normalName().toLowerCase(Locale.ROOT);
          if (SKIPPED.contains(tag) || skipping > 0) {
            skipping++;
          } else if (tag.equals("br") || BLOCKS.contains(tag)) {
            out.append('\n');
          }
        } else if (node instanceof TextNode textNode && skipping == 0) {
          // The whole text keeps the source's own line breaks; entities are already decoded by the parser.
          out.append(textNode.getWholeText());
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element) {
          if (skipping > 0) {
            skipping--;
          } else if (BLOCKS.contains(element.normalName().toLowerCase(Locale.ROOT))) {
            out.append('\n');
          }
        }
      }
    }, body);
    return out.toString();
  }
}
