package dev.vigil.ecosystem.apk;

import java.util.Map;

/**
 * Walks an apk version string token by token, as apk-tools' {@code version.c} does: {@code
 * digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}}. Each token is checked against the one
 * before it; a token in the wrong place, or an unknown suffix, makes the state {@link
 * Token#INVALID}. Not thread-safe: one instance per walk.
 */
final class ApkTokenizer {

  /**
   * Token kinds, in the order apk ranks them: a version that ends earlier in this list is newer.
   */
  enum Token {
    INITIAL_DIGIT,
    DIGIT,
    LETTER,
    SUFFIX,
    SUFFIX_NO,
    COMMIT_HASH,
    REVISION_NO,
    END,
    INVALID
  }

  /** Rank of "no suffix": pre-release suffixes rank below it, post-release ones above. */
  static final int SUFFIX_NONE = 5;

  private static final Map<String, Integer> SUFFIXES =
      Map.of(
          "alpha", 1, "beta", 2, "pre", 3, "rc", 4, "cvs", 6, "svn", 7, "git", 8, "hg", 9, "p", 10);

  private final String text;
  private int pos;
  private Token token;
  private int start;
  private int end;
  private int suffix;

  /** Starts on the first token, which must be a number. */
  ApkTokenizer(String text) {
    this.text = text;
    this.token = Token.INITIAL_DIGIT;
    digits();
  }

  Token token() {
    return token;
  }

  /** The text of the current token (for suffixes, the suffix name). */
  String value() {
    return text.substring(start, end);
  }

  /** The rank of the current suffix token. */
  int suffix() {
    return suffix;
  }

  /** Moves to the next token. */
  void next() {
    if (pos == text.length()) {
      token = Token.END;
      return;
    }
    char c = text.charAt(pos);
    if (c >= 'a' && c <= 'z') {
      letter();
    } else if (c == '.' || isDigit(c)) {
      number(c == '.');
    } else if (c == '_') {
      suffixName();
    } else if (c == '~') {
      commitHash();
    } else if (c == '-') {
      revision();
    } else {
      token = Token.INVALID;
    }
  }

  private void letter() {
    if (token.compareTo(Token.DIGIT) > 0) {
      token = Token.INVALID;
      return;
    }
    start = pos;
    end = ++pos;
    token = Token.LETTER;
  }

  private void number(boolean dot) {
    if (dot && token.compareTo(Token.DIGIT) > 0) {
      token = Token.INVALID;
      return;
    }
    if (dot) {
      pos++;
    }
    switch (token) {
      case INITIAL_DIGIT, DIGIT -> token = Token.DIGIT;
      case SUFFIX -> token = Token.SUFFIX_NO;
      default -> {
        token = Token.INVALID;
        return;
      }
    }
    digits();
  }

  private void suffixName() {
    if (token.compareTo(Token.SUFFIX_NO) > 0) {
      token = Token.INVALID;
      return;
    }
    pos++;
    span('a', 'z', 'a', 'z');
    Integer rank = SUFFIXES.get(value());
    if (rank == null) {
      token = Token.INVALID;
      return;
    }
    suffix = rank;
    token = Token.SUFFIX;
  }

  private void commitHash() {
    if (token.compareTo(Token.COMMIT_HASH) >= 0) {
      token = Token.INVALID;
      return;
    }
    pos++;
    span('0', '9', 'a', 'f');
    token = start == end ? Token.INVALID : Token.COMMIT_HASH;
  }

  private void revision() {
    if (token.compareTo(Token.REVISION_NO) >= 0 || !text.startsWith("-r", pos)) {
      token = Token.INVALID;
      return;
    }
    pos += 2;
    token = Token.REVISION_NO;
    digits();
  }

  private void digits() {
    span('0', '9', '0', '9');
    if (start == end) {
      token = Token.INVALID;
    }
  }

  /** Consumes the characters in either range, marking them as the current value. */
  private void span(char lo1, char hi1, char lo2, char hi2) {
    start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (!(c >= lo1 && c <= hi1) && !(c >= lo2 && c <= hi2)) {
        break;
      }
      pos++;
    }
    end = pos;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
