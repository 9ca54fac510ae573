/**
 * The numerical kit of the math packages: bracketing of a root ({@link
 * org.trialstats.numerics.Bracket}), Brent's method on Apache Commons Math ({@link
 * org.trialstats.numerics.Brent}), the root of a monotone function of a log-scale parameter ({@link
 * org.trialstats.numerics.MonotoneRoot}), safeguarded Newton ({@link
 * org.trialstats.numerics.SafeguardedNewton}) and Halley ({@link
 * org.trialstats.numerics.LogScaleHalley}) iterations, Fisher scoring on a parameter &gt;= 0 with a
 * bracketing fall-back ({@link org.trialstats.numerics.NonNegativeScoring}), and searches over the
 * integers ({@link org.trialstats.numerics.IntegerSearch}).
 *
 * <p>One failure convention: a root that is not bracketed, or an iteration that exhausts its
 * budget, throws the unchecked {@link org.trialstats.numerics.RootFindingException} (with the last
 * iterate where there is one). The callers in {@code stats} only ask for roots that exist, so there
 * it signals a defect; {@code meta} catches it where non-convergence is a reportable outcome (the
 * iterative tau^2 estimators). Nothing here does input or output.
 */
package org.trialstats.numerics;
