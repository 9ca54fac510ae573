package org.trialstats.adam;

import java.util.List;

/**
 * One member (data set) of a SAS transport file: its header records and NAMESTR descriptors.
 *
 * @param name data set name, e.g. {@code ADSL}
 * @param label data set label (may be empty)
 * @param type data set type (usually empty)
 * @param sasVersion SAS release that wrote the member
 * @param operatingSystem operating system name
 * @param created creation date-time as written, {@code ddMMMyy:hh:mm:ss}
 * @param modified modification date-time as written
 * @param variables the variables in data set order
 * @param observationLength bytes per observation (the sum of the variable lengths)
 */
public record XportMember(
    String name,
    String label,
    String type,
    String sasVersion,
    String operatingSystem,
    String created,
    String modified,
    List<DatasetVariable> variables,
    int observationLength) {

  public XportMember {
    variables = List.copyOf(variables);
  }
}
