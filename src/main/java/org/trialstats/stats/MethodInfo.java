package org.trialstats.stats;

/**
 * Documentation of one method for the {@code methods} catalogue: what it computes, its formula, the
 * reference that defines it, and how to obtain the same numbers in other tools (the crosswalk
 * reviewers use when comparing trialstats with SAS, R and Python).
 *
 * @param name short human-readable name, e.g. "Newcombe hybrid score (method 10)"
 * @param formula the formula in plain text
 * @param reference bibliographic reference (author, year, journal, equation or method number)
 * @param sas SAS equivalent (e.g. {@code PROC FREQ; TABLES a*b / RISKDIFF(CL=NEWCOMBE)}), or "none"
 * @param r R equivalent (function and arguments), or "none"
 * @param python Python equivalent (statsmodels / SciPy call), or "none"
 */
public record MethodInfo(
    String name, String formula, String reference, String sas, String r, String python) {}
