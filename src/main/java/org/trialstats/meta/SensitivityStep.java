package org.trialstats.meta;

/**
 * One step of a leave-one-out or cumulative meta-analysis.
 *
 * @param study the study omitted (leave-one-out) or just added (cumulative)
 * @param result the meta-analysis at this step, as its {@link MetaResult#summary() summary} (pooled
 *     numbers and warnings, no per-study lists)
 */
public record SensitivityStep(String study, MetaResult result) {}
