package org.trialstats.evidence.find;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialstats.evidence.Qualifier;
import org.trialstats.evidence.Reported;
import org.trialstats.evidence.text.SourceText;

/**
 * The document-level fact table of a set of documents: every printed percentage, dose, half-life,
 * molar mass and event rate with the words that name it, approval years by region, and rows of
 * flattened tables, so that {@link PassageLinker} can check a figure of one passage against figures
 * printed in another (pure: no I/O).
 *
 * <p>A figure's <em>name</em> is the set of content-word stems of the words that describe it: for a
 * figure in parentheses, the phrase the parentheses follow ("decrease in neutrophil counts (8%
 * ...)") plus the words inside them; otherwise its whole sentence. Stop words, arm words (placebo,
 * control) and words found in at least {@value #GENERIC_SHARE_PERCENT}% of all sentences (the
 * drug's own name, "patients") are left out, plurals are reduced to their singular, and a few
 * hypernyms are added (a neutrophil is a white blood cell) so that a summary wording can meet the
 * article's.
 */
final class FactTable {
  /** Stems found in at least this share of all sentences name nothing in particular. */
  static final int GENERIC_SHARE_PERCENT = 8;

  private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
  private static final String WORD_NUMBERS =
      "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern PERCENT =
      Pattern.compile(
          "(?:\\b(more than|over|greater than|less than|fewer than|under|at least|about"
              + "|approximately)\\s+)?(?<![\\d.,/])("
              + NUM
              + "|\\b(?:"
              + WORD_NUMBERS
              + "))\\s*(?:%|\\s(?:percent|per cent)\\b)(\\s+more\\s+(?:patients|people|subjects"
              + "|participants))?",
          FLAGS);
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?<![\\d.,/])("
              + NUM
              + ")(?:\\s*(?:to|-|\u2013)\\s*("
              + NUM
              + "))?\\s*(mg/kg|mg|hours|hour|hrs|hr|g/mol)\\b",
          FLAGS);
  private static final Pattern RATE =
      Pattern.compile(
          "(?<![\\d.,/])("
              + NUM
              + ")\\s*(?:[a-z]+\\s*)?(?:/|per)\\s*("
              + NUM
              + ")\\s*(?:patient|person)[- ]?(?:years?|yrs?)\\b",
          FLAGS);
  private static final Pattern YEAR = Pattern.compile("(?<![\\d.,/-])((?:19|20)\\d\\d)(?![\\d-])");
  private static final Pattern APPROVAL =
      Pattern.compile(
          "\\b(?:approv\\w*|authori[sz]\\w*|commission\\w*|licen[cs]\\w*|marketed)\\b", FLAGS);
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'\u2019-]*");
  private static final Pattern ROLE_CONTROL =
      Pattern.compile("\\b(?:placebo|control|comparator)\\b(?!-)", FLAGS);
  private static final Pattern ROLE_TREATMENT =
      Pattern.compile("\\b(?:under|receiving|treated with|taking|given)\\b", FLAGS);
  private static final Pattern REFERENCE_MARK = Pattern.compile("\\[\\d+\\]");

  /** Regions and the words that name them (an authority names its region). */
  private static final Map<String, Pattern> REGIONS =
      Map.of(
          "US",
          Pattern.compile(
              "\\b(?:US|U\\.S\\.|USA|United States|FDA|Food and Drug Administration)\\b"),
          "EU",
          Pattern.compile(
              "\\b(?:EU|European Union|EMA|European Medicines Agency|European Commission)\\b"),
          "UK",
          Pattern.compile("\\b(?:UK|United Kingdom|England|NHS England|MHRA|Britain)\\b"));

  /** Measurable quantities a figure can be named by, with the units they come in. */
  private static final Map<String, Pattern> QUANTITIES =
      Map.of(
          "bioavailability", Pattern.compile("\\bbioavailability\\b", FLAGS),
          "half-life", Pattern.compile("\\bhalf[-_ ]li(?:fe|ves)\\b", FLAGS),
          "molar mass",
              Pattern.compile(
                  "\\b(?:molecular[_ ]weight|molar[_ ]mass|molecular[_ ]mass)\\b", FLAGS),
          "dose", Pattern.compile("\\b(?:dose|doses|dosage|dosing)\\b", FLAGS));

  private static final Set<String> STOP =
      Set.of(
          "the",
          "a",
          "an",
          "of",
          "in",
          "on",
          "at",
          "to",
          "for",
          "with",
          "and",
          "or",
          "by",
          "from",
          "as",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "has",
          "have",
          "had",
          "it",
          "its",
          "this",
          "that",
          "these",
          "those",
          "than",
          "more",
          "less",
          "most",
          "least",
          "very",
          "frequently",
          "infrequently",
          "frequent",
          "infrequent",
          "usually",
          "usual",
          "only",
          "also",
          "plus",
          "get",
          "gets",
          "got",
          "under",
          "receiving",
          "taking",
          "given",
          "versus",
          "vs",
          "compared",
          "respectively",
          "percent",
          "placebo",
          "control",
          "group",
          "groups",
          "patient",
          "patients",
          "people",
          "subjects",
          "who",
          "which",
          "there",
          "their",
          "each",
          "all",
          "any",
          "some",
          "other",
          "such",
          "into",
          "after",
          "before",
          "during",
          "within",
          "about",
          "approximately",
          "approx",
          "recipients",
          "case",
          "cases",
          "per",
          "year",
          "years",
          "n",
          "week",
          "month",
          "day",
          "hour",
          "minute");

  /** Hypernyms added to a name so that wordings of different precision can meet. */
  private static final Map<String, List<String>> HYPERNYMS =
      Map.of(
          "neutrophil", List.of("white", "blood", "cell"),
          "lymphocyte", List.of("white", "blood", "cell"),
          "leukocyte", List.of("white", "blood", "cell"),
          "dosage", List.of("dose"),
          "hrs", List.of("hour"));

  /** A document's text with reference marks blanked, split into paragraphs and sentences. */
  record Doc(SourceText source, String text, List<int[]> paragraphs, List<int[]> sentences) {}

  /** An approval or commissioning year for a region, found in prose. */
  record Approval(
      int document,
      int paragraph,
      int start,
      int end,
      String region,
      int year,
      int sentenceStart,
      int sentenceEnd) {}

  /** A row of a flattened table: a region label followed by year cells, with the header cells. */
  record TableRow(
      int document,
      int labelStart,
      int labelEnd,
      String region,
      List<int[]> cells,
      List<Integer> years,
      List<String> headers) {}

  private final List<Doc> docs = new ArrayList<>();
  private final Set<String> generic = new LinkedHashSet<>();
  private final List<Fact> facts = new ArrayList<>();
  private final List<Approval> approvals = new ArrayList<>();
  private final List<TableRow> rows = new ArrayList<>();

  FactTable(List<SourceText> sources) {
    for (SourceText s : sources) {
      docs.add(doc(s));
    }
    genericStems();
    for (int d = 0; d < docs.size(); d++) {
      Doc doc = docs.get(d);
      for (int[] sentence : doc.sentences()) {
        int paragraph = paragraphOf(doc, sentence[0]);
        String text = doc.text().substring(sentence[0], sentence[1]);
        percentages(d, paragraph, sentence, text);
        amounts(d, paragraph, sentence, text);
        rates(d, paragraph, sentence, text);
        approvals(d, paragraph, sentence, text);
      }
      tables(d);
    }
  }

  List<Doc> docs() {
    return docs;
  }

  List<Fact> facts() {
    return facts;
  }

  List<Approval> approvals() {
    return approvals;
  }

  List<TableRow> rows() {
    return rows;
  }

  /** The document's text with reference marks such as "[12]" blanked. */
  static String cleaned(String text) {
    StringBuilder b = new StringBuilder(text);
    Matcher m = REFERENCE_MARK.matcher(text);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        b.setCharAt(i, ' ');
      }
    }
    return b.toString();
  }

  private static Doc doc(SourceText source) {
    String text = cleaned(source.text());
    List<int[]> paragraphs = new ArrayList<>();
    List<int[]> sentences = new ArrayList<>();
    int start = 0;
    for (String p : text.split("\n", -1)) {
      paragraphs.add(new int[] {start, start + p.length()});
      if (!p.isBlank()) {
        for (int[] s : StatementFinder.sentences(p)) {
          sentences.add(new int[] {start + s[0], start + s[1]});
        }
      }
      start += p.length() + 1;
    }
    return new Doc(source, text, paragraphs, sentences);
  }

  /** Index of the paragraph holding {@code offset} (binary search over paragraph ends). */
  static int paragraphOf(Doc doc, int offset) {
    List<int[]> paragraphs = doc.paragraphs();
    int low = 0;
    int high = paragraphs.size() - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (offset <= paragraphs.get(mid)[1]) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private void genericStems() {
    Map<String, Integer> counts = new HashMap<>();
    int sentences = 0;
    for (Doc d : docs) {
      for (int[] s : d.sentences()) {
        sentences++;
        for (String w : rawStems(d.text().substring(s[0], s[1]))) {
          counts.merge(w, 1, Integer::sum);
        }
      }
    }
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      // Only over a corpus of some size is a share meaningful (a single passage names its topic).
      if (sentences >= 25 && 100L * e.getValue() >= GENERIC_SHARE_PERCENT * (long) sentences) {
        generic.add(e.getKey());
      }
    }
  }

  // ------------------------------------------------------------------ figures

  private void percentages(int d, int paragraph, int[] sentence, String text) {
    Matcher m = PERCENT.matcher(text);
    while (m.find()) {
      BigDecimal value = numberOrWord(m.group(2));
      if (value == null || value.compareTo(BigDecimal.valueOf(100)) > 0) {
        continue;
      }
      boolean difference = m.group(3) != null;
      Qualifier q = qualifier(m.group(1));
      String printed = m.group().strip();
      Reported r =
          new Reported(
              value.doubleValue(),
              difference ? "percentage points" : "%",
              Math.max(value.scale(), 0),
              q,
              printed);
      int start = sentence[0] + m.start();
      int end = sentence[0] + m.end();
      facts.add(
          new Fact(
              d,
              paragraph,
              start,
              end,
              sentence[0],
              sentence[1],
              r,
              difference ? following(text, m.end()) : name(text, m.start(2), m.end()),
              quantity(text, m.start(), m.end()),
              role(text, m.start(2), m.end()),
              0));
    }
  }

  private void amounts(int d, int paragraph, int[] sentence, String text) {
    Matcher m = AMOUNT.matcher(text);
    while (m.find()) {
      String unit = unit(m.group(3));
      String quantity = quantity(text, m.start(), m.end());
      Set<String> name = name(text, m.start(), m.end());
      String[] ends =
          m.group(2) == null ? new String[] {m.group(1)} : new String[] {m.group(1), m.group(2)};
      for (int i = 0; i < ends.length; i++) {
        BigDecimal value = StatementFinder.number(ends[i]);
        Reported r =
            new Reported(
                value.doubleValue(),
                unit,
                Math.max(value.scale(), 0),
                Qualifier.EXACT,
                m.group().strip());
        facts.add(
            new Fact(
                d,
                paragraph,
                sentence[0] + m.start(),
                sentence[0] + m.end(),
                sentence[0],
                sentence[1],
                r,
                name,
                quantity,
                Fact.Role.NONE,
                ends.length == 1 ? 0 : i + 1));
      }
    }
  }

  private void rates(int d, int paragraph, int[] sentence, String text) {
    Matcher m = RATE.matcher(text);
    while (m.find()) {
      BigDecimal value = StatementFinder.number(m.group(1));
      Reported r =
          new Reported(
              value.doubleValue(),
              "per " + m.group(2).replace(",", "") + " patient-years",
              Math.max(value.scale(), 0),
              Qualifier.EXACT,
              m.group().strip());
      facts.add(
          new Fact(
              d,
              paragraph,
              sentence[0] + m.start(),
              sentence[0] + m.end(),
              sentence[0],
              sentence[1],
              r,
              name(text, m.start(), m.end()),
              "rate",
              Fact.Role.NONE,
              0));
    }
  }

  private void approvals(int d, int paragraph, int[] sentence, String text) {
    if (!APPROVAL.matcher(text).find()) {
      return;
    }
    Matcher y = YEAR.matcher(text);
    while (y.find()) {
      String region = nearestRegion(text, y.start());
      if (region != null) {
        approvals.add(
            new Approval(
                d,
                paragraph,
                sentence[0] + y.start(),
                sentence[0] + y.end(),
                region,
                Integer.parseInt(y.group(1)),
                sentence[0],
                sentence[1]));
      }
    }
  }

  /** The region named nearest before the year (or after it, within the same clause). */
  private static String nearestRegion(String text, int at) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<String, Pattern> e : REGIONS.entrySet()) {
      Matcher m = e.getValue().matcher(text);
      while (m.find()) {
        int distance;
        if (m.end() <= at) {
          distance = at - m.end();
        } else {
          // After the year only across a comma with nothing else between ("In 2018, NHS England").
          String between = text.substring(at + 4, m.start()).strip();
          if (!between.matches("(?i),?\\s*(?:the)?")) {
            continue;
          }
          distance = m.start() - at + 1;
        }
        if (distance < bestDistance) {
          bestDistance = distance;
          best = e.getKey();
        }
      }
    }
    return best;
  }

  /** The region a table row label names, or the label itself. */
  static String region(String label) {
    for (Map.Entry<String, Pattern> e : REGIONS.entrySet()) {
      Matcher m = e.getValue().matcher(label);
      if (m.find() && m.start() == 0 && m.end() == label.length()) {
        return e.getKey();
      }
    }
    return label;
  }

  /**
   * Flattened tables: a run of short lines (headers) followed by rows, each a short label line
   * followed by lines holding only a year.
   */
  private void tables(int d) {
    Doc doc = docs.get(d);
    List<int[]> lines = doc.paragraphs();
    List<String> headers = new ArrayList<>();
    boolean inRows = false;
    int i = 0;
    while (i < lines.size()) {
      String line = line(doc, i);
      boolean label = isLabel(line);
      int j = i + 1;
      List<int[]> cells = new ArrayList<>();
      List<Integer> years = new ArrayList<>();
      while (j < lines.size() && line(doc, j).strip().matches("(?:19|20)\\d\\d")) {
        int[] p = lines.get(j);
        int lead = doc.text().substring(p[0], p[1]).indexOf(line(doc, j).strip());
        cells.add(new int[] {p[0] + lead, p[0] + lead + 4});
        years.add(Integer.parseInt(line(doc, j).strip()));
        j++;
      }
      if (label && !years.isEmpty()) {
        int[] p = lines.get(i);
        int lead = doc.text().substring(p[0], p[1]).indexOf(line.strip());
        rows.add(
            new TableRow(
                d,
                p[0] + lead,
                p[0] + lead + line.strip().length(),
                region(line.strip()),
                cells,
                years,
                headers));
        inRows = true;
        i = j;
        continue;
      }
      if (label && !inRows) {
        headers.add(line.strip());
      } else if (!label) {
        headers = new ArrayList<>();
        inRows = false;
      }
      i++;
    }
  }

  private static String line(Doc doc, int i) {
    int[] p = doc.paragraphs().get(i);
    return doc.text().substring(p[0], p[1]);
  }

  /** A table cell or label: at most three words, no digits, no sentence punctuation. */
  private static boolean isLabel(String line) {
    String s = line.strip();
    return !s.isEmpty()
        && s.length() <= 40
        && !s.matches(".*[\\d.:;!?].*")
        && s.split("\\s+").length <= 3;
  }

  // ------------------------------------------------------------------ names and roles

  /**
   * The name of a figure at [start, end) of its sentence: inside parentheses, the phrase the
   * parentheses follow plus the words inside them; otherwise the whole sentence.
   */
  Set<String> name(String sentence, int start, int end) {
    int open = openParenthesis(sentence, start);
    if (open < 0) {
      return stems(sentence);
    }
    int close = sentence.indexOf(')', end);
    String inside = sentence.substring(open + 1, close < 0 ? sentence.length() : close);
    int hostStart = 0;
    for (int i = open - 1; i >= 0; i--) {
      char c = sentence.charAt(i);
      if (c == ':' || c == ';' || c == ')' || c == ',') {
        hostStart = i + 1;
        break;
      }
    }
    Set<String> host = stems(sentence.substring(hostStart, open));
    if (host.isEmpty()) {
      host = stems(sentence.substring(0, open));
    }
    Set<String> name = new LinkedHashSet<>(host);
    name.addAll(stems(inside));
    return name;
  }

  /** The words after a figure up to the end of its clause ("8 percent more patients X, ..."). */
  private Set<String> following(String sentence, int from) {
    int end = sentence.length();
    for (int i = from; i < sentence.length(); i++) {
      char c = sentence.charAt(i);
      if (c == ',' || c == ';' || c == '(' || c == ':') {
        end = i;
        break;
      }
    }
    return stems(sentence.substring(from, end));
  }

  private static int openParenthesis(String sentence, int at) {
    int depth = 0;
    for (int i = at - 1; i >= 0; i--) {
      char c = sentence.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  /** The arm named in the clause of the figure: placebo or control words win. */
  private static Fact.Role role(String sentence, int start, int end) {
    int from = 0;
    int to = sentence.length();
    for (int i = start - 1; i >= 0; i--) {
      char c = sentence.charAt(i);
      if (c == ','
          || c == '('
          || c == ';'
          || sentence.startsWith("compared", i)
          || sentence.startsWith("versus", i)) {
        from = i;
        break;
      }
    }
    for (int i = end; i < sentence.length(); i++) {
      char c = sentence.charAt(i);
      if (c == ','
          || c == ')'
          || c == ';'
          || sentence.startsWith("compared", i)
          || sentence.startsWith("versus", i)) {
        to = i;
        break;
      }
    }
    String clause = sentence.substring(from, to);
    if (ROLE_CONTROL.matcher(clause).find()) {
      return Fact.Role.CONTROL;
    }
    return ROLE_TREATMENT.matcher(clause).find() ? Fact.Role.TREATMENT : Fact.Role.NONE;
  }

  /** The named quantity within four words of the figure, or empty. */
  private static String quantity(String sentence, int start, int end) {
    int from = start;
    int words = 0;
    while (from > 0 && words < 5) {
      from--;
      char c = sentence.charAt(from);
      if (c == '(' || c == ')' || c == ';' || c == ',') {
        from++;
        break;
      }
      if (c == ' ') {
        words++;
      }
    }
    int to = end;
    words = 0;
    while (to < sentence.length() && words < 4) {
      char c = sentence.charAt(to);
      if (c == '(' || c == ')' || c == ';' || c == ',' || c == '.') {
        break;
      }
      if (c == ' ') {
        words++;
      }
      to++;
    }
    String window = sentence.substring(from, to).replace('_', ' ');
    for (Map.Entry<String, Pattern> e : QUANTITIES.entrySet()) {
      if (e.getValue().matcher(window).find()) {
        return e.getKey();
      }
    }
    return "";
  }

  /** Content-word stems of a phrase, without generic stems. */
  Set<String> stems(String phrase) {
    Set<String> result = new LinkedHashSet<>();
    for (String s : rawStems(phrase)) {
      if (!generic.contains(s)) {
        result.add(s);
      }
    }
    return result;
  }

  private static Set<String> rawStems(String phrase) {
    Set<String> result = new LinkedHashSet<>();
    Matcher m = WORD.matcher(phrase.replace('_', ' '));
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      if (w.endsWith("'s")) {
        w = w.substring(0, w.length() - 2);
      }
      w = singular(w);
      if (w.length() < 2 || STOP.contains(w) || w.matches(".*\\d.*")) {
        continue;
      }
      result.add(w);
      for (String h : HYPERNYMS.getOrDefault(w, List.of())) {
        result.add(h);
      }
    }
    return result;
  }

  private static String singular(String w) {
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")
        && w.length() > 3) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String unit(String printed) {
    String u = printed.toLowerCase(Locale.ROOT);
    return switch (u) {
      case "hours", "hour", "hrs", "hr" -> "hours";
      default -> u;
    };
  }

  private static Qualifier qualifier(String word) {
    if (word == null) {
      return Qualifier.EXACT;
    }
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "more than", "over", "greater than" -> Qualifier.MORE_THAN;
      case "less than", "fewer than", "under" -> Qualifier.UP_TO;
      case "at least" -> Qualifier.AT_LEAST;
      default -> Qualifier.ABOUT;
    };
  }

  private static BigDecimal numberOrWord(String printed) {
    List<String> words = List.of(WORD_NUMBERS.split("\\|"));
    int i = words.indexOf(printed.toLowerCase(Locale.ROOT));
    if (i >= 0) {
      int[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20};
      return BigDecimal.valueOf(values[i]);
    }
    return StatementFinder.number(printed);
  }
}
