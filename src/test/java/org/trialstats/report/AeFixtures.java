package org.trialstats.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trialstats.adam.AdaeSpec;
import org.trialstats.adam.AdslSpec;
import org.trialstats.adam.AdverseEvents;
import org.trialstats.adam.AeTable;
import org.trialstats.adam.AeTableSpec;
import org.trialstats.adam.Condition;
import org.trialstats.adam.DatasetReader;
import org.trialstats.adam.ExposureDefinition;
import org.trialstats.adam.Population;
import org.trialstats.adam.RowOrder;
import org.trialstats.analysis.AeIncidence;
import org.trialstats.stats.RateMethod;
import org.trialstats.stats.RateRatioMethod;
import org.trialstats.stats.RiskDifferenceMethod;
import org.trialstats.stats.RiskRatioMethod;

/**
 * A small adverse-event table for output tests: 16 subjects on "Drug <A&B>" and 8 on "Placebo",
 * with names that need escaping in every format.
 */
final class AeFixtures {
  private AeFixtures() {}

  static AeTable table(Path dir, boolean rates, boolean riskRatio) throws IOException {
    StringBuilder adsl = new StringBuilder("USUBJID,SAFFL,TRT01A,TRT01AN,TRTDUR\n");
    for (int i = 1; i <= 16; i++) {
      adsl.append("D").append(i).append(",Y,Drug <A&B>,1,").append(30 * i).append('\n');
    }
    for (int i = 1; i <= 8; i++) {
      adsl.append("P").append(i).append(",Y,Placebo,0,").append(100 + i).append('\n');
    }
    String adae = String.join("\n",
        "USUBJID,TRTEMFL,AEBODSYS,AEDECOD",
        "D1,Y,SKIN {AND} SUBCUTANEOUS,\"RASH \\ \"\"<script>\"",
        "D2,Y,SKIN {AND} SUBCUTANEOUS,PRURITUS",
        "D3,Y,SKIN {AND} SUBCUTANEOUS,PRURITUS",
        "D1,Y,NERVOUS,=HYPERLINK(1)",
        "P1,Y,NERVOUS,=HYPERLINK(1)",
        "P2,Y,SKIN {AND} SUBCUTANEOUS,PRURITUS",
        "D4,Y,NERVOUS,CAFÉ-AU-LAIT SPOTS",
        "");
    Path adslFile = Files.writeString(dir.resolve("adsl.csv"), adsl);
    Path adaeFile = Files.writeString(dir.resolve("adae.csv"), adae);
    Population population;
    try (DatasetReader r = DatasetReader.open(adslFile)) {
      population = Population.read(r, AdslSpec.defaults());
    }
    AdverseEvents events;
    try (DatasetReader r = DatasetReader.open(adaeFile)) {
      events = AdverseEvents.read(r,
          AdaeSpec.defaults().withConditions(List.of(Condition.parse("TRTEMFL!=N"))), population);
    }
    AeTableSpec spec = new AeTableSpec(null, 0.95, RiskDifferenceMethod.WALD,
        riskRatio ? RiskRatioMethod.KATZ : null,
        rates ? ExposureDefinition.TREATMENT_DURATION : ExposureDefinition.NONE,
        rates ? RateMethod.EXACT : null, rates ? RateRatioMethod.EXACT_CONDITIONAL : null,
        RowOrder.FREQUENCY, 0);
    return AeIncidence.compute(population, events, spec);
  }
}
