package org.trialstats.adam;

/**
 * The library header of a SAS transport file (the first three 80-byte records, TS-140).
 *
 * @param sasVersion SAS release that wrote the file, e.g. {@code 9.3}
 * @param operatingSystem operating system name, e.g. {@code X64_7HOM}
 * @param created creation date-time as written, {@code ddMMMyy:hh:mm:ss}
 * @param modified modification date-time as written
 */
public record XportLibrary(
    String sasVersion, String operatingSystem, String created, String modified) {}
