package org.trialstats.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration of the shared reference {@code meta_reference_bcg.csv}: metafor 3.8-1 on the
 * BCG trials (Colditz et al. 1994), produced with {@code escalc(add = 1/2, to = "only0", drop00 =
 * TRUE)}, {@code rma}/{@code rma.mh}/{@code rma.peto}, {@code confint()} and a t(k - 2) prediction
 * interval, at tightened convergence (tol = threshold = 1e-12); see ../shared/reference/README.md.
 * The required agreement is 1e-6 relative for closed-form estimators, 1e-5 for iterative ones and
 * 1e-3 for Q-profile limits; the assertions below are tighter (1e-10, 1e-8 and 1e-8; the largest
 * observed difference is 1.3e-10 relative) because both sides converge to ~1e-12.
 */
class SharedReferenceBcgTest {
  private static final List<StudyData> BCG =
      ReferenceData.studies("/org/trialstats/validation/bcg.csv");

  static Stream<Map<String, String>> rows() {
    return ReferenceData.csv("/org/trialstats/validation/meta_reference_bcg.csv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void matchesMetafor(Map<String, String> row) {
    MetaOptions options = ReferenceData.options(row);
    MetaResult r = MetaAnalysis.run(BCG, options);
    boolean iterative = options.tau2Estimator() != null && options.tau2Estimator().isIterative();
    double tol = iterative ? 1e-8 : 1e-10;
    double qpTol = 1e-8;

    assertThat(r.k()).isEqualTo(Integer.parseInt(row.get("k")));
    assertThat(r.qDf()).isEqualTo(Integer.parseInt(row.get("q_df")));
    Close.check(row, "mu", r.mu(), tol);
    Close.check(row, "se", r.se(), tol);
    Close.check(row, "mu_lower", r.muLower(), tol);
    Close.check(row, "mu_upper", r.muUpper(), tol);
    Close.check(row, "estimate", r.estimate(), tol);
    Close.check(row, "lower", r.lower(), tol);
    Close.check(row, "upper", r.upper(), tol);
    Close.check(row, "pvalue", r.pvalue(), iterative ? 1e-6 : 1e-8);
    Close.check(row, "tau2", r.tau2(), tol);
    Close.check(row, "i2", r.i2(), tol);
    Close.check(row, "q", r.q(), 1e-9);
    Close.check(row, "q_pvalue", r.qPvalue(), 1e-8);
    Close.check(row, "pi_lower", r.piLower(), tol);
    Close.check(row, "pi_upper", r.piUpper(), tol);
    Close.check(row, "tau2_lower", r.tau2Lower(), qpTol);
    Close.check(row, "tau2_upper", r.tau2Upper(), qpTol);
    Close.check(row, "i2_lower", r.i2Lower(), qpTol);
    Close.check(row, "i2_upper", r.i2Upper(), qpTol);
    assertThat(r.converged()).isTrue();
  }
}
