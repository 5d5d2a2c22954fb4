package dev.podpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import dev.podpath.testing.SnapshotCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportCommandTest {

  @Test
  void theSeedsReportDrawsEverySessionAndOpensWithItsFailingIntents(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("report.html");
    CliRun run = CliRun.of("report", "examples/cluster-101", "-o", page.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    String html = Files.readString(page);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<span class=\"verdict fail\">FAIL</span>")
        .contains("Intents: 25 of 58 hold")
        .contains("<details open class=\"intent fail\">")
        .contains("hosts/solcp01/bird.conf:61")
        .doesNotContain("<script").doesNotContain("src=\"http");
    Document svg = svg(html);
    // pve01's FRR has one eBGP session to each of the 6 nodes' bird, all Established
    assertThat(count(svg, "//*[local-name()='path' and contains(@class,'session')]")).isEqualTo(6);
    assertThat(count(svg, "//*[local-name()='path' and contains(@class,'down')]")).isZero();
    assertThat(count(svg, "//*[local-name()='g' and contains(@class,'host')]")).isEqualTo(7);
    assertThat(count(svg, "//*[local-name()='g' and contains(@class,'router')]")).isEqualTo(1);
    assertThat(count(svg, "//*[local-name()='text' and starts-with(., 'bird \u21c4 cilium up')]")).isEqualTo(6);
    assertThat(count(svg, "//*[local-name()='line' and @class='bus']")).isEqualTo(2);
  }

  @Test
  void aSessionThatCannotComeUpIsADashedRedArc(@TempDir Path dir) throws Exception {
    Path snap = SnapshotCopy.copy(Path.of("examples/cluster-101-fixed"), dir.resolve("snap"));
    Path frr = snap.resolve("hosts/pve01/frr.conf");
    Files.writeString(frr, Files.readString(frr).replace("neighbor fd00:101::11 remote-as 4210101011", "neighbor fd00:101::11 remote-as 4210101099"));
    Path page = dir.resolve("r.html");

    CliRun run = CliRun.of("report", snap.toString(), "-o", page.toString());

    String html = Files.readString(page);
    Document svg = svg(html);
    assertThat(count(svg, "//*[local-name()='path' and contains(@class,'session')]")).isEqualTo(6);
    assertThat(count(svg, "//*[local-name()='path' and contains(@class,'down')]")).isEqualTo(1);
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void theFixedClusterPasses(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("ok.html");
    CliRun run = CliRun.of("report", "examples/cluster-101-fixed", "-o", page.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(page)).contains("<span class=\"verdict pass\">PASS</span>").contains("58 intents hold");
    assertThat(run.err()).contains("Wrote ");
  }

  @Test
  void anUnwritableTargetIsExitTwoAndLeavesNothing(@TempDir Path dir) throws IOException {
    CliRun run = CliRun.of("report", "examples/cluster-101-fixed", "-o", dir.resolve("missing/dir/r.html").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: ").contains("cannot write the report").doesNotContain("\tat ");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  private static Document svg(String html) throws Exception {
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  private static int count(Document d, String xpath) throws Exception {
    return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET)).getLength();
  }
}
