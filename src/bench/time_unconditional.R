# Times an exact2x2-style exact unconditional interval for the risk difference (score statistic,
# Chan & Zhang 1999) by plain enumeration, on the tables of UnconditionalIntervalBenchmark, for
# comparison with trialstats' `rd exact-unconditional` (BENCHMARKS.md, issue 14).
#
# This is NOT the exact2x2 package (not installed here) but the same kind of computation with its
# default resolution: the Farrington-Manning score statistic of all (n1 + 1)(n2 + 1) tables at
# each trial delta, P_U(delta) = max over a uniform 100-point grid of the nuisance p2 (exact2x2's
# nPgrid = 100) of sum over T >= t0 of b(i; n1, p2 + delta) b(j; n2, p2) (one matrix product per
# grid), and each limit by 12 bisection steps on delta (a 2^-12 resolution of [-1, 1], like
# exact2x2's default power2 = 12 parameter grid). No refinement of the supremum, no sawtooth scan.
# Prints, per table: CPU and elapsed seconds (medians of 3 runs; CPU time is the comparable
# figure on a loaded machine) and the limits.
#
# Usage: Rscript src/bench/time_unconditional.R [n ...]   (default: 100 500)

fm_score <- function(i, n1, j, n2, delta) {
  # Farrington & Manning (1990) eq. 12: the restricted MLE under p1 - p2 = delta in closed form
  p1h <- i / n1
  p2h <- j / n2
  r <- n2 / n1
  a <- 1 + r
  b <- -(1 + r + p1h + r * p2h + delta * (r + 2))
  c <- delta^2 + delta * (2 * p1h + r + 1) + p1h + r * p2h
  d <- -p1h * delta * (1 + delta)
  v <- b^3 / (3 * a)^3 - b * c / (6 * a^2) + d / (2 * a)
  u2 <- b^2 / (3 * a)^2 - c / (3 * a)
  u <- sign(v) * sqrt(pmax(u2, 0))
  cosine <- ifelse(u == 0, 1, pmax(-1, pmin(1, v / u^3)))
  w <- (pi + acos(cosine)) / 3
  p1 <- pmax(pmin(2 * u * cos(w) - b / (3 * a), 1), 0)  # pmax(x, ...) keeps the dims of x
  p2 <- pmax(pmin(p1 - delta, 1), 0)
  se <- sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
  num <- p1h - p2h - delta
  ifelse(se > 0, num / se, ifelse(num == 0, 0, sign(num) * Inf))
}

tail_max <- function(x1, n1, x2, n2, delta, upper) {
  i <- matrix(0:n1, n1 + 1, n2 + 1)
  j <- matrix(0:n2, n1 + 1, n2 + 1, byrow = TRUE)
  t <- fm_score(i, n1, j, n2, delta)
  t0 <- t[x1 + 1, x2 + 1]
  tie <- 1e-10 * (1 + abs(t0))
  region <- if (upper) t >= t0 - tie else t <= t0 + tie
  p2 <- seq(max(0, -delta), min(1, 1 - delta), length.out = 100)
  b1 <- sapply(p2 + delta, function(p) dbinom(0:n1, n1, min(1, max(0, p))))
  b2 <- sapply(p2, function(p) dbinom(0:n2, n2, p))
  max(colSums(b1 * (region %*% b2)))
}

limit <- function(x1, n1, x2, n2, lower, half_alpha = 0.025) {
  d <- x1 / n1 - x2 / n2
  inside <- d
  outside <- if (lower) -1 else 1
  if (tail_max(x1, n1, x2, n2, outside * (1 - 1e-12), lower) > half_alpha) return(outside)
  for (step in 1:12) {
    mid <- (inside + outside) / 2
    if (tail_max(x1, n1, x2, n2, mid, lower) > half_alpha) inside <- mid else outside <- mid
  }
  (inside + outside) / 2
}

sizes <- commandArgs(trailingOnly = TRUE)
sizes <- if (length(sizes) == 0) c(100, 500) else as.integer(sizes)
for (n in sizes) {
  for (pct in list(c(50, 40), c(10, 3), c(90, 80), c(2, 0))) {
    x1 <- (n * pct[1]) %/% 100
    x2 <- (n * pct[2]) %/% 100
    cpu <- elapsed <- numeric(3)
    for (k in 1:3) {
      start <- proc.time()
      ci <- c(limit(x1, n, x2, n, TRUE), limit(x1, n, x2, n, FALSE))
      used <- proc.time() - start
      cpu[k] <- used[["user.self"]] + used[["sys.self"]]
      elapsed[k] <- used[["elapsed"]]
    }
    cat(sprintf("n=%d %d vs %d: CPU %.3f s, elapsed %.3f s  [%.6f, %.6f]\n", n, x1, x2,
                median(cpu), median(elapsed), ci[1], ci[2]))
  }
}
