package org.trialstats.adam;

import java.util.List;
import java.util.Objects;

/**
 * Which variables of a time-to-event data set (ADaM ADTTE or any CSV with one row per subject) hold
 * what.
 *
 * @param time the follow-up time (ADaM {@code AVAL}), &gt;= 0
 * @param status the variable holding the censoring or event flag
 * @param statusIsCensor true when {@code status} is an ADaM censor flag (CNSR: 0 = event, a
 *     positive integer = censored), false for an event indicator (1 = event, 0 = censored)
 * @param group the treatment group variable (e.g. {@code TRTP})
 * @param strata the stratification variable, or null
 * @param subject the subject identifier variable used for the population join ({@code USUBJID})
 * @param parameter the parameter code to keep ({@code PARAMCD} = this), or null for all records
 * @param where further record filters
 */
public record TimeToEventColumns(
    String time,
    String status,
    boolean statusIsCensor,
    String group,
    String strata,
    String subject,
    String parameter,
    List<Condition> where) {
  public TimeToEventColumns {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(subject, "subject");
    where = List.copyOf(where);
  }
}
