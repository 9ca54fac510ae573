package org.trialstats.evidence;

import java.util.Objects;

/**
 * Where a figure comes from: a section of a source document and the reference that the document
 * cites for it.
 *
 * @param id stable identifier used by figures and claims ({@code [a-z0-9][a-z0-9-]*})
 * @param document the document the figure was read from, e.g. {@code anakinra-article.txt}
 * @param section the section of that document, e.g. {@code Malignancies}
 * @param citation the reference the document cites for the figure, in Vancouver style where one is
 *     named; when the document names none, the citation says so (for example "no reference in the
 *     article: marked 'citation needed'")
 */
public record Source(String id, String document, String section, String citation) {
  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(citation, "citation");
  }
}
