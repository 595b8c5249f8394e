package dev.vigil.cli.klar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimum-raggedness word wrapping as klar's table library does it: words split on single spaces,
 * the limit raised to the longest word, and the break points chosen to minimise the sum of squared
 * slack over all lines but the last.
 */
final class WordWrap {
  private static final int PENALTY = 100_000;

  private WordWrap() {}

  /** The lines of {@code text} wrapped to {@code limit} columns. */
  static List<String> wrap(String text, int limit) {
    String[] words = text.replace('\n', ' ').split(" ", -1);
    int lim = limit;
    for (String word : words) {
      lim = Math.max(lim, TextTable.width(word));
    }
    int n = words.length;
    int[] width = Arrays.stream(words).mapToInt(TextTable::width).toArray();
    int[] cost = new int[n];
    int[] next = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      if (span(width, i, n - 1) <= lim) {
        next[i] = n;
        continue;
      }
      cost[i] = Integer.MAX_VALUE;
      for (int j = i + 1; j < n; j++) {
        int length = span(width, i, j - 1);
        int slack = lim - length;
        long c = (long) slack * slack + cost[j] + (length > lim ? PENALTY : 0);
        if (c < cost[i]) {
          cost[i] = (int) c;
          next[i] = j;
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i = next[i]) {
      lines.add(String.join(" ", Arrays.asList(words).subList(i, next[i])));
    }
    return lines;
  }

  /** The width of words {@code from} to {@code to} joined by single spaces. */
  private static int span(int[] width, int from, int to) {
    int total = to - from;
    for (int k = from; k <= to; k++) {
      total += width[k];
    }
    return total;
  }
}
