package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import picocli.CommandLine;

class BuildVersionTest {

  @Test
  void versionOptionPrintsThePomsVersion() throws Exception {
    // Read from the module's pom itself (tests run in the module's directory), not through Maven's filtering.
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    String pomVersion = XPathFactory.newInstance().newXPath().evaluate("/project/parent/version", pom);
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Newsflow()).setOut(new PrintWriter(out));

    int exit = cli.execute("--version");

    assertThat(exit).isZero();
    assertThat(pomVersion).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(out.toString().strip()).isEqualTo("newsflow " + pomVersion);
    assertThat(BuildVersion.version()).isEqualTo(pomVersion);
  }
}
