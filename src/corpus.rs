//! The labelled corpus in `corpus/`: which documents there are, where each
//! came from, and the verdicts reviewers gave it.
//!
//! `corpus/manifest.tsv` has one row per document (id, source repository,
//! path and commit at the source, licence, kind, file). Every file in
//! `corpus/labels/*.tsv` is one reviewer's (or, for the seed set, one
//! panel's) verdicts: a header `id P1 … B4`, then a row per document that
//! reviewer labelled. A document's label is the majority of the rows given
//! for it. `corpus/test-sources.txt` lists the sources held out as the test
//! split: whole sources, chosen before anyone read them.
//!
//! Native only: the corpus is read from disk by the tests, the benchmarks
//! and the training command, never by the web app.

use crate::engine::{CriterionId, Verdict};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of text a document is, as its manifest row says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A postmortem or incident report as its authors published it.
    Original,
    /// A short status-page notice.
    StatusNotice,
    /// Someone else's rewritten summary of an incident.
    Summary,
    /// Written for this project to probe hard cases.
    Written,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Original, Kind::StatusNotice, Kind::Summary, Kind::Written];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Original => "original",
            Kind::StatusNotice => "status-notice",
            Kind::Summary => "summary",
            Kind::Written => "written",
        }
    }

    fn parse(word: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == word)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One document of the corpus with its text and labels.
#[derive(Clone, Debug)]
pub struct Case {
    pub id: String,
    /// The repository (or publication) it came from: the unit that
    /// leave-source-out validation holds out together.
    pub source: String,
    pub kind: Kind,
    pub licence: String,
    /// The path under `corpus/`.
    pub file: String,
    /// In the test split: scored, never studied.
    pub test: bool,
    pub text: String,
    /// Every reviewer's verdicts for this document, in file-name order.
    pub votes: Vec<[Verdict; 12]>,
    /// The majority of `votes`, in `CriterionId::ALL` order.
    pub labels: [Verdict; 12],
    /// Per criterion, the passages reviewers quoted as evidence for a met
    /// or partial verdict (empty where no reviewer gave quotes).
    pub quotes: [Vec<String>; 12],
}

impl Case {
    pub fn label(&self, id: CriterionId) -> Verdict {
        self.labels[id as usize]
    }
}

/// The whole corpus: labelled documents and those still waiting for labels.
pub struct Corpus {
    pub cases: Vec<Case>,
    /// Manifest ids no reviewer has labelled yet.
    pub unlabelled: Vec<String>,
}

/// The corpus folder of this repository.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

impl Corpus {
    /// Loads the corpus in `root()`.
    pub fn load() -> Result<Corpus, String> {
        Corpus::load_from(&root())
    }

    pub fn load_from(dir: &Path) -> Result<Corpus, String> {
        let read = |name: &Path| {
            std::fs::read_to_string(name).map_err(|e| format!("cannot read {}: {e}", name.display()))
        };
        let test_sources: Vec<String> = read(&dir.join("test-sources.txt"))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect();
        let votes = load_votes(&dir.join("labels"))?;
        let mut quotes = load_quotes(&dir.join("labels").join("evidence"))?;
        let manifest = read(&dir.join("manifest.tsv"))?;
        let mut cases = Vec::new();
        let mut unlabelled = Vec::new();
        for (n, line) in manifest.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let [id, source, _path, _commit, licence, kind, file] = cells[..] else {
                return Err(format!("manifest.tsv line {}: expected 7 columns", n + 1));
            };
            let kind = Kind::parse(kind).ok_or_else(|| format!("manifest.tsv line {}: unknown kind {kind:?}", n + 1))?;
            let Some(case_votes) = votes.get(id) else {
                unlabelled.push(id.to_string());
                continue;
            };
            let text = read(&dir.join(file))?;
            cases.push(Case {
                id: id.to_string(),
                source: source.to_string(),
                kind,
                licence: licence.to_string(),
                file: file.to_string(),
                test: test_sources.iter().any(|s| s == source),
                text,
                labels: majority(case_votes),
                votes: case_votes.clone(),
                quotes: quotes.remove(id).unwrap_or_default(),
            });
        }
        Ok(Corpus { cases, unlabelled })
    }

    /// The training documents (everything outside the test split).
    pub fn train(&self) -> impl Iterator<Item = &Case> {
        self.cases.iter().filter(|c| !c.test)
    }

    /// The test split: whole sources held out, labelled by three reviewers.
    pub fn test(&self) -> impl Iterator<Item = &Case> {
        self.cases.iter().filter(|c| c.test)
    }

    pub fn get(&self, id: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }
}

