package dev.whodecides.vocabulary;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Backstage accepts as an entity's name and namespace, and how a text that is not one (a
 * person's full name, an e-mail address) would be spelled as one. The schema checks names with
 * these rules, and advice about a reference never proposes a name they reject.
 */
public final class EntityNames {

  /** Backstage's limit on a name's and a namespace's length. */
  public static final int MAX_LENGTH = 63;

  // Backstage's own patterns (catalog-model's isValidObjectName and isValidDnsLabel): separators
  // may stand side by side, never at either end.
  private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
  private static final Pattern NAMESPACE = Pattern.compile("^[a-z0-9]+(-+[a-z0-9]+)*$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9._-]+");
  private static final Pattern SEPARATORS = Pattern.compile("[-_.]*[-][-_.]*|[-_.]{2,}");

  private EntityNames() {}

  /** True when Backstage accepts this as {@code metadata.name}: letters and digits, with -, _ or . only between them. */
  public static boolean isName(String s) {
    return s != null && s.length() <= MAX_LENGTH && NAME.matcher(s).matches();
  }

  /** True when Backstage accepts this as {@code metadata.namespace}: lower-case letters and digits separated by dashes. */
  public static boolean isNamespace(String s) {
    return s != null && s.length() <= MAX_LENGTH && NAMESPACE.matcher(s).matches();
  }

  /** True when the text reads as an e-mail address. */
  public static boolean isEmail(String s) {
    return s != null && EMAIL.matcher(s.trim()).matches();
  }

  /**
   * How a text that is not a name would be spelled as one, the way identity-provider ingestion
   * usually derives names: an e-mail address becomes its local part, accents are dropped, runs of
   * spaces and other characters become one {@code -}, and the result is lower case and at most 63
   * characters. Empty when nothing of the text can be kept (say, a name written only in
   * non-Latin letters); whatever is returned passes {@link #isName}.
   */
  public static Optional<String> spell(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (isEmail(s)) {
      s = s.substring(0, s.indexOf('@'));
    }
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    s = NOT_NAME.matcher(s).replaceAll("-");
    s = SEPARATORS.matcher(s).replaceAll("-");
    s = trimSeparators(s);
    if (s.length() > MAX_LENGTH) {
      s = trimSeparators(s.substring(0, MAX_LENGTH));
    }
    return isName(s) ? Optional.of(s) : Optional.empty();
  }

  private static String trimSeparators(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && "-_.".indexOf(s.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && "-_.".indexOf(s.charAt(to - 1)) >= 0) {
      to--;
    }
    return s.substring(from, to);
  }
}
