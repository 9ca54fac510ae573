package org.trialstats.evidence.find;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialstats.evidence.Arm;
import org.trialstats.evidence.Claim;
import org.trialstats.evidence.ClaimCheck;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.Qualifier;
import org.trialstats.evidence.RateFigure;
import org.trialstats.evidence.Reported;
import org.trialstats.evidence.SirFigure;
import org.trialstats.evidence.Source;
import org.trialstats.evidence.text.SourceText;
import org.trialstats.stats.IntervalPValue;
import org.trialstats.stats.TestStatistic;

/**
 * Finds the numeric statements of a text and turns them into checkable claims (pure: no I/O).
 *
 * <p>Patterns, each within one paragraph (a line of the extracted text) or one sentence:
 *
 * <ul>
 *   <li>percentages with their denominator: "38% of 250", "1235/1729 (71%)", "of 251 patients ...
 *       in 22%"; two of them in one paragraph with a control, placebo or versus cue form a two-arm
 *       comparison (first = treatment), otherwise each is a {@code percent} claim; a percentage
 *       beside "n = 11" that is not worded as a share of those subjects (a bioavailability, a
 *       reduction) is listed as not checkable;
 *   <li>a total of subjects followed in the same sentence by parts "randomised/assigned to": a
 *       {@code sum};
 *   <li>events, person-time ("about 6,400 patient years") and a rate "per 100 patient years" in one
 *       paragraph: a {@code rate}, with the person-time's printed rounding; patients times mean
 *       follow-up in months against the person-time: a {@code product};
 *   <li>"3.6 fold higher" with an observed count in the paragraph: a {@code ratio} (the expected
 *       count derived, so not checkable); "3 melanomas ... significant (1 case expected)": a {@code
 *       poisson-tail} test at the 5% level;
 *   <li>ratios and differences with intervals: "HR 0.75 (95% CI 0.62 to 0.91), p = 0.003": {@code
 *       interval-centre}, and {@code interval-p} against the printed p or the wording "significant"
 *       / "not significant" in the same sentence;
 *   <li>APA statistics "t(28) = 2.20, p = .04", "F(2, 251) = 0.52, ns", "chi2(1) = 4.5, p = .03",
 *       "r(28) = .22, p = .26", "z = 1.96, p &lt; .05" (as statcheck reads them; statistics
 *       compared with &lt; or &gt; are left out): {@code test-statistic}, one-tailed when the
 *       sentence says one-tailed, one-sided or directional;
 *   <li>a duration with its conversion in parentheses ("60 weeks (15 months)") and a molar mass
 *       with its kilodaltons: {@code product}; an infobox molecular formula with its molar mass:
 *       {@code formula-mass}.
 * </ul>
 *
 * <p>Numbers are read with their printed precision ("0.60" has two decimals); thousands separators
 * are commas. A figure preceded by "about", "approximately", "approx." or "around" gets qualifier
 * about, and a round whole number so qualified is taken as rounded to its last non-zero digit
 * ("about 6,400": to the nearest hundred), as the anakinra dataset records it. Reference markers
 * such as "[12]" are ignored.
 */
public final class StatementFinder {
  private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
  private static final String SIGNED = "[-\u2212]?(?:" + NUM + "|\\.\\d+)";
  private static final String P_NUM = "(?:0?\\.\\d+|[01](?:\\.0+)?)";
  private static final String ABOUT =
      "(?:(about|approximately|approx\\.|around|nearly|roughly|some|~)\\s*)?";
  private static final String SUBJECTS =
      "(?:patients|subjects|participants|people|persons|women|men|children|adults|cases)";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern FRACTION_PERCENT =
      Pattern.compile("\\b(\\d+)\\s*/\\s*(\\d+)\\s*\\(\\s*(" + NUM + ")\\s*%\\s*\\)");
  private static final Pattern PERCENT_OF =
      Pattern.compile(
          "\\b("
              + NUM
              + ")\\s*%\\s+of\\s+(?:the\\s+|all\\s+)?("
              + NUM
              + ")\\b(?!\\s*(?:%|\\.\\d))");
  private static final Pattern GROUP_OF_N =
      Pattern.compile("\\b(?:group|arm|cohort)\\s+of\\s+(" + NUM + ")\\s+" + SUBJECTS, FLAGS);
  private static final Pattern IN_PERCENT = Pattern.compile("\\bin\\s+(" + NUM + ")\\s*%", FLAGS);
  private static final Pattern N_EQUALS = Pattern.compile("\\b[nN]\\s*=\\s*(\\d+)\\b");
  private static final Pattern ANY_PERCENT = Pattern.compile("(" + NUM + ")\\s*%");
  private static final Pattern ARM_CUE =
      Pattern.compile("\\b(?:control|placebo|versus|vs\\.?|compared with)\\b", FLAGS);

  private static final Pattern TOTAL =
      Pattern.compile("\\b(" + NUM + ")\\s+" + SUBJECTS + "\\b", FLAGS);
  private static final Pattern PART =
      Pattern.compile(
          "\\b("
              + NUM
              + ")\\s+(?:(?:were\\s+)?(?:randomi[sz]ed|assigned|allocated)\\s+)?to\\s+"
              + "(?!\\d)",
          FLAGS);

