package org.trialstats.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialstats.analysis.RequestFields;
import org.trialstats.io.CsvRecordLimit;
import org.trialstats.io.Escape;
import org.trialstats.io.InvalidDataException;
import org.trialstats.io.Numbers;
import org.trialstats.io.OutputFiles;
import org.trialstats.io.OutputTarget;
import org.trialstats.stats.MethodCatalogue;
import org.trialstats.stats.Result;
import org.trialstats.stats.StatsException;

/**
 * The {@code batch} scripting interface: reads a CSV of computation requests, writes the same rows
 * with {@code estimate, lower, upper, p_value, status, message} appended. Rows are streamed in
 * chunks that are computed on all available processors and written in input order, so memory does
 * not grow with the number of rows and the bytes written do not depend on the number of processors.
 * A row that cannot be computed gets {@code status = error} and a message; the batch goes on. The
 * output is written to a temporary file and moved into place only when the whole input has been
 * read.
 */
public final class BatchRunner {
  /** Input columns with a meaning; any other column is passed through unchanged. */
  public static final List<String> INPUT_COLUMNS =
      List.of(
          "id",
          "measure",
          "method",
          "events1",
          "n1",
          "events2",
          "n2",
          "exposure1",
          "exposure2",
          "expected",
          "per",
          "level",
          "berger_boos");

  /**
   * The longest input record accepted (1 Mi characters, line breaks in quoted fields included):
   * bounds the memory a single row can use.
   */
  public static final int MAX_RECORD_CHARS = CsvRecordLimit.MAX_RECORD_CHARS;

  /** Columns appended to every output row. */
  public static final List<String> OUTPUT_COLUMNS =
      List.of("estimate", "lower", "upper", "p_value", "status", "message");

  /** Rows handed to a worker thread at a time: large enough to amortise the hand-over. */
  private static final int CHUNK_ROWS = 2048;

  /** Counts of the rows processed. */
  public record Summary(long rows, long errors) {}

  private BatchRunner() {}

