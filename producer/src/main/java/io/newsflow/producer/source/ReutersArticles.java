package io.newsflow.producer.source;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a Reuters-21578 SGML file ({@code reut2-000.sgm} ...): every {@code <REUTERS NEWID="n">} document
 * becomes one RawArticle with id {@code reuters-n}, the {@code <TITLE>}, the {@code <BODY>} without its
 * {@code Reuter} sign-off line, publishedAt from the {@code <DATE>} ({@link ReutersDates}), publisher {@code Reuters}, language {@code en}, the {@code <AUTHOR>} names as authors and the
 * first of the {@code <TOPICS>} as section, as feed readers take an entry's first category.
 *
 * <p>Documents without a BODY are sent, not failed, as the feed reader does with headline-only entries: a
 * {@code TYPE="BRIEF"} flash takes its title as body (its only other text is the collection's
 * {@code Blah blah blah.} placeholder), and a {@code TYPE="UNPROC"} document, whose text was never split into
 * title and body, takes that whole text as body, leaving the streams app to take its first line as title (one
 * line only is a headline, and is title and body).
 * Only a document with no text at all, without the NEWID its id needs, or without a usable date fails: the
 * collection is a dated archive, and a story sent without its date would take the time it is read as its event
 * time, which would make every 1987 story after it late for its trend window.
 *
 * <p>The file is cut at each {@code <REUTERS} tag and each document parsed alone with jsoup's XML parser
 * (which decodes {@code &lt;} and the {@code &#3;} control references), so a document with a broken tag
 * fails by itself instead of swallowing the documents after it.
 */
final class ReutersArticles {

  static final String PUBLISHER = "Reuters";
  static final String NO_DOCUMENT = "no <REUTERS> document in the file";

  private static final String ID_PREFIX = "reuters-";
  private static final String START_TAG = "<REUTERS";
  private static final Pattern NEWID = Pattern.compile("\\d+");
  // The wire's control codes (&#2; start, &#3; end of text, &#5;, &#22; ...) and carriage returns.
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");
  private static final Pattern SIGN_OFF = Pattern.compile("(?i)(^|\\n)[ \\t]*reuter[ \\t.]*$");
  private static final Pattern AUTHOR_BY = Pattern.compile("(?i)^by\\s+");
  private static final Pattern AUTHOR_OF = Pattern.compile("(?i)\\s*,\\s*reuters?$");
  private static final Pattern AUTHOR_AND = Pattern.compile("(?i)\\s+and\\s+|\\s*,\\s*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ReutersArticles() {}

  static void read(String text, ReadContext context, SourceListener listener) {
    int start = documentStart(text, 0);
    if (start < 0) {
      listener.onFailure(new Failure(context.pathText(), NO_DOCUMENT));
      return;
    }
    int line = 1 + count(text, 0, start);
    while (start >= 0) {
      int next = documentStart(text, start + START_TAG.length());
      int end = next < 0 ? text.length() : next;
      readDocument(text.substring(start, end), line, context, listener);
      line += count(text, start, end);
      start = next;
    }
  }

  private static void readDocument(String sgml, int line, ReadContext context, SourceListener listener) {
    String origin = SourceAttributes.lineOrigin(context.pathText(), line);
    try {
      listener.onArticle(toArticle(sgml, line, context));
    } catch (InputException e) {
      listener.onFailure(new Failure(origin, e.reason()));
    }
  }

  private static RawArticle toArticle(String sgml, int line, ReadContext context) throws InputException {
    Document document = Jsoup.parse(sgml, "", Parser.xmlParser());
    Element reuters = document.selectFirst("REUTERS");
    String newId = reuters == null ? "" : reuters.attributes().getIgnoreCase("NEWID").strip();
    if (!NEWID.matcher(newId).matches()) {
      throw new InputException("<REUTERS> without a numeric NEWID attribute (the article id is made from it)");
    }
    String title = blankToNull(collapse(wholeText(reuters, "TITLE")));
    String body = blankToNull(withoutSignOff(wholeText(reuters, "BODY")));
    if (body == null) {
      body = title != null ? title : blankToNull(withoutSignOff(wholeText(reuters, "TEXT")));
      if (title == null && body != null && body.indexOf('\n') < 0) {
        // An unprocessed flash of one line is a headline, as a brief's is.
        title = body;
      }
    }
    if (body == null) {
      throw new InputException("document " + newId + " has no text (no BODY, TITLE or unprocessed TEXT)");
    }
    String date = wholeText(reuters, "DATE");
    Instant publishedAt = ReutersDates.parse(date).orElseThrow(() -> new InputException("document " + newId
        + (date == null ? " has no <DATE>" : " has no usable <DATE> (" + collapse(date) + ")")
        + ": sent without it, an archived story would count as news of the moment it is read"));
    RawArticle.Builder article = context.newArticle(Map.of(SourceAttributes.SOURCE_LINE, Integer.toString(line)))
        .setId(ID_PREFIX + newId)
        .setTitle(title)
        .setBody(body)
        .setPublishedAt(publishedAt);
    Map<String, String> attributes = article.getAttributes();
    attributes.put(SourceAttributes.PUBLISHER, PUBLISHER);
    put(attributes, SourceAttributes.AUTHORS, authors(wholeText(reuters, "AUTHOR")));
    put(attributes, SourceAttributes.SECTION, blankToNull(collapse(wholeText(reuters, "TOPICS > D"))));
    // The collection is the English newswire only.
    attributes.put(SourceAttributes.LANGUAGE, "en");
    return article.build();
  }

  /** Where the next {@code <REUTERS} tag starts at or after {@code from}, or -1. */
  private static int documentStart(String text, int from) {
    for (int i = text.indexOf('<', from); i >= 0; i = text.indexOf('<', i + 1)) {
      int after = i + START_TAG.length();
      if (text.regionMatches(true, i, START_TAG, 0, START_TAG.length())
          && (after == text.length() || text.charAt(after) == '>' || Character.isWhitespace(text.charAt(after)))) {
        return i;
      }
    }
    return -1;
  }

  /** The first matching element's text with its line breaks, control codes removed; null when absent. */
  private static String wholeText(Element reuters, String selector) {
    Element element = reuters.selectFirst(selector);
    return element == null ? null : CONTROL.matcher(element.wholeText()).replaceAll("");
  }

  private static String withoutSignOff(String text) {
    return text == null ? null : SIGN_OFF.matcher(text.strip()).replaceFirst("").strip();
  }

  /** {@code By Jane Roe and John Doe, Reuters} as {@code Jane Roe, John Doe}. */
  private static String authors(String byline) {
    String names = blankToNull(collapse(byline));
    if (names == null) {
      return null;
    }
    names = AUTHOR_OF.matcher(AUTHOR_BY.matcher(names).replaceFirst("")).replaceFirst("");
    return blankToNull(Arrays.stream(AUTHOR_AND.split(names)).map(String::strip).filter(name -> !name.isEmpty())
        .collect(Collectors.joining(", ")));
  }

  private static String collapse(String text) {
    return text == null ? null : SPACES.matcher(text).replaceAll(" ").strip();
  }

  private static int count(String text, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void put(Map<String, String> attributes, String key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
