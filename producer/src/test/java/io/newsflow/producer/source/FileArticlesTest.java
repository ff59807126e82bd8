package io.newsflow.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileArticlesTest {

  @TempDir
  Path temp;

  private final FileArticles reader = new FileArticles(Clock.systemUTC(), "h");
  private final List<RawArticle> articles = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final SourceListener listener = new SourceListener() {
    @Override
    public void onArticle(RawArticle article) {
      articles.add(article);
    }

    @Override
    public void onFailure(Failure failure) {
      failures.add(failure);
    }
  };

  @Test
  void growingFileIsReadFromItsOffsetWithLineNumbersGoingOnAndAnIncompleteLastLineLeftForLater()
      throws IOException {
    String first = "{\"id\": \"1\", \"body\": \"가\"}\n";
    Path file = Files.writeString(temp.resolve("w.jsonl"), first + "{\"id\": \"2\", \"body\": \"나\"}\n{\"id\": \"3\",");
    int firstBytes = first.getBytes(StandardCharsets.UTF_8).length;

    FileProgress progress = reader.readFrom(file, new FileProgress(SourceFormat.JSONL, firstBytes, 1), false, listener);

    assertThat(articles).extracting(RawArticle::getId).containsExactly("2");
    assertThat(articles.get(0).getAttributes()).containsEntry("source.line", "2");
    assertThat(progress).isEqualTo(new FileProgress(SourceFormat.JSONL, Files.size(file) - "{\"id\": \"3\",".length(), 2));
    assertThat(failures).isEmpty();

    FileProgress atEnd = reader.readFrom(file, progress, true, listener);

    assertThat(atEnd).isEqualTo(new FileProgress(SourceFormat.JSONL, Files.size(file), 3));
    assertThat(failures).extracting(Failure::origin).containsExactly(file + ":3");
  }

  @Test
  void csvRowsAddedLaterAreReadWithTheHeaderFromTheTopOfTheFile() throws IOException {
    String head = "title,url,description\n첫 제목,https://example.com/1,첫 본문\n";
    Path file = Files.writeString(temp.resolve("s.csv"), head + "둘째 제목,https://example.com/2,둘째 본문\n");

    FileProgress progress = reader.readFrom(file,
        new FileProgress(SourceFormat.CSV, head.getBytes(StandardCharsets.UTF_8).length, 2), true, listener);

    assertThat(articles).extracting(RawArticle::getTitle).containsExactly("둘째 제목");
    assertThat(articles.get(0).getAttributes()).containsEntry("source.line", "3");
    assertThat(progress.lines()).isEqualTo(3);
  }

  @Test
  void rssFileInADirectoryIsReadLikeAPolledFeed() throws IOException {
    Path file = Files.writeString(temp.resolve("saved.xml"), "<rss version=\"2.0\"><channel><title>w</title>"
        + "<item><title>t</title><guid>g-1</guid><description>본문</description></item></channel></rss>");

    reader.read(file, listener);

    assertThat(articles).extracting(RawArticle::getId).containsExactly("g-1");
    assertThat(articles.get(0).getAttributes()).containsEntry("source.format", "rss")
        .containsEntry("source.path", file.toString());
  }
}
