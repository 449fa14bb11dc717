package dev.whodecides.catalog;

import dev.whodecides.vocabulary.EntityRef;
import java.util.Arrays;

/**
 * A document that parsed as YAML but breaks the Backstage or whodecides schema. {@code entity} is
 * null when the document has no usable name. {@code path} is where in the document the mistake
 * is, as a JSON pointer ({@code /spec/owner}; empty for the document as a whole), and
 * {@code atKey} whether the key rather than its value is wrong; {@code line} and {@code column}
 * are the document's until the position of that path is looked up.
 */
public record SchemaProblem(EntityRef entity, String file, int line, int column, String message, String path,
    boolean atKey) {

  public SchemaProblem(EntityRef entity, String file, int line, int column, String message) {
    this(entity, file, line, column, message, "", false);
  }

  /**
   * What is wrong, named without the explanation around it: the field and, when the message
   * quotes it, the offending value ({@code spec.type 'budget'}, {@code metadata.name}). Every
   * problem message starts with the field it is about, so this survives rewording of the rest.
   */
  public String subject() {
    String[] words = message.split(" ", 6);
    int end = 1;
    for (int i = 1; i < Math.min(words.length, 4); i++) {
      if (words[i].startsWith("'")) {
        end = i + 1;
        break;
      }
    }
    if (end == 1 && words.length > 1 && (words[0].equals("key") || words[0].equals("annotation")
        || words[0].equals("field") || words[0].equals("kind"))) {
      end = 2;
    }
    return String.join(" ", Arrays.copyOf(words, end));
  }
}
