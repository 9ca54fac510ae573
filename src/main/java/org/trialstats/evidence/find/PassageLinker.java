package org.trialstats.evidence.find;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialstats.evidence.Claim;
import org.trialstats.evidence.ClaimCheck;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.Qualifier;
import org.trialstats.evidence.Reported;
import org.trialstats.evidence.text.SourceSpan;

/**
 * Checks that draw on figures printed in other passages or documents, through the {@link FactTable}
 * (pure: no I/O). Each linked claim names, in its statement, every span it used.
 *
 * <p>Rules, all conservative (a link needs the same unit, the same arm and matching names; figures
 * of one passage are never linked here, {@link StatementFinder} judges those):
 *
 * <ul>
 *   <li><b>restated quantity</b>: a named quantity (bioavailability, half-life, molar mass, dose,
 *       an event rate per person-time) printed in two passages: {@code cross-check} of the later
 *       against the first; a rate's events must share a name word;
 *   <li><b>restated arm pair</b>: a treatment and a control percentage of one sentence ("8% under
 *       the drug, placebo 2%") whose name is contained in the name of a pair elsewhere: each arm a
 *       {@code cross-check};
 *   <li><b>share of a count</b>: a percentage without its n ("70% of patients", "more than ten
 *       percent") sharing at least two name words, and at least 40% of its name words, with the
 *       sentence of a two-arm comparison elsewhere: {@code arm-percent} against that arm (control
 *       when worded so, treatment otherwise);
 *   <li><b>difference</b>: "eight percent more patients X" whose words are all in the name of an
 *       arm pair elsewhere: {@code difference} of the pair, in percentage points;
 *   <li><b>total across paragraphs</b>: parts "X were randomised to A and Y to B" with no total in
 *       their sentence, and the nearest earlier "N patients were enrolled/randomised" of the same
 *       document with no other such total between: {@code sum};
 *   <li><b>accumulation</b>: "no (unexpected) accumulation" in a paragraph giving a half-life range
 *       and a dosing frequency: the {@code accumulation} ratio against 1.1 (read as "no more than
 *       10% build-up");
 *   <li><b>approvals</b>: the first year of a flattened approvals table's row against the first
 *       approval year the prose gives for that region; and, for each year of the row that the prose
 *       also gives, the number of cells reading that year against the number of the table's column
 *       conditions the prose names for it (by name, or an acronym of three to six letters by the
 *       initials of consecutive words: two letters match too many word pairs).
 * </ul>
 */
final class PassageLinker {
  private static final double NO_ACCUMULATION_RATIO = 1.1;

  /** Share of a percentage's name words a comparison's sentence must hold to be linked. */
  private static final int SHARED_PERCENT = 40;

