/** {@code whodecides init}: the first Decision files of an organization, one per team, owners left to fill in. */
package dev.whodecides.init;
