package org.trialstats.analysis.csr;

import java.util.List;
import org.trialstats.analysis.csr.DisplayShell.Filter;
import org.trialstats.analysis.csr.DisplayShell.Ref;

/**
 * A row block of a display shell: counts of a categorical variable, summary statistics of a
 * continuous one, or a linear model (ANCOVA) of a response. Each block reads one data set ({@code
 * adsl} or a BDS/OCCDS data set joined to ADSL by subject), after its record filters.
 */
public sealed interface ShellRow {
  /** The heading printed on the block's first line, or null for none. */
  String label();

  /** The data set the block reads. */
  String dataset();

  /** The record filters, all of which must hold. */
  List<Filter> where();

  /** The shell line where the block starts. */
  int line();

  /**
   * n (%) of subjects per category.
   *
   * @param label heading, or null (categories then print flush left)
   * @param dataset data set
   * @param where record filters
   * @param variable the categorical variable
   * @param categories the categories to print, in order, with labels; empty for every observed
   *     value in the order of {@code order}, else alphabetically
   * @param order a numeric variable ordering the observed values, or null
   * @param within a grouping variable: categories print under a heading per group, or null
   * @param origin subjects whose record matches this filter (e.g. {@code ETHNIC = HISPANIC OR
   *     LATINO}) count in the category named by the filter's value, whatever their value of the
   *     block's variable (the pilot's race by origin: Hispanic subjects in a category of their
   *     own), or null
   * @param nRow whether an "n" row (subjects with a value) precedes the categories
   * @param missingRow whether a "Missing" row follows the categories
   * @param denominator the percentage denominator
   * @param cell what a cell shows
   * @param test the test of the arms x categories table printed on the heading, or null
   * @param strata the stratification variable of a stratified test (CMH), or null
   * @param riskDifference the stratified risk difference of each arm versus the control printed on
   *     each category's row, or null
   * @param line shell line
   */
  record Count(
      String label,
      String dataset,
      List<Filter> where,
      Ref variable,
      List<Category> categories,
      Ref order,
      Ref within,
      Filter origin,
      boolean nRow,
      boolean missingRow,
      Denominator denominator,
      CountCell cell,
      TestMethod test,
      Ref strata,
      RiskDifference riskDifference,
      int line)
      implements ShellRow {
    public Count {
      where = List.copyOf(where);
      categories = List.copyOf(categories);
    }
  }

  /**
   * Summary statistics of a continuous variable.
   *
   * @param label heading
   * @param dataset data set
   * @param where record filters
   * @param variable the variable
   * @param statistics the statistic lines, in order
   * @param decimals decimals of the data (mean and median print one more, SD two more)
   * @param quantiles the quartiles' definition
   * @param test the test across arms printed on the heading, or null
   * @param line shell line
   */
  record Summary(
      String label,
      String dataset,
      List<Filter> where,
      Ref variable,
      List<Statistic> statistics,
      int decimals,
      QuantileDefinition quantiles,
      TestMethod test,
      int line)
      implements ShellRow {
    public Summary {
      where = List.copyOf(where);
      statistics = List.copyOf(statistics);
    }
  }

  /**
   * An analysis of covariance of a response on the treatment (a factor, from the columns' arms) and
   * further factors and covariates: Type III tests, least-squares means and their differences, and
   * optionally the dose-response test with the dose as a continuous variable in place of the
   * treatment factor.
   *
   * @param label heading
   * @param dataset data set
   * @param where record filters
   * @param response the response variable
   * @param factors further classification variables
   * @param covariates continuous covariates
   * @param dose the numeric dose variable of the dose-response test, or null
   * @param comparisons the LS-mean differences to print, level minus reference (arm names)
   * @param level the confidence level of the intervals
   * @param lsMeans whether an "LS Mean (SE)" row is printed
   * @param decimals decimals of the data (LS means and differences print one more, SE two more)
   * @param line shell line
   */
  record Model(
      String label,
      String dataset,
      List<Filter> where,
      Ref response,
      List<Ref> factors,
      List<Ref> covariates,
      Ref dose,
      List<Comparison> comparisons,
      double level,
      boolean lsMeans,
      int decimals,
      int line)
      implements ShellRow {
    public Model {
      where = List.copyOf(where);
      factors = List.copyOf(factors);
      covariates = List.copyOf(covariates);
      comparisons = List.copyOf(comparisons);
    }
  }

  /**
   * Adverse-event incidence by system organ class and preferred term ({@code
   * org.trialstats.analysis.AeIncidence}): subjects with at least one selected event per row and
   * arm, optionally the number of events, Fisher's exact test and a stratified risk difference of
   * each arm versus the control arm.
   *
   * @param label heading, or null
   * @param dataset the ADAE data set
   * @param where record filters (e.g. {@code AESER = Y})
   * @param soc the system organ class variable
   * @param term the preferred term variable
   * @param emergentFlag the treatment-emergent flag ({@code Y} counts), or null for every record
   * @param overallLabel the label of the first row (subjects with any selected event)
   * @param events whether cells print the number of events: {@code n (x.x%) [events]}
   * @param order the row order
   * @param orderArm the arm whose counts order the rows with {@link
   *     org.trialstats.adam.RowOrder#ARM}, or null for the last arm
   * @param minPercent preferred terms print when some arm reaches this percentage
   * @param fisher whether each arm is tested against the control by Fisher's exact test
   * @param strata the ADSL stratification variable of the stratified risk difference, or null
   * @param stratified the stratified risk-difference method, or null
   * @param level the confidence level of the stratified risk difference
   * @param line shell line
   */
  record AdverseEvents(
      String label,
      String dataset,
      List<Filter> where,
      Ref soc,
      Ref term,
      Ref emergentFlag,
      String overallLabel,
      boolean events,
      org.trialstats.adam.RowOrder order,
      Ref orderArm,
      double minPercent,
      boolean fisher,
      Ref strata,
      org.trialstats.stats.StratifiedMethod stratified,
      double level,
      int line)
      implements ShellRow {
    public AdverseEvents {
      where = List.copyOf(where);
    }
  }

  /**
   * The common risk difference of each arm versus the control arm over the strata of an ADSL
   * variable ({@code risk_difference: {strata: SITEGR1, method: mh, level: 0.95}}): per category,
   * the proportion of the arm's subjects in the category minus the control's, in each stratum, by a
   * {@link org.trialstats.stats.StratifiedMethod} for risk differences.
   *
   * @param strata the stratification variable
   * @param method the method (e.g. Mantel-Haenszel with Sato's variance)
   * @param level the confidence level
   * @param line shell line
   */
  record RiskDifference(
      Ref strata, org.trialstats.stats.StratifiedMethod method, double level, int line) {}

  /**
   * A category of a count block.
   *
   * @param value the value in the data
   * @param label the printed label
   * @param line shell line
   */
  record Category(String value, String label, int line) {}

  /**
   * A difference of least-squares means.
   *
   * @param level the arm
   * @param reference the arm subtracted
   * @param label the heading of its p-value row, e.g. {@code p-value (Xan - Placebo)}
   * @param line shell line
   */
  record Comparison(String level, String reference, String label, int line) {}

  /** Percentage denominator of count rows. */
  enum Denominator {
    /** Subjects of the column (the N in the header). */
    POPULATION,
    /** Subjects of the column with a non-missing value after the block's filters. */
    NONMISSING
  }

  /** What a count cell shows. */
  enum CountCell {
    /** {@code n (x.x%)}, zero as {@code 0}. */
    N_PERCENT,
    /** {@code n} only. */
    N
  }
}
