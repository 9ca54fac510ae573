package org.trialstats.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialstats.io.YamlDocument;
import org.trialstats.stats.IntervalPValue;
import org.trialstats.stats.Measure;
import org.trialstats.stats.StatMethod;
import org.trialstats.stats.StatsException;
import org.trialstats.stats.StratifiedMethod;
import org.trialstats.stats.StratifiedTest;
import org.trialstats.stats.TestStatistic;

/**
 * Reads {@code claims.yaml} into drafts: each claim's fields and its check, with the location of
 * every reference, for {@link ClaimResolver} to resolve once all files are read.
 */
final class ClaimParser {

  /** Required and optional fields of one check kind (besides {@code kind} and {@code note}). */
  private record KindFields(List<String> required, List<String> optional) {}

  private static final Map<String, KindFields> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("arm-percent", new KindFields(List.of("comparison", "arm"), List.of()));
    KINDS.put("difference", new KindFields(List.of("minuend", "subtrahend"), List.of()));
    KINDS.put("sum", new KindFields(List.of("parts"), List.of()));
    KINDS.put("product", new KindFields(List.of("factors"), List.of("divisors")));
    KINDS.put("cross-check", new KindFields(List.of("claim"), List.of()));
    KINDS.put("rate", new KindFields(List.of("rate"), List.of("patient_years_claim")));
    KINDS.put("ratio", new KindFields(List.of("sir"), List.of()));
    KINDS.put("poisson-tail", new KindFields(List.of("sir"), List.of("expected_claim")));
    KINDS.put("accumulation", new KindFields(List.of("half_life", "dosing_interval"), List.of()));
    KINDS.put("formula-mass", new KindFields(List.of("formula"), List.of()));
    KINDS.put("percent", new KindFields(List.of("n"), List.of("events")));
    KINDS.put("interval-centre", new KindFields(List.of("lower", "upper", "scale"), List.of()));
    KINDS.put(
        "interval-p",
        new KindFields(List.of("estimate", "lower", "upper", "scale"), List.of("level")));
    KINDS.put(
        "test-statistic",
        new KindFields(
            List.of("test", "statistic"), List.of("df1", "df2", "one_tailed_mentioned")));
    KINDS.put(
        "stratified",
        new KindFields(List.of("comparison", "measure", "method", "quantity"), List.of("level")));
    KINDS.put("not-checkable", new KindFields(List.of("missing"), List.of()));
    KINDS.put("recorded", new KindFields(List.of(), List.of()));
  }

  /** Kinds whose printed value may come from the figure they check. */
  static final List<String> FIGURE_KINDS = List.of("arm-percent", "rate", "ratio");

  /** How an operand is used, and what that requires of its value. */
  enum Role {
    PART("part", false, true),
    FACTOR("factor", true, false),
    DIVISOR("divisor", true, false),
    DIFFERENCE("operand", false, false),
    HALF_LIFE("half-life", true, false),
    INTERVAL("dosing interval", true, false);

    final String label;

    /** The value, and every value within its rounding, must be positive. */
    final boolean positive;

    /** The value must be a whole-number count printed without decimals. */
    final boolean wholeCount;

    Role(String label, boolean positive, boolean wholeCount) {
      this.label = label;
      this.positive = positive;
      this.wholeCount = wholeCount;
    }
  }

  /** A claim operand with its location. */
  record OperandAt(ClaimCheck.Operand operand, Role role, int line, String field) {}

  /**
   * A parsed claim before references are resolved.
   *
   * @param reported the printed value when the claim gives one, else null
   * @param operands the check's operands, for the constraints of their roles
   */
  record Draft(
      String id,
      String topic,
      String statement,
      String sourceId,
      Reported reported,
      ClaimCheck check,
      Fields fields,
      Fields checkFields,
      List<OperandAt> operands) {}

  private static final String FILE = DatasetLoader.CLAIMS_FILE;

  private final DatasetLoader loader;
  private final Problems problems;

  /** Id of the claim being parsed, to reject references to itself. */
  private String claimId;

  ClaimParser(DatasetLoader loader) {
    this.loader = loader;
    this.problems = loader.problems();
  }

  /** Parses the root node (null for an empty file) into {@link DatasetLoader#claimDrafts()}. */
  void parse(YamlDocument.Node root) {
    if (root == null) {
      problems.add(FILE, 0, null, "expected a mapping with the key claims, got an empty file");
      return;
    }
    Fields f = Fields.open(FILE, problems, root, 1, "", List.of("claims"), List.of());
    List<YamlDocument.Node> items = f == null ? null : f.list("claims");
    if (items == null) {
      return;
    }
    for (YamlDocument.Node item : items) {
      Draft draft = claim(item);
      if (draft != null) {
        loader.claimDrafts().add(draft);
      }
    }
  }

  private Draft claim(YamlDocument.Node item) {
    String kind = kindOf(item);
    boolean reportedOptional = kind == null || FIGURE_KINDS.contains(kind);
    List<String> required = new ArrayList<>(List.of("id", "topic", "statement", "source", "check"));
    List<String> optional = new ArrayList<>();
    (reportedOptional ? optional : required).add("reported");
    // An entry with a missing required field (reported by open) stays out of the result:
    // Fields.clean() counts the problems since open.
    Fields f = Fields.open(FILE, problems, item, item.line(), "", required, optional);
    if (f == null) {
      return null;
    }
    String id = f.id("id");
    loader.declare("claim", id, f);
    claimId = id;
    String topic = f.text("topic");
    String statement = f.text("statement");
    String source = loader.sourceReference(f, "source");
    Reported reported = loader.reported(f, "reported", null, true);
    List<OperandAt> operands = new ArrayList<>();
    int beforeCheckFields = problems.count();
    Fields checkFields = f.has("check") ? checkFields(f, kind) : null;
    // A check with a missing required field (reported by open) is not built: its fields are null.
    boolean checkFieldsComplete = problems.count() == beforeCheckFields;
    ClaimCheck check =
        checkFields == null || !checkFieldsComplete ? null : check(kind, checkFields, operands);
    if (!f.clean() || check == null) {
      return null;
    }
    return new Draft(id, topic, statement, source, reported, check, f, checkFields, operands);
  }

  /** The check's kind text when it is readable, else null (reported later). */
  private static String kindOf(YamlDocument.Node item) {
    if (item instanceof YamlDocument.MapNode map
        && map.get("check") != null
        && map.get("check").value() instanceof YamlDocument.MapNode check
        && check.get("kind") != null
        && check.get("kind").value() instanceof YamlDocument.ScalarNode kind
        && KINDS.containsKey(kind.text())) {
      return kind.text();
    }
    return null;
  }

  private Fields checkFields(Fields claim, String kind) {
    YamlDocument.Node node = claim.node("check");
    if (kind == null) {
      if (!(node instanceof YamlDocument.MapNode map)) {
        claim.problem("check", "expected a mapping with the field kind, got " + node.describe());
      } else if (map.get("kind") == null) {
        problems.add(
            FILE,
            map.line(),
            "check.kind",
            "expected one of " + String.join(", ", KINDS.keySet()) + ", got nothing");
      } else {
        problems.add(
            FILE,
            map.get("kind").line(),
            "check.kind",
            "expected one of "
                + String.join(", ", KINDS.keySet())
                + ", got "
                + map.get("kind").value().describe());
      }
      return null;
    }
    KindFields spec = KINDS.get(kind);
    List<String> required = new ArrayList<>(List.of("kind"));
    required.addAll(spec.required());
    List<String> optional = new ArrayList<>(spec.optional());
    optional.add("note");
    return Fields.open(FILE, problems, node, claim.line("check"), "check", required, optional);
  }

  private ClaimCheck check(String kind, Fields f, List<OperandAt> operands) {
    int before = problems.count();
    String note = f.optionalText("note");
    ClaimCheck check =
        switch (kind) {
          case "arm-percent" -> armPercent(f, note);
          case "difference" -> {
            var minuend = operand(f, "minuend", Role.DIFFERENCE, operands);
            var subtrahend = operand(f, "subtrahend", Role.DIFFERENCE, operands);
            yield minuend == null || subtrahend == null
                ? null
                : new ClaimCheck.Difference(minuend, subtrahend, note);
          }
          case "sum" -> sum(f, operands, note);
          case "product" -> product(f, operands, note);
          case "cross-check" -> {
            String claim = ref(f, "claim", "claim");
            yield claim == null ? null : new ClaimCheck.CrossCheck(claim, note);
          }
          case "rate" -> {
            String rate = ref(f, "rate", "rate");
            String patientYearsClaim = optionalClaimRef(f, "patient_years_claim");
            yield rate == null ? null : new ClaimCheck.Rate(rate, patientYearsClaim, note);
          }
          case "ratio" -> ratio(f, note);
          case "poisson-tail" -> {
            String sir = ref(f, "sir", "sir");
            String expectedClaim = optionalClaimRef(f, "expected_claim");
            yield sir == null ? null : new ClaimCheck.PoissonTail(sir, expectedClaim, note);
          }
          case "accumulation" -> accumulation(f, operands, note);
          case "formula-mass" -> formula(f, note);
          case "not-checkable" -> {
            // A wrongly typed value is reported by text() and read as null: build nothing then.
            String missing = f.text("missing");
            yield missing == null ? null : new ClaimCheck.NotCheckable(missing, note);
          }
          case "recorded" -> new ClaimCheck.Recorded(note);
          case "percent" -> percent(f, note);
          case "interval-centre" -> {
            BigDecimal lower = f.number("lower");
            BigDecimal upper = f.number("upper");
            IntervalPValue scale = scale(f);
            yield lower == null || upper == null || scale == null || !ordered(f, lower, upper)
                ? null
                : new ClaimCheck.IntervalCentre(lower, upper, scale, note);
          }
          case "interval-p" -> intervalP(f, note);
          case "test-statistic" -> testStatistic(f, note);
          case "stratified" -> stratified(f, note);
          default -> throw new IllegalStateException("kind validated before: " + kind);
        };
    return problems.count() == before ? check : null;
  }

  private ClaimCheck armPercent(Fields f, String note) {
    String comparison = ref(f, "comparison", "comparison");
    String arm = f.text("arm");
    Comparison.Side side = null;
    for (Comparison.Side s : Comparison.Side.values()) {
      if (s.yamlName().equals(arm)) {
        side = s;
      }
    }
    if (arm != null && side == null) {
      f.problem("arm", "expected treatment or control, got '" + arm + "'");
    }
    return comparison == null || side == null
        ? null
        : new ClaimCheck.ArmPercent(comparison, side, note);
  }

  private ClaimCheck ratio(Fields f, String note) {
    String sir = ref(f, "sir", "sir");
    return sir == null ? null : new ClaimCheck.Ratio(sir, loader.sirExpectedDerived(sir), note);
  }

  private ClaimCheck sum(Fields f, List<OperandAt> operands, String note) {
    List<ClaimCheck.Operand> parts = operandList(f, "parts", Role.PART, operands);
    if (parts != null && parts.size() < 2) {
      f.problem("parts", "expected at least two parts, got " + parts.size());
      return null;
    }
    return parts == null ? null : new ClaimCheck.Sum(parts, note);
  }

  private ClaimCheck product(Fields f, List<OperandAt> operands, String note) {
    List<ClaimCheck.Operand> factors = operandList(f, "factors", Role.FACTOR, operands);
    List<ClaimCheck.Operand> divisors = operandList(f, "divisors", Role.DIVISOR, operands);
    if (factors != null && factors.isEmpty()) {
      f.problem("factors", "expected at least one factor, got an empty list");
      return null;
    }
    return factors == null || divisors == null
        ? null
        : new ClaimCheck.Product(factors, divisors, note);
  }

  private ClaimCheck accumulation(Fields f, List<OperandAt> operands, String note) {
    List<ClaimCheck.Operand> halfLives = operandList(f, "half_life", Role.HALF_LIFE, operands);
    ClaimCheck.Operand interval = operand(f, "dosing_interval", Role.INTERVAL, operands);
    if (halfLives != null && halfLives.size() != 2) {
      f.problem(
          "half_life",
          "expected two half-lives [shortest, longest] in hours, got " + halfLives.size());
      return null;
    }
    return halfLives == null || interval == null
        ? null
        : new ClaimCheck.Accumulation(halfLives.get(0), halfLives.get(1), interval, note);
  }

  private ClaimCheck formula(Fields parent, String note) {
    List<String> symbols = List.of(AtomicWeights.symbols().split(", "));
    Fields f =
        Fields.open(
            FILE,
            problems,
            parent.node("formula"),
            parent.line("formula"),
            parent.path("formula"),
            List.of(),
            symbols);
    if (f == null) {
      return null;
    }
    Map<String, Long> formula = new LinkedHashMap<>();
    for (YamlDocument.Entry e : f.map.entries()) {
      Long count = symbols.contains(e.key()) ? f.count(e.key(), 1) : null;
      if (count != null) {
        formula.put(e.key(), count);
      }
    }
    if (f.map.entries().isEmpty()) {
      parent.problem("formula", "expected at least one element, got an empty mapping");
      return null;
    }
    return formula.size() == f.map.entries().size()
        ? new ClaimCheck.FormulaMass(formula, note)
        : null;
  }

  private ClaimCheck percent(Fields f, String note) {
    Long n = f.count("n", 1);
    Long events = f.has("events") ? f.count("events", 0) : null;
    if (n == null || (f.has("events") && events == null)) {
      return null;
    }
    if (events != null && events > n) {
      f.problem("events", "expected at most n = " + n + ", got " + events);
      return null;
    }
    return new ClaimCheck.Percent(n, events, note);
  }

  private ClaimCheck intervalP(Fields f, String note) {
    BigDecimal estimate = f.number("estimate");
    BigDecimal lower = f.number("lower");
    BigDecimal upper = f.number("upper");
    IntervalPValue scale = scale(f);
    BigDecimal level = f.has("level") ? f.number("level") : new BigDecimal("0.95");
    if (estimate == null
        || lower == null
        || upper == null
        || scale == null
        || level == null
        || !ordered(f, lower, upper)) {
      return null;
    }
    if (level.signum() <= 0 || level.compareTo(BigDecimal.ONE) >= 0) {
      f.problem(
          "level", "expected a confidence level between 0 and 1, got " + Decimals.plain(level));
      return null;
    }
    if (scale == IntervalPValue.LOG && (estimate.signum() <= 0 || lower.signum() <= 0)) {
      f.problem(
          "lower",
          "expected a positive ratio and limits on the log scale, got "
              + Decimals.plain(estimate)
              + " ("
              + Decimals.plain(lower)
              + " to "
              + Decimals.plain(upper)
              + ")");
      return null;
    }
    return new ClaimCheck.IntervalP(estimate, lower, upper, level, scale, note);
  }

  private ClaimCheck stratified(Fields f, String note) {
    String comparison = ref(f, "comparison", "stratified");
    String measureText = f.text("measure");
    String methodText = f.text("method");
    String quantityText = f.text("quantity");
    if (measureText == null || methodText == null || quantityText == null) {
      return null;
    }
    boolean test = measureText.equals(Measure.TEST.id());
    StatMethod method = null;
    if (test) {
      for (StratifiedTest t : StratifiedTest.values()) {
        if (t.id().equals(methodText)) {
          method = t;
        }
      }
      if (method == null) {
        f.problem(
            "method",
            "expected a stratified test ("
                + String.join(
                    ", ", Arrays.stream(StratifiedTest.values()).map(StratifiedTest::id).toList())
                + "), got '"
                + methodText
                + "'");
      }
    } else if (List.of("rd", "rr", "or").contains(measureText)) {
      Measure measure = Measure.fromId(measureText);
      try {
        method = StratifiedMethod.find(measure, methodText);
      } catch (StatsException e) {
        f.problem(
            "method",
            "expected a stratified "
                + measureText
                + " method ("
                + String.join(
                    ", ", StratifiedMethod.forMeasure(measure).stream().map(m -> m.id()).toList())
                + "), got '"
                + methodText
                + "'");
      }
    } else {
      f.problem("measure", "expected rd, rr, or or test, got '" + measureText + "'");
    }
    ClaimCheck.Stratified.Quantity quantity = null;
    for (ClaimCheck.Stratified.Quantity q : ClaimCheck.Stratified.Quantity.values()) {
      if (q.yamlName().equals(quantityText) && q.forTest() == test) {
        quantity = q;
      }
    }
    if (quantity == null) {
      f.problem(
          "quantity",
          (test
                  ? "expected statistic or p-value (the results of a test)"
                  : "expected estimate, lower or upper (the results of an interval)")
              + ", got '"
              + quantityText
              + "'");
    }
    BigDecimal level = null;
    if (test && f.has("level")) {
      f.problem("level", "expected no level for a test, got one");
    } else if (!test) {
      level = f.has("level") ? f.number("level") : new BigDecimal("0.95");
      if (level != null && (level.signum() <= 0 || level.compareTo(BigDecimal.ONE) >= 0)) {
        f.problem(
            "level", "expected a confidence level between 0 and 1, got " + Decimals.plain(level));
        level = null;
      }
    }
    if (comparison == null || method == null || quantity == null || (!test && level == null)) {
      return null;
    }
    return new ClaimCheck.Stratified(comparison, method, quantity, level, note);
  }

  private ClaimCheck testStatistic(Fields f, String note) {
    String name = f.text("test");
    TestStatistic test = null;
    for (TestStatistic t : TestStatistic.values()) {
      if (t.symbol().equals(name)) {
        test = t;
      }
    }
    if (name != null && test == null) {
      f.problem("test", "expected one of t, F, chi2, z, r, got '" + name + "'");
      return null;
    }
    BigDecimal statistic = f.number("statistic");
    BigDecimal df1 = f.has("df1") ? f.positive("df1") : null;
    BigDecimal df2 = f.has("df2") ? f.positive("df2") : null;
    String tails = f.has("one_tailed_mentioned") ? f.text("one_tailed_mentioned") : "false";
    if (tails != null && !tails.equals("true") && !tails.equals("false")) {
      f.problem("one_tailed_mentioned", "expected true or false, got '" + tails + "'");
      return null;
    }
    if (test == null || statistic == null || tails == null) {
      return null;
    }
    if (test.degreesOfFreedom() >= 1 && df1 == null
        || test.degreesOfFreedom() == 2 && df2 == null) {
      f.problem(
          df1 == null ? "df1" : "df2",
          "expected the degrees of freedom of " + test.symbol() + ", got nothing");
      return null;
    }
    try {
      test.pValue(
          statistic.doubleValue(),
          df1 == null ? 0 : df1.doubleValue(),
          df2 == null ? 0 : df2.doubleValue(),
          false);
    } catch (StatsException e) {
      f.problem("statistic", "expected a valid " + test.symbol() + " statistic: " + e.getMessage());
      return null;
    }
    return new ClaimCheck.TestStatisticP(test, df1, df2, statistic, tails.equals("true"), note);
  }

  private static IntervalPValue scale(Fields f) {
    String text = f.text("scale");
    if ("log".equals(text)) {
      return IntervalPValue.LOG;
    }
    if ("linear".equals(text)) {
      return IntervalPValue.LINEAR;
    }
    if (text != null) {
      f.problem("scale", "expected log (ratios) or linear (differences), got '" + text + "'");
    }
    return null;
  }

  private static boolean ordered(Fields f, BigDecimal lower, BigDecimal upper) {
    if (lower.compareTo(upper) >= 0) {
      f.problem(
          "upper",
          "expected an upper limit above the lower limit "
              + Decimals.plain(lower)
              + ", got "
              + Decimals.plain(upper));
      return false;
    }
    return true;
  }

  /** Reads an id referring to an entry of the given kind and queues it for checking. */
  private String ref(Fields f, String key, String kind) {
    String id = f.id(key);
    if (id != null) {
      refer(kind, id, f.line(key), f.path(key));
    }
    return id;
  }

  private String optionalClaimRef(Fields f, String key) {
    return f.has(key) ? ref(f, key, "claim") : null;
  }

  private void refer(String kind, String id, int line, String field) {
    if (kind.equals("claim") && id.equals(claimId)) {
      problems.add(FILE, line, field, "expected another claim, got the claim itself");
      return;
    }
    loader.refer(new DatasetLoader.Reference(kind, FILE, line, field, id));
  }

  private List<ClaimCheck.Operand> operandList(
      Fields f, String key, Role role, List<OperandAt> operands) {
    List<YamlDocument.Node> nodes = f.list(key);
    if (nodes == null) {
      return null;
    }
    List<ClaimCheck.Operand> result = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      ClaimCheck.Operand op = operand(f, nodes.get(i), f.path(key) + "[" + i + "]", role, operands);
      if (op == null) {
        return null;
      }
      result.add(op);
    }
    return result;
  }

  private ClaimCheck.Operand operand(Fields f, String key, Role role, List<OperandAt> operands) {
    YamlDocument.Node node = f.node(key);
    return node == null ? null : operand(f, node, f.path(key), role, operands);
  }

  private ClaimCheck.Operand operand(
      Fields f, YamlDocument.Node node, String field, Role role, List<OperandAt> operands) {
    if (node instanceof YamlDocument.ScalarNode scalar && scalar.isNumber()) {
      BigDecimal value = f.number(node, field);
      if (value == null) {
        return null;
      }
      ClaimCheck.Operand op = new ClaimCheck.Constant(value);
      operands.add(new OperandAt(op, role, node.line(), field));
      return op;
    }
    if (node instanceof YamlDocument.ScalarNode scalar
        && !scalar.isNull()
        && Fields.ID.matcher(scalar.text()).matches()) {
      ClaimCheck.Operand op = new ClaimCheck.ClaimValue(scalar.text());
      operands.add(new OperandAt(op, role, node.line(), field));
      refer("claim", scalar.text(), node.line(), field);
      return op;
    }
    problems.add(
        FILE, node.line(), field, "expected a claim id or a plain number, got " + node.describe());
    return null;
  }
}
