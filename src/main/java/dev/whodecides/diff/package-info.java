/** {@code whodecides diff}: what a change to the catalog does to decision rights, between two versions. */
package dev.whodecides.diff;
