package org.trialstats.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.trialstats.adam.AdamDataException;
import org.trialstats.adam.AeTable;
import org.trialstats.io.OutputFiles;
import org.trialstats.io.OutputTarget;

/**
 * Renders an adverse-event table in the requested formats and writes them to an output folder:
 * {@code ae_table.csv|html|md|rtf|docx} and the dot plot {@code ae_dotplot.png|svg}.
 */
public final class AeReport {
  /** Base name of the table files. */
  public static final String TABLE = "ae_table";

  /** Base name of the dot plot files. */
  public static final String DOT_PLOT = "ae_dotplot";

  private AeReport() {}

  /** Output formats. */
  public enum Format {
    /** Machine-readable table, unrounded: {@link AeTableWriter#csv}. */
    CSV,
    /** Standalone HTML page: {@link AeTableWriter#html}. */
    HTML,
    /** Markdown: {@link AeTableWriter#markdown}. */
    MD,
    /** Clinical-study-report RTF: {@link AeTableRtfWriter}. */
    RTF,
    /** Clinical-study-report Word document: {@link AeTableDocxWriter}. */
    DOCX,
    /** Dot plot as PNG: {@link AeDotPlot#png}. */
    PNG,
    /** Dot plot as SVG: {@link AeDotPlot#svg}. */
    SVG;

    /** The format's id, its file extension. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The file this format is written to. */
    public String fileName() {
      return (this == PNG || this == SVG ? DOT_PLOT : TABLE) + "." + id();
    }

    /**
     * Parses a comma-separated list such as {@code csv,html,rtf}.
     *
     * @throws AdamDataException naming the valid formats
     */
    public static Set<Format> parse(String list) {
      Set<Format> formats = EnumSet.noneOf(Format.class);
      for (String part : list.split(",")) {
        String id = part.strip().toLowerCase(Locale.ROOT);
        formats.add(
            Arrays.stream(values())
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(
                    () ->
                        new AdamDataException(
                            "unknown output format '"
                                + part.strip()
                                + "'; expected some of "
                                + Arrays.stream(values()).map(Format::id).toList())));
      }
      return formats;
    }
  }

  /**
   * The bytes of every requested output, by file name, in format order. The dot plot (PNG, SVG) is
   * drawn on a second thread while the table formats are written on this one: on a cold JVM the
   * chart code's class loading and font setup take about as long as all the table writers.
   */
  public static Map<String, byte[]> render(
      AeTable table, AeReportStyle style, Set<Format> formats) {
    EnumSet<Format> ordered = EnumSet.noneOf(Format.class);
    ordered.addAll(formats);
    EnumSet<Format> chartFormats = EnumSet.of(Format.PNG, Format.SVG);
    chartFormats.retainAll(ordered);
    CompletableFuture<Map<Format, byte[]>> charts =
        chartFormats.isEmpty()
            ? CompletableFuture.completedFuture(Map.of())
            : CompletableFuture.supplyAsync(
                () -> charts(table, style, chartFormats), AeReport::daemon);
    AeTableLayout layout = new AeTableLayout(table, style);
    List<ReportTable> tables = layout.tables();
    Map<Format, byte[]> rendered = new EnumMap<>(Format.class);
    for (Format f : ordered) {
      byte[] bytes =
          switch (f) {
            case CSV -> utf8(AeTableWriter.csv(table));
            case HTML -> utf8(AeTableWriter.html(tables));
            case MD -> utf8(AeTableWriter.markdown(tables));
            case RTF ->
                AeTableRtfWriter.rtf(tables, style.paper()).getBytes(StandardCharsets.US_ASCII);
            case DOCX -> AeTableDocxWriter.docx(tables, style.paper());
            case PNG, SVG -> null;
          };
      if (bytes != null) {
        rendered.put(f, bytes);
      }
    }
    rendered.putAll(join(charts));
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Format f : ordered) {
      files.put(f.fileName(), rendered.get(f));
    }
    return files;
  }

  private static Map<Format, byte[]> charts(
      AeTable table, AeReportStyle style, Set<Format> formats) {
    AeDotPlot plot = new AeDotPlot(table, style);
    Map<Format, byte[]> bytes = new EnumMap<>(Format.class);
    if (formats.contains(Format.PNG)) {
      bytes.put(Format.PNG, plot.png());
    }
    if (formats.contains(Format.SVG)) {
      bytes.put(Format.SVG, utf8(plot.svg()));
    }
    return bytes;
  }

  /** Runs {@code task} on a new daemon thread, so a failure elsewhere never keeps the JVM alive. */
  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "trialstats-ae-charts");
    thread.setDaemon(true);
    thread.start();
  }

  /** The future's value; its failure rethrown as it was thrown on the other thread. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Whether a file name is one that ae-table writes into its output folder. */
  public static boolean isOutputFile(String name) {
    return Arrays.stream(Format.values()).anyMatch(f -> f.fileName().equals(name));
  }

  /**
   * Renders everything in memory, then replaces {@code folder} with a folder holding exactly these
   * files ({@link OutputFiles#replaceFolder}), so a failure leaves the previous outputs intact. To
   * protect unrelated files, an existing folder may hold only files this command writes.
   *
   * @return the files written
   * @throws org.trialstats.io.OutputException if the folder holds other files or cannot be written
   */
  public static List<Path> write(
      Path folder, AeTable table, AeReportStyle style, Set<Format> formats) throws IOException {
    OutputTarget.checkFolder(folder, List.of(), "ae-table", AeReport::isOutputFile);
    Map<String, byte[]> files = render(table, style, formats);
    OutputFiles.replaceFolder(
        folder,
        staging -> {
          for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(staging.resolve(f.getKey()), f.getValue());
          }
        });
    List<Path> written = new ArrayList<>();
    files.keySet().forEach(name -> written.add(folder.resolve(name)));
    return written;
  }

  /**
   * Writes the requested outputs as {@code <name>.csv|html|md|rtf|docx} and {@code
   * <name>_dotplot.png|svg} into {@code folder}, which may hold other files: the files are written
   * together ({@link OutputFiles.Group}), replacing earlier versions of the same names only, so
   * several tables can share one report folder.
   *
   * @return the files written
   * @throws org.trialstats.io.OutputException if a file cannot be written
   */
  public static List<Path> writeNamed(
      Path folder, String name, AeTable table, AeReportStyle style, Set<Format> formats)
      throws IOException {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new AdamDataException(
          "output name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    Map<String, byte[]> files = render(table, style, formats);
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    try (OutputFiles.Group group = new OutputFiles.Group()) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        String file =
            f.getKey().startsWith(TABLE + ".")
                ? name + f.getKey().substring(TABLE.length())
                : name + "_dotplot" + f.getKey().substring(DOT_PLOT.length());
        Path target = folder.resolve(file);
        byte[] bytes = f.getValue();
        group.add(target, out -> out.write(bytes));
        written.add(target);
      }
      group.commit();
    }
    return written;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
