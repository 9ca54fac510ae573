package org.trialstats.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.trialstats.io.InputFile;
import org.trialstats.io.Utf8Text;
import org.trialstats.io.YamlDocument;

/**
 * Loads and validates a dataset directory. The format is documented field by field in the dataset's
 * README ({@code datasets/anakinra/README.md}); in short:
 *
 * <ul>
 *   <li>{@code dataset.yaml} (required): id, title, drug, description, sources;
 *   <li>{@code comparisons.yaml}: two-arm comparisons;
 *   <li>{@code stratified.yaml}: two-arm comparisons published by stratum ({@code stratified});
 *   <li>{@code rates.yaml}: rate figures ({@code rates}) and observed-versus-expected figures
 *       ({@code sirs});
 *   <li>{@code claims.yaml} (required): every printed figure with its check;
 *   <li>{@code approvals.csv}: approvals by region and year.
 * </ul>
 *
 * <p>Validation reports every problem it finds in one {@link DatasetException}, each located by
 * file, line and field: unknown keys, missing required fields, wrong types, negative counts, events
 * above n, percentages outside [0, 100], duplicate ids, references to unknown sources, comparisons,
 * figures or claims, missing sources, malformed YAML or CSV, files that are missing, unexpected or
 * larger than {@link #MAX_FILE_BYTES}, and files that are symbolic links to a location outside the
 * dataset folder (only the fixed file names above are ever read). YAML is read as a token stream by
 * Jackson (SnakeYAML's parser underneath): no objects are constructed from tags, and aliases and
 * tags are rejected.
 */
public final class DatasetLoader {
  /** Largest accepted size of one dataset file: 10 MiB. */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  static final String DATASET_FILE = "dataset.yaml";
  static final String COMPARISONS_FILE = "comparisons.yaml";
  static final String STRATIFIED_FILE = "stratified.yaml";
  static final String RATES_FILE = "rates.yaml";
  static final String CLAIMS_FILE = "claims.yaml";
  static final String APPROVALS_FILE = "approvals.csv";

  /** The data files in the order they are read and their problems are reported. */
  static final List<String> FILES =
      List.of(
          DATASET_FILE, COMPARISONS_FILE, STRATIFIED_FILE, RATES_FILE, CLAIMS_FILE, APPROVALS_FILE);

  private static final Set<String> REQUIRED_FILES = Set.of(DATASET_FILE, CLAIMS_FILE);
  private static final Set<String> DATA_EXTENSIONS = Set.of("yaml", "yml", "csv", "json", "tsv");

  private final Path directory;
  private final Problems problems = new Problems();
  private final List<InputFile> inputFiles = new ArrayList<>();

  /** Every declared id (of a valid entry or not), in declaration order. */
  private final Map<String, Declaration> declarations = new LinkedHashMap<>();

  /** Fields that refer to entries by id, checked once every file is read. */
  private final List<Reference> references = new ArrayList<>();

  /** Kinds of entry whose file exists but could not be read: references to them are not checked. */
  private final Set<String> unverifiableKinds = new HashSet<>();

  private String datasetId;
  private String title;
  private String drug;
  private String description;
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final Map<String, Comparison> comparisons = new LinkedHashMap<>();
  private final Map<String, StratifiedComparison> stratified = new LinkedHashMap<>();
  private final Map<String, RateFigure> rates = new LinkedHashMap<>();
  private final Map<String, SirFigure> sirs = new LinkedHashMap<>();
  private final Set<String> sirsWithDerivedExpected = new TreeSet<>();
  private final List<ClaimParser.Draft> claimDrafts = new ArrayList<>();
  private final List<Map<String, String>> approvals = new ArrayList<>();

  /**
   * A field that refers to another entry by id.
   *
   * @param kind the kind of entry the field must name: source, comparison, stratified, rate, sir or
   *     claim
   */
  record Reference(String kind, String file, int line, String field, String id) {}

  /** Where an id was declared, and by which kind of entry. */
  private record Declaration(String kind, String file, int line) {}

  private DatasetLoader(Path directory) {
    this.directory = directory;
  }

