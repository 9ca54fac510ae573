package org.trialstats.survival;

/**
 * Running sums of a Cox partial log-likelihood over event times: the log-likelihood, its gradient
 * (score) and the observed information (minus the Hessian), for a model whose only covariate is a
 * k-level factor coded by one indicator per group (the reference group's coefficient is held at 0
 * by the caller). Because every subject of a group shares the same linear predictor, each event
 * time contributes through the numbers at risk and the numbers of events per group only.
 */
final class PartialLikelihood {
  final int groups;
  double logLik;
  final double[] score;
  final double[][] information;
  final double[] scratchA;
  final double[] scratchB;
  final double[] scratchC;

  PartialLikelihood(int groups) {
    this.groups = groups;
    this.score = new double[groups];
    this.information = new double[groups][groups];
    this.scratchA = new double[groups];
    this.scratchB = new double[groups];
    this.scratchC = new double[groups];
  }

  void reset() {
    logLik = 0;
    java.util.Arrays.fill(score, 0);
    for (double[] row : information) {
      java.util.Arrays.fill(row, 0);
    }
  }
}