  /**
   * Processes {@code input} into {@code output} ({@code -}: standard output of the process).
   *
   * @throws UserError when the input as a whole is unusable (missing file or column, malformed CSV,
   *     invalid encoding); no output file is written then
   * @throws org.trialstats.io.OutputException when the output is refused (it is the input, a
   *     folder) or cannot be written
   */
  public static Summary run(Path input, Path output) throws IOException {
    if (OutputTarget.isStandardOutput(output)) {
      Writer stdout = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
      return run(input, stdout);
    }
    OutputTarget.checkFiles(List.of(output), List.of(input));
    return process(
        input,
        rows ->
            OutputFiles.write(
                output,
                out -> {
                  Writer writer =
                      new BufferedWriter(
                          new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                  rows.writeTo(writer);
                  writer.flush();
                }));
  }

  /**
   * Processes {@code input} into a writer as the rows are computed (for standard output: an input
   * error half-way leaves the rows written so far).
   *
   * @throws UserError when the input as a whole is unusable
   */
  public static Summary run(Path input, Writer output) throws IOException {
    return process(
        input,
        rows -> {
          rows.writeTo(output);
          output.flush();
        });
  }

  /** The output rows, ready to be written once the output is open. */
  @FunctionalInterface
  private interface Rows {
    void writeTo(Writer writer) throws IOException;
  }

  /** Where the rows go: a file written atomically, or a stream. */
  @FunctionalInterface
  private interface Sink {
    void accept(Rows rows) throws IOException;
  }

  private static Summary process(Path input, Sink sink) throws IOException {
    if (!Files.isRegularFile(input)) {
      throw new UserError(input + ": no such file");
    }
    long[] counts = new long[2];
    CsvRecordLimit reader = CsvRecordLimit.openUtf8(input);
    try (reader;
        CSVParser parser = parser(reader)) {
      List<String> header = header(input, parser, reader);
      if (StratifiedBatch.applies(header)) {
        // One output row per group: a separate path, so that ordinary batches are untouched.
        StratifiedBatch.Result result =
            StratifiedBatch.run(
                header, records(input, parser, reader), parser::getCurrentLineNumber);
        sink.accept(writer -> writer.write(result.text()));
        return new Summary(result.rows(), result.errors());
      }
      InputColumns columns = new InputColumns(header);
      sink.accept(
          writer -> {
            List<String> outHeader = new ArrayList<>(header.stream().map(Escape::csvText).toList());
            outHeader.addAll(OUTPUT_COLUMNS);
            writer.write(RowPrinter.format(outHeader, new StringBuilder()));
            try (ChunkPipeline pipeline = new ChunkPipeline(writer, counts)) {
              List<CSVRecord> chunk = new ArrayList<>(CHUNK_ROWS);
              long[] lines = new long[CHUNK_ROWS];
              for (CSVRecord record : records(input, parser, reader)) {
                lines[chunk.size()] = parser.getCurrentLineNumber();
                chunk.add(record);
                if (chunk.size() == CHUNK_ROWS) {
                  pipeline.submit(chunk, lines, columns, header.size());
                  chunk = new ArrayList<>(CHUNK_ROWS);
                  lines = new long[CHUNK_ROWS];
                }
              }
              if (!chunk.isEmpty()) {
                pipeline.submit(chunk, lines, columns, header.size());
              }
              pipeline.drain();
            }
          });
    } catch (UncheckedIOException e) {
      throw new UserError(input + ": " + reader.describe(e.getCause()), e);
    }
    return new Summary(counts[0], counts[1]);
  }

  /**
   * Formats CSV records with the quoting rules of {@link CSVFormat#DEFAULT} ({@link
   * CSVFormat#print(Object, Appendable, boolean)}, so the bytes are those of a {@link
   * org.apache.commons.csv.CSVPrinter}) into a buffer that the writer receives as one string per
   * chunk: a CSVPrinter writes field by field, character by character, through the writer's lock,
   * which was a quarter of the time of a batch of closed-form methods.
   */
  private static final class RowPrinter {
    private static final CSVFormat FORMAT =
        CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private RowPrinter() {}

    static String format(List<String> values, StringBuilder line) throws IOException {
      append(values, line);
      return line.toString();
    }

    static void append(List<String> values, StringBuilder line) throws IOException {
      boolean newRecord = true;
      for (String value : values) {
        FORMAT.print(value, line, newRecord);
        newRecord = false;
      }
      FORMAT.println(line);
    }
  }

  /** The formatted output rows of one chunk of input records, and how many of them are errors. */
  private record ChunkResult(String text, int rows, int errors) {}

  /**
   * Computes chunks of rows on a pool of worker threads (one per available processor) and writes
   * their results in input order. At most {@code 2 x workers} chunks are in flight, so memory stays
   * bounded whatever the number of rows. Rows are independent and every computation is a pure
   * function of its row, so the bytes written do not depend on the number of workers.
   */
  private static final class ChunkPipeline implements AutoCloseable {
    private final Writer writer;
    private final long[] counts;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final ArrayDeque<Future<ChunkResult>> inFlight = new ArrayDeque<>();

    ChunkPipeline(Writer writer, long[] counts) {
      this.writer = writer;
      this.counts = counts;
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      this.maxInFlight = 2 * threads;
      this.workers =
          Executors.newFixedThreadPool(
              threads,
              task -> {
                Thread thread = new Thread(task, "trialstats-batch");
                thread.setDaemon(true);
                return thread;
              });
    }

    void submit(List<CSVRecord> chunk, long[] lines, InputColumns columns, int headerSize)
        throws IOException {
      if (inFlight.size() >= maxInFlight) {
        writeNext();
      }
      inFlight.add(workers.submit(() -> compute(chunk, lines, columns, headerSize)));
    }

    void drain() throws IOException {
      while (!inFlight.isEmpty()) {
        writeNext();
      }
    }

    private void writeNext() throws IOException {
      ChunkResult result;
      try {
        result = inFlight.remove().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while computing batch rows");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IOException(cause);
      }
      writer.write(result.text());
      counts[0] += result.rows();
      counts[1] += result.errors();
    }

    private static ChunkResult compute(
        List<CSVRecord> chunk, long[] lines, InputColumns columns, int headerSize)
        throws IOException {
      StringBuilder text = new StringBuilder(128 * chunk.size());
      int errors = 0;
      for (int r = 0; r < chunk.size(); r++) {
        if (!computeRow(chunk.get(r), lines[r], columns, headerSize, text)) {
          errors++;
        }
      }
      return new ChunkResult(text.toString(), chunk.size(), errors);
    }

    /**
     * Appends one output row to {@code text}; returns false for an error row. A method of its own
     * (rather than the body of the chunk loop) so that the JIT compiles the per-row code once, not
     * again for each loop it sits in: those compilations were a quarter of the compiler's time in a
     * million-row batch on two cores.
     */
    private static boolean computeRow(
        CSVRecord record, long line, InputColumns columns, int headerSize, StringBuilder text)
        throws IOException {
      List<String> row = new ArrayList<>(headerSize + OUTPUT_COLUMNS.size());
      for (int i = 0; i < headerSize; i++) {
        // Echoed cells are protected against spreadsheet formula injection like every other
        // CSV output (numbers such as -0.5 are left alone).
        row.add(i < record.size() ? Escape.csvText(record.get(i)) : "");
      }
      boolean ok = appendResult(columns, headerSize, record, line, row);
      RowPrinter.append(row, text);
      return ok;
    }

    @Override
    public void close() {
      workers.shutdownNow();
    }
  }

  private static CSVParser parser(Reader reader) throws IOException {
    return CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get().parse(reader);
  }

  private static List<String> header(Path input, CSVParser parser, CsvRecordLimit reader) {
    var it = records(input, parser, reader).iterator();
    if (!it.hasNext()) {
      throw new UserError(
          input
              + ": the file is empty; expected a header line with at least"
              + " the columns measure and method");
    }
    List<String> header = new ArrayList<>();
    for (String name : it.next().toList()) {
      String clean = name.strip();
      if (header.isEmpty() && clean.startsWith("\uFEFF")) {
        clean = clean.substring(1);
      }
      header.add(clean);
    }
    Set<String> seen = new java.util.HashSet<>();
    for (String name : header) {
      String key = name.toLowerCase(Locale.ROOT);
      if (!seen.add(key)) {
        throw new UserError(input + ":1: column '" + name + "' appears more than once");
      }
      if (OUTPUT_COLUMNS.contains(key)) {
        throw new UserError(
            input + ":1: column '" + name + "' clashes with an output column " + OUTPUT_COLUMNS);
      }
    }
    for (String required : List.of("measure", "method")) {
      if (!seen.contains(required)) {
        throw new UserError(
            input + ":1: missing column '" + required + "'; the header has " + header);
      }
    }
    return header;
  }

  /** The parser's records, with a malformed line reported by its line number. */
  private static Iterable<CSVRecord> records(Path input, CSVParser parser, CsvRecordLimit reader) {
    var it = parser.iterator();
    return () ->
        new java.util.Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return it.hasNext();
            } catch (UncheckedIOException e) {
              if (e.getCause() instanceof CSVException malformed) {
                throw new UserError(
                    input
                        + ":"
                        + (parser.getCurrentLineNumber() + 1)
                        + ": malformed CSV: "
                        + malformed.getMessage(),
                    e);
              }
              throw new UserError(input + ": " + reader.describe(e.getCause()), e);
            } catch (IllegalStateException e) {
              throw new UserError(
                  input
                      + ":"
                      + (parser.getCurrentLineNumber() + 1)
                      + ": malformed CSV: "
                      + e.getMessage(),
                  e);
            }
          }

