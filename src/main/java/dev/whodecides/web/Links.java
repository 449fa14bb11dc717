package dev.whodecides.web;

import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Every address the web UI links to, built in one place so pages and routes agree. */
final class Links {

  private Links() {}

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code /entities/kind:namespace/name}; the reference's parts are percent-encoded. */
  static String entity(EntityRef ref) {
    return "/entities/" + enc(ref.kind()) + ":" + enc(ref.namespace()) + "/" + enc(ref.name());
  }

  static String releases(EntityRef product) {
    return "/releases/" + enc(product.kind()) + ":" + enc(product.namespace()) + "/" + enc(product.name());
  }

  static String finding(String id) {
    return "/findings/" + id;
  }

  static String gap(EntityRef product, DecisionType type) {
    return "/matrix/gap?product=" + enc(product.toString()) + "&type=" + enc(type.id());
  }

  static String graph(EntityRef focus) {
    return "/graph?focus=" + enc(focus.toString());
  }

  static String role(String roleId) {
    return "/knowledge/roles/" + roleId + ".html";
  }

  static String rule(String ruleId) {
    return "/knowledge/rules/" + ruleId + ".html";
  }
}
