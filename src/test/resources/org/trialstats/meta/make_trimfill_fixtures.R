# Trim-and-fill and influence diagnostics: metafor 3.8-1 trimfill(), influence() and baujat() on
# several real data sets, for TrimAndFillTest and InfluenceTest.
# Run from this folder: Rscript make_trimfill_fixtures.R   (R 4.2.2, metafor 3.8-1, metadat)
#
# - data: dat.bcg (data/bcg.csv, RR and OR), dat.hackshaw1998 (log odds ratios, yi/vi),
#   dat.molloy2014 (Fisher z of correlations), dat.pritz1997 (logit proportions),
#   dat.egger2001 (magnesium trials, OR from the counts; escalc(add = 1/2, to = "only0"))
# - models: FE, DL, REML (and PM, ML, SJ, HE on BCG RR for the side choice); HKSJ for some
# - trimfill(estimator = "L0" / "R0") with the side chosen by metafor (slope of yi on sqrt(vi)),
#   with convergence tightened (control = ctl, which metafor 3.8-1 passes through '...' to the
#   side regression, the fits of the trimmed data and the refit); the refit is repeated here on
#   the filled data (res$yi, res$vi) with test = "z" so that k0 = 0 rows (where trimfill returns
#   the original model, possibly with test = "knha") read the same way as the others
# - slope: the coefficient of sqrt(vi) in rma(yi, vi, mods = sqrt(vi), method = ...), whose sign
#   picks the side (StandardErrorSlope)
# - influence(): rstudent, dffits, cook.d, cov.r, tau2.del, QE.del, hat, weight, dfbetas, inf
# - baujat(): x (squared Pearson residual / contribution to Q) and y (influence on the estimate)
suppressPackageStartupMessages({ library(metafor); library(metadat) })
stopifnot(packageVersion("metafor") == "3.8.1")
options(warn = 1)
ctl <- list(tol = 1e-12, threshold = 1e-12, maxiter = 10000)
num <- function(x) ifelse(is.na(x), NA, sprintf("%.17g", x))

# data sets in the meta input format
h <- dat.hackshaw1998
write.csv(data.frame(study = paste(h$author, h$year, sep = " "), yi = num(h$yi), vi = num(h$vi)),
          file.path("data", "hackshaw1998.csv"), row.names = FALSE)
m <- escalc("ZCOR", ri = ri, ni = ni, data = dat.molloy2014)
write.csv(data.frame(study = paste(m$authors, m$year), yi = num(m$yi), vi = num(m$vi)),
          file.path("data", "molloy2014.csv"), row.names = FALSE)
p <- escalc("PLO", xi = xi, ni = ni, data = dat.pritz1997)
write.csv(data.frame(study = p$study, yi = num(p$yi), vi = num(p$vi)),
          file.path("data", "pritz1997.csv"), row.names = FALSE)
e <- dat.egger2001
write.csv(data.frame(study = e$study, events1 = e$ai, n1 = e$n1i, events2 = e$ci, n2 = e$n2i),
          file.path("data", "egger2001.csv"), row.names = FALSE)

rd <- function(name) read.csv(file.path("data", paste0(name, ".csv")))
effects <- function(name, measure) {
  d <- rd(name)
  if (measure == "generic") return(escalc(yi = yi, vi = vi, data = d))
  d <- d[!((d$events1 == 0 & d$events2 == 0) | (d$events1 == d$n1 & d$events2 == d$n2)), ]
  escalc(toupper(measure), ai = events1, n1i = n1, ci = events2, n2i = n2, data = d,
         add = 1/2, to = "only0")
}
cases <- list(list("bcg", "rr"), list("bcg", "or"), list("hackshaw1998", "generic"),
              list("molloy2014", "generic"), list("pritz1997", "generic"),
              list("egger2001", "or"))
methods <- c("FE", "DL", "REML")
tf <- list(); inf <- list()
add_case <- function(name, measure, method, hksj) {
  dat <- effects(name, measure)
  fit <- rma(yi, vi, data = dat, method = method, test = if (hksj) "knha" else "z",
             control = ctl)
  # the slope that decides the side: rma(yi, vi, mods = sqrt(vi)) with the model's estimator
  slope <- coef(rma(yi, vi, mods = sqrt(vi), data = dat, method = method, control = ctl))[2]
  for (est in c("L0", "R0")) {
    t <- trimfill(fit, estimator = est, control = ctl)
    refit <- rma(t$yi, t$vi, method = method, control = ctl)
    filled <- if (t$k0 > 0) t$yi[t$fill] else numeric(0)
    tf[[length(tf) + 1]] <<- data.frame(
      dataset = name, measure = measure, method = tolower(method), hksj = hksj,
      estimator = tolower(est), side = t$side, k0 = t$k0, se_k0 = num(t$se.k0),
      p_k0 = num(t$p.k0), mu = num(refit$beta[1]), se = num(refit$se), tau2 = num(refit$tau2),
      q = num(refit$QE), slope = num(slope), filled_yi = paste(num(filled), collapse = ";"))
  }
  if (method != "FE" || !hksj) {
    i <- influence(fit)
    b <- baujat(fit)
    inf[[length(inf) + 1]] <<- data.frame(
      dataset = name, measure = measure, method = tolower(method), hksj = hksj,
      index = seq_len(fit$k), rstudent = num(i$inf$rstudent), dffits = num(i$inf$dffits),
      cook_d = num(i$inf$cook.d), cov_r = num(i$inf$cov.r), tau2_del = num(i$inf$tau2.del),
      qe_del = num(i$inf$QE.del), hat = num(i$inf$hat), weight = num(i$inf$weight),
      dfbetas = num(i$dfbs$intrcpt), inf = i$is.infl, baujat_x = num(b$x), baujat_y = num(b$y))
  }
}
pdf(NULL)
for (cs in cases) for (method in methods) add_case(cs[[1]], cs[[2]], method, FALSE)
for (method in c("PM", "ML", "SJ", "HE")) add_case("bcg", "rr", method, FALSE)
add_case("bcg", "rr", "REML", TRUE)
add_case("hackshaw1998", "generic", "DL", TRUE)
write.csv(do.call(rbind, tf), "trimfill_fixtures.csv", row.names = FALSE)
write.csv(do.call(rbind, inf), "influence_fixtures.csv", row.names = FALSE)