          @Override
          public CSVRecord next() {
            return it.next();
          }
        };
  }

  /**
   * The header positions of the meaningful input columns, resolved once per file rather than once
   * per row (the header is the same for every row).
   */
  private static final class InputColumns {
    private final int[] positions;
    private final String[] keys;

    InputColumns(List<String> header) {
      List<Integer> found = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        if (INPUT_COLUMNS.contains(header.get(i).toLowerCase(Locale.ROOT))) {
          found.add(i);
        }
      }
      positions = found.stream().mapToInt(Integer::intValue).toArray();
      keys = new String[positions.length];
      for (int j = 0; j < positions.length; j++) {
        keys[j] = header.get(positions[j]).toLowerCase(Locale.ROOT);
      }
    }

    Map<String, String> values(CSVRecord record) {
      Map<String, String> values = new HashMap<>(2 * positions.length);
      for (int j = 0; j < positions.length; j++) {
        int i = positions[j];
        values.put(keys[j], i < record.size() ? record.get(i).strip() : "");
      }
      return values;
    }
  }

  /** Computes one row and appends the result columns; returns false for an error row. */
  private static boolean appendResult(
      InputColumns columns, int headerSize, CSVRecord record, long line, List<String> row) {
    Map<String, String> values = columns.values(record);
    try {
      if (record.size() != headerSize) {
        throw new StatsException(
            "the row has " + record.size() + " fields, the header " + headerSize);
      }
      Result e = MethodCatalogue.compute(RequestFields.parse(values));
      row.add(Numbers.full(e.value()));
      row.add(Numbers.full(e.lower()));
      row.add(Numbers.full(e.upper()));
      row.add(Numbers.full(e.pValue()));
      row.add("ok");
      row.add(e.note());
      return true;
    } catch (StatsException | InvalidDataException | ArithmeticException e) {
      row.add("");
      row.add("");
      row.add("");
      row.add("");
      row.add("error");
      row.add("line " + line + ": " + e.getMessage());
      return false;
    }
  }
}
