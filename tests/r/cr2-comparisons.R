# The reference for server/stats/clustered.ts: y ~ arm * wave fitted on respondent rows with
# council-clustered CR2 standard errors and Satterthwaite df (clubSandwich::coef_test).
# Usage: Rscript cr2-comparisons.R rows.csv   (columns council, arm, wave, y; wave is
# "baseline" or "later", arm "pilot" or "comparison"; a file with one wave fits y ~ arm).
# Prints one line per estimate: name, estimate, SE, df.
suppressPackageStartupMessages(library(clubSandwich))
args <- commandArgs(trailingOnly = TRUE)
rows <- read.csv(args[1], stringsAsFactors = FALSE)
rows$arm <- factor(rows$arm, levels = c("comparison", "pilot"))

report <- function(name, fit, term) {
  test <- coef_test(fit, vcov = "CR2", cluster = rows$council, test = "Satterthwaite")
  at <- which(test$Coef == term)
  cat(name, format(test$beta[at], digits = 17), format(test$SE[at], digits = 17),
      format(test$df_Satt[at], digits = 17), "\n")
}

if (length(unique(rows$wave)) == 1) {
  report("difference", lm(y ~ arm, data = rows), "armpilot")
} else {
  rows$wave <- factor(rows$wave, levels = c("baseline", "later"))
  fit <- lm(y ~ arm * wave, data = rows)
  report("baselineDifference", fit, "armpilot")
  report("differenceInDifferences", fit, "armpilot:wavelater")
  rows$wave <- relevel(rows$wave, ref = "later")
  report("difference", lm(y ~ arm * wave, data = rows), "armpilot")
}
