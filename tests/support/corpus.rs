//! Loads the labelled corpus (`../shared/corpus`, or `$POSTMORTEM_CORPUS`):
//! each case's text and the majority verdicts of its reviewers.

use postmortem_reviewer::engine::{CriterionId, Verdict};
use std::path::PathBuf;

pub struct Case {
    pub id: String,
    pub text: String,
    /// Verdicts in `CriterionId::ALL` order.
    pub labels: Vec<Verdict>,
}

pub fn corpus_dir() -> PathBuf {
    std::env::var_os("POSTMORTEM_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

/// A held-out set (`tests/holdout`, `tests/holdout-b`): written and labelled
/// from the rubric alone by reviewers who never read the engine.
#[allow(dead_code)] // not every test target reads the held-out sets
pub fn holdout_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join(name)
}

pub fn load() -> Vec<Case> {
    load_from(&corpus_dir())
}

pub fn load_from(dir: &std::path::Path) -> Vec<Case> {
    let labels = std::fs::read_to_string(dir.join("labels.tsv")).unwrap_or_else(|e| {
        panic!("cannot read {}: {e} (set POSTMORTEM_CORPUS to the corpus folder)", dir.join("labels.tsv").display())
    });
    let mut lines = labels.lines();
    let header: Vec<&str> = lines.next().expect("labels.tsv has a header").split('\t').collect();
    let columns: Vec<usize> = CriterionId::ALL
        .iter()
        .map(|id| header.iter().position(|h| *h == id.as_str()).expect("a column per criterion"))
        .collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let id = cells[0].to_string();
            let path = dir.join("cases").join(format!("{id}.md"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let labels = columns
                .iter()
                .map(|&c| Verdict::parse(cells[c]).unwrap_or_else(|| panic!("bad verdict in {id}")))
                .collect();
            Case { id, text, labels }
        })
        .collect()
}
