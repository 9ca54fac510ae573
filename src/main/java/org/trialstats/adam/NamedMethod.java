package org.trialstats.adam;

import java.util.Objects;

/**
 * An interval method as the adverse-event tables use it: its id and name for the footnotes and
 * the function that computes it. The functions are supplied by the statistics catalogue (see
 * {@link AeMethodCatalog}), which keeps this package independent of how each method is computed.
 *
 * @param id method id as on the command line, e.g. {@code newcombe}
 * @param name human-readable name for footnotes, e.g. "Newcombe hybrid score"
 * @param reference bibliographic reference for footnotes (may be empty)
 * @param function the computation
 * @param <F> the functional interface of the method family
 */
public record NamedMethod<F>(String id, String name, String reference, F function) {
  public NamedMethod {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    reference = reference == null ? "" : reference;
    Objects.requireNonNull(function, "function");
  }
}
