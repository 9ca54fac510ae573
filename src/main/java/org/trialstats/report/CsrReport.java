package org.trialstats.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trialstats.analysis.SurvivalResult;
import org.trialstats.analysis.csr.CsrDisplay;
import org.trialstats.analysis.csr.CsrValue;
import org.trialstats.analysis.csr.DisplayShell;
import org.trialstats.analysis.csr.KaplanMeierFigure;
import org.trialstats.io.Escape;
import org.trialstats.io.Numbers;
import org.trialstats.io.Provenance;

/**
 * Renders computed CSR displays ({@link CsrDisplay}) through the clinical-study-report writers of
 * the {@link ReportTable} model: RTF ({@link AeTableRtfWriter}), DOCX ({@link AeTableDocxWriter})
 * and HTML ({@link AeTableWriter#html}), plus a CSV of every number unrounded. The provenance line
 * (version, input SHA-256) is the last footnote of each table and the first comment of each CSV.
 */
public final class CsrReport {
  /**
   * Pixels per inch of a figure's PNG: {@link Figure#PNG_SCALE} pixels per logical unit of 1/96
   * inch, so the picture has the figure's logical size on paper (the size of its SVG).
   */
  static final int FIGURE_DPI = 96 * Figure.PNG_SCALE;

  /** Label column width cap in points (longer labels wrap). */
  private static final double LABEL_CAP = 230;

  private CsrReport() {}

  /** The display as a report table, with the provenance as its last footnote. */
  public static ReportTable table(CsrDisplay display, String provenance) {
    return table(display, provenance, ReportTable.TIMES, 9);
  }

  /**
   * The display as a report table set in {@code font} at {@code points}, with the provenance as its
   * last footnote.
   */
  public static ReportTable table(CsrDisplay display, String provenance, String font, int points) {
    List<ReportTable.Row> rows = new ArrayList<>();
    for (CsrDisplay.Line l : display.rows()) {
      rows.add(new ReportTable.Row(l.indent(), l.heading(), l.cells()));
    }
    List<String> footnotes = new ArrayList<>(display.footnotes());
    footnotes.add(provenance);
    List<ReportTable.HeaderGroup> groups = new ArrayList<>();
    for (CsrDisplay.Group g : display.groups()) {
      groups.add(new ReportTable.HeaderGroup(g.label(), g.first(), g.span()));
    }
    return new ReportTable(
        display.title(),
        display.subtitle(),
        display.headers(),
        ReportTable.contentWidths(display.headers(), groups, rows, font, LABEL_CAP),
        rows,
        CsrDisplay.distinct(footnotes),
        "",
        font,
        points,
        groups);
  }

