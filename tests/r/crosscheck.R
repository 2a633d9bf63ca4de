# Cross-check of the compendium's design-based shares and tests against R's survey package.
# Called by tests/test_r_crosscheck.py (skipped where Rscript or survey is missing):
#   Rscript crosscheck.R <frame.csv> <out.csv>
# The frame holds one population's whole design (weight, strata, psu, in_population), the 0/1
# migrant flags and indicators; the output has, per definition x indicator x group, the share,
# its logit interval and degrees of freedom as svyciprop gives them on the domain, and per
# definition x indicator the p-value and df of svyglm's test of the group flag.
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
frame <- read.csv(args[1])
definitions <- strsplit(Sys.getenv("CROSSCHECK_DEFINITIONS"), ",")[[1]]
indicators <- strsplit(Sys.getenv("CROSSCHECK_INDICATORS"), ",")[[1]]
design <- svydesign(ids = ~psu, strata = ~strata, weights = ~weight, data = frame, nest = TRUE)
rows <- list()
for (d in definitions) for (i in indicators) {
  base <- frame$in_population == 1 & !is.na(frame[[i]]) & !is.na(frame[[d]])
  for (g in c(1, 0)) {
    dom <- subset(design, base & frame[[d]] == g)
    est <- svyciprop(as.formula(paste0("~", i)), dom, method = "logit")
    ci <- attr(est, "ci")
    rows[[length(rows) + 1]] <- data.frame(definition = d, indicator = i, group = g, what = "share",
                                           value = as.numeric(est), ci_low = ci[[1]], ci_high = ci[[2]],
                                           df = degf(dom))
  }
  both <- subset(design, base)
  fit <- svyglm(as.formula(paste0(i, " ~ ", d)), both, family = quasibinomial())
  rows[[length(rows) + 1]] <- data.frame(definition = d, indicator = i, group = NA, what = "test",
                                         value = coef(summary(fit))[2, 4], ci_low = NA, ci_high = NA,
                                         df = fit$df.residual)
}
write.csv(do.call(rbind, rows), args[2], row.names = FALSE)
