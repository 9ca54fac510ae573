# Generates the metafor reference fixtures for org.trialstats.meta tests.
#
# Run from this folder:   Rscript make_fixtures.R
# Versions used: R 4.2.2, metafor 3.8-1, metadat (Debian packages r-cran-metafor r-cran-metadat).
#
# Conventions (the same as the shared reference ../shared/reference/meta_reference_bcg.csv):
# - study effects: escalc(add = 1/2, to = "only0"); studies with no events (or only events) in
#   both arms are dropped for RR and OR (drop00 = TRUE) and kept for RD (drop00 = FALSE)
# - fixed IV and random effects: rma(yi, vi, method = ...), test = "knha" for HKSJ
# - Mantel-Haenszel: rma.mh() on every table (drop00 = FALSE for RD so that double-zero studies
#   have an estimate, as trialstats does); for RR/OR the studies without an estimate stay in the
#   MH sums (a double-zero study adds nothing, an all-events study adds RR 1) and k below counts
#   the studies with an estimate (metafor's k.yi); their weights are written
#   (weights() of the other tables are not)
# - Peto: rma.peto() on the raw counts (double-zero studies removed beforehand); per-study Peto
#   estimates from escalc(measure = "PETO", add = 0), i.e. from the raw counts as trialstats
#   shows them (rma.peto's own yi add 0.5 to zero cells for display only)
# - tau^2 Q-profile interval and I^2 interval from confint(); prediction interval
#   mu +/- qt(1 - alpha/2, k - 2) sqrt(tau^2 + se^2) (Higgins, Thompson & Spiegelhalter 2009)
# - tightened convergence: control = list(tol = 1e-12, threshold = 1e-12, maxiter = 10000) for
#   rma() and control = list(tol = 1e-12) for confint(); metafor's defaults (threshold 1e-5,
#   tol 1.2e-4) are not precise enough for a 1e-6 comparison
# - Q-profile limits searched up to a wide cap (metafor's default cap max(100, 10 tau^2) censors
#   the upper limit for k = 2 and for effects on a large scale)
suppressPackageStartupMessages({ library(metafor); library(metadat) })
stopifnot(packageVersion("metafor") == "3.8.1")
options(warn = 1)

ctl <- list(tol = 1e-12, threshold = 1e-12, maxiter = 10000)
level <- 0.95
num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) NA else sprintf("%.17g", x)

# ---------------------------------------------------------------- data sets (input format)
write_counts <- function(name, study, ai, n1i, ci, n2i, subgroup = NULL, year = NULL) {
  d <- data.frame(study = study, stringsAsFactors = FALSE)
  if (!is.null(subgroup)) d$subgroup <- subgroup
  if (!is.null(year)) d$year <- year
  d$events1 <- ai; d$n1 <- n1i; d$events2 <- ci; d$n2 <- n2i
  write.csv(d, file.path("data", paste0(name, ".csv")), row.names = FALSE, quote = TRUE)
  d
}

sets <- list()
b <- dat.bcg
stopifnot(b$cneg[b$trial == 5] == 5761)  # the corrected value (see engineering notes)
sets$bcg <- write_counts("bcg", paste(b$author, b$year), b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg,
                         subgroup = b$alloc, year = b$year)
cb <- dat.collins1985b
sets$collins1985b <- write_counts("collins1985b", cb$author, cb$pre.xti, cb$pre.nti,
                                  cb$pre.xci, cb$pre.nci)
# CLASP trials as tabulated by DerSimonian & Kacker (2007), Contemp Clin Trials 28:105-114
sets$clasp <- write_counts("clasp", paste("CLASP", 1:6),
                           c(5, 5, 12, 69, 9, 313), c(156, 303, 565, 1570, 103, 4659),
                           c(8, 17, 9, 94, 11, 352), c(74, 303, 477, 1565, 105, 4650))