  /**
   * CSV with one line per number: {@code table, block, row, column, statistic, value} (value in
   * shortest round-trip form, empty when not computable), after {@code #} comment lines with the
   * title and provenance.
   */
  public static String csv(CsrDisplay display, String provenance) {
    StringWriter out = new StringWriter();
    out.append("# ").append(display.title().replace('\n', ' ')).append('\n');
    out.append("# ").append(provenance).append('\n');
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord("table", "block", "row", "column", "statistic", "value");
      for (CsrValue v : display.values()) {
        printer.printRecord(
            Escape.csvText(display.number()),
            Escape.csvText(v.block()),
            Escape.csvText(v.row()),
            Escape.csvText(v.column()),
            v.statistic(),
            Numbers.full(v.value()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The files of one display: {@code <number>.rtf}, {@code .docx}, {@code .html}, {@code .csv}.
   *
   * @param display the display
   * @param provenance the provenance line
   * @param paper the RTF/DOCX paper
   * @return file name to bytes, in that order
   */
  public static Map<String, byte[]> render(
      CsrDisplay display, String provenance, ReportTable.Paper paper) {
    return render(display, provenance, paper, ReportTable.TIMES, 9);
  }

  /**
   * The files of one display set in {@code font} at {@code points} (RTF and DOCX).
   *
   * @param display the display
   * @param provenance the provenance line
   * @param paper the RTF/DOCX paper
   * @param font {@link ReportTable#TIMES} or {@link ReportTable#COURIER}
   * @param points font size of the table body
   * @return file name to bytes, in that order
   */
  public static Map<String, byte[]> render(
      CsrDisplay display, String provenance, ReportTable.Paper paper, String font, int points) {
    ReportTable table = table(display, provenance, font, points);
    Map<String, byte[]> files = new LinkedHashMap<>();
    String base = display.number();
    files.put(
        base + ".rtf",
        AeTableRtfWriter.rtf(List.of(table), paper).getBytes(StandardCharsets.US_ASCII));
    files.put(base + ".docx", AeTableDocxWriter.docx(List.of(table), paper));
    files.put(base + ".html", AeTableWriter.html(List.of(table)).getBytes(StandardCharsets.UTF_8));
    files.put(base + ".csv", csv(display, provenance).getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** Whether a file name is one the csr command writes (a display's rendering). */
  public static boolean isOutputFile(String name) {
    return name.matches("[A-Za-z0-9._-]+\\.(rtf|docx|html|csv|png|svg|json)");
  }

  /**
   * The files of a Kaplan-Meier figure shell: {@code NUMBER.png} and {@code NUMBER.svg} (the figure
   * of {@link KaplanMeierPlot}, titled {@code Figure NUMBER TITLE (POPULATION)}), {@code
   * NUMBER.json} and {@code NUMBER.csv} (every number of the analysis, as {@code trialstats
   * survival} writes them, with their provenance).
   *
   * @param shell the figure shell
   * @param result its analysis
   * @return file name to content, in a fixed order
   */
  public static Map<String, byte[]> renderFigure(DisplayShell shell, SurvivalResult result) {
    return renderFigure(shell, result, ReportTable.Paper.LETTER);
  }

  /**
   * The files of a Kaplan-Meier figure shell: as {@link #renderFigure(DisplayShell,
   * SurvivalResult)}, then {@code NUMBER.rtf} and {@code NUMBER.docx}, the plot (as the PNG,
   * without its title line) placed on a landscape page of {@code paper} with the title block in the
   * page header and the shell's footnotes and the provenance line (version, SHA-256 of the data
   * read) in the page footer, in the shell's font, as the tables are laid out.
   *
   * @param shell the figure shell
   * @param result its analysis
   * @param paper the RTF/DOCX paper
   * @return file name to content, in a fixed order
   */
  public static Map<String, byte[]> renderFigure(
      DisplayShell shell, SurvivalResult result, ReportTable.Paper paper) {
    KaplanMeierFigure f = shell.figure();
    String title =
        "Figure " + shell.number() + " " + shell.title() + " (" + shell.population() + ")";
    Figure figure =
        KaplanMeierPlot.figure(
            result,
            new KaplanMeierPlot.Options(title, f.timeLabel(), f.survivalLabel(), f.bands()));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(shell.number() + ".png", figure.png());
    files.put(shell.number() + ".svg", figure.svg().getBytes(StandardCharsets.UTF_8));
    files.put(
        shell.number() + ".json",
        SurvivalOutput.render(result, "json").getBytes(StandardCharsets.UTF_8));
    files.put(
        shell.number() + ".csv",
        SurvivalOutput.render(result, "csv").getBytes(StandardCharsets.UTF_8));
    ReportTable frame =
        figureFrame(shell, new Provenance(result.version(), result.inputs()).line());
    // the page header prints the title, so the embedded picture goes without it
    Figure untitled =
        KaplanMeierPlot.figure(
            result, new KaplanMeierPlot.Options("", f.timeLabel(), f.survivalLabel(), f.bands()));
    ReportPicture picture = ReportPicture.ofPng(untitled.png(), FIGURE_DPI);
    files.put(
        shell.number() + ".rtf",
        AeTableRtfWriter.rtf(frame, picture, paper).getBytes(StandardCharsets.US_ASCII));
    files.put(shell.number() + ".docx", AeTableDocxWriter.docx(frame, picture, paper));
    return files;
  }

  /**
   * The page of a figure: {@code Figure NUMBER TITLE}, the population line (with the protocol, as
   * tables print it), the shell's footnotes (each distinct one once) and the provenance; no columns
   * or rows.
   */
  static ReportTable figureFrame(DisplayShell shell, String provenance) {
    List<String> footnotes = new ArrayList<>(shell.footnotes());
    footnotes.add(provenance);
    return new ReportTable(
        "Figure " + shell.number() + " " + shell.title(),
        shell.protocol() == null
            ? shell.population()
            : "Protocol: " + shell.protocol() + "; " + shell.population(),
        List.of(""),
        List.of(0.0),
        List.of(),
        CsrDisplay.distinct(footnotes),
        "",
        shell.font(),
        shell.fontSize(),
        List.of());
  }
}
