package org.trialstats.linear;

/**
 * The Type III F test of one term: the increase of the residual sum of squares when the term's
 * columns are removed from the full model.
 *
 * @param term the term's name
 * @param degreesOfFreedom the number of its design columns
 * @param sumOfSquares the Type III sum of squares
 * @param meanSquare sumOfSquares / degreesOfFreedom
 * @param f meanSquare / residual mean square
 * @param pValue P(F &gt;= f) on (degreesOfFreedom, residual df)
 */
public record TypeIIITest(
    String term,
    int degreesOfFreedom,
    double sumOfSquares,
    double meanSquare,
    double f,
    double pValue) {}