y6 <- subset(dat.yusuf1985, table == "6" & !is.na(ai))   # Snow 1 has no counts
sets$yusuf1985 <- write_counts("yusuf1985", paste(y6$id, y6$trial), y6$ai, y6$n1i, y6$ci, y6$n2i)
nw <- dat.nielweise2007
sets$nielweise2007 <- write_counts("nielweise2007", paste(nw$author, nw$year), nw$ai, nw$n1i,
                                   nw$ci, nw$n2i)
h <- dat.hine1989
sets$hine1989 <- write_counts("hine1989", h$source, h$ai, h$n1i, h$ci, h$n2i)
# synthetic edge cases: double zero (A), all events in both arms (B), zero cells (C, F)
sets$edge <- write_counts("edge", c("A", "B", "C", "D", "E", "F", "G"),
                          c(0, 20, 0, 5, 12, 3, 7), c(20, 20, 30, 40, 50, 25, 60),
                          c(0, 15, 4, 9, 20, 0, 7), c(22, 15, 31, 38, 52, 27, 58))
# two studies (k = 2)
sets$k2 <- write_counts("k2", paste(b$author, b$year)[1:2], b$tpos[1:2], (b$tpos + b$tneg)[1:2],
                        b$cpos[1:2], (b$cpos + b$cneg)[1:2])

# generic effects: mean differences in length of stay (Normand 1999), given as yi and sei
n9 <- escalc(measure = "MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i,
             n2i = n2i, data = dat.normand1999)
g <- data.frame(study = n9$source, yi = as.numeric(n9$yi), sei = sqrt(as.numeric(n9$vi)))
write.csv(data.frame(study = g$study, yi = sapply(g$yi, num), sei = sapply(g$sei, num)),
          file.path("data", "normand1999.csv"), row.names = FALSE, quote = c(1))
generic_sets <- list(normand1999 = data.frame(study = g$study, yi = g$yi, vi = g$sei^2))

# 2,000 generated studies (generic log odds ratios) for the convergence tests
set.seed(20240604)
k <- 2000
vi <- 1 / rgamma(k, shape = 4, rate = 0.4) + 0.005
yi <- rnorm(k, -0.3 + rnorm(k, 0, sqrt(0.04)), sqrt(vi))
write.csv(data.frame(study = sprintf("S%04d", 1:k), yi = sapply(yi, num), vi = sapply(vi, num)),
          file.path("data", "generated2000.csv"), row.names = FALSE, quote = c(1))
generic_sets$generated2000 <- data.frame(study = sprintf("S%04d", 1:k),
                                         yi = as.numeric(sapply(yi, num)),
                                         vi = as.numeric(sapply(vi, num)))
# and one with no heterogeneity at all (tau^2 estimates at or near the boundary 0)
yi0 <- rnorm(k, 0.1, sqrt(vi))
write.csv(data.frame(study = sprintf("T%04d", 1:k), yi = sapply(yi0, num), vi = sapply(vi, num)),
          file.path("data", "generated2000null.csv"), row.names = FALSE, quote = c(1))
generic_sets$generated2000null <- data.frame(study = sprintf("T%04d", 1:k),
                                             yi = as.numeric(sapply(yi0, num)),
                                             vi = as.numeric(sapply(vi, num)))

# ---------------------------------------------------------------- fitting
double_zero <- function(d) (d$events1 == 0 & d$events2 == 0) |
                           (d$events1 == d$n1 & d$events2 == d$n2)

effects <- function(d, measure) {
  drop <- measure %in% c("RR", "OR")
  if (drop) d <- d[!double_zero(d), ]
  e <- escalc(measure = measure, ai = events1, n1i = n1, ci = events2, n2i = n2, data = d,
              add = 1/2, to = "only0", drop00 = drop)
  list(d = d, yi = as.numeric(e$yi), vi = as.numeric(e$vi))
}

