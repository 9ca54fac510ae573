package org.trialstats.adam;

/** Storage type of a data set variable, as in a SAS NAMESTR record (1 = numeric, 2 = char). */
public enum VariableType {
  /** Numeric: an IBM hexadecimal float of 2 to 8 bytes in a transport file. */
  NUMERIC,
  /** Character: blank-padded text. */
  CHARACTER
}
