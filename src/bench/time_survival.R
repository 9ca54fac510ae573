# Times R survival on the file compare_survival.sh generates: read.csv, then survfit (Kaplan-Meier),
# survdiff (log-rank) and coxph (Efron), as trialstats survival computes them.
# Usage: Rscript time_survival.R big.csv   -> prints "read_s<TAB>compute_s<TAB>total_s"
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
t0 <- proc.time()[["elapsed"]]
d <- read.csv(args[1], colClasses = c("numeric", "integer", "character"))
t1 <- proc.time()[["elapsed"]]
fit <- survfit(Surv(time, status) ~ arm, data = d)
med <- quantile(fit, 0.5)
lr <- survdiff(Surv(time, status) ~ arm, data = d)
cx <- coxph(Surv(time, status) ~ arm, data = d, ties = "efron")
t2 <- proc.time()[["elapsed"]]
cat(sprintf("%.3f\t%.3f\t%.3f\n", t1 - t0, t2 - t1, t2 - t0))
