//! Spam: the rules of `rules/spam.toml` (`rules`, with the impersonation checks of
//! `impersonation`), the statistical classifier (`bayes`) and its token database (`tokendb`). The scanner that runs them is `scanners::spam`; `canhgac train`
//! fills the database; `canhgac-tools eval` (`cli::eval`) measures the whole by cross-validation.

pub mod bayes;
pub mod impersonation;
pub mod rules;
pub mod tokendb;
