# Generates the metafor reference fixtures for continuous and incidence-rate outcomes and for the
# metafor-parity options (prediction interval formulas, Hartung-Knapp for a fixed-effect model,
# k of Mantel-Haenszel and Peto analyses).
#
# Run from this folder:   Rscript make_outcome_fixtures.R
# Versions used: R 4.2.2, metafor 3.8-1, metadat (Debian packages r-cran-metafor r-cran-metadat).
#
# Conventions:
# - continuous outcomes: escalc(measure = "MD" | "SMD" | "ROM", m1i, sd1i, n1i, m2i, sd2i, n2i),
#   SMD with vtype = "LS" (metafor's default) and "UB"; two SMD forms metafor does not have are
#   computed here from their published formulas (so they check the code, not an independent
#   implementation): Cohen's d = the SMD without Hedges' correction, v = 1/n1 + 1/n2 + d^2/(2N),
#   and Review Manager 5's g = d (1 - 3/(4N - 9)), v = N/(n1 n2) + g^2/(2 (N - 3.94))
#   (Deeks & Higgins 2010, Statistical algorithms in Review Manager 5)
# - rows with NA summaries (Gibson 2002: Yoon 1993, Brewin 1995) are written to the data file and
#   left out of the fits, as metafor's default na.action does
# - incidence rates: escalc(measure = "IRR" | "IRD", x1i, t1i, x2i, t2i, add = 1/2, to = "only0"),
#   double-zero studies dropped for IRR (drop00 = TRUE) and kept for IRD; rma.mh(x1i, t1i, x2i,
#   t2i) on every study (k = metafor's k, k_yi = studies with an estimate)
# - prediction intervals: "hts" mu +/- qt(1 - alpha/2, k - 2) sqrt(tau^2 + se^2) (Higgins,
#   Thompson & Spiegelhalter 2009), "metafor" from predict() (z, or t(k - 1) under test = "knha")
# - convergence tightened: control = list(tol = 1e-15, threshold = 1e-12 mean(vi), maxiter =
#   10000) (the threshold is absolute on tau^2, which is about 1e-7 for rate differences per
#   person-day) and
#   the Paule-Mandel search range widened (tau2.max = 1e8; the ratio-of-means data need more than
#   metafor's default cap)
suppressPackageStartupMessages({ library(metafor); library(metadat) })
stopifnot(packageVersion("metafor") == "3.8.1")
options(warn = 1)

ctl <- list(tol = 1e-15, maxiter = 10000, tau2.max = 1e8)
level <- 0.95
num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) NA else sprintf("%.17g", x)
nums <- function(x) sapply(x, num)

# ---------------------------------------------------------------- data sets (input format)
write_means <- function(name, study, m1, s1, n1, m2, s2, n2) {
  d <- data.frame(study = study, mean1 = m1, sd1 = s1, n1 = n1, mean2 = m2, sd2 = s2, n2 = n2,
                  stringsAsFactors = FALSE)
  write.csv(d, file.path("data", paste0(name, ".csv")), row.names = FALSE, quote = c(1))
  d
}
write_rates <- function(name, study, x1, t1, x2, t2) {
  d <- data.frame(study = study, events1 = x1, time1 = t1, events2 = x2, time2 = t2,
                  stringsAsFactors = FALSE)
  write.csv(d, file.path("data", paste0(name, ".csv")), row.names = FALSE, quote = c(1))
  d
}
means <- list()
n9 <- dat.normand1999
means$normand1999_means <- write_means("normand1999_means", n9$source, n9$m1i, n9$sd1i, n9$n1i,
                                       n9$m2i, n9$sd2i, n9$n2i)
gb <- dat.gibson2002
means$gibson2002 <- write_means("gibson2002", paste(gb$author, gb$year), gb$m1i, gb$sd1i, gb$n1i,
                                gb$m2i, gb$sd2i, gb$n2i)
cu <- dat.curtis1998
means$curtis1998 <- write_means("curtis1998", paste(cu$id, cu$paper, cu$species), cu$m1i,
                                cu$sd1i, cu$n1i, cu$m2i, cu$sd2i, cu$n2i)