summary_row <- function(res, k, model, random, hksj) {
  crit <- if (hksj) qt(1 - (1 - level) / 2, k - 1) else qnorm(1 - (1 - level) / 2)
  out <- list(k = k, mu = res$beta[1], se = res$se, mu_lower = res$ci.lb, mu_upper = res$ci.ub,
              pvalue = res$pval, tau2 = res$tau2, i2 = res$I2, h2 = res$H2, q = res$QE,
              q_df = k - 1, q_pvalue = res$QEp, pi_lower = NA, pi_upper = NA,
              tau2_lower = NA, tau2_upper = NA, i2_lower = NA, i2_upper = NA)
  if (random) {
    if (k >= 3) {
      half <- qt(1 - (1 - level) / 2, k - 2) * sqrt(res$tau2 + res$se^2)
      out$pi_lower <- res$beta[1] - half
      out$pi_upper <- res$beta[1] + half
    }
    if (k >= 2) {
      # metafor caps the upper search at tau2.max = max(100, 10 tau^2) and then reports the
      # cap (printed as "> 100"); trialstats brackets the true root, so widen the range
      cap <- max(100, 10 * res$tau2, 1e4 * var(res$yi), 1e4 * max(res$vi))
      ci <- confint(res, control = list(tol = 1e-12, tau2.max = cap))$random
      stopifnot(ci["tau^2", "ci.ub"] < cap)
      out$tau2_lower <- ci["tau^2", "ci.lb"]; out$tau2_upper <- ci["tau^2", "ci.ub"]
      out$i2_lower <- ci["I^2(%)", "ci.lb"]; out$i2_upper <- ci["I^2(%)", "ci.ub"]
    }
  }
  out
}

# fits one configuration; returns list(summary = named list, studies = data.frame)
fit <- function(d, measure, model, method, hksj, generic = FALSE) {
  M <- toupper(measure)
  if (generic) {
    yi <- d$yi; vi <- d$vi; dd <- d
  } else {
    e <- effects(d, M); yi <- e$yi; vi <- e$vi; dd <- e$d
  }
  k <- length(yi)
  if (model == "fixed" && method == "mh") {
    if (M == "RD") {
      res <- rma.mh(ai = events1, n1i = n1, ci = events2, n2i = n2, data = d, measure = "RD",
                    drop00 = FALSE)
    } else {
      res <- rma.mh(ai = events1, n1i = n1, ci = events2, n2i = n2, data = d, measure = M)
    }
    s <- summary_row(res, k, model, FALSE, FALSE)
    w <- as.numeric(weights(res))
    if (M != "RD") w <- w[!double_zero(d)]
    st <- data.frame(study = dd$study, yi = yi, vi = vi, weight = w)
  } else if (model == "fixed" && method == "peto") {
    res <- rma.peto(ai = events1, n1i = n1, ci = events2, n2i = n2, data = dd)
    s <- summary_row(res, k, model, FALSE, FALSE)
    p <- escalc(measure = "PETO", ai = events1, n1i = n1, ci = events2, n2i = n2, data = dd,
                add = 0)
    st <- data.frame(study = dd$study, yi = as.numeric(p$yi), vi = as.numeric(p$vi),
                     weight = as.numeric(weights(res)))
  } else {
    rmethod <- if (model == "fixed") "FE" else toupper(method)
    res <- rma(yi, vi, method = rmethod, test = if (hksj) "knha" else "z", control = ctl)
    s <- summary_row(res, k, model, model == "random", hksj)
    st <- data.frame(study = dd$study, yi = yi, vi = vi, weight = as.numeric(weights(res)))
  }
  list(summary = s, studies = st)
}

configs <- function(measure) {
  cf <- list(c("fixed", "iv", FALSE))
  if (measure != "generic") cf <- c(cf, list(c("fixed", "mh", FALSE)))
  if (measure == "or") cf <- c(cf, list(c("fixed", "peto", FALSE)))
  for (m in c("dl", "reml", "pm", "ml", "sj", "he")) {
    cf <- c(cf, list(c("random", m, FALSE), c("random", m, TRUE)))
  }
  cf
}

summary_cols <- c("dataset", "measure", "model", "method", "hksj", "k", "mu", "se", "mu_lower",
                  "mu_upper", "pvalue", "tau2", "i2", "h2", "q", "q_df", "q_pvalue", "pi_lower",
                  "pi_upper", "tau2_lower", "tau2_upper", "i2_lower", "i2_upper")
