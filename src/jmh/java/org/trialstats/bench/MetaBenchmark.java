package org.trialstats.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trialstats.meta.EffectMeasure;
import org.trialstats.meta.FixedMethod;
import org.trialstats.meta.MetaAnalysis;
import org.trialstats.meta.MetaOptions;
import org.trialstats.meta.MetaResult;
import org.trialstats.meta.StudyData;
import org.trialstats.meta.Tau2Estimator;

/**
 * One full meta-analysis (pooled estimate, interval, heterogeneity statistics) of log odds ratios
 * per operation, by estimator, at k = 10 and k = 2000 studies with heterogeneous true effects.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MetaBenchmark {
  @Param({"fixed-iv", "fixed-mh", "fixed-peto", "dl", "reml", "pm", "ml", "sj", "he"})
  public String estimator;

  @Param({"10", "2000"})
  public int k;

  private List<StudyData> studies;
  private MetaOptions options;

  @Setup
  public void setUp() {
    studies = studies(k, 3L);
    options = options(estimator);
  }

  /** {@code fixed-iv|fixed-mh|fixed-peto} or a tau^2 estimator id, for odds ratios. */
  public static MetaOptions options(String estimator) {
    return switch (estimator) {
      case "fixed-iv" -> MetaOptions.fixed(EffectMeasure.OR, FixedMethod.IV);
      case "fixed-mh" -> MetaOptions.fixed(EffectMeasure.OR, FixedMethod.MH);
      case "fixed-peto" -> MetaOptions.fixed(EffectMeasure.OR, FixedMethod.PETO);
      default -> MetaOptions.random(EffectMeasure.OR, Tau2Estimator.fromId(estimator));
    };
  }

  /** k studies of 20-400 subjects per arm, control risk 10-40%, heterogeneous true odds ratios. */
  public static List<StudyData> studies(int k, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    List<StudyData> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      long n1 = random.nextLong(20, 401);
      long n2 = random.nextLong(20, 401);
      double p2 = 0.1 + 0.3 * random.nextDouble();
      double logOr = -0.4 + 0.5 * random.nextGaussian();
      double odds1 = Math.exp(logOr) * p2 / (1 - p2);
      double p1 = odds1 / (1 + odds1);
      long x1 = Math.max(1, Math.min(n1 - 1, Math.round(n1 * p1)));
      long x2 = Math.max(1, Math.min(n2 - 1, Math.round(n2 * p2)));
      out.add(StudyData.counts("s" + i, null, x1, n1, x2, n2));
    }
    return out;
  }

  @Benchmark
  public MetaResult analyse() {
    return MetaAnalysis.run(studies, options);
  }
}
