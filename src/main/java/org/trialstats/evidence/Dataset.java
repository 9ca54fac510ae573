package org.trialstats.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.trialstats.io.InputFile;

/**
 * A loaded, validated dataset: the published figures on one drug, with their sources. Every list
 * keeps the order of its file; {@code inputFiles} is sorted by path. Built by {@link
 * DatasetLoader#load(Path)}.
 *
 * @param id dataset id (the directory's id, e.g. {@code anakinra})
 * @param title human title
 * @param drug the drug, e.g. {@code anakinra (Kineret)}
 * @param description what the dataset covers and how it was built
 * @param directory the directory it was loaded from, as given to the loader
 * @param sources sources in file order
 * @param comparisons two-arm comparisons in file order
 * @param rates rate figures in file order
 * @param sirs observed-versus-expected figures in file order
 * @param claims claims in file order
 * @param inputFiles the files read, sorted by path
 * @param approvals rows of {@code approvals.csv} in file order, each an unmodifiable map from
 *     column name to cell text in column order (empty list when the file is absent)
 * @param stratified comparisons published by stratum ({@code stratified.yaml}) in file order
 */
public record Dataset(
    String id,
    String title,
    String drug,
    String description,
    Path directory,
    List<Source> sources,
    List<Comparison> comparisons,
    List<RateFigure> rates,
    List<SirFigure> sirs,
    List<Claim> claims,
    List<InputFile> inputFiles,
    List<Map<String, String>> approvals,
    List<StratifiedComparison> stratified) {

  public Dataset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(drug, "drug");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(directory, "directory");
    sources = List.copyOf(sources);
    comparisons = List.copyOf(comparisons);
    rates = List.copyOf(rates);
    sirs = List.copyOf(sirs);
    claims = List.copyOf(claims);
    List<InputFile> sorted = new ArrayList<>(inputFiles);
    sorted.sort((a, b) -> a.path().compareTo(b.path()));
    inputFiles = List.copyOf(sorted);
    List<Map<String, String>> rows = new ArrayList<>(approvals.size());
    for (Map<String, String> row : approvals) {
      rows.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
    }
    approvals = Collections.unmodifiableList(rows);
    stratified = List.copyOf(stratified);
  }

  /**
   * The stratified comparison with the given id.
   *
   * @throws IllegalArgumentException when no stratified comparison has that id
   */
  public StratifiedComparison stratifiedComparison(String id) {
    return find(stratified, StratifiedComparison::id, id, "stratified comparison");
  }

  /**
   * The source with the given id.
   *
   * @throws IllegalArgumentException when no source has that id
   */
  public Source source(String id) {
    return find(sources, Source::id, id, "source");
  }

  /**
   * The claim with the given id.
   *
   * @throws IllegalArgumentException when no claim has that id
   */
  public Claim claim(String id) {
    return find(claims, Claim::id, id, "claim");
  }

  /**
   * The comparison with the given id.
   *
   * @throws IllegalArgumentException when no comparison has that id
   */
  public Comparison comparison(String id) {
    return find(comparisons, Comparison::id, id, "comparison");
  }

  /**
   * The rate figure with the given id.
   *
   * @throws IllegalArgumentException when no rate figure has that id
   */
  public RateFigure rate(String id) {
    return find(rates, RateFigure::id, id, "rate");
  }

  /**
   * The SIR figure with the given id.
   *
   * @throws IllegalArgumentException when no SIR figure has that id
   */
  public SirFigure sir(String id) {
    return find(sirs, SirFigure::id, id, "SIR figure");
  }

  private <T> T find(List<T> entries, Function<T, String> idOf, String wanted, String kind) {
    for (T entry : entries) {
      if (idOf.apply(entry).equals(wanted)) {
        return entry;
      }
    }
    throw new IllegalArgumentException("dataset '" + id + "' has no " + kind + " '" + wanted + "'");
  }
}