/// Reads every reviewer's file in `labels/`, sorted by name so that the
/// order of votes (and so every tie-break) is the same on every machine.
fn load_votes(dir: &Path) -> Result<BTreeMap<String, Vec<[Verdict; 12]>>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut votes: BTreeMap<String, Vec<[Verdict; 12]>> = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        let columns: Vec<usize> = CriterionId::ALL
            .iter()
            .map(|id| header.iter().position(|h| *h == id.as_str()))
            .collect::<Option<_>>()
            .ok_or_else(|| format!("{}: the header needs a column per criterion", file.display()))?;
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let cells: Vec<&str> = line.split('\t').collect();
            let mut row = [Verdict::Missing; 12];
            for (slot, &column) in row.iter_mut().zip(&columns) {
                let cell = cells.get(column).copied().unwrap_or_default();
                *slot = Verdict::parse(cell.trim())
                    .ok_or_else(|| format!("{}: bad verdict {cell:?} for {}", file.display(), cells[0]))?;
            }
            votes.entry(cells[0].to_string()).or_default().push(row);
        }
    }
    Ok(votes)
}

/// Reads every reviewer's evidence file (`labels/evidence/*.jsonl`: one
/// JSON object per met or partial verdict, `{"id", "criterion", "quotes"}`).
fn load_quotes(dir: &Path) -> Result<BTreeMap<String, [Vec<String>; 12]>, String> {
    #[derive(serde::Deserialize)]
    struct Line {
        id: String,
        criterion: String,
        quotes: Vec<String>,
    }
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => return Ok(BTreeMap::new()),
    };
    files.retain(|p| p.extension().is_some_and(|x| x == "jsonl"));
    files.sort();
    let mut quotes: BTreeMap<String, [Vec<String>; 12]> = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let line: Line = serde_json::from_str(line).map_err(|e| format!("{} line {}: {e}", file.display(), n + 1))?;
            let id = CriterionId::parse(&line.criterion)
                .ok_or_else(|| format!("{} line {}: unknown criterion {}", file.display(), n + 1, line.criterion))?;
            quotes.entry(line.id).or_default()[id as usize].extend(line.quotes);
        }
    }
    Ok(quotes)
}

/// The verdict most reviewers gave, per criterion. Without a single most
/// common verdict (a tie), partial: the verdict nearest to every vote.
fn majority(votes: &[[Verdict; 12]]) -> [Verdict; 12] {
    const ORDER: [Verdict; 3] = [Verdict::Met, Verdict::Partial, Verdict::Missing];
    std::array::from_fn(|i| {
        let counts = ORDER.map(|v| votes.iter().filter(|row| row[i] == v).count());
        let top = counts.iter().copied().max().unwrap_or(0);
        match ORDER.iter().zip(counts).filter(|(_, c)| *c == top).collect::<Vec<_>>()[..] {
            [(v, _)] => *v,
            _ => Verdict::Partial,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Verdict::*;

    fn row(v: Verdict) -> [Verdict; 12] {
        [v; 12]
    }

    #[test]
    fn a_single_reviewer_is_the_label() {
        assert_eq!(majority(&[row(Met)]), row(Met));
        assert_eq!(majority(&[row(Missing)]), row(Missing));
    }

    #[test]
    fn two_of_three_decide() {
        assert_eq!(majority(&[row(Met), row(Partial), row(Met)]), row(Met));
        assert_eq!(majority(&[row(Missing), row(Missing), row(Met)]), row(Missing));
        assert_eq!(majority(&[row(Partial), row(Missing), row(Partial)]), row(Partial));
    }

    #[test]
    fn three_different_verdicts_meet_in_the_middle() {
        assert_eq!(majority(&[row(Met), row(Partial), row(Missing)]), row(Partial));
    }

    #[test]
    fn the_repository_corpus_loads_with_labels_for_the_reference_case() {
        let corpus = Corpus::load().expect("corpus/ loads");
        let case = corpus.get("zendesk-2010-quick").expect("the reference case is labelled");
        assert_eq!(case.kind, Kind::Original);
        assert_eq!(case.label(CriterionId::P1), Met);
    }
}
