package org.trialstats.survival;

import java.util.OptionalDouble;

/**
 * A quantile of the survival time distribution (the time by which a fraction p of subjects have had
 * the event; p = 0.5 is the median) with its Brookmeyer-Crowley confidence limits. Each of the
 * three is empty when the corresponding curve never reaches 1 - p ("not reached").
 *
 * @param probability p in (0, 1)
 * @param estimate the quantile, or empty when not reached
 * @param lower the lower confidence limit, or empty when not reached
 * @param upper the upper confidence limit, or empty when not reached (the usual case for a median
 *     with few events)
 */
public record SurvivalQuantile(
    double probability, OptionalDouble estimate, OptionalDouble lower, OptionalDouble upper) {}
