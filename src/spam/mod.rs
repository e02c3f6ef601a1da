//! Spam: the statistical classifier (`bayes`) and its cross-validated evaluation
//! (`canhgac eval`). Not yet a scanner: issue 6 wires it in with rules, a token database and
//! score-based actions.

pub mod bayes;
