package org.trialstats.evidence.find;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trialstats.evidence.Claim;
import org.trialstats.evidence.Comparison;
import org.trialstats.evidence.RateFigure;
import org.trialstats.evidence.SirFigure;
import org.trialstats.evidence.Source;
import org.trialstats.evidence.text.SourceSpan;

/**
 * What {@link StatementFinder} found in one or more documents, in the form a dataset holds it: one
 * source per claim (its document and the span it came from), two-arm comparisons, rates,
 * observed-versus-expected figures and the claims that check them, in text order.
 *
 * @param sources one per claim, its section naming the span
 * @param comparisons two-arm comparisons found
 * @param rates event rates found
 * @param sirs observed-versus-expected figures found
 * @param claims every claim, in text order
 * @param spans the source span of every claim, by claim id
 * @param checkable ids of the claims that carry a check (the others are figures the checks use)
 */
public record Findings(
    List<Source> sources,
    List<Comparison> comparisons,
    List<RateFigure> rates,
    List<SirFigure> sirs,
    List<Claim> claims,
    Map<String, SourceSpan> spans,
    List<String> checkable) {
  public Findings {
    sources = List.copyOf(sources);
    comparisons = List.copyOf(comparisons);
    rates = List.copyOf(rates);
    sirs = List.copyOf(sirs);
    claims = List.copyOf(claims);
    spans = Collections.unmodifiableMap(new LinkedHashMap<>(spans));
    checkable = List.copyOf(checkable);
    for (Claim c : claims) {
      Objects.requireNonNull(spans.get(c.id()), () -> "no span for claim " + c.id());
    }
  }
}