rates <- list()
h9 <- dat.hart1999
rates$hart1999 <- write_rates("hart1999", paste(h9$study, h9$year), h9$x1i, h9$t1i, h9$x2i,
                              h9$t2i)
nw <- dat.nielweise2008
rates$nielweise2008 <- write_rates("nielweise2008", paste(nw$authors, nw$year), nw$x1i, nw$t1i,
                                   nw$x2i, nw$t2i)
# synthetic: an arm without events (B, D) and a study without events (C)
rates$rates_edge <- write_rates("rates_edge", c("A", "B", "C", "D", "E"),
                                c(12, 0, 0, 4, 30), c(1520.5, 830, 410, 990.25, 2890),
                                c(20, 3, 0, 0, 41), c(1490, 805.5, 400, 1010, 2950))

# ---------------------------------------------------------------- effect sizes
cmi <- function(m) exp(lgamma(m / 2) - log(sqrt(m / 2)) - lgamma((m - 1) / 2))
continuous_effects <- function(d, measure, vtype) {
  d <- d[complete.cases(d), ]
  N <- d$n1 + d$n2
  if (measure %in% c("md", "smd", "rom")) {
    e <- escalc(measure = toupper(measure), m1i = mean1, sd1i = sd1, n1i = n1, m2i = mean2,
                sd2i = sd2, n2i = n2, data = d, vtype = if (measure == "smd") toupper(vtype) else "LS")
    return(list(d = d, yi = as.numeric(e$yi), vi = as.numeric(e$vi)))
  }
  sp <- sqrt(((d$n1 - 1) * d$sd1^2 + (d$n2 - 1) * d$sd2^2) / (N - 2))
  dd <- (d$mean1 - d$mean2) / sp
  if (measure == "cohend") {
    return(list(d = d, yi = dd, vi = 1 / d$n1 + 1 / d$n2 + dd^2 / (2 * N)))
  }
  g <- dd * (1 - 3 / (4 * N - 9))  # smd with vtype revman
  list(d = d, yi = g, vi = N / (d$n1 * d$n2) + g^2 / (2 * (N - 3.94)))
}
rate_effects <- function(d, measure) {
  drop <- measure == "irr"
  if (drop) d <- d[!(d$events1 == 0 & d$events2 == 0), ]
  e <- escalc(measure = toupper(measure), x1i = events1, t1i = time1, x2i = events2, t2i = time2,
              data = d, add = 1/2, to = "only0", drop00 = drop)
  list(d = d, yi = as.numeric(e$yi), vi = as.numeric(e$vi))
}

# ---------------------------------------------------------------- fitting
summary_cols <- c("dataset", "measure", "smd_variance", "model", "method", "hksj", "k",
                  "k_tables", "mu", "se", "mu_lower", "mu_upper", "pvalue", "tau2", "i2", "q",
                  "q_df", "pi_hts_lower", "pi_hts_upper", "pi_metafor_lower", "pi_metafor_upper")
