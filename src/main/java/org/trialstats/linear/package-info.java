/**
 * Linear models fitted by least squares through a QR decomposition (Apache Commons Math): factors
 * and covariates, Type III F tests, least-squares means and their differences, as SAS PROC GLM with
 * LSMEANS and R's lm with emmeans compute them. Pure mathematics: no files, no command-line words;
 * invalid input throws {@link org.trialstats.stats.StatsException}.
 */
package org.trialstats.linear;
