package io.newsflow.streams.normalize;

import io.newsflow.avro.Article;
import io.newsflow.avro.RawArticle;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link RawArticle} as a source delivered it into a clean {@link Article} (no keywords yet, revision 0).
 * Stateless and thread-safe; usable offline, without Kafka.
 *
 * <p>By content type: {@code text/plain} is read as the Korean portal layout when it has one
 * ({@link KoreanPortalLayoutParser}), otherwise the first non-empty line is the title (unless the source already
 * gave a title) and the rest the body; {@code application/json} arrives already mapped by the producer into
 * title, body, url and publishedAt, with publisher, authors (comma-separated), section and updatedAt (ISO-8601)
 * in the attributes. Anything else, or a record without a title or body, is a {@link NormalizationException}.
 */
public final class ArticleNormalizer {

  public static final String TEXT_PLAIN = "text/plain";
  public static final String APPLICATION_JSON = "application/json";
  public static final String ATTR_PUBLISHER = "publisher";
  public static final String ATTR_AUTHORS = "authors";
  public static final String ATTR_SECTION = "section";
  public static final String ATTR_UPDATED_AT = "updatedAt";

  private static final Logger LOG = LoggerFactory.getLogger(ArticleNormalizer.class);
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  /** The fields every content type yields before the common checks; nullable ones may stay null. */
  private record Fields(String section, String title, List<String> authors, String publisher,
              Instant publishedAt, Instant updatedAt, String body) {
  }

  /** The clean article; throws {@link NormalizationException} for input it cannot handle. */
  public Article normalize(RawArticle raw) {
    String type = mediaType(raw.getContentType());
    Fields fields = switch (type) {
      case TEXT_PLAIN -> fromPlainText(raw);
      case APPLICATION_JSON -> fromMapped(raw, BodyCleaner.clean(raw.getBody(), attribute(raw, ATTR_PUBLISHER)));
      default -> throw new NormalizationException(NormalizationException.Reason.UNSUPPORTED_CONTENT_TYPE,
          "contentType=" + raw.getContentType() + " id=" + raw.getId());
    };
    if (fields.title() == null || fields.title().isEmpty()) {
      throw new NormalizationException(NormalizationException.Reason.MISSING_TITLE, "id=" + raw.getId());
    }
    if (fields.body().isEmpty()) {
      throw new NormalizationException(NormalizationException.Reason.EMPTY_BODY,
          "body empty after cleaning, id=" + raw.getId());
    }
    Map<String, String> attributes = raw.getAttributes() == null ? Map.of() : raw.getAttributes();
    Instant publishedAt = firstNonNull(fields.publishedAt(), raw.getPublishedAt(), raw.getFetchedAt());
    String language = LanguageDetector.detect(fields.title() + "\n" + fields.body());
    return Article.newBuilder()
        .setId(raw.getId())
        .setUrl(UrlCanonicalizer.canonicalize(raw.getUrl()))
        .setTitle(fields.title())
        .setBody(fields.body())
        .setLanguage(language)
        .setPublisher(firstNonNull(fields.publisher(), inline(attributes.get(ATTR_PUBLISHER))))
        .setAuthors(new ArrayList<>(fields.authors().isEmpty()
            ? splitAuthors(attributes.get(ATTR_AUTHORS)) : fields.authors()))
        .setSection(firstNonNull(fields.section(), inline(attributes.get(ATTR_SECTION))))
        .setPublishedAt(publishedAt)
        .setUpdatedAt(firstNonNull(fields.updatedAt(), parseInstant(attributes.get(ATTR_UPDATED_AT), raw, language)))
        .setFetchedAt(raw.getFetchedAt())
        .setFingerprint(Fingerprint.of(fields.body()))
        .setKeywords(new ArrayList<>())
        .setRevision(0)
        .build();
  }

  private static Fields fromPlainText(RawArticle raw) {
    Optional<ParsedArticle> parsed = KoreanPortalLayoutParser.tryParse(raw.getBody());
    if (parsed.isPresent()) {
      ParsedArticle p = parsed.get();
      return new Fields(p.section(), p.title(), p.authors(), p.publisher(), p.publishedAt(), p.updatedAt(),
          p.body());
    }
    if (raw.getTitle() != null && !raw.getTitle().isBlank()) {
      return fromMapped(raw, BodyCleaner.clean(raw.getBody(), attribute(raw, ATTR_PUBLISHER)));
    }
    String[] lines = LINE_BREAK.split(raw.getBody(), -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      throw new NormalizationException(NormalizationException.Reason.EMPTY_BODY, "blank text, id=" + raw.getId());
    }
    String title = BodyCleaner.cleanInline(lines[first]);
    String rest = String.join("\n", List.of(lines).subList(first + 1, lines.length));
    return new Fields(null, title, List.of(), null, null, null,
        BodyCleaner.clean(rest, attribute(raw, ATTR_PUBLISHER)));
  }

  /** A record whose title and body the source already told apart; the rest comes from the attributes. */
  private static Fields fromMapped(RawArticle raw, String cleanBody) {
    String title = raw.getTitle() == null ? null : BodyCleaner.cleanInline(raw.getTitle());
    return new Fields(null, title, List.of(), null, null, null, cleanBody);
  }

  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return TEXT_PLAIN;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static String attribute(RawArticle raw, String name) {
    return raw.getAttributes() == null ? null : raw.getAttributes().get(name);
  }

  private static String inline(String value) {
    if (value == null) {
      return null;
    }
    String clean = BodyCleaner.cleanInline(value);
    return clean.isEmpty() ? null : clean;
  }

  private static List<String> splitAuthors(String value) {
    List<String> authors = new ArrayList<>();
    if (value == null) {
      return authors;
    }
    for (String part : value.split(",")) {
      String name = BodyCleaner.cleanInline(part);
      if (!name.isEmpty() && !authors.contains(name)) {
        authors.add(name);
      }
    }
    return authors;
  }

  /**
   * A date-time attribute in any form {@link NewsDates} reads; an unreadable value is dropped, not fatal. A
   * wall-clock time without a zone is Seoul time in a Korean article, UTC otherwise.
   */
  private static Instant parseInstant(String value, RawArticle raw, String language) {
    if (value == null || value.isBlank()) {
      return null;
    }
    ZoneId zone = LanguageDetector.KOREAN.equals(language) ? PortalDates.SEOUL : ZoneOffset.UTC;
    Optional<Instant> parsed = NewsDates.parse(value, zone);
    if (parsed.isEmpty()) {
      LOG.debug("event=updatedAt-ignored id={} value={}", raw.getId(), value.strip());
    }
    return parsed.orElse(null);
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