  /**
   * Loads the dataset in {@code directory}.
   *
   * @param directory the dataset directory, e.g. {@code datasets/anakinra}
   * @return the validated dataset
   * @throws DatasetException listing every problem found, the first one in the accessors
   */
  public static Dataset load(Path directory) throws DatasetException {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new DatasetException(
          directory.toString(),
          0,
          null,
          "expected a dataset directory, got "
              + (Files.exists(directory) ? "a file" : "no such directory"));
    }
    return new DatasetLoader(directory).run();
  }

  private Dataset run() {
    reportUnexpectedFiles();
    readDataset(read(DATASET_FILE));
    readComparisons(read(COMPARISONS_FILE));
    readStratified(read(STRATIFIED_FILE));
    readRates(read(RATES_FILE));
    String claimsText = read(CLAIMS_FILE);
    if (claimsText != null) {
      int before = problems.count();
      YamlDocument.Node root = parseYaml(claimsText, CLAIMS_FILE);
      if (problems.count() == before) {
        new ClaimParser(this).parse(root);
      }
    }
    String approvalsText = read(APPROVALS_FILE);
    if (approvalsText != null) {
      ApprovalsParser.parse(approvalsText, APPROVALS_FILE, this);
    }
    checkReferences();
    List<Claim> claims = new ClaimResolver(this).resolve(claimDrafts);
    problems.throwIfAny(FILES);
    return new Dataset(
        datasetId,
        title,
        drug,
        description,
        directory,
        new ArrayList<>(sources.values()),
        new ArrayList<>(comparisons.values()),
        new ArrayList<>(rates.values()),
        new ArrayList<>(sirs.values()),
        claims,
        inputFiles,
        approvals,
        new ArrayList<>(stratified.values()));
  }

  // ---------------------------------------------------------------- files

  private void reportUnexpectedFiles() {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      Set<String> unexpected = new TreeSet<>();
      for (Path p : entries) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (DATA_EXTENSIONS.contains(extension) && !FILES.contains(name)) {
          unexpected.add(name);
        }
      }
      for (String name : unexpected) {
        problems.add(
            name,
            0,
            null,
            "expected only the data files "
                + String.join(", ", FILES)
                + ", got an unexpected data file (misspelt?)");
      }
    } catch (IOException e) {
      problems.add(
          directory.toString(), 0, null, "expected a readable directory, got " + e.getMessage());
    }
  }

  /**
   * Reads a data file as UTF-8 text and records it as an input file.
   *
   * @return the text, or null when the file is absent (reported if required) or unreadable
   */
  private String read(String name) {
    Path path = directory.resolve(name);
    if (!Files.exists(path)) {
      if (REQUIRED_FILES.contains(name)) {
        problems.add(
            name,
            0,
            null,
            "expected the required file " + name + " in " + directory + ", got no such file");
      }
      return null;
    }
    if (!Files.isRegularFile(path)) {
      problems.add(name, 0, null, "expected a regular file, got a directory or special file");
      return null;
    }
    if (Files.isSymbolicLink(path) && !insideDirectory(path)) {
      // A dataset must not make the tool read (and echo in messages or hashes) other files.
      problems.add(
          name,
          0,
          null,
          "expected a file inside the dataset folder, got a symbolic link to a"
              + " file outside it; copy the file into "
              + directory);
      return null;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(Math.toIntExact(MAX_FILE_BYTES + 1));
      if (bytes.length > MAX_FILE_BYTES) {
        problems.add(
            name,
            0,
            null,
            "expected at most "
                + MAX_FILE_BYTES
                + " bytes (10 MiB), got "
                + Files.size(path)
                + " bytes");
        return null;
      }
    } catch (IOException e) {
      problems.add(name, 0, null, "expected a readable file, got " + e);
      return null;
    }
    inputFiles.add(InputFile.of(name, bytes));
    try {
      return Utf8Text.decode(name, bytes);
    } catch (Utf8Text.MalformedException e) {
      problems.add(
          name,
          e.line(),
          null,
          "expected UTF-8 text, got an invalid byte sequence at byte " + e.offset());
      return null;
    }
  }

  /** Parses YAML, reporting syntax problems; null when the document is empty or malformed. */
  YamlDocument.Node parseYaml(String text, String file) {
    try {
      return YamlDocument.parse(text, file, Math.toIntExact(MAX_FILE_BYTES), DatasetException::new)
          .root();
    } catch (DatasetException e) {
      problems.addAll(e);
      return null;
    }
  }

  /** Opens the root mapping of a YAML file with the given top-level keys. */
  private Fields openRoot(String text, String file, List<String> required, List<String> optional) {
    int before = problems.count();
    YamlDocument.Node root = parseYaml(text, file);
    if (root == null) {
      if (problems.count() == before) {
        List<String> keys = new ArrayList<>(required);
        keys.addAll(optional);
        problems.add(
            file,
            0,
            null,
            "expected a mapping with the keys " + String.join(", ", keys) + ", got an empty file");
      }
      return null;
    }
    return Fields.open(file, problems, root, 1, "", required, optional);
  }

  /** Whether the real location of {@code path} (links resolved) lies inside the dataset folder. */
  private boolean insideDirectory(Path path) {
    try {
      return path.toRealPath().startsWith(directory.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * When {@code file} exists but could not be read (too large, not UTF-8), references to its
   * entries cannot be checked: its own problem is reported instead.
   */
  private void markUnverifiableIfPresent(String file, String... kinds) {
    if (Files.exists(directory.resolve(file))) {
      unverifiableKinds.addAll(List.of(kinds));
    }
  }

  /**
   * The entries of a file whose root holds one list under {@code key}, or null (its references then
   * unverifiable) when the file is absent, unreadable or without the list.
   */
  private List<YamlDocument.Node> entries(String text, String file, String key, String kind) {
    if (text == null) {
      markUnverifiableIfPresent(file, kind);
      return null;
    }
    Fields root = openRoot(text, file, List.of(key), List.of());
    List<YamlDocument.Node> items = root == null ? null : root.list(key);
    if (items == null) {
      unverifiableKinds.add(kind);
    }
    return items;
  }

  // ---------------------------------------------------------------- dataset.yaml

  private void readDataset(String text) {
    Fields root =
        text == null
            ? null
            : openRoot(
                text,
                DATASET_FILE,
                List.of("id", "title", "drug", "description", "sources"),
                List.of());
    if (root == null) {
      unverifiableKinds.add("source");
      return;
    }
    datasetId = root.id("id");
    title = root.text("title");
    drug = root.text("drug");
    description = root.text("description");
    List<YamlDocument.Node> items = root.list("sources");
    if (items == null || !root.has("sources")) {
      unverifiableKinds.add("source");
      return;
    }
    if (items.isEmpty()) {
      root.problem("sources", "expected at least one source, got an empty list");
    }
    readEntries(
        DATASET_FILE,
        items,
        List.of("id", "document", "section", "citation"),
        List.of(),
        f -> {
          String id = f.id("id");
          declare("source", id, f);
          String document = f.text("document");
          String section = f.text("section");
          String citation = f.text("citation");
          return f.clean() ? new Source(id, document, section, citation) : null;
        },
        source -> sources.put(source.id(), source));
  }

  /**
   * Reads a file's list of entries: each item is opened as a mapping with the given fields and read
   * by {@code reader}, which returns null for an entry with a problem ({@link Fields#clean()} is
   * false); the others go to {@code accept}. Problems are reported, and reading goes on with the
   * next entry.
   */
  private <T> void readEntries(
      String file,
      List<YamlDocument.Node> items,
      List<String> required,
      List<String> optional,
      Function<Fields, T> reader,
      Consumer<T> accept) {
    for (YamlDocument.Node item : items) {
      Fields f = Fields.open(file, problems, item, item.line(), "", required, optional);
      T entry = f == null ? null : reader.apply(f);
      if (entry != null) {
        accept.accept(entry);
      }
    }
  }

  // ---------------------------------------------------------------- comparisons.yaml

  private void readComparisons(String text) {
    List<YamlDocument.Node> items = entries(text, COMPARISONS_FILE, "comparisons", "comparison");
    if (items == null) {
      return;
    }
    readEntries(
        COMPARISONS_FILE,
        items,
        List.of("id", "endpoint", "timepoint", "treatment", "control", "source"),
        List.of("note"),
        f -> {
          String id = f.id("id");
          declare("comparison", id, f);
          String endpoint = f.text("endpoint");
          String timepoint = f.text("timepoint");
          Arm treatment = arm(f, "treatment");
          Arm control = arm(f, "control");
          String source = sourceReference(f, "source");
          String note = f.optionalText("note");
          return f.clean()
              ? new Comparison(id, endpoint, timepoint, treatment, control, source, note)
              : null;
        },
        comparison -> comparisons.put(comparison.id(), comparison));
  }

  private Arm arm(Fields parent, String key) {
    Fields f = parent.child(key, List.of("label", "n"), List.of("events", "percent"));
    if (f == null) {
      return null;
    }
    String label = f.text("label");
    Long n = f.count("n", 1);
    Long events = f.count("events", 0);
    if (events != null && n != null && events > n) {
      f.problem("events", "expected at most n = " + n + ", got " + events);
    }
    Reported percent = f.has("percent") ? reported(f, "percent", "%", false) : null;
    if (percent != null && !percent.qualifier().isPointValue()) {
      f.problem(
          "percent",
          "expected an exact or about percentage, got qualifier " + percent.qualifier().yamlName());
    }
    if (!f.has("events") && !f.has("percent")) {
      problems.add(
          f.file, f.map.line(), parent.path(key), "expected events, percent or both, got neither");
    }
    if (!f.clean()) {
      return null;
    }
    return new Arm(label, n, events, percent);
  }

  // ---------------------------------------------------------------- stratified.yaml

  private void readStratified(String text) {
    List<YamlDocument.Node> items = entries(text, STRATIFIED_FILE, "stratified", "stratified");
    if (items == null) {
      return;
    }
    readEntries(
        STRATIFIED_FILE,
        items,
        List.of("id", "endpoint", "stratified_by", "treatment", "control", "strata", "source"),
        List.of("timepoint", "note"),
        f -> {
          String id = f.id("id");
          declare("stratified", id, f);
          String endpoint = f.text("endpoint");
          String timepoint = f.optionalText("timepoint");
          String stratifiedBy = f.text("stratified_by");
          String treatment = f.text("treatment");
          String control = f.text("control");
          List<StratifiedComparison.Stratum> strata = strata(f);
          String source = sourceReference(f, "source");
          String note = f.optionalText("note");
          return f.clean()
              ? new StratifiedComparison(
                  id, endpoint, timepoint, stratifiedBy, treatment, control, strata, source, note)
              : null;
        },
        comparison -> stratified.put(comparison.id(), comparison));
  }

  /** The strata of a stratified comparison; problems are reported (the list is then partial). */
  private List<StratifiedComparison.Stratum> strata(Fields parent) {
    List<StratifiedComparison.Stratum> strata = new ArrayList<>();
    List<YamlDocument.Node> items = parent.list("strata");
    if (items == null) {
      return strata;
    }
    if (items.isEmpty()) {
      parent.problem("strata", "expected at least one stratum, got an empty list");
      return strata;
    }
    Map<String, Integer> labels = new LinkedHashMap<>();
    boolean complete = true;
    for (int i = 0; i < items.size(); i++) {
      YamlDocument.Node item = items.get(i);
      String prefix = parent.path("strata") + "[" + i + "]";
      Fields f =
          Fields.open(
              parent.file,
              problems,
              item,
              item.line(),
              prefix,
              List.of("label", "treatment", "control"),
              List.of());
      if (f == null) {
        complete = false;
        continue;
      }
      String label = f.text("label");
      Integer earlier = label == null ? null : labels.putIfAbsent(label, f.line("label"));
      if (earlier != null) {
        f.problem(
            "label",
            "expected a label used once in the comparison, got '"
                + label
                + "', already used at line "
                + earlier);
      }
      long[] treatment = stratumArm(f, "treatment");
      long[] control = stratumArm(f, "control");
      if (!f.clean()) {
        complete = false;
        continue;
      }
      strata.add(
          new StratifiedComparison.Stratum(
              label, treatment[0], treatment[1], control[0], control[1]));
    }
    if (complete && strata.stream().noneMatch(s -> s.n1() > 0 && s.n2() > 0)) {
      parent.problem(
          "strata",
          "expected at least one stratum with subjects in both arms (n >= 1), got "
              + strata.size()
              + (strata.size() == 1 ? " stratum" : " strata")
              + " each with an empty arm");
    }
    return strata;
  }

  /**
   * One arm of a stratum: {@code events} and {@code n} (0 allowed: a stratum without that arm is
   * left out of the analysis, as the stratified methods say).
   *
   * @return {events, n}, or null when invalid (reported)
   */
  private long[] stratumArm(Fields parent, String key) {
    Fields f = parent.child(key, List.of("events", "n"), List.of());
    if (f == null) {
      return null;
    }
    Long events = f.count("events", 0);
    Long n = f.count("n", 0);
    if (events == null || n == null) {
      return null;
    }
    if (events > n) {
      f.problem("events", "expected at most n = " + n + ", got " + events);
      return null;
    }
    return new long[] {events, n};
  }

  // ---------------------------------------------------------------- rates.yaml

  private void readRates(String text) {
    if (text == null) {
      markUnverifiableIfPresent(RATES_FILE, "rate", "sir");
      return;
    }
    Fields root = openRoot(text, RATES_FILE, List.of(), List.of("rates", "sirs"));
    List<YamlDocument.Node> rateItems = root == null ? null : root.list("rates");
    List<YamlDocument.Node> sirItems = root == null ? null : root.list("sirs");
    if (rateItems == null) {
      unverifiableKinds.add("rate");
    } else {
      readEntries(
          RATES_FILE,
          rateItems,
          List.of("id", "endpoint", "events", "patient_years", "per", "reported", "source"),
          List.of("patients", "mean_follow_up_months", "note"),
          this::readRate,
          rate -> rates.put(rate.id(), rate));
    }
    if (sirItems == null) {
      unverifiableKinds.add("sir");
    } else {
      readEntries(
          RATES_FILE,
          sirItems,
          List.of("id", "endpoint", "observed", "source"),
          List.of("expected", "expected_note", "reported_ratio", "note"),
          this::readSir,
          sir -> sirs.put(sir.id(), sir));
    }
  }

  /** One entry of {@code rates}, or null when invalid (reported). */
  private RateFigure readRate(Fields f) {
    String id = f.id("id");
    declare("rate", id, f);
    String endpoint = f.text("endpoint");
    Long events = f.count("events", 0);
    BigDecimal patientYears = f.positive("patient_years");
    BigDecimal per = f.positive("per");
    Long patients = f.count("patients", 1);
    BigDecimal months = f.positive("mean_follow_up_months");
    Reported reported = reported(f, "reported", null, true);
    String source = sourceReference(f, "source");
    String note = f.optionalText("note");
    if (!f.clean()) {
      return null;
    }
    return new RateFigure(
        id,
        endpoint,
        events,
        patientYears.doubleValue(),
        patients,
        months == null ? null : months.doubleValue(),
        per.doubleValue(),
        reported,
        source,
        note);
  }

  /** One entry of {@code sirs}, or null when invalid (reported) or without an expected count. */
  private SirFigure readSir(Fields f) {
    String id = f.id("id");
    declare("sir", id, f);
    String endpoint = f.text("endpoint");
    Long observed = f.count("observed", 0);
    BigDecimal expected = f.positive("expected");
    String expectedNote = f.optionalText("expected_note");
    Reported ratio = f.has("reported_ratio") ? reported(f, "reported_ratio", null, true) : null;
    String source = sourceReference(f, "source");
    String note = f.optionalText("note");
    String derivation = null;
    if (!f.has("expected")) {
      if (!f.has("reported_ratio")) {
        problems.add(
            RATES_FILE,
            f.map.line(),
            "expected",
            "expected an expected count, or a reported_ratio to derive it from, got neither");
      } else if (ratio != null && observed != null) {
        if (ratio.value() <= 0 || observed == 0) {
          f.problem(
              "reported_ratio",
              "expected a positive ratio and observed count to derive the expected count, got "
                  + ratio.valueText()
                  + " and "
                  + observed);
        } else {
          expected = BigDecimal.valueOf(observed).divide(ratio.exactValue(), Decimals.CONTEXT);
          derivation =
              observed
                  + " / "
                  + ratio.valueText()
                  + " = "
                  + Decimals.round(expected, 3)
                  + " (derived from the printed ratio '"
                  + ratio.asReported()
                  + "')";
          if (id != null) {
            sirsWithDerivedExpected.add(id);
          }
        }
      }
    } else if (expected != null) {
      derivation = "printed: " + (expectedNote.isEmpty() ? Decimals.plain(expected) : expectedNote);
    }
    if (!f.clean() || derivation == null) {
      return null;
    }
    return new SirFigure(
        id, endpoint, observed, expected.doubleValue(), derivation, ratio, source, note);
  }

  // ---------------------------------------------------------------- shared helpers

  /**
   * Records an id declaration, reporting a duplicate. Ids share one namespace across sources,
   * comparisons, rates, SIRs, claims and approvals, so a reference can never be ambiguous.
   */
  void declare(String kind, String id, Fields f) {
    declare(kind, id, f.file, f.line("id"));
  }

  void declare(String kind, String id, String file, int line) {
    if (id == null) {
      return;
    }
    Declaration earlier = declarations.get(id);
    if (earlier != null) {
      problems.add(
          file,
          line,
          "id",
          "expected a unique id, got '"
              + id
              + "', already used at "
              + earlier.file()
              + ":"
              + earlier.line());
      return;
    }
    declarations.put(id, new Declaration(kind, file, line));
  }

  /** Whether an entry of the given kind declared {@code id} (even if the entry is invalid). */
  private boolean isDeclared(String kind, String id) {
    Declaration d = declarations.get(id);
    return d != null && d.kind().equals(kind);
  }

  /** Queues a reference for checking once every file is read. */
  void refer(Reference reference) {
    references.add(reference);
  }

  /** Reads an id naming a source and queues it for checking. */
  String sourceReference(Fields f, String key) {
    String id = f.id(key);
    if (id != null) {
      refer(new Reference("source", f.file, f.line(key), f.path(key), id));
    }
    return id;
  }

  private void checkReferences() {
    for (Reference r : references) {
      if (unverifiableKinds.contains(r.kind()) || isDeclared(r.kind(), r.id())) {
        continue;
      }
      String example =
          declarations.entrySet().stream()
              .filter(e -> e.getValue().kind().equals(r.kind()))
              .map(Map.Entry::getKey)
              .findFirst()
              .map(id -> " (e.g. " + id + ")")
              .orElse(" (none defined)");
      Declaration other = declarations.get(r.id());
      problems.add(
          r.file(),
          r.line(),
          r.field(),
          "expected the id of a "
              + describeKind(r.kind())
              + example
              + ", got '"
              + r.id()
              + "'"
              + (other == null ? "" : ", which is a " + describeKind(other.kind())));
    }
  }

  private static String describeKind(String kind) {
    return switch (kind) {
      case "source" -> "source in " + DATASET_FILE;
      case "comparison" -> "comparison in " + COMPARISONS_FILE;
      case "stratified" -> "stratified comparison in " + STRATIFIED_FILE;
      case "rate" -> "rate in " + RATES_FILE;
      case "sir" -> "SIR figure (sirs) in " + RATES_FILE;
      case "claim" -> "claim in " + CLAIMS_FILE;
      case "approval" -> "approval in " + APPROVALS_FILE;
      default -> throw new IllegalArgumentException("unknown kind of entry: " + kind);
    };
  }

  /**
   * Reads a printed figure: either a plain number (only where {@code defaultUnit} is given; its
   * decimals are those written) or a mapping with value, unit, decimals, qualifier and as_reported.
   *
   * @param defaultUnit unit when the file gives none (arms: {@code %}); null makes unit required
   * @param wordingRequired whether {@code as_reported} is required
   * @return null when absent or invalid (reported)
   */
  Reported reported(Fields parent, String key, String defaultUnit, boolean wordingRequired) {
    YamlDocument.Node node = parent.node(key);
    if (node == null) {
      return null;
    }
    if (node instanceof YamlDocument.ScalarNode && defaultUnit != null) {
      BigDecimal value = parent.number(node, parent.path(key));
      if (value == null) {
        return null;
      }
      int decimals = value.scale();
      return checkedReported(
          parent,
          key,
          value,
          defaultUnit,
          decimals,
          Qualifier.EXACT,
          defaultWording(value, decimals, defaultUnit));
    }
    List<String> required = new ArrayList<>(List.of("value"));
    List<String> optional = new ArrayList<>(List.of("decimals", "qualifier"));
    (defaultUnit == null ? required : optional).add("unit");
    (wordingRequired ? required : optional).add("as_reported");
    Fields f = parent.child(key, required, optional);
    if (f == null) {
      return null;
    }
    BigDecimal value = f.number("value");
    String unit = f.has("unit") ? f.text("unit") : defaultUnit;
    Integer decimals = null;
    if (f.has("decimals")) {
      YamlDocument.Node d = f.node("decimals");
      BigDecimal number = f.number(d, f.path("decimals"));
      if (number != null) {
        if (number.scale() > 0
            || number.abs().compareTo(BigDecimal.valueOf(Reported.MAX_DECIMALS)) > 0) {
          f.problem(
              "decimals",
              "expected a whole number from -"
                  + Reported.MAX_DECIMALS
                  + " to "
                  + Reported.MAX_DECIMALS
                  + ", got "
                  + Decimals.plain(number));
        } else {
          decimals = number.intValueExact();
        }
      }
    } else if (value != null) {
      decimals = value.scale();
    }
    Qualifier qualifier = Qualifier.EXACT;
    String qualifierText = f.text("qualifier");
    if (qualifierText != null) {
      try {
        qualifier = Qualifier.fromYamlName(qualifierText);
      } catch (IllegalArgumentException e) {
        f.problem("qualifier", e.getMessage());
      }
    }
    String wording = f.text("as_reported");
    if (!f.clean() || value == null || decimals == null || unit == null) {
      return null;
    }
    if (decimals >= 0 && value.scale() > decimals) {
      f.problem(
          "decimals",
          "expected at least the "
              + value.scale()
              + " decimals written in value "
              + Decimals.plain(value)
              + ", got "
              + decimals);
      return null;
    }
    if (decimals < 0
        && value.remainder(BigDecimal.ONE.scaleByPowerOfTen(-decimals)).signum() != 0) {
      f.problem(
          "decimals",
          "expected a value that is a multiple of "
              + Decimals.plain(BigDecimal.ONE.scaleByPowerOfTen(-decimals))
              + " for decimals "
              + decimals
              + ", got "
              + Decimals.plain(value));
      return null;
    }
    return checkedReported(
        f,
        "value",
        value,
        unit,
        decimals,
        qualifier,
        wording == null ? defaultWording(value, decimals, unit) : wording);
  }

  private Reported checkedReported(
      Fields f,
      String key,
      BigDecimal value,
      String unit,
      int decimals,
      Qualifier qualifier,
      String wording) {
    if ("%".equals(unit) && (value.signum() < 0 || value.compareTo(Decimals.HUNDRED) > 0)) {
      f.problem(key, "expected a percentage between 0 and 100, got " + Decimals.plain(value));
      return null;
    }
    if (value.abs().compareTo(BigDecimal.valueOf(1e15)) > 0) {
      f.problem(key, "expected a magnitude below 1e15, got " + Decimals.plain(value));
      return null;
    }
    if (Math.abs(decimals) > Reported.MAX_DECIMALS) {
      f.problem(
          key,
          "expected at most "
              + Reported.MAX_DECIMALS
              + " decimals, got "
              + decimals
              + " in "
              + Decimals.plain(value));
      return null;
    }
    return new Reported(value.doubleValue(), unit, decimals, qualifier, wording);
  }

  private static String defaultWording(BigDecimal value, int decimals, String unit) {
    String number = Decimals.plain(value.setScale(Math.max(decimals, 0), RoundingMode.HALF_UP));
    return "%".equals(unit) ? number + "%" : number + " " + unit;
  }

  // ---------------------------------------------------------------- accessors for parsers

  Problems problems() {
    return problems;
  }

  Map<String, Comparison> comparisons() {
    return comparisons;
  }

  Map<String, StratifiedComparison> stratified() {
    return stratified;
  }

  Map<String, RateFigure> rates() {
    return rates;
  }

  Map<String, SirFigure> sirs() {
    return sirs;
  }

  boolean sirExpectedDerived(String id) {
    return sirsWithDerivedExpected.contains(id);
  }

  List<ClaimParser.Draft> claimDrafts() {
    return claimDrafts;
  }

  List<Map<String, String>> approvals() {
    return approvals;
  }
}
