package io.newsflow.streams.normalize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the plain-text layout in which Korean portals show an article: a header of section, title, byline and
 * publisher lines, then "입력 date" and optionally "수정 date" lines, then the body.
 *
 * <p>Only the 입력 line is required: it is what tells this layout apart from any other text. Header lines are
 * assigned around the byline line (the line before it is the title, the line after it the publisher, an
 * earlier line the section); without a byline, three header lines are section, title, publisher and two are
 * title, publisher.
 */
public final class KoreanPortalLayoutParser {

  /** The 입력 line must come within this many non-empty lines, or the text is not this layout. */
  private static final int MAX_HEADER_LINES = 6;

  private static final Pattern STAMP = Pattern.compile(
      "(기사\\s*입력|입력|최종\\s*수정|수정|업데이트)\\s*:?\\s*" + PortalDates.DATE_TIME);
  private static final Pattern SEPARATOR = Pattern.compile("[\\s|·ㆍ,/]*");
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private KoreanPortalLayoutParser() {
  }

  /** Whether the text has this layout's header, i.e. {@link #tryParse} would find one. */
  public static boolean matches(String text) {
    return findHeader(lines(text)).isPresent();
  }

  /** The parsed article, or empty when the text is not in this layout. */
  public static Optional<ParsedArticle> tryParse(String text) {
    String[] lines = lines(text);
    return findHeader(lines).map(header -> toArticle(header, lines));
  }

  /** The parsed article; throws {@link NormalizationException} when the text is not in this layout. */
  public static ParsedArticle parse(String text) {
    return tryParse(text).orElseThrow(() -> new NormalizationException(
        NormalizationException.Reason.NOT_PORTAL_LAYOUT,
        "no '입력 <date>' line within the first " + MAX_HEADER_LINES + " non-empty lines"));
  }

  private record Header(List<String> lines, Instant publishedAt, Instant updatedAt, int bodyStart) {
  }

  private static String[] lines(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return LINE_BREAK.split(t, -1);
  }

  private static Optional<Header> findHeader(String[] lines) {
    List<String> header = new ArrayList<>();
    int i = 0;
    Stamps stamps = null;
    for (; i < lines.length; i++) {
      String line = BodyCleaner.cleanInline(lines[i]);
      if (line.isEmpty()) {
        continue;
      }
      stamps = Stamps.of(line);
      if (stamps != null) {
        break;
      }
      header.add(line);
      if (header.size() >= MAX_HEADER_LINES) {
        return Optional.empty();
      }
    }
    if (stamps == null || header.isEmpty()) {
      return Optional.empty();
    }
    Instant publishedAt = stamps.publishedAt;
    Instant updatedAt = stamps.updatedAt;
    // Consecutive stamp lines (입력 then 수정, in either order) all belong to the header.
    for (i++; i < lines.length; i++) {
      String line = BodyCleaner.cleanInline(lines[i]);
      if (line.isEmpty()) {
        continue;
      }
      Stamps more = Stamps.of(line);
      if (more == null) {
        break;
      }
      publishedAt = publishedAt == null ? more.publishedAt : publishedAt;
      updatedAt = more.updatedAt == null ? updatedAt : more.updatedAt;
    }
    if (publishedAt == null) {
      return Optional.empty();
    }
    return Optional.of(new Header(header, publishedAt, updatedAt, i));
  }

  private static ParsedArticle toArticle(Header header, String[] lines) {
    List<String> h = header.lines();
    String section = null;
    String title;
    String publisher = null;
    List<String> authors = List.of();
    int byline = -1;
    for (int j = 1; j < h.size() && byline < 0; j++) {
      Optional<List<String>> names = Bylines.reporterNames(h.get(j));
      if (names.isPresent()) {
        byline = j;
        authors = names.get();
      }
    }
    if (byline > 0) {
      title = h.get(byline - 1);
      section = byline >= 2 ? String.join(" ", h.subList(0, byline - 1)) : null;
      publisher = byline + 1 < h.size() ? h.get(byline + 1) : null;
    } else if (h.size() >= 3) {
      section = h.get(0);
      title = h.get(1);
      publisher = h.get(2);
    } else {
      title = h.get(0);
      publisher = h.size() == 2 ? h.get(1) : null;
    }
    String rawBody = String.join("\n", Arrays.asList(lines).subList(header.bodyStart(), lines.length));
    return new ParsedArticle(section, title, authors, publisher, header.publishedAt(), header.updatedAt(),
        BodyCleaner.clean(rawBody, publisher));
  }

  /** The 입력/수정 stamps of one line, or null when the line holds anything else. */
  private record Stamps(Instant publishedAt, Instant updatedAt) {

    static Stamps of(String line) {
      Matcher m = STAMP.matcher(line);
      Instant published = null;
      Instant updated = null;
      int covered = 0;
      int last = 0;
      while (m.find()) {
        if (!isSeparator(line.substring(last, m.start()))) {
          return null;
        }
        Optional<Instant> at = PortalDates.toInstant(m, 2);
        if (at.isEmpty()) {
          return null;
        }
        if (m.group(1).endsWith("입력")) {
          published = at.get();
        } else {
          updated = at.get();
        }
        covered++;
        last = m.end();
      }
      if (covered == 0 || !isSeparator(line.substring(last))) {
        return null;
      }
      return new Stamps(published, updated);
    }

    private static boolean isSeparator(String between) {
      return SEPARATOR.matcher(between).matches();
    }
  }
}