  private static final Pattern NO_ACCUMULATION =
      Pattern.compile(
          "\\bno\\s+(?:unexpected\\s+|relevant\\s+|significant\\s+)?accumulations?\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DOSING =
      Pattern.compile(
          "\\b(once a day|once daily|daily|twice daily|twice a day|every other day|once weekly"
              + "|weekly)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST =
      Pattern.compile("\\b(?:first|initial|initially|originally)\\b", Pattern.CASE_INSENSITIVE);
  private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)";
  private static final Pattern ENROLLED =
      Pattern.compile(
          "\\b("
              + NUM
              + ")\\s+(?:patients|subjects|participants|people)\\s+(?:were\\s+)?"
              + "(?:enrolled|randomi[sz]ed|included|recruited)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PART =
      Pattern.compile(
          "\\b("
              + NUM
              + ")\\s+(?:(?:were\\s+)?(?:randomi[sz]ed|assigned|allocated)\\s+)?to\\s+"
              + "(?!\\d)",
          Pattern.CASE_INSENSITIVE);

  private final FactTable table;
  private final List<Findings> found;
  private final FoundClaims linked = new FoundClaims();
  private final Map<String, String> factClaims = new LinkedHashMap<>();
  private final Map<Integer, List<SourceSpan>> checkSpans = new HashMap<>();
  private int counter;

  private PassageLinker(FactTable table, List<Findings> found) {
    this.table = table;
    this.found = found;
  }

  /**
   * The linked claims of a set of documents.
   *
   * @param table the fact table of the documents
   * @param found what {@link StatementFinder} found in each document, in the same order
   * @return the linked claims and the figures they use (checks first, in text order of their
   *     figure)
   */
  static Findings link(FactTable table, List<Findings> found) {
    PassageLinker linker = new PassageLinker(table, found);
    linker.restatedQuantities();
    linker.armPairs();
    linker.sharesOfCounts();
    linker.accumulation();
    linker.totals();
    linker.approvals();
    return linker.linked.findings();
  }

  // ------------------------------------------------------------------ restated quantities

  private void restatedQuantities() {
    List<Fact> named =
        table.facts().stream().filter(f -> !f.quantity().isEmpty() && pointFigure(f)).toList();
    Set<String> linkedPassages = new HashSet<>();
    for (int i = 0; i < named.size(); i++) {
      Fact later = named.get(i);
      for (int j = 0; j < i; j++) {
        Fact first = named.get(j);
        if (!first.samePassage(later)
            && first.quantity().equals(later.quantity())
            && first.reported().unit().equals(later.reported().unit())
            && first.rangeEnd() == later.rangeEnd()
            && (!first.quantity().equals("rate") || shareWord(first, later))) {
          String key =
              later.document()
                  + ":"
                  + later.paragraph()
                  + "->"
                  + first.document()
                  + ":"
                  + first.paragraph()
                  + ":"
                  + first.quantity()
                  + ":"
                  + later.rangeEnd();
          if (linkedPassages.add(key)) {
            crossCheck(later, first, "the same " + first.quantity() + " printed elsewhere");
          }
          break;
        }
      }
    }
  }

  private static boolean shareWord(Fact a, Fact b) {
    return a.name().stream().anyMatch(b.name()::contains);
  }

  private static boolean pointFigure(Fact f) {
    return f.reported().qualifier() == Qualifier.EXACT
        || f.reported().qualifier() == Qualifier.ABOUT;
  }

  private void crossCheck(Fact later, Fact first, String what) {
    String firstId = factClaim(first);
    Reported r = later.reported();
    claim(
        later.document(),
        "restated figure",
        "Figure restated: "
            + r.asReported()
            + ", against "
            + what
            + " ("
            + span(first).describe()
            + ").",
        later.reported(),
        new ClaimCheck.CrossCheck(firstId, ""),
        later.start(),
        later.end());
  }

  // ------------------------------------------------------------------ arm pairs and differences

  /** A treatment and a control percentage of one sentence, with the pair's name. */
  private record Pair(Fact treatment, Fact control, Set<String> name) {}

  private List<Pair> pairs() {
    List<Pair> pairs = new ArrayList<>();
    List<Fact> percents = percents();
    for (Fact control : percents) {
      if (control.role() != Fact.Role.CONTROL) {
        continue;
      }
      Fact treatment = null;
      for (Fact f : percents) {
        if (f.sentenceStart() == control.sentenceStart()
            && f.document() == control.document()
            && f.role() != Fact.Role.CONTROL
            && f.start() != control.start()
            && (treatment == null
                || Math.abs(f.start() - control.start())
                    < Math.abs(treatment.start() - control.start()))) {
          treatment = f;
        }
      }
      if (treatment != null) {
        Set<String> name = new LinkedHashSet<>(treatment.name());
        name.addAll(control.name());
        pairs.add(new Pair(treatment, control, name));
      }
    }
    return pairs;
  }

  /** Point percentages not already judged by a check of their own passage. */
  private List<Fact> percents() {
    return table.facts().stream()
        .filter(f -> f.reported().unit().equals("%") && f.quantity().isEmpty())
        .filter(f -> !coveredByCheck(f))
        .toList();
  }

  private void armPairs() {
    List<Pair> pairs = pairs();
    for (int i = 0; i < pairs.size(); i++) {
      Pair later = pairs.get(i);
      for (int j = 0; j < i; j++) {
        Pair first = pairs.get(j);
        if (!first.treatment().samePassage(later.treatment())
            && pointFigure(later.treatment())
            && pointFigure(later.control())
            && contained(first.name(), later.name())) {
          crossCheck(later.treatment(), first.treatment(), "the first group of the same pair");
          crossCheck(later.control(), first.control(), "the second group of the same pair");
          break;
        }
      }
    }
    for (Fact d : table.facts()) {
      if (!d.reported().unit().equals("percentage points") || d.name().size() < 2) {
        continue;
      }
      for (Pair p : pairs) {
        if (!p.treatment().samePassage(d) && p.name().containsAll(d.name())) {
          difference(d, p);
          break;
        }
      }
    }
  }

  /** The smaller name (at least two words) contained in the larger. */
  private static boolean contained(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    return small.size() >= 2 && large.containsAll(small);
  }

  private void difference(Fact d, Pair p) {
    String minuend = factClaim(p.treatment());
    String subtrahend = factClaim(p.control());
    claim(
        d.document(),
        "difference between arms",
        "Difference "
            + d.reported().asReported()
            + " against the two groups printed at "
            + span(p.treatment()).describe()
            + " and "
            + span(p.control()).describe()
            + ".",
        d.reported(),
        new ClaimCheck.Difference(
            new ClaimCheck.ClaimValue(minuend),
            new ClaimCheck.ClaimValue(subtrahend),
            "Read as the difference in percentage points between the groups of the passage"
                + " whose words contain this statement's."),
        d.start(),
        d.end());
  }

  // ------------------------------------------------------------------ shares of counts

  private void sharesOfCounts() {
    Set<Fact> paired = new HashSet<>();
    for (Pair p : pairs()) {
      paired.add(p.treatment());
      paired.add(p.control());
    }
    // Each comparison's sentence and name, computed once.
    List<Counted> counted = new ArrayList<>();
    for (int d = 0; d < found.size(); d++) {
      FactTable.Doc doc = table.docs().get(d);
      for (Comparison c : found.get(d).comparisons()) {
        int at = comparisonSentence(d, c);
        if (at >= 0) {
          int[] sentence = sentenceAt(doc, at);
          counted.add(
              new Counted(
                  d,
                  c,
                  sentence,
                  paragraph(doc, at),
                  table.stems(doc.text().substring(sentence[0], sentence[1]))));
        }
      }
    }
    for (Fact f : percents()) {
      if (paired.contains(f) || f.reported().qualifier() == Qualifier.ABOUT) {
        continue;
      }
      for (Counted c : counted) {
        boolean samePassage = c.document() == f.document() && c.paragraph() == f.paragraph();
        long shared = f.name().stream().filter(c.name()::contains).count();
        if (!samePassage && shared >= 2 && 100 * shared >= SHARED_PERCENT * f.name().size()) {
          shareOf(f, c.document(), c.comparison(), c.sentence());
          break;
        }
      }
    }
  }

  /** A two-arm comparison found in a document, with its sentence, paragraph and name. */
  private record Counted(
      int document, Comparison comparison, int[] sentence, int paragraph, Set<String> name) {}

  private void shareOf(Fact f, int d, Comparison c, int[] sentence) {
    Comparison.Side side =
        f.role() == Fact.Role.CONTROL ? Comparison.Side.CONTROL : Comparison.Side.TREATMENT;
    SourceSpan used = table.docs().get(d).source().span(sentence[0], sentence[1]);
    claim(
        f.document(),
        "share of a count",
        "Percentage "
            + f.reported().asReported()
            + " against the "
            + (side == Comparison.Side.CONTROL ? "second" : "first")
            + " group of the comparison printed at "
            + used.describe()
            + ".",
        f.reported(),
        new ClaimCheck.ArmPercent(
            c.id(),
            side,
            "Linked by the words the two passages share; the passage names no n of its own."),
        f.start(),
        f.end());
  }

  /**
   * Offset in the extracted text of a comparison's first arm (its printed wording, first
   * occurrence), or -1.
   */
  private int comparisonSentence(int d, Comparison c) {
    for (Claim claim : found.get(d).claims()) {
      if (claim.id().equals(c.id() + "-treatment")) {
        return table.docs().get(d).text().indexOf(claim.reported().asReported());
      }
    }
    return -1;
  }

  private static int[] sentenceAt(FactTable.Doc doc, int at) {
    for (int[] s : doc.sentences()) {
      if (at >= s[0] && at < s[1]) {
        return s;
      }
    }
    return new int[] {at, at + 1};
  }

  private static int paragraph(FactTable.Doc doc, int at) {
    return FactTable.paragraphOf(doc, at);
  }

  /** True when a checking claim of the document's own passage covers the figure. */
  private boolean coveredByCheck(Fact f) {
    List<SourceSpan> checks =
        checkSpans.computeIfAbsent(
            f.document(),
            d -> {
              Findings own = found.get(d);
              Set<String> checkable = new HashSet<>(own.checkable());
              return own.claims().stream()
                  .filter(c -> checkable.contains(c.id()))
                  .filter(c -> !(c.check() instanceof ClaimCheck.NotCheckable))
                  .map(c -> own.spans().get(c.id()))
                  .toList();
            });
    SourceSpan figure = span(f);
    return checks.stream().anyMatch(s -> startsBefore(s, figure) && endsBefore(figure, s));
  }

  /** Whether span a starts at or before span b. */
  private static boolean startsBefore(SourceSpan a, SourceSpan b) {
    return a.startLine() < b.startLine()
        || a.startLine() == b.startLine() && a.startColumn() <= b.startColumn();
  }

  /** Whether span a ends at or before span b ends. */
  private static boolean endsBefore(SourceSpan a, SourceSpan b) {
    return a.endLine() < b.endLine()
        || a.endLine() == b.endLine() && a.endColumn() <= b.endColumn();
  }

  // ------------------------------------------------------------------ accumulation

  private void accumulation() {
    for (int d = 0; d < table.docs().size(); d++) {
      FactTable.Doc doc = table.docs().get(d);
      for (int p = 0; p < doc.paragraphs().size(); p++) {
        int[] para = doc.paragraphs().get(p);
        String text = doc.text().substring(para[0], para[1]);
        Matcher none = NO_ACCUMULATION.matcher(text);
        Matcher dosing = DOSING.matcher(text);
        if (!none.find() || !dosing.find()) {
          continue;
        }
        Fact low = null;
        Fact high = null;
        for (Fact f : table.facts()) {
          if (f.document() == d && f.paragraph() == p && f.quantity().equals("half-life")) {
            if (f.rangeEnd() == 1 && low == null) {
              low = f;
            } else if (f.rangeEnd() == 2 && high == null) {
              high = f;
            }
          }
        }
        if (low == null || high == null) {
          continue;
        }
        BigDecimal tau = tau(dosing.group(1));
        String lowId = factClaim(low);
        String highId = factClaim(high);
        int start = para[0] + none.start();
        int end = para[0] + none.end();
        claim(
            d,
            "accumulation",
            "No accumulation under "
                + dosing.group(1).toLowerCase(Locale.ROOT)
                + " dosing (every "
                + tau.toPlainString()
                + " hours), with the half-lives printed at "
                + span(low).describe()
                + ".",
            new Reported(
                NO_ACCUMULATION_RATIO, "accumulation ratio", 1, Qualifier.UP_TO, none.group()),
            new ClaimCheck.Accumulation(
                new ClaimCheck.ClaimValue(lowId),
                new ClaimCheck.ClaimValue(highId),
                new ClaimCheck.Constant(tau),
                "No number is printed: 'no accumulation' is read as an accumulation ratio of at"
                    + " most 1.1 (less than 10% build-up at steady state)."),
            start,
            end);
      }
    }
  }

  private static BigDecimal tau(String dosing) {
    return switch (dosing.toLowerCase(Locale.ROOT)) {
      case "twice daily", "twice a day" -> BigDecimal.valueOf(12);
      case "every other day" -> BigDecimal.valueOf(48);
      case "once weekly", "weekly" -> BigDecimal.valueOf(168);
      default -> BigDecimal.valueOf(24);
    };
  }

  // ------------------------------------------------------------------ totals across paragraphs

  private void totals() {
    for (int d = 0; d < table.docs().size(); d++) {
      FactTable.Doc doc = table.docs().get(d);
      int[] lastTotal = null;
      String lastTotalText = null;
      int lastTotalParagraph = -1;
      for (int[] s : doc.sentences()) {
        String sentence = doc.text().substring(s[0], s[1]);
        Matcher total = ENROLLED.matcher(sentence);
        List<int[]> parts = new ArrayList<>();
        Matcher part = PART.matcher(sentence);
        while (part.find()) {
          parts.add(new int[] {s[0] + part.start(1), s[0] + part.end()});
        }
        boolean hasTotal = total.find();
        int paragraph = paragraph(doc, s[0]);
        if (!hasTotal
            && parts.size() >= 2
            && lastTotal != null
            && lastTotalParagraph != paragraph) {
          sumAcross(d, doc, lastTotal, lastTotalText, parts);
          lastTotal = null;
        }
        if (hasTotal) {
          lastTotal = new int[] {s[0] + total.start(1), s[0] + total.end()};
          lastTotalText = total.group(1);
          lastTotalParagraph = paragraph;
        }
      }
    }
  }

  private void sumAcross(
      int d, FactTable.Doc doc, int[] total, String totalText, List<int[]> parts) {
    List<ClaimCheck.Operand> operands = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    for (int[] p : parts) {
      String printed = doc.text().substring(p[0], p[1]).strip();
      String count = printed.split("\\s+")[0];
      String id =
          claim(
              d,
              "total",
              "A part counted as " + count + ".",
              new Reported(
                  StatementFinder.number(count).doubleValue(),
                  "subjects",
                  0,
                  Qualifier.EXACT,
                  printed),
              new ClaimCheck.Recorded("a part of a total printed in an earlier paragraph"),
              p[0],
              p[1],
              false);
      operands.add(new ClaimCheck.ClaimValue(id));
      where.append(where.isEmpty() ? "" : ", ").append(doc.source().span(p[0], p[1]).describe());
    }
    long whole = StatementFinder.number(totalText).longValue();
    claim(
        d,
        "total",
        "Total of " + whole + " subjects against its parts printed at " + where + ".",
        new Reported(
            whole,
            "subjects",
            0,
            Qualifier.EXACT,
            doc.text().substring(total[0], total[1]).strip()),
        new ClaimCheck.Sum(operands, "The parts are printed in a later paragraph."),
        total[0],
        total[1]);
  }

  // ------------------------------------------------------------------ approvals

  private void approvals() {
    firstApprovals();
    for (FactTable.TableRow row : table.rows()) {
      List<FactTable.Approval> prose =
          table.approvals().stream().filter(a -> a.region().equals(row.region())).toList();
      if (prose.isEmpty()) {
        continue;
      }
      FactTable.Approval firstProse = prose.get(0);
      for (FactTable.Approval a : prose) {
        if (a.year() < firstProse.year()) {
          firstProse = a;
        }
      }
      int firstCell = 0;
      for (int i = 1; i < row.years().size(); i++) {
        if (row.years().get(i) < row.years().get(firstCell)) {
          firstCell = i;
        }
      }
      FactTable.Doc doc = table.docs().get(row.document());
      int[] cell = row.cells().get(firstCell);
      String proseId = approvalClaim(firstProse);
      String label = doc.text().substring(row.labelStart(), row.labelEnd());
      claim(
          row.document(),
          "approvals table",
          "First year of the table's "
              + label
              + " row against the first approval the text gives for "
              + row.region()
              + " ("
              + approvalSpan(firstProse).describe()
              + ").",
          new Reported(
              row.years().get(firstCell),
              "year",
              0,
              Qualifier.EXACT,
              label + ": " + row.years().get(firstCell)),
          new ClaimCheck.CrossCheck(proseId, ""),
          cell[0],
          cell[1]);
      conditionCounts(row, prose, label);
    }
  }

  /**
   * A "first" approval of a region in one document against the earliest approval year another
   * document gives for that region.
   */
  private void firstApprovals() {
    for (FactTable.Approval first : table.approvals()) {
      String sentence =
          table
              .docs()
              .get(first.document())
              .text()
              .substring(first.sentenceStart(), first.sentenceEnd());
      if (!FIRST.matcher(sentence).find()) {
        continue;
      }
      for (int d = 0; d < table.docs().size(); d++) {
        if (d == first.document()) {
          continue;
        }
        FactTable.Approval earliest = null;
        for (FactTable.Approval a : table.approvals()) {
          if (a.document() == d
              && a.region().equals(first.region())
              && (earliest == null || a.year() < earliest.year())) {
            earliest = a;
          }
        }
        if (earliest == null) {
          continue;
        }
        String firstId = approvalClaim(first);
        FactTable.Doc doc = table.docs().get(d);
        claim(
            d,
            "approval",
            "Earliest approval year for "
                + first.region()
                + " in this document against the first"
                + " approval printed at "
                + approvalSpan(first).describe()
                + ".",
            new Reported(
                earliest.year(),
                "year",
                0,
                Qualifier.EXACT,
                doc.text().substring(earliest.start(), earliest.end())),
            new ClaimCheck.CrossCheck(firstId, ""),
            earliest.start(),
            earliest.end());
      }
    }
  }

  /**
   * For each year of the row the prose also gives (when it names a condition): cells against
   * conditions named.
   */
  private void conditionCounts(
      FactTable.TableRow row, List<FactTable.Approval> prose, String label) {
    Set<Integer> years = new LinkedHashSet<>(row.years());
    for (int year : years) {
      List<FactTable.Approval> same = prose.stream().filter(a -> a.year() == year).toList();
      if (same.isEmpty()) {
        continue;
      }
      Set<String> named = new LinkedHashSet<>();
      StringBuilder where = new StringBuilder();
      Set<String> sentences = new HashSet<>();
      for (FactTable.Approval a : same) {
        if (!sentences.add(a.document() + ":" + a.sentenceStart())) {
          continue;
        }
        String text =
            table.docs().get(a.document()).text().substring(a.sentenceStart(), a.sentenceEnd());
        for (String h : row.headers()) {
          if (names(text, h)) {
            named.add(h);
          }
        }
        where.append(where.isEmpty() ? "" : ", ").append(approvalSpan(a).describe());
      }
      if (named.isEmpty()) {
        continue;
      }
      List<int[]> cells = new ArrayList<>();
      for (int i = 0; i < row.years().size(); i++) {
        if (row.years().get(i) == year) {
          cells.add(row.cells().get(i));
        }
      }
      FactTable.Approval a = same.get(0);
      String namedId =
          claim(
              a.document(),
              "approvals table",
              "Conditions the text names for "
                  + row.region()
                  + " in "
                  + year
                  + ": "
                  + String.join(", ", named)
                  + ".",
              new Reported(
                  named.size(), "conditions", 0, Qualifier.EXACT, String.join(", ", named)),
              new ClaimCheck.Recorded(
                  "table column conditions named in the text, by name or initials"),
              a.sentenceStart(),
              a.sentenceEnd(),
              false);
      StringBuilder cellsText = new StringBuilder(label + ":");
      for (int i = 0; i < row.years().size(); i++) {
        cellsText.append(i == 0 ? " " : ", ").append(row.years().get(i));
      }
      claim(
          row.document(),
          "approvals table",
          "Cells of the "
              + label
              + " row reading "
              + year
              + " ("
              + cells.size()
              + ") against the conditions the text names for that year at "
              + where
              + ".",
          new Reported(
              cells.size(),
              "conditions",
              0,
              Qualifier.EXACT,
              cells.size() == row.years().size()
                  ? cellsText.toString()
                  : label
                      + ": "
                      + year
                      + (cells.size() > 1 ? " (" + cells.size() + " cells)" : "")),
          new ClaimCheck.CrossCheck(
              namedId,
              "The flattened table has lost its columns: only the number of cells per year can"
                  + " be compared."),
          cells.get(0)[0],
          cells.get(cells.size() - 1)[1]);
    }
  }

  /**
   * Whether a sentence names a table header: as a word, or (an acronym of three to six capitals) by
   * the initials of consecutive words.
   */
  static boolean names(String sentence, String header) {
    String h = header.replace("\u2019", "'");
    String plain = h.endsWith("'s") ? h.substring(0, h.length() - 2) : h;
    if (plain.length() < 2) {
      return false;
    }
    if (Pattern.compile("\\b" + Pattern.quote(plain) + "\\b").matcher(sentence).find()) {
      return true;
    }
    if (!plain.matches("[A-Z]{3,6}")) {
      return false;
    }
    String[] words = sentence.replace("'s", "").split("[^\\p{L}]+");
    for (int i = 0; i + plain.length() <= words.length; i++) {
      boolean all = true;
      for (int k = 0; k < plain.length() && all; k++) {
        String w = words[i + k];
        all = !w.isEmpty() && Character.toUpperCase(w.charAt(0)) == plain.charAt(k);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private String approvalClaim(FactTable.Approval a) {
    String key = "approval:" + a.document() + ":" + a.start();
    String id = factClaims.get(key);
    if (id == null) {
      FactTable.Doc doc = table.docs().get(a.document());
      id =
          claim(
              a.document(),
              "approvals table",
              "Approval year for " + a.region() + ": " + a.year() + ".",
              new Reported(
                  a.year(), "year", 0, Qualifier.EXACT, doc.text().substring(a.start(), a.end())),
              new ClaimCheck.Recorded(""),
              a.start(),
              a.end(),
              false);
      factClaims.put(key, id);
    }
    return id;
  }

  private SourceSpan approvalSpan(FactTable.Approval a) {
    return table.docs().get(a.document()).source().span(a.start(), a.end());
  }

  // ------------------------------------------------------------------ claims

  private String factClaim(Fact f) {
    String key = f.document() + ":" + f.start() + ":" + f.rangeEnd();
    String id = factClaims.get(key);
    if (id == null) {
      id =
          claim(
              f.document(),
              "figure used by a link",
              "Printed figure " + f.reported().asReported() + ".",
              f.reported(),
              new ClaimCheck.Recorded(""),
              f.start(),
              f.end(),
              false);
      factClaims.put(key, id);
    }
    return id;
  }

  private SourceSpan span(Fact f) {
    return table.docs().get(f.document()).source().span(f.start(), f.end());
  }

  private String claim(
      int document,
      String topic,
      String statement,
      Reported reported,
      ClaimCheck check,
      int start,
      int end) {
    return claim(document, topic, statement, reported, check, start, end, true);
  }

  private String claim(
      int document,
      String topic,
      String statement,
      Reported reported,
      ClaimCheck check,
      int start,
      int end,
      boolean isCheck) {
    FactTable.Doc doc = table.docs().get(document);
    String id =
        StatementFinder.slug(doc.source().file())
            + "-linked-"
            + String.format(Locale.ROOT, "%03d", ++counter);
    linked.claim(id, topic, statement, reported, check, doc.source(), start, end, isCheck);
    return id;
  }
}
