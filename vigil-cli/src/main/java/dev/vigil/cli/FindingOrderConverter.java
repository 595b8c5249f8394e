package dev.vigil.cli;

import dev.vigil.cli.policy.FindingOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --sort-by} case-insensitively: {@code severity}, {@code cvss} or {@code epss}. */
final class FindingOrderConverter implements ITypeConverter<FindingOrder> {

  @Override
  public FindingOrder convert(String value) {
    try {
      return FindingOrder.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not an order ("
              + Arrays.stream(FindingOrder.values())
                  .map(o -> o.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", "))
              + ")");
    }
  }
}
