# Generalised-Q (Jackson 2013) tau^2 interval fixtures for GeneralisedQFixturesTest.
# Run in this folder: Rscript make_genq_fixtures.R (R 4.2.2, r-cran-metafor 3.8-1,
# r-cran-metadat; a minute). Data: the metareg_*.csv files written by
# make_metareg_fixtures.R.
#
# metafor's confint(rma(yi, vi, weights = a, method = "GENQ"), type = "GENQ") finds the limits
# with CompQuadForm::farebrother, the distribution of sum lambda_j chi2_1. CompQuadForm is not
# packaged for Debian, so this script installs, into a temporary library, a stand-in package of
# that name whose farebrother() returns Qq = P(Q > q) by Ruben's (1962, Ann Math Stat
# 33:542-570) series, the series of Farebrother's AS 204 with its default beta = min lambda
# (coefficients by the direct recursion a_n = sum_{r<n} g_{n-r} a_r / 2n, pchisq for each
# term, stopping when the tail bound is below 1e-15): metafor's own code (eigenvalues of S P S,
# the bracketing and uniroot) then runs unchanged. confint() does not pass its control tol to
# the GENQ uniroot, so its limits (lower, upper) carry uniroot's default absolute tolerance
# .Machine$double.eps^0.25 = 1.2e-4; the columns lower_exact and upper_exact solve the same
# equations with metafor's own objective (metafor:::.GENQ.func) by uniroot(tol = 1e-14).
# A first stand-in by Imhof's (1961) integral through integrate() was accurate to only about
# 1e-2 relative in the limits (roundoff in the oscillating integrand). Independent check: a
# 25-digit mpmath computation (Imhof's integral by quadosc, findroot) gives for BCG, 1/SE weights:
# 95% [0.12204553835188447, 1.1399580216804208], 90% [0.14377439047640633, 0.9318927035557867].
suppressMessages({library(metafor); library(metadat)})
options(digits = 17)

lib <- file.path(tempdir(), "lib"); dir.create(lib)
pkg <- file.path(tempdir(), "CompQuadForm"); dir.create(file.path(pkg, "R"), recursive = TRUE)
writeLines(c("Package: CompQuadForm", "Version: 0.0.1", "Title: Imhof stand-in",
             "Description: Imhof's integral as farebrother().", "License: GPL-2",
             "Author: fixture script", "Maintainer: fixture script <none@example.org>"),
           file.path(pkg, "DESCRIPTION"))
writeLines("export(farebrother)", file.path(pkg, "NAMESPACE"))
writeLines(c(
  "farebrother <- function(q, lambda, ...) {",
  "  beta <- min(lambda); m <- length(lambda); x <- q / beta",
  "  cj <- 1 - beta / lambda",
  "  a <- prod(sqrt(beta / lambda)); g <- numeric(0); total <- a * pchisq(x, m); n <- 0",
  "  repeat {",
  "    n <- n + 1",
  "    g <- c(g, sum(cj^n))",
  "    an <- sum(g[n:1] * a[1:n]) / (2 * n)",
  "    a <- c(a, an)",
  "    total <- total + an * pchisq(x, m + 2 * n)",
  "    if (pchisq(x, m + 2 * n + 2) * max(0, 1 - sum(a)) < 1e-15 || n > 50000) break",
  "  }",
  "  list(Qq = 1 - total)",
  "}"), file.path(pkg, "R", "farebrother.R"))
invisible(system2(file.path(R.home("bin"), "R"),
                  c("CMD", "INSTALL", "--no-test-load", paste0("--library=", lib), pkg),
                  stdout = FALSE, stderr = FALSE))
.libPaths(c(lib, .libPaths()))
stopifnot(requireNamespace("CompQuadForm", quietly = TRUE))

specs <- list(c("bcg", ""), c("bcg", "ablat"), c("molloy2014", ""),
              c("molloy2014", "meanage"), c("hackshaw1998", ""),
              c("bangertdrowns2004", ""), c("bangertdrowns2004", "length"))
num <- function(x) format(x, digits = 17)
out <- list()
for (s in specs) {
  dat <- read.csv(file.path("data", paste0("metareg_", s[1], ".csv")))
  mods <- if (s[2] == "") character(0) else strsplit(s[2], ",")[[1]]
  if (length(mods) > 0) dat <- dat[complete.cases(dat[, mods, drop = FALSE]), ]
  f <- if (length(mods) == 0) ~ 1 else as.formula(paste("~", paste(mods, collapse = "+")))
  for (w in c("se", "iv")) for (level in c(95, 90)) {
    a <- if (w == "se") 1 / sqrt(dat$vi) else 1 / dat$vi
    fit <- rma(yi, vi, mods = f, data = dat, weights = a, method = "GENQ")
    ci <- confint(fit, type = "GENQ", level = level)
    X <- model.matrix(f, data = dat); A <- diag(a)
    P <- A - A %*% X %*% solve(t(X) %*% A %*% X) %*% t(X) %*% A
    Q <- c(crossprod(dat$yi, P) %*% dat$yi)
    alpha <- 1 - level / 100
    exact <- function(target, getlower) {
      g <- function(t) metafor:::.GENQ.func(t, P = P, vi = dat$vi, Q = Q, level = target,
                                           k = nrow(X), p = ncol(X), getlower = getlower)
      if (g(0) * (if (getlower) 1 else -1) >= 0 && getlower) return(0)
      if (!getlower && g(0) <= 0) return(0)
      uniroot(g, c(0, 100), tol = 1e-14, maxiter = 10000, extendInt = "yes")$root
    }
    out[[length(out) + 1]] <- data.frame(
      dataset = s[1], mods = s[2], weights = w, level = level / 100, k = fit$k,
      tau2 = num(fit$tau2), lower = num(ci$random["tau^2", "ci.lb"]),
      upper = num(ci$random["tau^2", "ci.ub"]),
      lower_exact = num(exact(alpha / 2, TRUE)), upper_exact = num(exact(alpha / 2, FALSE)))
  }
}
write.csv(do.call(rbind, out), "genq_fixtures.csv", row.names = FALSE)
