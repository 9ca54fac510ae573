package org.trialstats.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trialstats.evidence.ClaimChecker;
import org.trialstats.evidence.ClaimResult;
import org.trialstats.evidence.Dataset;
import org.trialstats.evidence.Verdict;
import org.trialstats.evidence.find.Findings;
import org.trialstats.evidence.find.StatementFinder;
import org.trialstats.evidence.text.SourceSpan;
import org.trialstats.evidence.text.SourceText;
import org.trialstats.evidence.text.TextExtractor;
import org.trialstats.io.InputFile;

/**
 * The {@code check} use case: extract the text of documents, find their numeric statements ({@link
 * StatementFinder}) and judge each with the rules {@code reproduce} uses ({@link ClaimChecker}),
 * through a dataset built from what was found.
 *
 * @param inputs the documents read, in the order given, with their SHA-256
 * @param findings the statements found, with their source spans
 * @param dataset the dataset the findings form (what {@code --draft-dataset} writes)
 * @param results the verdict of every claim that carries a check, in text order
 */
public record DocumentCheck(
    List<InputFile> inputs, Findings findings, Dataset dataset, List<ClaimResult> results) {
  public DocumentCheck {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(findings, "findings");
    Objects.requireNonNull(dataset, "dataset");
    results = List.copyOf(results);
  }

  /** A document to check: its path and the name shown in spans and reports. */
  public record Document(Path path, String name) {
    public Document {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * Reads and checks documents.
   *
   * @param documents the files, in the order given
   * @return the check
   * @throws org.trialstats.evidence.text.TextException when a document cannot be read as text
   */
  public static DocumentCheck of(List<Document> documents) {
    List<InputFile> inputs = new ArrayList<>();
    List<SourceText> texts = new ArrayList<>();
    for (Document d : documents) {
      byte[] bytes = TextExtractor.readBytes(d.path(), d.name());
      inputs.add(InputFile.of(d.name(), bytes));
      texts.add(TextExtractor.extract(d.name(), bytes));
    }
    return of(texts, inputs);
  }

  /** Checks texts already extracted; {@code inputs} are recorded as their provenance. */
  public static DocumentCheck of(List<SourceText> texts, List<InputFile> inputs) {
    Findings findings = StatementFinder.find(texts);
    String names = String.join(", ", texts.stream().map(SourceText::file).toList());
    Dataset dataset =
        new Dataset(
            "check",
            "Figures found in " + names,
            "not stated",
            "Numeric statements found by trialstats check in "
                + names
                + ", each with its source"
                + " span and its check. Review every entry before relying on it.",
            Path.of("check"),
            findings.sources(),
            findings.comparisons(),
            findings.rates(),
            findings.sirs(),
            findings.claims(),
            List.of(),
            List.of(),
            List.of());
    List<ClaimResult> all = ClaimChecker.check(dataset);
    List<ClaimResult> checked =
        all.stream().filter(r -> findings.checkable().contains(r.claim().id())).toList();
    return new DocumentCheck(inputs, findings, dataset, checked);
  }

  /** The source span of a result's claim. */
  public SourceSpan span(ClaimResult result) {
    return findings.spans().get(result.claim().id());
  }

  /** Number of results per verdict, every verdict present. */
  public Map<Verdict, Integer> counts() {
    return Verdict.count(results.stream().map(ClaimResult::verdict).toList());
  }

  /** The results judged discrepancies (inconsistent), in text order. */
  public List<ClaimResult> inconsistent() {
    return results.stream().filter(r -> r.verdict() == Verdict.DISCREPANCY).toList();
  }
}