  private static final Pattern RATE =
      Pattern.compile(
          "\\b("
              + NUM
              + ")\\s*(?:[a-z]+\\s*)?(?:/|per)\\s*("
              + NUM
              + ")\\s*(?:patient|person)"
              + "[- ]?(?:years?|yrs?)\\b",
          FLAGS);
  private static final Pattern PERSON_TIME =
      Pattern.compile(ABOUT + "(" + NUM + ")\\s*(?:patient|person)[- ]?(?:years?|yrs?)\\b", FLAGS);
  private static final Pattern EVENTS =
      Pattern.compile("\\b(\\d+)\\s+(?:cases|events|deaths|episodes|infections)\\b", FLAGS);
  private static final Pattern PATIENTS =
      Pattern.compile("\\b(" + NUM + ")\\s+(?:[a-z]+\\s+){0,3}?" + SUBJECTS + "\\b", FLAGS);
  private static final Pattern MEAN_MONTHS =
      Pattern.compile("\\bmean\\s+(?:follow-up\\s+)?of\\s+(" + NUM + ")\\s+months\\b", FLAGS);
  private static final Pattern FOLD =
      Pattern.compile(
          "\\b(" + NUM + ")[- ]?fold\\s+(?:higher|greater|increase|increased|more|lower|excess)",
          FLAGS);
  private static final Pattern EXPECTED =
      Pattern.compile("\\(\\s*(" + NUM + ")\\s+(?:cases?|events?)\\s+expected\\s*\\)", FLAGS);
  private static final Pattern OBSERVED =
      Pattern.compile(
          "(?<!study |trial |group |arm |phase |grade |week |day |type"
              + " )\\b(\\d+)\\s+([a-z]{3,})\\b",
          FLAGS);

  private static final Pattern INTERVAL =
      Pattern.compile(
          "\\b(a?HR|a?OR|a?RR|IRR|SIR|RD|MD|hazard ratio|odds ratio|risk ratio|relative risk"
              + "|rate ratio|risk difference|mean difference)\\s*(?:was|of|=|:)?\\s*("
              + SIGNED
              + ")\\s*[(\\[,;]\\s*(?:("
              + NUM
              + ")\\s*%\\s*(?:CI|confidence interval)\\s*[:,=]?\\s*)?("
              + SIGNED
              + ")\\s*(?:to|\u2013|-|,)\\s*("
              + SIGNED
              + ")\\s*[)\\]]?"
              + "(?:\\s*[,;]?\\s*p\\s*([=<>\u2264])\\s*("
              + P_NUM
              + "))?",
          FLAGS);
  private static final Pattern SIGNIFICANT =
      Pattern.compile("\\b(not|no|non-?)?\\s*(?:statistically\\s+)?significant(?:ly)?\\b", FLAGS);

  private static final String P_PART =
      "\\s*[,;]\\s*(?:(p)\\s*([=<>\u2264])\\s*(" + P_NUM + ")|(ns))";
  private static final Pattern T_TEST =
      Pattern.compile(
          "\\b([tr])\\s*\\(\\s*(" + NUM + ")\\s*\\)\\s*(=)\\s*(" + SIGNED + ")" + P_PART);
  private static final Pattern F_TEST =
      Pattern.compile(
          "\\bF\\s*\\(\\s*("
              + NUM
              + ")\\s*,\\s*("
              + NUM
              + ")\\s*\\)\\s*(=)\\s*("
              + NUM
              + ")"
              + P_PART);
  private static final Pattern CHI2_TEST =
      Pattern.compile(
          "(?:\\bchi2|\u03c72|\u03c7\u00b2|\\bchi-square|\\bX2)\\s*\\(\\s*("
              + NUM
              + ")\\s*(?:,\\s*N\\s*=\\s*"
              + NUM
              + "\\s*)?\\)\\s*(=)\\s*("
              + NUM
              + ")"
              + P_PART,
          FLAGS);
  private static final Pattern Z_TEST =
      Pattern.compile("\\b[zZ]\\s*(=)\\s*(" + SIGNED + ")" + P_PART);
  private static final Pattern ONE_TAILED =
      Pattern.compile("\\b(?:one-tailed|one tailed|one-sided|one sided|directional)\\b", FLAGS);

  private static final Pattern CONVERSION =
      Pattern.compile(
          "\\b("
              + NUM
              + ")\\s*(weeks?|months?|days?|years?)\\s*\\(\\s*"
              + ABOUT
              + "("
              + NUM
              + ")\\s*(weeks?|months?|days?|years?)\\s*\\)",
          FLAGS);
  private static final Pattern MASS_KDA =
      Pattern.compile(
          "\\b("
              + NUM
              + ")\\s*g/mol\\s*\\(\\s*"
              + ABOUT
              + "("
              + NUM
              + ")\\s*(?:kilodaltons|kDa)\\s*\\)",
          FLAGS);
  private static final Pattern ELEMENT = Pattern.compile("^([A-Z][a-z]?)\\s*=\\s*(\\d+)$");
  private static final Pattern MOLAR_MASS =
      Pattern.compile("^molecular[_ ]weight\\s*=\\s*(" + NUM + ")\\s*g/mol", FLAGS);
  private static final Pattern REFERENCE_MARK = Pattern.compile("\\[\\d+\\]");

