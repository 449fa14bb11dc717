package dev.whodecides.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * {@code ?limit=&offset=} of the API's long lists: at most {@code MAX} items a response, so a
 * 100,000-entity catalog's 30,000 findings come a page at a time instead of 40 MB at once.
 */
record Paging(int offset, int limit) {

  static final int DEFAULT = 100;
  static final int MAX = 1000;

  static Paging of(Context ctx) {
    return new Paging(number(ctx, "offset", 0, 0, Integer.MAX_VALUE), number(ctx, "limit", DEFAULT, 1, MAX));
  }

  /** A whole-number query parameter from {@code min} to {@code max}, else a 400 that says so. */
  static int number(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiError(400, name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
  }

  int end(int total) {
    return (int) Math.min((long) offset + limit, total);
  }

  /** This page's items of the whole list. */
  <T> List<T> slice(List<T> all) {
    return all.subList(Math.min(offset, all.size()), end(all.size()));
  }

  /**
   * The page block of a response: where it starts, its size, the total, and the next page's
   * address, which also goes into a {@code Link} header.
   */
  ApiBodies.Page describe(Context ctx, int total) {
    String next = null;
    if (end(total) < total) {
      StringBuilder b = new StringBuilder(ctx.path()).append('?');
      ctx.queryParamMap().forEach((k, vs) -> {
        if (!k.equals("offset") && !k.equals("limit")) {
          vs.forEach(v -> b.append(Links.enc(k)).append('=').append(Links.enc(v)).append('&'));
        }
      });
      next = b.append("offset=").append(end(total)).append("&limit=").append(limit).toString();
      ctx.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return new ApiBodies.Page(offset, limit, total, next);
  }
}
