package org.trialstats.analysis.csr;

import java.util.List;
import org.trialstats.analysis.csr.DisplayShell.Filter;
import org.trialstats.analysis.csr.DisplayShell.Ref;
import org.trialstats.survival.ConfidenceTransform;
import org.trialstats.survival.TiesMethod;

/**
 * A Kaplan-Meier figure shell ({@code figure: {kaplan_meier: DATASET, ...}}): the survival curves
 * of a time-to-event data set by group, restricted to the shell's population, with pointwise
 * intervals on the chosen scale, numbers at risk, log-rank test, Cox hazard ratios and restricted
 * mean survival ({@code org.trialstats.analysis.SurvivalAnalysis}).
 *
 * @param dataset the time-to-event data set (e.g. {@code adtte})
 * @param time the follow-up time variable (ADaM {@code AVAL})
 * @param censor the censor flag (ADaM {@code CNSR}: 0 = event, positive = censored)
 * @param group the group variable (e.g. {@code TRTP})
 * @param parameter the parameter code kept ({@code PARAMCD} = this), or null for every record
 * @param where further record filters
 * @param transform the scale of the pointwise intervals: {@code plain} (linear, SAS 9.1 LIFETEST,
 *     the pilot's 2006 figure) or {@code log-log} (SAS 9.2+ default), {@code log} (R default) ...
 * @param level the confidence level
 * @param ties the Cox model's handling of tied event times ({@code efron}, R's default, or {@code
 *     breslow}, SAS's)
 * @param times the times of the numbers at risk and of the reported curve values, or null for every
 *     event time
 * @param rmst the restricted-mean horizon, or null
 * @param timeLabel the time axis label
 * @param survivalLabel the probability axis label
 * @param bands whether the intervals are shaded
 * @param line the shell line of {@code figure}
 */
public record KaplanMeierFigure(
    String dataset,
    Ref time,
    Ref censor,
    Ref group,
    String parameter,
    List<Filter> where,
    ConfidenceTransform transform,
    double level,
    TiesMethod ties,
    List<Double> times,
    Double rmst,
    String timeLabel,
    String survivalLabel,
    boolean bands,
    int line) {
  public KaplanMeierFigure {
    where = List.copyOf(where);
    times = times == null ? null : List.copyOf(times);
  }
}
