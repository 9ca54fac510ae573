package org.trialstats.adam;

/** The level of a row of an adverse-event table. */
public enum RowLevel {
  /** Subjects with at least one selected event. */
  ANY,
  /** Subjects with at least one selected event in a system organ class. */
  SOC,
  /** Subjects with at least one selected event of a preferred term within its SOC. */
  TERM
}
