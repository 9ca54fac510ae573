package org.trialstats.cli;

import picocli.CommandLine.IVersionProvider;

/** The trialstats version, read from the jar manifest (falls back to the build version). */
public final class Version implements IVersionProvider {
  /** Version string printed in reports and by {@code --version}. */
  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"trialstats " + current()};
  }
}
