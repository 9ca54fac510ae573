package org.trialstats.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialstats.adam.DatasetVariable;
import org.trialstats.adam.XportReader;
import org.trialstats.testing.ReferenceCsv;
import org.trialstats.testing.SharedFolder;

/**
 * The CDISC pilot's CIBIC+ week 24 LOCF analysis of covariance (CSR Table 14-3.02) on the shipped
 * ADaM data, against R's lm, drop1 and emmeans (pilot_cibic_ancova.R).
 */
class PilotCibicAncovaTest {
  private static final List<String> ARMS =
      List.of("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose");

  @Test
  void week24LocfAncovaMatchesR() throws Exception {
    Path xpt = SharedFolder.require("data/cdiscpilot01/adqscibc.xpt");
    List<Double> aval = new ArrayList<>();
    List<Double> dose = new ArrayList<>();
    List<String> arm = new ArrayList<>();
    List<String> site = new ArrayList<>();
    try (XportReader r = XportReader.open(xpt)) {
      r.nextMember();
      Map<String, Integer> col = new HashMap<>();
      List<DatasetVariable> vars = r.variables();
      for (int i = 0; i < vars.size(); i++) {
        col.put(vars.get(i).name(), i);
      }
      while (r.next()) {
        // The CSR's analysis set: ANL01FL drops 3 duplicate week-24 records (234 of 237).
        if (r.text(col.get("EFFFL")).equals("Y")
            && r.text(col.get("ANL01FL")).equals("Y")
            && r.text(col.get("PARAMCD")).equals("CIBICVAL")
            && r.text(col.get("AVISIT")).equals("Week 24")) {
          aval.add(r.number(col.get("AVAL")));
          dose.add(r.number(col.get("TRTPN")));
          arm.add(r.text(col.get("TRTP")));
          site.add(r.text(col.get("SITEGR1")));
        }
      }
    }
    Map<String, Double> ref = new HashMap<>();
    for (Map<String, String> row :
        ReferenceCsv.read("/org/trialstats/linear/fixtures/pilot_cibic_ancova.csv")) {
      ref.put(row.get("quantity") + "|" + row.get("label"), Double.parseDouble(row.get("value")));
    }
    assertThat((double) aval.size()).isEqualTo(ref.get("n|"));
    double[] y = aval.stream().mapToDouble(Double::doubleValue).toArray();
    Factor sites = Factor.of("SITEGR1", site.toArray(String[]::new), List.of());
    LinearModel fit =
        LinearModel.fit(
            y,
            List.of(Factor.of("TRTP", arm.toArray(String[]::new), ARMS), sites),
            Coding.REFERENCE);
    double tol = 1e-9;
    assertThat((double) fit.residualDegreesOfFreedom()).isEqualTo(ref.get("residual_df|"));
    for (TypeIIITest t : fit.typeIII()) {
      assertThat(t.sumOfSquares()).isCloseTo(ref.get("type3_ss|" + t.term()), within(tol));
      assertThat(t.pValue()).isCloseTo(ref.get("type3_p|" + t.term()), within(tol));
    }
    for (LeastSquaresMean m : fit.leastSquaresMeans("TRTP", 0.95)) {
      assertThat(m.estimate()).isCloseTo(ref.get("lsmean|" + m.level()), within(tol));
      assertThat(m.standardError()).isCloseTo(ref.get("lsmean_se|" + m.level()), within(tol));
    }
    int[][] pairs = {{1, 0}, {2, 0}, {2, 1}};
    for (int[] p : pairs) {
      LeastSquaresMeanDifference d = fit.difference("TRTP", ARMS.get(p[0]), ARMS.get(p[1]), 0.95);
      String label = ARMS.get(p[0]) + " - " + ARMS.get(p[1]);
      assertThat(d.estimate()).isCloseTo(ref.get("diff|" + label), within(tol));
      assertThat(d.standardError()).isCloseTo(ref.get("diff_se|" + label), within(tol));
      assertThat(d.lower()).isCloseTo(ref.get("diff_lower|" + label), within(tol));
      assertThat(d.upper()).isCloseTo(ref.get("diff_upper|" + label), within(tol));
      assertThat(d.pValue()).isCloseTo(ref.get("diff_p|" + label), within(tol));
    }
    Coefficient slope =
        DoseResponse.test(
            y,
            new Covariate("TRTPN", dose.stream().mapToDouble(Double::doubleValue).toArray()),
            List.of(sites));
    assertThat(slope.estimate()).isCloseTo(ref.get("dose_slope|"), within(1e-12));
    assertThat(slope.pValue()).isCloseTo(ref.get("dose_p|"), within(tol));
  }
}