  private static final Map<String, BigDecimal> DAYS =
      Map.of(
          "day",
          BigDecimal.ONE,
          "week",
          BigDecimal.valueOf(7),
          "month",
          new BigDecimal("30.4375"),
          "year",
          new BigDecimal("365.25"));

  private final SourceText source;
  private final String text;
  private final String prefix;
  private final BitSet used = new BitSet();
  private int counter;

  private final FoundClaims gathered = new FoundClaims();

  /** Claims found, with their start offset, to put them in text order at the end. */
  private final Map<String, Integer> starts = new LinkedHashMap<>();

  private StatementFinder(SourceText source) {
    this.source = source;
    // Reference markers "[12]" are blanked so that they are never read as figures.
    this.text = blank(source.text(), REFERENCE_MARK);
    this.prefix = slug(source.file());
  }

  /**
   * Finds the checkable statements of {@code source}.
   *
   * @param source the extracted text of one document
   * @return the claims with their spans, comparisons, rates and SIR figures, in text order
   */
  public static Findings find(SourceText source) {
    StatementFinder finder = new StatementFinder(source);
    finder.formulas();
    int start = 0;
    for (String paragraph : finder.text.split("\n", -1)) {
      if (!paragraph.isBlank()) {
        finder.paragraph(start, paragraph);
      }
      start += paragraph.length() + 1;
    }
    return finder.result();
  }

  /**
   * Finds the checkable statements of several documents: those of each document ({@link
   * #find(SourceText)}) and the checks that draw on figures printed in other passages or documents
   * ({@link PassageLinker}, through the documents' {@link FactTable}).
   *
   * @param sources the extracted texts, in the order given
   * @return the claims of all documents, in document order and text order within each
   */
  public static Findings find(List<SourceText> sources) {
    List<Findings> parts = new ArrayList<>();
    for (SourceText s : sources) {
      parts.add(find(s));
    }
    Findings linked = PassageLinker.link(new FactTable(sources), parts);
    FoundClaims joined = new FoundClaims();
    parts.forEach(joined::addAll);
    joined.addAll(linked);
    List<String> files = sources.stream().map(SourceText::file).toList();
    joined.sortClaims(
        Comparator.comparingInt((Claim c) -> files.indexOf(joined.spans.get(c.id()).file()))
            .thenComparingInt(c -> joined.spans.get(c.id()).startLine())
            .thenComparingInt(c -> joined.spans.get(c.id()).startColumn()));
    return joined.findings();
  }

  private void paragraph(int offset, String paragraph) {
    for (int[] s : sentences(paragraph)) {
      String sentence = paragraph.substring(s[0], s[1]);
      testStatistics(offset + s[0], sentence);
      intervals(offset + s[0], sentence);
      totals(offset + s[0], sentence);
      conversions(offset + s[0], sentence);
      observedExpected(offset + s[0], sentence);
    }
    percentages(offset, paragraph);
    rates(offset, paragraph);
  }

  // ------------------------------------------------------------------ percentages

  /** A percentage with its denominator, found in the text. */
  private record PercentFigure(
      Reported percent, long n, Long events, int start, int end, String what) {}

