package org.trialstats.adam;

/**
 * One selected adverse-event record.
 *
 * @param subjectId the subject
 * @param soc system organ class ("Uncoded" when blank)
 * @param term preferred term ("Uncoded" when blank)
 * @param onsetDay onset day counted from the first exposure (day 1 = first dose day): onset date
 *     minus ADSL treatment start plus one, else the ADAE study day; NaN when neither is known
 */
public record AdverseEvent(String subjectId, String soc, String term, double onsetDay) {}
