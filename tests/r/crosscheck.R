# Cross-check of the compendium's design-based shares and tests against R's survey package.
# Called by tests/test_r_crosscheck.py (skipped where Rscript or survey is missing):
#   Rscript crosscheck.R <frame.csv> <out.csv>
# The frame holds one population's whole design (weight, strata, psu, in_population), the 0/1
# migrant flags and indicators; the output has, per definition x indicator x group, the share,
# its logit interval and degrees of freedom as svyciprop gives them on the domain, and per
# definition x indicator the p-value of svyglm's test of the group flag and the difference's interval
# (svyby + svycontrast), both on the compendium's df rule for a comparison of two domains
# (kalbar_border.finance.survey.inference_df): the smaller domain's degf, at most svyglm's residual df.
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
frame <- read.csv(args[1])
definitions <- strsplit(Sys.getenv("CROSSCHECK_DEFINITIONS"), ",")[[1]]
indicators <- strsplit(Sys.getenv("CROSSCHECK_INDICATORS"), ",")[[1]]
design <- svydesign(ids = ~psu, strata = ~strata, weights = ~weight, data = frame, nest = TRUE)
rows <- list()
for (d in definitions) for (i in indicators) {
  base <- frame$in_population == 1 & !is.na(frame[[i]]) & !is.na(frame[[d]])
  domain_df <- c()
  for (g in c(1, 0)) {
    dom <- subset(design, base & frame[[d]] == g)
    est <- svyciprop(as.formula(paste0("~", i)), dom, method = "logit")
    ci <- attr(est, "ci")
    rows[[length(rows) + 1]] <- data.frame(definition = d, indicator = i, group = g, what = "share",
                                           value = as.numeric(est), ci_low = ci[[1]], ci_high = ci[[2]],
                                           df = degf(dom))
    domain_df <- c(domain_df, degf(dom))
  }
  both <- subset(design, base)
  fit <- svyglm(as.formula(paste0(i, " ~ ", d)), both, family = quasibinomial())
  df <- min(fit$df.residual, domain_df)
  t <- coef(summary(fit))[2, 3]
  rows[[length(rows) + 1]] <- data.frame(definition = d, indicator = i, group = NA, what = "test",
                                         value = 2 * pt(-abs(t), df), ci_low = NA, ci_high = NA, df = df)
  by <- svyby(as.formula(paste0("~", i)), as.formula(paste0("~", d)), both, svymean, covmat = TRUE)
  diff <- svycontrast(by, c(-1, 1))  # group 1 minus group 0
  half <- qt(0.975, df) * as.numeric(SE(diff))
  rows[[length(rows) + 1]] <- data.frame(definition = d, indicator = i, group = NA, what = "difference",
                                         value = as.numeric(coef(diff)), ci_low = as.numeric(coef(diff) - half),
                                         ci_high = as.numeric(coef(diff) + half), df = df)
}
write.csv(do.call(rbind, rows), args[2], row.names = FALSE)
