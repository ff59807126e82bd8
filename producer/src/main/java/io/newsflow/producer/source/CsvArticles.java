package io.newsflow.producer.source;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import io.newsflow.producer.id.ArticleIds;
import io.newsflow.producer.text.DecodedText;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads CSV files with a header row, one article per row, as the Naver news search API export writes them
 * (title, originallink, link, description, pubDate). Title and description may hold HTML ({@code <b>},
 * entities), which is stripped. Header lines repeated further down (several exports concatenated) are
 * skipped. Each row is one line, so a file can be followed from a byte offset as it grows.
 */
final class CsvArticles {

  private static final List<String> ID = List.of("id", "guid");
  private static final List<String> TITLE = List.of("title", "headline");
  // The publisher's own link is the article's url; the export spells it "origiallink" in some versions.
  private static final List<String> URL = List.of("originallink", "origiallink", "url", "link");
  private static final List<String> BODY = List.of("description", "body", "content", "text", "summary");
  private static final List<String> PUBLISHED_AT = List.of("pubdate", "publishedat", "published_at", "date");
  private static final String PORTAL_LINK = "link";

  static final String NO_HEADER = "CSV needs a header row naming a description, body, content or text column";

  private final ObjectReader rows = new CsvMapper()
      .readerForArrayOf(String.class)
      .with(CsvParser.Feature.WRAP_AS_ARRAY);

  /**
   * Reads CSV text whose first line is line {@code firstLine} of its file.
   *
   * @param header the file's header line when the text starts after it (following a growing file), or
   *     null when the text starts at the top of the file
   */
  void read(DecodedText decoded, int firstLine, String header, ReadContext context, SourceListener listener) {
    List<String> lines = decoded.text().lines().toList();
    List<String> columns = null;
    if (header != null) {
      columns = headerColumns(header);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int lineNumber = firstLine + i;
      if (line.isBlank() || decoded.undecodable(i + 1)) {
        continue;
      }
      String origin = SourceAttributes.lineOrigin(context.pathText(), lineNumber);
      List<String> cells;
      try {
        cells = cells(line);
      } catch (IOException e) {
        listener.onFailure(new Failure(origin, "not a CSV row: " + firstLine(e)));
        continue;
      }
      if (columns == null) {
        columns = headerColumns(line);
        if (columns == null) {
          listener.onFailure(new Failure(context.pathText(), NO_HEADER));
          return;
        }
        continue;
      }
      if (lowerCase(cells).equals(columns)) {
        continue;
      }
      ReadContext lineContext = context.withCharset(decoded.charsetOfLine(i + 1));
      try {
        listener.onArticle(toArticle(columns, cells, lineNumber, lineContext));
      } catch (InputException e) {
        listener.onFailure(new Failure(origin, e.reason()));
      }
    }
  }

  /** The lower-case column names of a header line, or null when the line is not a header we can read. */
  List<String> headerColumns(String line) {
    List<String> cells;
    try {
      cells = lowerCase(cells(line));
    } catch (IOException e) {
      return null;
    }
    return cells.stream().anyMatch(BODY::contains) ? cells : null;
  }

  private RawArticle toArticle(List<String> columns, List<String> cells, int lineNumber, ReadContext context)
      throws InputException {
    String body = HtmlText.fragmentToText(cell(columns, cells, BODY));
    if (body == null || body.isBlank()) {
      throw new InputException("missing body (expected a non-empty description, body, content or text column)");
    }
    String url = blankToNull(cell(columns, cells, URL));
    String published = cell(columns, cells, PUBLISHED_AT);
    Instant publishedAt = null;
    if (published != null && !published.isBlank()) {
      String column = PUBLISHED_AT.stream().filter(columns::contains).findFirst().orElse("pubdate");
      publishedAt = Timestamps.parse(published).orElseThrow(() -> new InputException("column '" + column
          + "': cannot read '" + published + "' as a time (expected RFC 1123, ISO-8601 with an offset, or epoch"
          + " millis)"));
    }
    RawArticle.Builder article = context.newArticle(Map.of(SourceAttributes.SOURCE_LINE, Integer.toString(lineNumber)))
        .setId(ArticleIds.of(blankToNull(cell(columns, cells, ID)), url, body))
        .setUrl(url)
        .setTitle(blankToNull(HtmlText.fragmentToText(cell(columns, cells, TITLE))))
        .setBody(body)
        .setPublishedAt(publishedAt);
    int portalColumn = columns.indexOf(PORTAL_LINK);
    if (portalColumn >= 0 && portalColumn < cells.size() && url != null && !cells.get(portalColumn).isBlank()
        && !cells.get(portalColumn).strip().equals(url)) {
      article.getAttributes().put(SourceAttributes.PORTAL_LINK, cells.get(portalColumn).strip());
    }
    return article.build();
  }

  private List<String> cells(String line) throws IOException {
    try (MappingIterator<String[]> iterator = rows.readValues(line)) {
      return iterator.hasNext() ? Arrays.asList(iterator.next()) : List.of();
    } catch (RuntimeJsonMappingException e) {
      // The iterator reports a broken row (a quote left open: a field spanning lines) unchecked.
      throw e.getCause() instanceof IOException cause ? cause : new IOException(e.getMessage(), e);
    }
  }

  /** The first of the named columns that the row fills. */
  private static String cell(List<String> columns, List<String> cells, List<String> names) {
    for (String name : names) {
      int index = columns.indexOf(name);
      if (index >= 0 && index < cells.size() && cells.get(index) != null && !cells.get(index).isBlank()) {
        return cells.get(index);
      }
    }
    return null;
  }

  private static List<String> lowerCase(List<String> cells) {
    return cells.stream().map(cell -> cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT)).toList();
  }

  private static String firstLine(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