summaries <- list(); studies <- list()
add_result <- function(dataset, measure, cfg, r) {
  s <- r$summary
  row <- c(list(dataset = dataset, measure = measure, model = cfg[1], method = cfg[2],
                hksj = toupper(cfg[3])), s)
  summaries[[length(summaries) + 1]] <<- sapply(summary_cols, function(cn) {
    v <- row[[cn]]; if (is.character(v)) v else num(v) })
  if (nrow(r$studies) == 0) return(invisible())
  studies[[length(studies) + 1]] <<- data.frame(dataset = dataset, measure = measure,
    model = cfg[1], method = cfg[2], hksj = toupper(cfg[3]), study = r$studies$study,
    yi = sapply(r$studies$yi, num), vi = sapply(r$studies$vi, num),
    weight = sapply(r$studies$weight, num))
}

for (name in names(sets)) {
  for (measure in c("rr", "or", "rd")) {
    for (cfg in configs(measure)) {
      r <- fit(sets[[name]], measure, cfg[1], cfg[2], as.logical(cfg[3]))
      add_result(name, measure, cfg, r)
    }
  }
}
for (name in names(generic_sets)) {
  cfgs <- configs("generic")
  if (startsWith(name, "generated")) {
    cfgs <- Filter(function(c) c[2] %in% c("iv", "dl", "reml", "pm", "ml"), cfgs)
  }
  for (cfg in cfgs) {
    r <- fit(generic_sets[[name]], "generic", cfg[1], cfg[2], as.logical(cfg[3]), generic = TRUE)
    if (startsWith(name, "generated")) r$studies <- r$studies[0, ]
    add_result(name, "generic", cfg, r)
  }
}
write.csv(do.call(rbind, summaries), "meta_fixtures.csv", row.names = FALSE)
write.csv(do.call(rbind, studies), "meta_fixtures_studies.csv", row.names = FALSE)

# ---------------------------------------------------------------- subgroups, sensitivity, Egger
# subgroup analysis: separate model per subgroup, test for subgroup differences as a fixed-effect
# Q over the subgroup estimates with their standard errors
sub_rows <- list()
d <- sets$bcg
for (cfg in list(c("rr", "fixed", "iv"), c("rr", "fixed", "mh"), c("rr", "random", "dl"),
                 c("rr", "random", "reml"), c("or", "fixed", "peto"))) {
  mus <- c(); ses <- c()
  for (g in unique(d$subgroup)) {
    r <- fit(d[d$subgroup == g, ], cfg[1], cfg[2], cfg[3], FALSE)$summary
    mus <- c(mus, r$mu); ses <- c(ses, r$se)
    sub_rows[[length(sub_rows) + 1]] <- c(dataset = "bcg", measure = cfg[1], model = cfg[2],
      method = cfg[3], subgroup = g, k = num(r$k), mu = num(r$mu), se = num(r$se),
      tau2 = num(r$tau2), q = num(r$q), i2 = num(r$i2), df = NA, pvalue = num(r$pvalue))
  }
  between <- rma(mus, sei = ses, method = "FE")
  sub_rows[[length(sub_rows) + 1]] <- c(dataset = "bcg", measure = cfg[1], model = cfg[2],
    method = cfg[3], subgroup = "(between)", k = length(mus), mu = NA, se = NA, tau2 = NA,
    q = num(between$QE), i2 = NA, df = length(mus) - 1, pvalue = num(between$QEp))
}
write.csv(do.call(rbind, sub_rows), "meta_fixtures_subgroups.csv", row.names = FALSE)

