package org.trialstats.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a decimal option value such as {@code 0.95}, {@code 1e-3} or {@code -2}. Java's own parser
 * also accepts hexadecimal floating point ({@code 0x1p-1}), type suffixes ({@code 1d}), {@code NaN}
 * and {@code Infinity}, none of which a user means when typing a confidence level or a threshold;
 * they are refused with a message that picocli prefixes with the option's name.
 */
final class DecimalConverter implements ITypeConverter<Double> {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  @Override
  public Double convert(String value) {
    String text = value.strip();
    double parsed = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
    if (!Double.isFinite(parsed)) {
      throw new TypeConversionException(
          "'" + value + "' is not a finite decimal number (e.g. 0.95 or 1e-3)");
    }
    return parsed;
  }
}
