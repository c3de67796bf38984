# The reference for server/stats/regression.ts and correlation.ts, as reports/drivers uses them.
# Usage: Rscript drivers.R rows.csv linear|logistic   (one column per driver, then y; complete cases)
# linear:   lm(scale(y) ~ scale(x1) + …), t intervals (confint)
# logistic: glm(y ~ scale(x1) + …, binomial), Wald intervals (confint.default)
# Prints "model <driver> estimate se lo hi" and "cor <driver> r lo hi" (cor.test's Fisher interval).
args <- commandArgs(trailingOnly = TRUE)
rows <- read.csv(args[1])
drivers <- setdiff(names(rows), "y")
z <- as.data.frame(scale(rows[drivers]))
if (args[2] == "linear") {
  z$y <- as.numeric(scale(rows$y))
  fit <- lm(y ~ ., data = z)
  ci <- confint(fit)
} else {
  z$y <- rows$y
  control <- glm.control(epsilon = 1e-14, maxit = 100)
  fit <- glm(y ~ ., data = z, family = binomial, control = control)
  # glm's standard errors use the weights of its last-but-one step: one more step from the
  # converged estimates makes them those of the estimates themselves
  fit <- glm(y ~ ., data = z, family = binomial, control = control, start = coef(fit))
  ci <- confint.default(fit)
}
s <- summary(fit)$coefficients
f <- function(x) format(x, digits = 17)
for (d in drivers) cat("model", d, f(s[d, 1]), f(s[d, 2]), f(ci[d, 1]), f(ci[d, 2]), "\n")
for (d in drivers) {
  t <- cor.test(rows[[d]], rows$y)
  cat("cor", d, f(unname(t$estimate)), f(t$conf.int[1]), f(t$conf.int[2]), "\n")
}