# leave-one-out (metafor's leave1out) and cumulative by year (metafor's cumul)
sens_rows <- list()
sens_add <- function(dataset, cfg, kind, study, res) {
  sens_rows[[length(sens_rows) + 1]] <<- c(dataset = dataset, measure = cfg[1],
    model = cfg[2], method = cfg[3], kind = kind, study = study,
    mu = num(res$beta[1]), se = num(res$se), mu_lower = num(res$ci.lb), mu_upper = num(res$ci.ub),
    pvalue = num(res$pval), tau2 = num(res$tau2), i2 = num(res$I2), q = num(res$QE))
}
for (name in c("bcg", "nielweise2007")) {
  d <- sets[[name]]
  for (cfg in list(c("rr", "fixed", "iv"), c("rr", "random", "dl"), c("or", "random", "reml"),
                   c("or", "fixed", "mh"), c("rd", "random", "pm"))) {
    M <- toupper(cfg[1])
    e <- effects(d, M)
    if (cfg[2] == "fixed" && cfg[3] == "mh") {
      full <- rma.mh(ai = events1, n1i = n1, ci = events2, n2i = n2, data = e$d, measure = M)
      l1 <- leave1out(full)
    } else {
      method <- if (cfg[2] == "fixed") "FE" else toupper(cfg[3])
      full <- rma(e$yi, e$vi, method = method, control = ctl)
      l1 <- leave1out(full)
    }
    for (i in seq_along(e$d$study)) {
      sens_add(name, cfg, "leave1out", e$d$study[i],
               list(beta = l1$estimate[i], se = l1$se[i], ci.lb = l1$ci.lb[i],
                    ci.ub = l1$ci.ub[i], pval = l1$pval[i], tau2 = l1$tau2[i],
                    I2 = l1$I2[i], QE = l1$Q[i]))
    }
  }
}
d <- sets$bcg
ord <- order(d$year, seq_along(d$year))
for (cfg in list(c("rr", "random", "reml"), c("rr", "fixed", "mh"))) {
  dd <- d[ord, ]
  for (j in seq_len(nrow(dd))) {
    r <- fit(dd[1:j, ], cfg[1], cfg[2], cfg[3], FALSE)$summary
    sens_add("bcg", cfg, "cumulative", dd$study[j],
             list(beta = r$mu, se = r$se, ci.lb = r$mu_lower, ci.ub = r$mu_upper,
                  pval = r$pvalue, tau2 = r$tau2, I2 = r$i2, QE = r$q))
  }
  # cross-check the loop against metafor's own cumul() for the random-effects model
  if (cfg[2] == "random") {
    e <- effects(dd, "RR")
    cu <- cumul(rma(e$yi, e$vi, method = "REML", control = ctl))
    last <- sens_rows[(length(sens_rows) - nrow(dd) + 1):length(sens_rows)]
    stopifnot(isTRUE(all.equal(as.numeric(sapply(last, `[[`, "mu")), unname(as.numeric(cu$estimate)),
                               tolerance = 1e-8)))
  }
}
write.csv(do.call(rbind, sens_rows), "meta_fixtures_sensitivity.csv", row.names = FALSE)

# Egger's regression test, classical form: regtest(model = "lm", predictor = "sei")
egger_rows <- list()
for (name in c("bcg", "nielweise2007", "collins1985b", "yusuf1985")) {
  for (cfg in list(c("rr", "random", "reml"), c("or", "fixed", "iv"), c("or", "fixed", "mh"))) {
    M <- toupper(cfg[1])
    e <- effects(sets[[name]], M)
    if (cfg[3] == "mh") {
      res <- rma.mh(ai = events1, n1i = n1, ci = events2, n2i = n2, data = e$d, measure = M)
    } else {
      method <- if (cfg[2] == "fixed") "FE" else toupper(cfg[3])
      res <- rma(e$yi, e$vi, method = method, control = ctl)
    }
    rt <- regtest(res, model = "lm", predictor = "sei")
    egger_rows[[length(egger_rows) + 1]] <- c(dataset = name, measure = cfg[1], model = cfg[2],
      method = cfg[3], k = length(e$yi), t = num(rt$zval), df = rt$dfs, pvalue = num(rt$pval),
      limit = num(rt$est))
  }
}
write.csv(do.call(rbind, egger_rows), "meta_fixtures_egger.csv", row.names = FALSE)
cat("fixtures written\n")
