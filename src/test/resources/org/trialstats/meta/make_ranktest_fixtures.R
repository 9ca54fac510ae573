# Begg & Mazumdar rank correlation test: metafor 3.8-1 ranktest() on several data sets, for
# RankCorrelationTestTest. Run from this folder: Rscript make_ranktest_fixtures.R
# (R 4.2.2, metafor 3.8-1, metadat). The study estimates are the escalc() ones the other
# fixtures use (add = 1/2, to = "only0", double-zero studies dropped for ratios; rows with NA
# left out); ranktest() uses exact = TRUE, i.e. R's exact Kendall distribution when there are no
# ties.
suppressPackageStartupMessages({ library(metafor); library(metadat) })
stopifnot(packageVersion("metafor") == "3.8.1")
num <- function(x) sprintf("%.17g", x)
rd <- function(name) read.csv(file.path("data", paste0(name, ".csv")))
counts <- function(d, m) {
  if (m != "rd") d <- d[!((d$events1 == 0 & d$events2 == 0) | (d$events1 == d$n1 & d$events2 == d$n2)), ]
  escalc(toupper(m), ai = events1, n1i = n1, ci = events2, n2i = n2, data = d, add = 1/2, to = "only0")
}
means <- function(d, m) escalc(toupper(m), m1i = mean1, sd1i = sd1, n1i = n1, m2i = mean2,
                               sd2i = sd2, n2i = n2, data = d[complete.cases(d), ])
rates <- function(d, m) {
  if (m == "irr") d <- d[!(d$events1 == 0 & d$events2 == 0), ]
  escalc(toupper(m), x1i = events1, t1i = time1, x2i = events2, t2i = time2, data = d,
         add = 1/2, to = "only0")
}
cases <- list(list("bcg", "rr", counts), list("bcg", "or", counts), list("bcg", "rd", counts),
              list("nielweise2007", "rr", counts), list("yusuf1985", "or", counts),
              list("collins1985b", "or", counts), list("normand1999_means", "md", means),
              list("gibson2002", "smd", means), list("curtis1998", "rom", means),
              list("hart1999", "irr", rates), list("nielweise2008", "ird", rates))
rows <- lapply(cases, function(cs) {
  e <- cs[[3]](rd(cs[[1]]), cs[[2]])
  r <- ranktest(rma(yi, vi, data = e, method = "REML"))
  data.frame(dataset = cs[[1]], measure = cs[[2]], k = sum(!is.na(e$yi)), tau = num(r$tau),
             pvalue = num(r$pval))
})
write.csv(do.call(rbind, rows), "ranktest_fixtures.csv", row.names = FALSE)
