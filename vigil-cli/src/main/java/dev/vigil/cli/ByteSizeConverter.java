package dev.vigil.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads sizes as people type them: {@code 500M}, {@code 10G}, {@code 2048} (bytes), binary units.
 */
final class ByteSizeConverter implements ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d+)([kmgt]?)i?b?");

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size such as 500M or 10G");
    }
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    long amount = Long.parseLong(m.group(1));
    if (amount <= 0 || amount > (Long.MAX_VALUE >> shift)) {
      throw new TypeConversionException("'" + value + "' is not a positive size");
    }
    return amount << shift;
  }
}