  private void percentages(int offset, String paragraph) {
    List<PercentFigure> found = new ArrayList<>();
    Matcher m = FRACTION_PERCENT.matcher(paragraph);
    while (m.find()) {
      long events = Long.parseLong(m.group(1));
      long n = Long.parseLong(m.group(2));
      if (n >= 1 && events <= n && free(offset + m.start(), offset + m.end())) {
        found.add(
            new PercentFigure(
                percent(m.group(3), m.group()),
                n,
                events,
                offset + m.start(),
                offset + m.end(),
                events + " of " + n));
      }
    }
    m = PERCENT_OF.matcher(paragraph);
    while (m.find()) {
      long n = count(m.group(2));
      if (n >= 1 && free(offset + m.start(), offset + m.end())) {
        found.add(
            new PercentFigure(
                percent(m.group(1), m.group()),
                n,
                null,
                offset + m.start(),
                offset + m.end(),
                "of " + n));
      }
    }
    for (int[] s : sentences(paragraph)) {
      String sentence = paragraph.substring(s[0], s[1]);
      Matcher group = GROUP_OF_N.matcher(sentence);
      Matcher in = IN_PERCENT.matcher(sentence);
      if (group.find() && in.find() && in.start() > group.end()) {
        int start = offset + s[0] + group.start(1);
        int end = offset + s[0] + in.end();
        if (free(start, end) && count(group.group(1)) >= 1) {
          found.add(
              new PercentFigure(
                  percent(in.group(1), in.group().substring(in.group().indexOf(in.group(1)))),
                  count(group.group(1)),
                  null,
                  start,
                  end,
                  "of " + group.group(1).replace(",", "")));
        }
      }
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    boolean twoArms =
        found.size() == 2
            && ARM_CUE.matcher(paragraph).find()
            && found.stream().allMatch(f -> f.percent().value() <= 100);
    if (twoArms) {
      comparison(found.get(0), found.get(1));
    } else {
      for (PercentFigure f : found) {
        if (f.percent().value() <= 100) {
          claim(
              "percentage",
              "Percentage " + f.percent().valueText() + "% " + f.what() + ".",
              f.percent(),
              new ClaimCheck.Percent(f.n(), f.events(), ""),
              f.start(),
              f.end(),
              true);
        }
      }
    }
    found.forEach(f -> used.set(f.start(), f.end()));
    unsharedPercentages(offset, paragraph);
  }

  private void comparison(PercentFigure treatment, PercentFigure control) {
    String id = nextId();
    int start = treatment.start();
    Source src = source(id + "-at", start, control.end());
    gathered.comparisons.add(
        new Comparison(
            id,
            "as worded in the source",
            "as worded in the source",
            new Arm("first group", treatment.n(), treatment.events(), treatment.percent()),
            new Arm("second group", control.n(), control.events(), control.percent()),
            src.id(),
            "Found by trialstats check; the first group is taken as the treatment arm."));
    claimWithId(
        id + "-treatment",
        "two-arm comparison",
        "First group: " + treatment.percent().valueText() + "% " + treatment.what() + ".",
        treatment.percent(),
        new ClaimCheck.ArmPercent(id, Comparison.Side.TREATMENT, ""),
        treatment.start(),
        treatment.end(),
        true);
    claimWithId(
        id + "-control",
        "two-arm comparison",
        "Second group: " + control.percent().valueText() + "% " + control.what() + ".",
        control.percent(),
        new ClaimCheck.ArmPercent(id, Comparison.Side.CONTROL, ""),
        control.start(),
        control.end(),
        true);
  }

  /** "95% ... (n = 11)" where the percentage is not a share of the n subjects. */
  private void unsharedPercentages(int offset, String paragraph) {
    for (int[] s : sentences(paragraph)) {
      String sentence = paragraph.substring(s[0], s[1]);
      Matcher n = N_EQUALS.matcher(sentence);
      if (!n.find()) {
        continue;
      }
      Matcher p = ANY_PERCENT.matcher(sentence);
      while (p.find()) {
        int start = offset + s[0] + Math.min(p.start(), n.start());
        int end = offset + s[0] + Math.max(p.end(), n.end());
        if (free(offset + s[0] + p.start(), offset + s[0] + p.end())) {
          claim(
              "percentage",
              "Percentage " + p.group(1) + "% printed beside n = " + n.group(1) + ".",
              percent(p.group(1), p.group()),
              new ClaimCheck.NotCheckable(
                  "the percentage is not worded as a share of the n = "
                      + n.group(1)
                      + " subjects (it may be a measured quantity such as a bioavailability),"
                      + " so no count can be checked against it",
                  ""),
              start,
              end,
              true);
          used.set(offset + s[0] + p.start(), offset + s[0] + p.end());
        }
      }
    }
  }

  // ------------------------------------------------------------------ totals

  private void totals(int offset, String sentence) {
    Matcher total = TOTAL.matcher(sentence);
    while (total.find()) {
      long whole = count(total.group(1));
      if (whole < 2) {
        continue;
      }
      Matcher part = PART.matcher(sentence);
      part.region(total.end(), sentence.length());
      List<long[]> found = new ArrayList<>();
      while (part.find()) {
        long value = count(part.group(1));
        if (value >= 0 && value < whole) {
          found.add(new long[] {value, part.start(1), part.end()});
        }
      }
      if (found.size() < 2) {
        continue;
      }
      List<ClaimCheck.Operand> operands = new ArrayList<>();
      for (long[] f : found) {
        String text = sentence.substring((int) f[1], (int) f[2]).strip();
        String id =
            claim(
                "total",
                "A part of " + whole + " counted as " + f[0] + ".",
                new Reported(f[0], "subjects", 0, Qualifier.EXACT, text),
                new ClaimCheck.Recorded("a part of the total found in the same sentence"),
                offset + (int) f[1],
                offset + (int) f[2],
                false);
        operands.add(new ClaimCheck.ClaimValue(id));
      }
      claim(
          "total",
          "Total of " + whole + " subjects split into parts in the same sentence.",
          new Reported(whole, "subjects", 0, Qualifier.EXACT, total.group().strip()),
          new ClaimCheck.Sum(operands, ""),
          offset + total.start(),
          offset + total.end(),
          true);
      return;
    }
  }

  // ------------------------------------------------------------------ rates

  private void rates(int offset, String paragraph) {
    Matcher rate = RATE.matcher(paragraph);
    Matcher time = PERSON_TIME.matcher(paragraph);
    Matcher events = EVENTS.matcher(paragraph);
    if (!rate.find()) {
      folds(offset, paragraph, null);
      return;
    }
    int rateStart = rate.start();
    Long observed = null;
    int eventsStart = -1;
    int eventsEnd = -1;
    while (events.find()) {
      if (!(events.start() >= rate.start() && events.start() < rate.end())) {
        observed = Long.parseLong(events.group(1));
        eventsStart = events.start();
        eventsEnd = events.end();
        break;
      }
    }
    boolean hasTime = false;
    while (time.find()) {
      if (time.start() < rate.start() || time.start() >= rate.end()) {
        hasTime = true;
        break;
      }
    }
    if (observed == null || !hasTime) {
      folds(offset, paragraph, null);
      return;
    }
    Reported printedTime =
        figure(time.group(2), "patient-years", time.group(1), time.group().strip());
    String timeId;
    Matcher patients = PATIENTS.matcher(paragraph);
    Matcher months = MEAN_MONTHS.matcher(paragraph);
    if (patients.find()
        && months.find()
        && patients.start() < time.start()
        && count(patients.group(1)) >= 1) {
      String patientsId =
          claim(
              "rate",
              "Number of patients followed: " + patients.group(1) + ".",
              new Reported(
                  count(patients.group(1)),
                  "patients",
                  0,
                  Qualifier.EXACT,
                  patients.group(1) + " patients"),
              new ClaimCheck.Recorded(""),
              offset + patients.start(),
              offset + patients.start() + patients.group(1).length(),
              false);
      String monthsId =
          claim(
              "rate",
              "Mean follow-up: " + months.group(1) + " months.",
              figure(months.group(1), "months", null, months.group().strip()),
              new ClaimCheck.Recorded(""),
              offset + months.start(),
              offset + months.end(),
              false);
      timeId =
          claim(
              "rate",
              "Person-time against patients times mean follow-up.",
              printedTime,
              new ClaimCheck.Product(
                  List.of(
                      new ClaimCheck.ClaimValue(patientsId), new ClaimCheck.ClaimValue(monthsId)),
                  List.of(new ClaimCheck.Constant(BigDecimal.valueOf(12))),
                  ""),
              offset + time.start(),
              offset + time.end(),
              true);
    } else {
      timeId =
          claim(
              "rate",
              "Person-time of the rate.",
              printedTime,
              new ClaimCheck.Recorded(""),
              offset + time.start(),
              offset + time.end(),
              false);
    }
    BigDecimal per = number(rate.group(2));
    Reported printedRate =
        new Reported(
            number(rate.group(1)).doubleValue(),
            "per " + rate.group(2) + " patient-years",
            decimals(rate.group(1)),
            Qualifier.EXACT,
            rate.group().strip());
    String rateId = nextId();
    Source src =
        source(rateId + "-at", offset + Math.min(eventsStart, rateStart), offset + rate.end());
    gathered.rates.add(
        new RateFigure(
            rateId,
            "events as worded in the source",
            observed,
            printedTime.value(),
            null,
            null,
            per.doubleValue(),
            printedRate,
            src.id(),
            ""));
    claimWithId(
        rateId + "-rate",
        "rate",
        "Rate of " + observed + " events per " + rate.group(2) + " patient-years.",
        printedRate,
        new ClaimCheck.Rate(rateId, timeId, ""),
        offset + rate.start(),
        offset + rate.end(),
        true);
    used.set(offset + eventsStart, offset + eventsEnd);
    folds(offset, paragraph, observed);
  }

  private void folds(int offset, String paragraph, Long observedFromRate) {
    Matcher fold = FOLD.matcher(paragraph);
    if (!fold.find()) {
      return;
    }
    Long observed = observedFromRate;
    if (observed == null) {
      Matcher events = EVENTS.matcher(paragraph);
      while (events.find() && events.start() < fold.start()) {
        observed = Long.parseLong(events.group(1));
      }
    }
    if (observed == null) {
      return;
    }
    Reported ratio =
        new Reported(
            number(fold.group(1)).doubleValue(),
            "fold (observed / expected)",
            decimals(fold.group(1)),
            Qualifier.EXACT,
            fold.group().strip());
    String id = nextId();
    Source src = source(id + "-at", offset + fold.start(), offset + fold.end());
    gathered.sirs.add(
        new SirFigure(
            id,
            "events as worded in the source",
            observed,
            observed / ratio.value(),
            "observed / printed ratio = " + observed + " / " + ratio.valueText(),
            ratio,
            src.id(),
            ""));
    claimWithId(
        id + "-ratio",
        "observed versus expected",
        "Observed "
            + observed
            + " events stated as "
            + ratio.valueText()
            + " times the expected number.",
        ratio,
        new ClaimCheck.Ratio(id, true, ""),
        offset + fold.start(),
        offset + fold.end(),
        true);
  }

  private void observedExpected(int offset, String sentence) {
    Matcher expected = EXPECTED.matcher(sentence);
    if (!expected.find()) {
      return;
    }
    Matcher significant = SIGNIFICANT.matcher(sentence);
    if (!significant.find()) {
      return;
    }
    Matcher observed = OBSERVED.matcher(sentence);
    Long count = null;
    int observedStart = -1;
    while (observed.find() && observed.start() < expected.start()) {
      String word = observed.group(2).toLowerCase(Locale.ROOT);
      if (!word.equals("expected") && !word.equals("and") && !word.equals("of")) {
        count = Long.parseLong(observed.group(1));
        observedStart = observed.start();
        break;
      }
    }
    if (count == null) {
      return;
    }
    Reported printedExpected =
        figure(expected.group(1), "cases", null, expected.group().replaceAll("[()]", "").strip());
    String expectedId =
        claim(
            "observed versus expected",
            "Expected count: " + printedExpected.valueText() + ".",
            printedExpected,
            new ClaimCheck.Recorded(""),
            offset + expected.start(),
            offset + expected.end(),
            false);
    String id = nextId();
    Source src = source(id + "-at", offset + observedStart, offset + expected.end());
    gathered.sirs.add(
        new SirFigure(
            id,
            "events as worded in the source",
            count,
            printedExpected.value(),
            "printed",
            null,
            src.id(),
            ""));
    boolean not = significant.group(1) != null;
    Reported level =
        new Reported(
            0.05,
            "one-sided p-value",
            2,
            not ? Qualifier.MORE_THAN : Qualifier.UP_TO,
            significant.group().strip());
    claimWithId(
        id + "-test",
        "observed versus expected",
        "Observed "
            + count
            + " against "
            + printedExpected.valueText()
            + " expected, called "
            + (not ? "not " : "")
            + "significant.",
        level,
        new ClaimCheck.PoissonTail(
            id,
            expectedId,
            "The text names no test: read as a one-sided" + " exact Poisson test at the 5% level."),
        offset + observedStart,
        offset + expected.end(),
        true);
  }

  // ------------------------------------------------------------------ intervals

  private void intervals(int offset, String sentence) {
    Matcher m = INTERVAL.matcher(sentence);
    while (m.find()) {
      String measure = m.group(1);
      IntervalPValue scale =
          measure.toLowerCase(Locale.ROOT).contains("difference")
                  || measure.equalsIgnoreCase("RD")
                  || measure.equalsIgnoreCase("MD")
              ? IntervalPValue.LINEAR
              : IntervalPValue.LOG;
      BigDecimal estimate = number(m.group(2));
      BigDecimal lower = number(m.group(4));
      BigDecimal upper = number(m.group(5));
      if (lower.compareTo(upper) >= 0
          || scale == IntervalPValue.LOG && (estimate.signum() <= 0 || lower.signum() <= 0)) {
        continue;
      }
      BigDecimal level =
          m.group(3) == null ? new BigDecimal("0.95") : number(m.group(3)).movePointLeft(2);
      if (level.signum() <= 0 || level.compareTo(BigDecimal.ONE) >= 0) {
        continue;
      }
      int start = offset + m.start();
      int end = offset + m.end();
      String label = measure + " " + m.group(2) + " (" + m.group(4) + " to " + m.group(5) + ")";
      claim(
          "interval",
          label + ": estimate against the centre of its interval.",
          new Reported(
              estimate.doubleValue(),
              measure,
              decimals(m.group(2)),
              Qualifier.EXACT,
              measure + " " + m.group(2)),
          new ClaimCheck.IntervalCentre(lower, upper, scale, ""),
          start,
          end,
          true);
      Reported p = null;
      if (m.group(7) != null) {
        p = pValue(m.group(6), m.group(7), "p " + m.group(6) + " " + m.group(7));
      } else {
        Matcher sig = SIGNIFICANT.matcher(sentence);
        if (sig.find()) {
          boolean not = sig.group(1) != null;
          double alpha = BigDecimal.ONE.subtract(level).doubleValue();
          p =
              new Reported(
                  alpha,
                  "p-value",
                  Math.max(level.scale(), 2),
                  not ? Qualifier.MORE_THAN : Qualifier.UP_TO,
                  sig.group().strip());
          start = Math.min(start, offset + sig.start());
          end = Math.max(end, offset + sig.end());
        }
      }
      if (p != null) {
        claim(
            "interval",
            label + ": printed p or significance against the interval.",
            p,
            new ClaimCheck.IntervalP(estimate, lower, upper, level, scale, ""),
            start,
            end,
            true);
      }
      used.set(offset + m.start(), offset + m.end());
    }
  }

  // ------------------------------------------------------------------ test statistics

  private void testStatistics(int offset, String sentence) {
    boolean oneTailed = ONE_TAILED.matcher(sentence).find();
    Matcher t = T_TEST.matcher(sentence);
    while (t.find()) {
      TestStatistic test = t.group(1).equals("t") ? TestStatistic.T : TestStatistic.R;
      statistic(offset, t, test, number(t.group(2)), null, t.group(4), 5, oneTailed);
    }
    Matcher f = F_TEST.matcher(sentence);
    while (f.find()) {
      statistic(
          offset,
          f,
          TestStatistic.F,
          number(f.group(1)),
          number(f.group(2)),
          f.group(4),
          5,
          oneTailed);
    }
    Matcher chi = CHI2_TEST.matcher(sentence);
    while (chi.find()) {
      statistic(
          offset, chi, TestStatistic.CHI2, number(chi.group(1)), null, chi.group(3), 4, oneTailed);
    }
    Matcher z = Z_TEST.matcher(sentence);
    while (z.find()) {
      statistic(offset, z, TestStatistic.Z, null, null, z.group(2), 3, oneTailed);
    }
  }

  /** A matched statistic whose p part starts at group {@code pGroup} (p, comparator, value, ns). */
  private void statistic(
      int offset,
      Matcher m,
      TestStatistic test,
      BigDecimal df1,
      BigDecimal df2,
      String value,
      int pGroup,
      boolean oneTailed) {
    if (!free(offset + m.start(), offset + m.end())) {
      return;
    }
    BigDecimal statistic = number(value);
    if ((test == TestStatistic.R && statistic.abs().compareTo(BigDecimal.ONE) > 0)
        || (test != TestStatistic.Z && (df1 == null || df1.signum() <= 0))
        || (test == TestStatistic.F && (df2 == null || df2.signum() <= 0))) {
      return;
    }
    Reported p =
        m.group(pGroup + 3) != null
            ? new Reported(0.05, "p-value", 2, Qualifier.MORE_THAN, "ns")
            : pValue(
                m.group(pGroup + 1),
                m.group(pGroup + 2),
                m.group().substring(m.start(pGroup) - m.start()).strip());
    String df =
        df1 == null
            ? ""
            : "(" + df1.toPlainString() + (df2 == null ? "" : ", " + df2.toPlainString()) + ")";
    claim(
        "test statistic",
        test.symbol() + df + " = " + value + " with its p-value.",
        p,
        new ClaimCheck.TestStatisticP(test, df1, df2, statistic, oneTailed, ""),
        offset + m.start(),
        offset + m.end(),
        true);
    used.set(offset + m.start(), offset + m.end());
  }

  private static Reported pValue(String comparator, String value, String asReported) {
    BigDecimal p = number(value);
    Qualifier q =
        switch (comparator) {
          case "<", "\u2264" -> Qualifier.UP_TO;
          case ">" -> Qualifier.MORE_THAN;
          default -> Qualifier.EXACT;
        };
    return new Reported(p.doubleValue(), "p-value", Math.max(p.scale(), 0), q, asReported);
  }

  // ------------------------------------------------------------------ conversions

  private void conversions(int offset, String sentence) {
    Matcher m = CONVERSION.matcher(sentence);
    while (m.find()) {
      String from = singular(m.group(2));
      String to = singular(m.group(5));
      if (from.equals(to)) {
        continue;
      }
      String valueId =
          claim(
              "unit conversion",
              "Duration of " + m.group(1) + " " + m.group(2) + ".",
              figure(
                  m.group(1),
                  m.group(2).toLowerCase(Locale.ROOT),
                  null,
                  m.group(1) + " " + m.group(2)),
              new ClaimCheck.Recorded(""),
              offset + m.start(1),
              offset + m.end(2),
              false);
      claim(
          "unit conversion",
          "The same duration restated as " + m.group(4) + " " + m.group(5) + ".",
          figure(
              m.group(4),
              m.group(5).toLowerCase(Locale.ROOT),
              m.group(3),
              m.group()
                  .substring(m.start(3) < 0 ? m.start(4) - m.start() : m.start(3) - m.start())
                  .replace(")", "")
                  .strip()),
          new ClaimCheck.Product(
              List.of(new ClaimCheck.ClaimValue(valueId), new ClaimCheck.Constant(DAYS.get(from))),
              List.of(new ClaimCheck.Constant(DAYS.get(to))),
              "Days per unit: week 7, month 365.25 / 12, year 365.25."),
          offset + m.start(),
          offset + m.end(),
          true);
    }
    Matcher kda = MASS_KDA.matcher(sentence);
    while (kda.find()) {
      String massId =
          claim(
              "unit conversion",
              "Molar mass " + kda.group(1) + " g/mol.",
              figure(kda.group(1), "g/mol", null, kda.group(1) + " g/mol"),
              new ClaimCheck.Recorded(""),
              offset + kda.start(1),
              offset + kda.end(1),
              false);
      claim(
          "unit conversion",
          "The molar mass restated in kilodaltons.",
          figure(kda.group(3), "kDa", kda.group(2), kda.group(3) + " kDa"),
          new ClaimCheck.Product(
              List.of(new ClaimCheck.ClaimValue(massId)),
              List.of(new ClaimCheck.Constant(BigDecimal.valueOf(1000))),
              "1 g/mol corresponds to a molecular mass of 1 dalton."),
          offset + kda.start(),
          offset + kda.end(),
          true);
    }
  }

  private static String singular(String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    return u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
  }

  /** Infobox lines "C=759", "H=1186", ... followed by "molecular_weight = 17,257.6 g/mol". */
  private void formulas() {
    String[] lines = text.split("\n", -1);
    int offset = 0;
    Map<String, Long> formula = new LinkedHashMap<>();
    int formulaStart = -1;
    for (String line : lines) {
      Matcher element = ELEMENT.matcher(line.strip());
      Matcher mass = MOLAR_MASS.matcher(line.strip());
      if (element.matches() && ClaimCheck.FormulaMass.knows(element.group(1))) {
        if (formula.isEmpty()) {
          formulaStart = offset;
        }
        formula.put(element.group(1), Long.parseLong(element.group(2)));
      } else if (mass.find() && formula.size() >= 2) {
        int lead = line.indexOf(line.strip());
        claim(
            "formula",
            "Molar mass of the molecular formula given beside it.",
            figure(mass.group(1), "g/mol", null, mass.group(1) + " g/mol"),
            new ClaimCheck.FormulaMass(formula, ""),
            formulaStart,
            offset + lead + mass.end(),
            true);
        formula = new LinkedHashMap<>();
      } else if (!line.isBlank()) {
        formula = new LinkedHashMap<>();
      }
      offset += line.length() + 1;
    }
  }

  // ------------------------------------------------------------------ helpers

  private String claim(
      String topic,
      String statement,
      Reported reported,
      ClaimCheck check,
      int start,
      int end,
      boolean isCheck) {
    String id = nextId();
    claimWithId(id, topic, statement, reported, check, start, end, isCheck);
    return id;
  }

  private void claimWithId(
      String id,
      String topic,
      String statement,
      Reported reported,
      ClaimCheck check,
      int start,
      int end,
      boolean isCheck) {
    gathered.claim(id, topic, statement, reported, check, source, start, end, isCheck);
    starts.put(id, start);
  }

  private Source source(String id, int start, int end) {
    return gathered.source(id, source, start, end);
  }

  private String nextId() {
    return prefix + "-" + String.format(Locale.ROOT, "%03d", ++counter);
  }

  private boolean free(int start, int end) {
    int next = used.nextSetBit(start);
    return next < 0 || next >= end;
  }

  private Findings result() {
    gathered.sortClaims((a, b) -> Integer.compare(starts.get(a.id()), starts.get(b.id())));
    return gathered.findings();
  }

  /** A printed figure with an optional "about": round whole numbers so qualified lose zeros. */
  private static Reported figure(String number, String unit, String about, String asReported) {
    BigDecimal value = number(number);
    int decimals = decimals(number);
    Qualifier q = about == null ? Qualifier.EXACT : Qualifier.ABOUT;
    if (q == Qualifier.ABOUT && decimals == 0 && value.signum() != 0) {
      BigDecimal stripped = value.stripTrailingZeros();
      decimals = Math.min(0, stripped.scale());
    }
    return new Reported(value.doubleValue(), unit, decimals, q, asReported);
  }

  private static Reported percent(String number, String asReported) {
    return new Reported(
        number(number).doubleValue(), "%", decimals(number), Qualifier.EXACT, asReported.strip());
  }

  static BigDecimal number(String printed) {
    String s = printed.replace(",", "").replace('\u2212', '-');
    if (s.startsWith(".") || s.startsWith("-.")) {
      s = s.replaceFirst("\\.", "0.");
    }
    return new BigDecimal(s);
  }

  private static int decimals(String printed) {
    return Math.max(number(printed).scale(), 0);
  }

  /** A whole count as printed, or -1 when the number has decimals or is too large. */
  private static long count(String printed) {
    BigDecimal n = number(printed);
    if (n.scale() > 0 || n.precision() - n.scale() > 15) {
      return -1;
    }
    return n.longValueExact();
  }

  /**
   * Sentence boundaries within a paragraph: after {@code .}, {@code !} or {@code ?} followed by a
   * space and an upper-case letter, except after common abbreviations.
   */
  static List<int[]> sentences(String paragraph) {
    List<int[]> result = new ArrayList<>();
    int start = 0;
    for (int i = 0; i + 2 < paragraph.length(); i++) {
      char c = paragraph.charAt(i);
      // Several spaces may follow the stop where a reference mark "[12]" was blanked.
      int next = i + 1;
      while (next < paragraph.length() && paragraph.charAt(next) == ' ') {
        next++;
      }
      if ((c == '.' || c == '!' || c == '?')
          && next > i + 1
          && next < paragraph.length()
          && Character.isUpperCase(paragraph.charAt(next))
          && !abbreviation(paragraph, i)) {
        result.add(new int[] {start, i + 1});
        start = next;
      }
    }
    result.add(new int[] {start, paragraph.length()});
    return result;
  }

  private static boolean abbreviation(String s, int dot) {
    int word = dot;
    while (word > 0 && Character.isLetter(s.charAt(word - 1))) {
      word--;
    }
    String w = s.substring(word, dot).toLowerCase(Locale.ROOT);
    return List.of(
            "e.g", "i.e", "vs", "approx", "dr", "al", "fig", "no", "c", "s", "e", "g", "i", "ca",
            "cf", "ref")
        .contains(w);
  }

  private static String blank(String text, Pattern pattern) {
    StringBuilder b = new StringBuilder(text);
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        b.setCharAt(i, ' ');
      }
    }
    return b.toString();
  }

  static String slug(String file) {
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    String s =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "doc" : s;
  }
}
