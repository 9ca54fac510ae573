package org.trialstats.evidence.find;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialstats.evidence.Claim;
import org.trialstats.evidence.ClaimCheck;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.RateFigure;
import org.trialstats.evidence.Reported;
import org.trialstats.evidence.SirFigure;
import org.trialstats.evidence.Source;
import org.trialstats.evidence.text.SourceSpan;
import org.trialstats.evidence.text.SourceText;

/**
 * The claims found so far, as {@link StatementFinder} (in one document), {@link PassageLinker}
 * (across passages and documents) and the joining of several documents gather them: each claim with
 * the source naming its span, the comparisons, rates and observed-versus-expected figures the
 * claims use, and which claims carry a check. {@link #findings()} gives them as {@link Findings}.
 */
final class FoundClaims {
  final List<Source> sources = new ArrayList<>();
  final List<Comparison> comparisons = new ArrayList<>();
  final List<RateFigure> rates = new ArrayList<>();
  final List<SirFigure> sirs = new ArrayList<>();
  final List<Claim> claims = new ArrayList<>();
  final Map<String, SourceSpan> spans = new LinkedHashMap<>();
  final List<String> checkable = new ArrayList<>();

  /**
   * Adds the source of a span of a document's text: its section names the span by line and column
   * (and page).
   *
   * @return the source
   */
  Source source(String id, SourceText text, int start, int end) {
    SourceSpan span = text.span(start, end);
    Source s =
        new Source(
            id,
            text.file(),
            "line "
                + span.startLine()
                + " column "
                + span.startColumn()
                + " to line "
                + span.endLine()
                + " column "
                + span.endColumn()
                + (span.page() > 0 ? " (page " + span.page() + ")" : ""),
            "none: found by trialstats check in the text");
    sources.add(s);
    return s;
  }

  /**
   * Adds a claim found at {@code start..end} of {@code text}, with its source ({@code id-at}) and
   * span.
   *
   * @param isCheck whether the claim carries a check (else it is a figure the checks use)
   */
  void claim(
      String id,
      String topic,
      String statement,
      Reported reported,
      ClaimCheck check,
      SourceText text,
      int start,
      int end,
      boolean isCheck) {
    Source src = source(id + "-at", text, start, end);
    claims.add(new Claim(id, topic, statement, src.id(), reported, check));
    spans.put(id, text.span(start, end));
    if (isCheck) {
      checkable.add(id);
    }
  }

  /** Adds everything of {@code found}, after what is already here. */
  void addAll(Findings found) {
    sources.addAll(found.sources());
    comparisons.addAll(found.comparisons());
    rates.addAll(found.rates());
    sirs.addAll(found.sirs());
    claims.addAll(found.claims());
    spans.putAll(found.spans());
    checkable.addAll(found.checkable());
  }

  /** Puts the claims in the given order. */
  void sortClaims(Comparator<Claim> order) {
    claims.sort(order);
  }

  /** What was found. */
  Findings findings() {
    return new Findings(sources, comparisons, rates, sirs, claims, spans, checkable);
  }
}
