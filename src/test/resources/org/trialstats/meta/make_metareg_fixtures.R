# Meta-regression, Egger's regtest(model = "rma") and tau^2 interval fixtures for
# MetaRegressionFixturesTest. Run in this folder: Rscript make_metareg_fixtures.R
# (R 4.2.2, r-cran-metafor 3.8-1, r-cran-metadat; a few seconds).
#
# Conventions:
# - rma(yi, vi, mods = ~ ..., method, test) with control = list(threshold = 1e-12,
#   maxiter = 10000): metafor's default threshold 1e-5 leaves REML/ML tau^2 accurate to about
#   1e-6 only (and PM, found by uniroot, to about 1e-4); the tightened threshold and tol
#   give the converged estimates that trialstats computes.
# - categorical moderators are character columns, turned into factors by model.matrix with
#   the levels in sorted order and the first as reference (trialstats sorts levels likewise).
# - confint(fit, type = "PL" / "QP", control = list(tol = 1e-12)): uniroot's default
#   tolerance .Machine$double.eps^0.25 gives limits to about 1e-4 only.
# - studies with a missing moderator are left out (na.omit), as in metafor.
suppressMessages({library(metafor); library(metadat)})
options(digits = 17)
con <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)

sets <- list()
b <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
sets$bcg <- data.frame(study = b$author, yi = b$yi, vi = b$vi, ablat = b$ablat,
                       year = b$year, alloc = b$alloc)
m <- escalc(measure = "ZCOR", ri = ri, ni = ni, data = dat.molloy2014)
sets$molloy2014 <- data.frame(study = m$authors, yi = m$yi, vi = m$vi, meanage = m$meanage,
                              quality = m$quality, design = m$design)
h <- dat.hackshaw1998
sets$hackshaw1998 <- data.frame(study = paste(h$author, h$year), yi = h$yi, vi = h$vi,
                                year = h$year, design = h$design, country = h$country)
d <- dat.bangertdrowns2004
sets$bangertdrowns2004 <- data.frame(study = d$author, yi = d$yi, vi = d$vi,
                                     length = d$length, meta = d$meta, info = d$info,
                                     grade = d$grade)
for (n in names(sets)) {
  write.csv(sets[[n]], file.path("data", paste0("metareg_", n, ".csv")), row.names = FALSE,
            na = "NA")
}

specs <- list(
  c("bcg", ""), c("bcg", "ablat"), c("bcg", "year"), c("bcg", "alloc"),
  c("bcg", "ablat,year"), c("bcg", "ablat,alloc"),
  c("molloy2014", ""), c("molloy2014", "meanage"), c("molloy2014", "quality,design"),
  c("hackshaw1998", ""), c("hackshaw1998", "year"), c("hackshaw1998", "design,year"),
  c("bangertdrowns2004", ""), c("bangertdrowns2004", "length"),
  c("bangertdrowns2004", "length,meta,info"))
methods <- c("FE", "DL", "ML", "REML", "PM", "HE", "SJ")

num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) "NA" else format(x, digits = 17)
models <- list(); coefs <- list(); egger <- list()
for (s in specs) {
  dat <- sets[[s[1]]]
  mods <- if (s[2] == "") character(0) else strsplit(s[2], ",")[[1]]
  if (length(mods) > 0) dat <- dat[complete.cases(dat[, mods, drop = FALSE]), ]
  f <- if (length(mods) == 0) ~ 1 else as.formula(paste("~", paste(mods, collapse = "+")))
  for (method in methods) for (test in c("z", "knha")) {
    fit <- suppressWarnings(rma(yi, vi, mods = f, data = dat, method = method, test = test,
                                control = con))
    row <- list(dataset = s[1], mods = s[2], method = method, test = test, k = fit$k,
                p = fit$p, tau2 = fit$tau2, qm = if (fit$p > 1) fit$QM else NA,
                qmdf = if (fit$p > 1) fit$QMdf[1] else NA,
                qmp = if (fit$p > 1) fit$QMp else NA, qe = fit$QE, qep = fit$QEp,
                i2 = fit$I2, h2 = fit$H2, r2 = if (is.null(fit$R2)) NA else fit$R2,
                qp_lb = NA, qp_ub = NA, pl_lb = NA, pl_ub = NA)
    if (method != "FE" && test == "z") {
      qp <- confint(fit, type = "QP", control = list(tol = 1e-12, tau2.max = 1000))
      row$qp_lb <- qp$random[1, 2]; row$qp_ub <- qp$random[1, 3]
      if (method %in% c("ML", "REML")) {
        pl <- confint(fit, type = "PL", control = list(tol = 1e-12, tau2.max = 1000))
        row$pl_lb <- pl$random[1, 2]; row$pl_ub <- pl$random[1, 3]
      }
    }
    models[[length(models) + 1]] <- sapply(row, num)
    for (j in seq_len(fit$p)) {
      coefs[[length(coefs) + 1]] <- c(dataset = s[1], mods = s[2], method = method,
        test = test, j = j, name = rownames(fit$beta)[j], estimate = num(fit$beta[j]),
        se = num(fit$se[j]), stat = num(fit$zval[j]), pvalue = num(fit$pval[j]),
        lower = num(fit$ci.lb[j]), upper = num(fit$ci.ub[j]))
    }
    if (length(mods) == 0 && method %in% c("FE", "DL", "ML", "REML")) {
      rt <- suppressWarnings(regtest(fit, model = "rma", predictor = "sei"))
      lm <- regtest(fit, model = "lm", predictor = "sei")
      egger[[length(egger) + 1]] <- c(dataset = s[1], method = method, test = test,
        zval = num(rt$zval), pval = num(rt$pval), ddf = num(rt$ddf), est = num(unname(rt$est)),
        ci_lb = num(rt$ci.lb), ci_ub = num(rt$ci.ub), lm_t = num(lm$zval),
        lm_p = num(lm$pval))
    }
  }
}
write.csv(do.call(rbind, models), "metareg_fixtures.csv", row.names = FALSE, quote = TRUE)
write.csv(do.call(rbind, coefs), "metareg_coefficients.csv", row.names = FALSE, quote = TRUE)
write.csv(do.call(rbind, egger), "regtest_rma_fixtures.csv", row.names = FALSE, quote = TRUE)
