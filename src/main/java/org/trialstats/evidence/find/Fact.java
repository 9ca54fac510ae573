package org.trialstats.evidence.find;

import java.util.Set;
import org.trialstats.evidence.Reported;

/**
 * A printed figure of a document-level fact table: what it measures (its name), in which passage it
 * stands and which arm it belongs to, so that a claim in another passage can draw on it.
 *
 * @param document index of the document in the order given
 * @param paragraph index of the paragraph (line of the extracted text) within the document
 * @param start offset of the figure's first character in the extracted text
 * @param end offset just after the figure
 * @param sentenceStart offset of the sentence holding the figure
 * @param sentenceEnd offset just after that sentence
 * @param reported the printed figure, its unit and qualifier
 * @param name content-word stems naming what the figure measures (see {@link FactTable})
 * @param quantity a named measurable quantity ("half-life", "dose", ...) or empty
 * @param role the arm the figure belongs to, from the words beside it
 * @param rangeEnd for a range "4 to 6 hours", 1 for its lower and 2 for its upper end; 0 otherwise
 */
record Fact(
    int document,
    int paragraph,
    int start,
    int end,
    int sentenceStart,
    int sentenceEnd,
    Reported reported,
    Set<String> name,
    String quantity,
    Role role,
    int rangeEnd) {

  /** The arm a figure belongs to. */
  enum Role {
    /** Worded as the active arm ("under anakinra", "receiving the drug"). */
    TREATMENT,
    /** Worded as the control arm ("placebo 2%", "in the control group"). */
    CONTROL,
    /** No arm named beside the figure. */
    NONE
  }

  Fact {
    name = Set.copyOf(name);
  }

  /** True when both figures stand in the same paragraph of the same document. */
  boolean samePassage(Fact other) {
    return document == other.document && paragraph == other.paragraph;
  }
}