summaries <- list(); studies <- list()
record <- function(dataset, measure, vtype, model, method, hksj, res, k, k_tables, e) {
  random <- model == "random"
  pih <- c(NA, NA); pim <- c(NA, NA)
  if (random) {
    if (k >= 3) pih <- res$beta[1] + c(-1, 1) * qt(1 - (1 - level) / 2, k - 2) *
      sqrt(res$tau2 + res$se^2)
    p <- predict(res)
    pim <- c(p$pi.lb, p$pi.ub)
  }
  row <- list(dataset = dataset, measure = measure, smd_variance = vtype, model = model,
              method = method, hksj = toupper(hksj), k = k, k_tables = k_tables,
              mu = res$beta[1], se = res$se, mu_lower = res$ci.lb, mu_upper = res$ci.ub,
              pvalue = res$pval, tau2 = res$tau2, i2 = res$I2, q = res$QE, q_df = k - 1,
              pi_hts_lower = pih[1], pi_hts_upper = pih[2], pi_metafor_lower = pim[1],
              pi_metafor_upper = pim[2])
  summaries[[length(summaries) + 1]] <<- sapply(summary_cols, function(cn) {
    v <- row[[cn]]; if (is.character(v)) v else num(v) })
  w <- as.numeric(weights(res))
  if (length(w) != length(e$yi)) w <- w[!is.na(res$yi.f)]
  studies[[length(studies) + 1]] <<- data.frame(dataset = dataset, measure = measure,
    smd_variance = vtype, model = model, method = method, hksj = toupper(hksj),
    study = e$d$study, yi = nums(e$yi), vi = nums(e$vi), weight = nums(w))
}
fit_iv <- function(dataset, measure, vtype, e) {
  k <- length(e$yi)
  for (cfg in list(c("fixed", "iv", FALSE), c("fixed", "iv", TRUE), c("random", "dl", FALSE),
                   c("random", "reml", FALSE), c("random", "reml", TRUE),
                   c("random", "pm", FALSE))) {
    method <- if (cfg[1] == "fixed") "FE" else toupper(cfg[2])
    hk <- as.logical(cfg[3])
    res <- suppressWarnings(rma(e$yi, e$vi, method = method, test = if (hk) "knha" else "z",
                                control = c(ctl, threshold = 1e-12 * mean(e$vi))))
    record(dataset, measure, vtype, cfg[1], cfg[2], hk, res, k, k, e)
  }
}
for (name in names(means)) {
  for (mv in list(c("md", ""), c("smd", "ls"), c("smd", "ub"), c("smd", "revman"),
                  c("cohend", ""), c("rom", ""))) {
    e <- continuous_effects(means[[name]], if (mv[2] == "revman") "revman" else mv[1], mv[2])
    fit_iv(name, mv[1], mv[2], e)
  }
}
for (name in names(rates)) {
  for (m in c("irr", "ird")) {
    e <- rate_effects(rates[[name]], m)
    fit_iv(name, m, "", e)
    d <- rates[[name]]
    res <- rma.mh(x1i = events1, t1i = time1, x2i = events2, t2i = time2, data = d,
                  measure = toupper(m), drop00 = m == "irr")
    record(name, m, "", "fixed", "mh", FALSE, res, res$k.yi, res$k, e)
  }
}

# parity: Mantel-Haenszel and Peto k on every table (double-zero and all-events studies kept)
y6 <- subset(dat.yusuf1985, table == "6" & !is.na(ai))
edge <- read.csv(file.path("data", "edge.csv"))
for (set in list(list(name = "yusuf1985", d = data.frame(study = paste(y6$id, y6$trial),
                        events1 = y6$ai, n1 = y6$n1i, events2 = y6$ci, n2 = y6$n2i)),
                 list(name = "edge", d = edge))) {
  d <- set$d
  for (m in c("rr", "or")) {
    res <- rma.mh(ai = events1, n1i = n1, ci = events2, n2i = n2, data = d, measure = toupper(m))
    e <- list(d = d[!is.na(res$yi.f), ], yi = res$yi.f[!is.na(res$yi.f)],
              vi = res$vi.f[!is.na(res$yi.f)])
    record(set$name, m, "", "fixed", "mh", FALSE, res, res$k.yi, res$k, e)
  }
  res <- rma.peto(ai = events1, n1i = n1, ci = events2, n2i = n2, data = d)
  e <- list(d = d[!is.na(res$yi.f), ], yi = res$yi.f[!is.na(res$yi.f)],
            vi = res$vi.f[!is.na(res$yi.f)])
  record(set$name, "or", "", "fixed", "peto", FALSE, res, res$k.yi, res$k, e)
}

out <- do.call(rbind, summaries)
write.csv(out, "outcome_fixtures.csv", row.names = FALSE, na = "NA")
st <- do.call(rbind, studies)
write.csv(st, "outcome_fixtures_studies.csv", row.names = FALSE, na = "NA")
cat("wrote", nrow(out), "summaries and", nrow(st), "study rows\n")
