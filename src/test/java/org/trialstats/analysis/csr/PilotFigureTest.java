package org.trialstats.analysis.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstats.report.CsrReport;
import org.trialstats.report.ReportPicture;
import org.trialstats.survival.ConfidenceTransform;
import org.trialstats.testing.SharedFolder;

/**
 * Figure 14-1 from its shell (datasets/cdiscpilot01/14-1.yaml): the analysis written by {@code csr}
 * is byte for byte the one {@code trialstats survival} wrote for the committed figure
 * (reports/cdiscpilot01/km_plain.json, SAS 9.1's linear intervals of the 2006 pilot; with {@code
 * conf_type: log-log} km_loglog.json, today's SAS default), whose numbers SurvivalPilotReportTest
 * and the survival fixtures check against R.
 */
class PilotFigureTest {
  private static final Path SHELL = Path.of("datasets/cdiscpilot01/14-1.yaml");

  @ParameterizedTest
  @CsvSource({"plain,km_plain", "log-log,km_loglog"})
  void numbersEqualTheSurvivalCommandsOutput(String transform, String committed) throws Exception {
    Path data = SharedFolder.require("data/cdiscpilot01/adtte.xpt").getParent();
    String text = Files.readString(SHELL);
    assertThat(text).contains("conf_type: plain ");
    DisplayShell shell =
        ShellParser.parse(
            text.replace("conf_type: plain ", "conf_type: " + transform), "14-1.yaml");
    assertThat(shell.figure().transform()).isEqualTo(ConfidenceTransform.parse(transform));
    Map<String, byte[]> files =
        CsrReport.renderFigure(shell, CsrFigures.kaplanMeier(shell, data, "0.1.0"));
    assertThat(files.keySet())
        .containsExactly("14-1.png", "14-1.svg", "14-1.json", "14-1.csv", "14-1.rtf", "14-1.docx");
    assertThat(new String(files.get("14-1.json"), StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(Path.of("reports/cdiscpilot01/" + committed + ".json")));
  }

  /**
   * The RTF and DOCX of the figure hold the same PNG (RTF: the hex of a pngblip group; DOCX: the
   * media part): the plot written beside them without its title line, which the page header prints
   * once, with the footnotes below.
   */
  @Test
  void rtfAndDocxEmbedTheFigurePng() throws Exception {
    Path data = SharedFolder.require("data/cdiscpilot01/adtte.xpt").getParent();
    DisplayShell shell = ShellParser.parse(Files.readString(SHELL), "14-1.yaml");
    Map<String, byte[]> files =
        CsrReport.renderFigure(shell, CsrFigures.kaplanMeier(shell, data, "0.1.0"));
    String rtf = new String(files.get("14-1.rtf"), StandardCharsets.US_ASCII);
    assertThat(rtf)
        .contains("\\pict\\pngblip")
        .contains("Figure 14-1 Time to First Dermatologic Event by Treatment Group")
        .contains("Protocol: CDISCPILOT01; Safety Population");
    for (String footnote : shell.footnotes()) {
      assertThat(rtf).contains(footnote);
    }
    Map<String, byte[]> parts = new java.util.HashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(new ByteArrayInputStream(files.get("14-1.docx")))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        parts.put(e.getName(), zip.readAllBytes());
      }
    }
    byte[] png = parts.get("word/media/image1.png");
    assertThat(rtf.replaceAll("\\s", "")).contains(HexFormat.of().formatHex(png));
    ReportPicture titled = ReportPicture.ofPng(files.get("14-1.png"), 192);
    ReportPicture embedded = ReportPicture.ofPng(png, 192);
    assertThat(embedded.widthPixels()).isEqualTo(titled.widthPixels());
    // 30 points of title line at 192 dpi (2 pixels per point)
    assertThat(titled.heightPixels() - embedded.heightPixels()).isEqualTo(60);
    assertThat(new String(parts.get("word/document.xml"), StandardCharsets.UTF_8))
        .contains("<wp:inline");
    assertThat(new String(parts.get("word/header1.xml"), StandardCharsets.UTF_8))
        .contains("Figure 14-1 Time to First Dermatologic Event by Treatment Group");
    // the committed rendering is up to date
    for (String name : List.of("14-1.png", "14-1.rtf", "14-1.docx")) {
      assertThat(files.get(name))
          .as(name)
          .isEqualTo(Files.readAllBytes(Path.of("reports/cdiscpilot01/csr/" + name)));
    }
  }

  @Test
  void aFigureShellHasNoRowsAndKnownIntervalScales() {
    String head =
        """
        number: "F"
        title: T
        population: P
        data:
          adsl: adsl.xpt
          adtte: adtte.xpt
        population_flag: SAFFL
        figure:
          kaplan_meier: adtte
          time: AVAL
          censor: CNSR
          group: TRTP
        """;
    assertThatThrownBy(() -> ShellParser.parse(head + "  conf_type: loglin\n", "f.yaml"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("f.yaml:13: field 'conf_type'");
    assertThatThrownBy(() -> ShellParser.parse(head + "rows:\n  - count: SEX\n", "f.yaml"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'rows': a figure shell has no rows");
    assertThatThrownBy(
            () -> ShellParser.parse(head.replace("adtte\n  time", "adae\n  time"), "f.yaml"))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("field 'kaplan_meier': unknown data set 'adae'");
    assertThat(ShellParser.parse(head, "f.yaml").figure().transform())
        .isEqualTo(ConfidenceTransform.LOG_LOG);
  }
}
