# Times R reference implementations on the tables in TABLES.csv (x1,n1,x2,n2) and the studies in
# STUDIES.csv; prints "trialstats-method<TAB>ops/s" lines (median of 3 rounds of >= 0.5 s each).
# Usage: Rscript time_r.R TABLES.csv STUDIES.csv
args <- commandArgs(trailingOnly = TRUE)
tables <- read.csv(args[1])
studies <- read.csv(args[2])
n <- nrow(tables)

rate <- function(f, ops) {
  rates <- numeric(3)
  for (round in 1:3) {
    calls <- 0
    start <- proc.time()[["elapsed"]]
    repeat {
      f()
      calls <- calls + 1
      elapsed <- proc.time()[["elapsed"]] - start
      if (elapsed >= 0.5) break
    }
    rates[round] <- calls * ops / elapsed
  }
  median(rates)
}

emit <- function(name, f, ops = n) {
  # prop.test warns about small expected counts; the warnings do not change the work timed
  g <- function() suppressWarnings(f())
  g()  # warm-up and error check
  cat(sprintf("%s\t%.1f\n", name, rate(g, ops)))
}

x1 <- tables$x1; n1 <- tables$n1; x2 <- tables$x2; n2 <- tables$n2
t1 <- n1 * 1.5; t2 <- n2 * 1.5

emit("rd:wald", function() for (i in seq_len(n))
  prop.test(c(x1[i], x2[i]), c(n1[i], n2[i]), correct = FALSE)$conf.int)
emit("proportion:clopper-pearson", function() for (i in seq_len(n))
  binom.test(x1[i], n1[i])$conf.int)
emit("or:exact-conditional", function() for (i in seq_len(n))
  fisher.test(matrix(c(x1[i], n1[i] - x1[i], x2[i], n2[i] - x2[i]), 2, byrow = TRUE))$conf.int)
emit("test:fisher", function() for (i in seq_len(n))
  fisher.test(matrix(c(x1[i], n1[i] - x1[i], x2[i], n2[i] - x2[i]), 2, byrow = TRUE),
              conf.int = FALSE)$p.value)
emit("rate:exact", function() for (i in seq_len(n)) poisson.test(x1[i], t1[i])$conf.int)
emit("rate-ratio:exact-conditional", function() for (i in seq_len(n))
  poisson.test(c(x1[i], x2[i]), c(t1[i], t2[i]))$conf.int)

if (requireNamespace("epitools", quietly = TRUE)) {
  # epitools tables: rows = exposure (unexposed first), columns = outcome (no event first)
  epi <- function(i) matrix(c(n2[i] - x2[i], x2[i], n1[i] - x1[i], x1[i]), 2, byrow = TRUE)
  emit("rr:katz", function() for (i in seq_len(n)) epitools::riskratio.wald(epi(i))$measure)
  emit("or:woolf", function() for (i in seq_len(n)) epitools::oddsratio.wald(epi(i))$measure)
} else {
  message("time_r.R: package epitools not installed; skipping epitools rows")
}

if (requireNamespace("metafor", quietly = TRUE)) {
  ai <- studies$x1; bi <- studies$n1 - studies$x1; ci <- studies$x2; di <- studies$n2 - studies$x2
  emit("meta:reml", function()
    metafor::rma(ai = ai, bi = bi, ci = ci, di = di, measure = "OR", method = "REML"), ops = 1)
  emit("meta:dl", function()
    metafor::rma(ai = ai, bi = bi, ci = ci, di = di, measure = "OR", method = "DL"), ops = 1)
} else {
  message("time_r.R: package metafor not installed; skipping meta-analysis rows")
}
