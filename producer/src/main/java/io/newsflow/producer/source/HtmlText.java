package io.newsflow.producer.source;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Turns HTML (a page's article element, a feed entry's description, a search result's snippet) into the
 * plain text the streams app expects: one paragraph per block, tags and entities gone.
 */
final class HtmlText {

  /** Elements that are never part of an article's text. */
  static final String NOT_TEXT = "script, style, noscript, template, nav, aside, header, footer, form, button, "
      + "figure, figcaption, iframe, svg";

  private HtmlText() {}

  /** The text of an HTML fragment; text without markup is returned as it is, trimmed. */
  static String fragmentToText(String html) {
    if (html == null) {
      return null;
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html.strip();
    }
    return elementToText(Jsoup.parseBodyFragment(html).body());
  }

  /**
   * The paragraphs of an element, separated by blank lines: its {@code <p>} elements when it has some,
   * else its whole text. The element itself is left as it was.
   */
  static String elementToText(Element element) {
    Element copy = element.clone();
    copy.select(NOT_TEXT).remove();
    List<String> paragraphs = copy.select("p").eachText().stream().filter(text -> !text.isBlank()).toList();
    return paragraphs.isEmpty() ? copy.text().strip() : String.join("\n\n", paragraphs);
  }
}
