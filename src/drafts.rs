//! Drafts as they are stored in the browser, with no browser in sight: the
//! versioned schema and its migrations, backups and their merge, share-link
//! payloads, titles, and what to do when another tab wrote the same draft.
//! The web app's storage module only moves these strings in and out of
//! `localStorage`, so every decision here is tested natively.
//!
//! Schema history:
//! - version 1: one draft under one key,
//!   `{"version":1,"text":…,"overrides":{"R1":{"verdict":"met","note":…}}}`.
//! - version 2: one key per draft, `{"version":2,"id":…,"title":…|null,
//!   "text":…,"overrides":{…},"created":ms,"edited":ms}`.

use crate::engine::{CriterionId, Verdict};
use crate::engine::suggest::without_tags;
use crate::export::{Override, Overrides};
use json::Json;
use serde::Serialize;

pub(crate) mod json;

/// The schema this version writes.
pub const SCHEMA_VERSION: u64 = 2;

/// A share link's fragment longer than this is refused: some browsers, chat
/// apps and servers' logs cut long URLs.
pub const SHARE_FRAGMENT_LIMIT: usize = 32 * 1024;

/// The fragment a share link starts with, before the payload.
pub const SHARE_PREFIX: &str = "#share=";

const BACKUP_FORMAT: &str = "postmortem-reviewer-backup";

/// One draft: the person's text, their verdicts set by hand, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    /// A name the person gave it; otherwise the title comes from the text.
    pub name: Option<String>,
    pub text: String,
    pub overrides: Overrides,
    /// Milliseconds since the Unix epoch.
    pub created: u64,
    pub edited: u64,
    /// The schema version that wrote it. Above [`SCHEMA_VERSION`] it is
    /// shown read-only and never written back, so nothing a newer app
    /// stored in it is lost.
    pub schema: u64,
}

impl Draft {
    pub fn new(id: String, text: String, overrides: Overrides, now: u64) -> Self {
        Draft {
            id,
            name: None,
            text,
            overrides,
            created: now,
            edited: now,
            schema: SCHEMA_VERSION,
        }
    }

    pub fn title(&self) -> String {
        match self.name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => title_from_text(&self.text),
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.schema > SCHEMA_VERSION
    }

    /// Nothing a person wrote or set: no text, verdict or name.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty() && self.overrides.is_empty() && self.name.is_none() && !self.is_read_only()
    }

    /// Whether `other` holds the same words and verdicts.
    pub fn same_content(&self, other: &Draft) -> bool {
        self.text == other.text && self.overrides == other.overrides && self.name == other.name
    }

    /// A copy under a new id, for duplicating and for keeping both sides
    /// of a conflict or of an import clash.
    pub fn copy_as(&self, id: String, name: String, now: u64) -> Draft {
        Draft {
            id,
            name: Some(name),
            text: self.text.clone(),
            overrides: self.overrides.clone(),
            created: now,
            edited: now,
            schema: SCHEMA_VERSION,
        }
    }

    fn stored(&self) -> StoredDraft<'_> {
        StoredDraft {
            version: SCHEMA_VERSION,
            id: &self.id,
            title: self.name.as_deref(),
            text: &self.text,
            overrides: &self.overrides,
            created: self.created,
            edited: self.edited,
        }
    }

    /// The stored form, always the current schema.
    pub fn to_json(&self) -> String {
        crate::json_text::compact(&self.stored())
    }

    /// The draft as a Markdown file: its text, then the verdicts set by
    /// hand with their notes, so the file carries everything the draft does.
    pub fn markdown(&self) -> String {
        let mut out = self.text.trim_end().to_string();
        out.push('\n');
        if !self.overrides.is_empty() {
            out.push_str("\n<!-- Verdicts set by hand in Postmortem Reviewer -->\n");
            for (id, o) in self.overrides.iter() {
                out.push_str(&format!("<!-- {id}: {} — {} -->\n", o.verdict, o.note.replace("--", "- -")));
            }
        }
        out
    }
}

/// The current schema as written. Overrides serialise as
/// `{"R1":{"verdict":"met","note":…}}`.
#[derive(Serialize)]
struct StoredDraft<'a> {
    version: u64,
    id: &'a str,
    title: Option<&'a str>,
    text: &'a str,
    overrides: &'a Overrides,
    created: u64,
    edited: u64,
}

/// What one stored value turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    Draft(Draft),
    /// Not JSON, not a draft, or a draft with a malformed field: the raw
    /// value must be set aside untouched, never overwritten.
    Unreadable,
}

/// Reads one stored draft of any version. `id` names a version 1 draft,
/// which had none; `now` dates it, as version 1 kept no times.
pub fn parse_stored(raw: &str, id: &str, now: u64) -> Stored {
    json::parse(raw)
        .and_then(|value| draft_from_value(&value, id, now))
        .map_or(Stored::Unreadable, Stored::Draft)
}

fn draft_from_value(object: &Json, id: &str, now: u64) -> Option<Draft> {
    match object.get("version")?.as_u64()? {
        1 => migrate_v1(object, id.to_string(), now),
        2 => read_v2(object, SCHEMA_VERSION),
        // A newer app wrote it: read what this version understands, keep
        // the draft read-only. Without even a text there is nothing to show.
        newer if newer > SCHEMA_VERSION => read_v2(object, newer),
        _ => None,
    }
}

/// Version 1 → 2: the single draft gets an id and times.
fn migrate_v1(object: &Json, id: String, now: u64) -> Option<Draft> {
    let text = object.get("text")?.as_str()?.to_string();
    let overrides = match object.get("overrides") {
        None => Overrides::new(),
        Some(value) => parse_overrides(value)?,
    };
    Some(Draft::new(id, text, overrides, now))
}

fn read_v2(object: &Json, schema: u64) -> Option<Draft> {
    let lenient = schema > SCHEMA_VERSION;
    let id = object.get("id")?.as_str()?.to_string();
    if id.is_empty() {
        return None;
    }
    let name = match object.get("title") {
        None | Some(Json::Null) => None,
        Some(value) => Some(value.as_str()?.to_string()),
    };
    let text = object.get("text")?.as_str()?.to_string();
    let overrides = match object.get("overrides").map(parse_overrides) {
        None => Overrides::new(),
        Some(Some(o)) => o,
        // A newer version may store overrides differently: still show its text.
        Some(None) if lenient => Overrides::new(),
        Some(None) => return None,
    };
    let time = |key: &str| object.get(key).and_then(Json::as_u64);
    let (created, edited) = match (time("created"), time("edited")) {
        (Some(c), Some(e)) => (c, e),
        _ if lenient => (0, 0),
        _ => return None,
    };
    Some(Draft {
        id,
        name,
        text,
        overrides,
        created,
        edited,
        schema,
    })
}

/// `{"R1":{"verdict":"met","note":…}}`; a single malformed entry fails it
/// all, so the whole value is kept aside rather than partly lost.
fn parse_overrides(value: &Json) -> Option<Overrides> {
    let mut overrides = Overrides::new();
    for (key, entry) in value.as_object()? {
        let id = CriterionId::parse(key)?;
        let verdict = Verdict::parse(entry.get("verdict")?.as_str()?)?;
        let note = entry.get("note")?.as_str()?.to_string();
        overrides.insert(id, Override { verdict, note });
    }
    Some(overrides)
}

/// The front matter's title, else the first heading, else the first line
/// with words, shortened.
pub fn title_from_text(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    // A pasted page's first line "<h1>Outage</h1>" names its draft "Outage".
    // Front matter without a title names nothing (its "# comment" is no
    // heading), nor does a rule: a post opening "---" is not named "---".
    let is_rule = |l: &str| l.chars().all(|c| matches!(c, '-' | '=' | '*' | '_' | '+' | ' '));
    let lines = || {
        after_front_matter(text).lines().map(|l| without_tags(l).trim().to_string()).filter(move |l| !l.is_empty() && !is_rule(l))
    };
    let heading = lines()
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .filter(|l| !l.is_empty());
    let Some(title) = front_matter_title(text).map(str::to_string).or(heading).or_else(|| lines().next()) else {
        return "Untitled draft".to_string();
    };
    if title.chars().count() <= MAX_CHARS {
        title.to_string()
    } else {
        let cut: String = title.chars().take(MAX_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The text after its front matter fenced by `---` (YAML) or `+++`
/// (TOML), or all of it when it opens with none.
fn after_front_matter(text: &str) -> &str {
    let start = text.len() - text.trim_start().len();
    let Some(fence) = ["---", "+++"].into_iter().find(|f| text[start..].lines().next().is_some_and(|l| l.trim_end() == *f)) else {
        return text;
    };
    let mut at = start + text[start..].find('\n').map_or(text.len() - start, |n| n + 1);
    for line in text[at..].split_inclusive('\n') {
        at += line.len();
        if line.trim_end() == fence {
            return &text[at..];
        }
    }
    // A fence never closed is no front matter.
    text
}

/// A blog post's `title:` among the text's opening lines (its front
/// matter, up to the first blank line; `---` fences aside), unquoted: a
/// pasted post would otherwise be named "title: …" or "---".
fn front_matter_title(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .filter(|l| *l != "---")
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix("title:").or_else(|| l.strip_prefix("Title:")))
        .map(|value| value.trim().trim_matches(['"', '\'']).trim())
        .filter(|value| !value.is_empty())
}

/// The draft that text from outside (a sample, an opened file, a host
/// page) opens as; never one that holds a person's words. `drafts` are all
/// drafts as shown, the open one (`open_id`) included.
///
/// - A draft with exactly this text is opened again: a host page sends its
///   text on every visit, and each visit must not add a copy.
/// - Else a blank open draft takes the text (same id and edit time, so a
///   save still notices another tab's write), so no empty draft is left
///   behind.
/// - Else it is a new draft.
pub fn draft_for_text(drafts: &[Draft], open_id: &str, text: String, now: u64, make_id: impl FnOnce() -> String) -> Draft {
    if let Some(same) = drafts.iter().find(|d| d.text == text && !d.is_read_only()) {
        return same.clone();
    }
    match drafts.iter().find(|d| d.id == open_id && d.is_blank()) {
        Some(blank) => Draft { text, ..blank.clone() },
        None => Draft::new(make_id(), text, Overrides::new(), now),
    }
}

/// A draft id unlikely to clash across tabs and browsers: the time and
/// randomness from the caller (the browser's `Math.random`).
pub fn new_id(now: u64, random: u32) -> String {
    format!("d{now:x}{random:08x}")
}

/// Most recently edited first.
pub fn sort_by_edited(drafts: &mut [Draft]) {
    crate::sorting::sort_stably(drafts, |a, b| b.edited.cmp(&a.edited).then_with(|| a.id.cmp(&b.id)));
}

/// The `count` largest stored entries, largest first, as (title, bytes):
/// what the person could export and delete when storage is full.
pub fn largest(drafts: &[Draft], count: usize) -> Vec<(String, usize)> {
    let mut sizes: Vec<(String, usize)> = drafts.iter().map(|d| (d.title(), d.to_json().len())).collect();
    crate::sorting::sort_stably(&mut sizes, |a, b| b.1.cmp(&a.1));
    sizes.truncate(count);
    sizes
}

/// All drafts as one backup file.
pub fn backup_json(drafts: &[Draft]) -> String {
    #[derive(Serialize)]
    struct Backup<'a> {
        format: &'static str,
        version: u64,
        drafts: Vec<StoredDraft<'a>>,
    }
    let backup = Backup {
        format: BACKUP_FORMAT,
        version: SCHEMA_VERSION,
        drafts: drafts.iter().filter(|d| !d.is_read_only()).map(Draft::stored).collect(),
    };
    crate::json_text::pretty(&backup)
}

/// Reads a backup file, or a single stored draft of any version. Drafts
/// a newer app wrote stay read-only. `make_id` names drafts with none.
pub fn parse_backup(raw: &str, now: u64, mut make_id: impl FnMut() -> String) -> Result<Vec<Draft>, String> {
    let value = json::parse(raw).ok_or_else(|| "is not a backup: it is not JSON".to_string())?;
    if value.get("format").and_then(Json::as_str) != Some(BACKUP_FORMAT) {
        return draft_from_value(&value, &make_id(), now)
            .map(|d| vec![d])
            .ok_or_else(|| "is not a Postmortem Reviewer backup".to_string());
    }
    let entries = value
        .get("drafts")
        .and_then(Json::as_array)
        .ok_or_else(|| "is a backup with no list of drafts".to_string())?;
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            draft_from_value(entry, &make_id(), now).ok_or_else(|| format!("has an unreadable draft (number {})", i + 1))
        })
        .collect()
}

/// How a backup's drafts join the ones here.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Ids not here yet: added as they are.
    pub added: Vec<Draft>,
    /// Already here with the same content: nothing to do.
    pub unchanged: usize,
    /// Same id, different content: the person decides; never overwritten
    /// without asking.
    pub clashes: Vec<Draft>,
}

pub fn plan_import(existing: &[Draft], incoming: Vec<Draft>) -> ImportPlan {
    let mut plan = ImportPlan::default();
    for draft in incoming {
        match existing.iter().find(|d| d.id == draft.id) {
            None if plan.added.iter().any(|d| d.id == draft.id) => plan.clashes.push(draft),
            None => plan.added.push(draft),
            Some(here) if here.same_content(&draft) => plan.unchanged += 1,
            Some(_) => plan.clashes.push(draft),
        }
    }
    plan
}

/// What to do about a draft another tab stored under the id open here.
#[derive(Debug, PartialEq, Eq)]
pub enum Incoming {
    /// It says what this tab says: only remember its time.
    Same,
    /// This tab has nothing unsaved: show theirs.
    Adopt,
    /// Both changed: the person chooses, nothing is overwritten meanwhile.
    Conflict,
}

/// `mine` is what this tab shows, `base` the stored time it last read or
/// wrote, `unsaved` whether it has edits not yet written.
pub fn incoming(mine: &Draft, base: u64, unsaved: bool, theirs: &Draft) -> Incoming {
    if mine.same_content(theirs) {
        Incoming::Same
    } else if !unsaved && theirs.edited >= base {
        Incoming::Adopt
    } else {
        Incoming::Conflict
    }
}

/// Whether this tab may write `mine` over what is stored now: not when
/// another tab stored different content since this tab last read or wrote.
pub fn may_overwrite(mine: &Draft, base: u64, stored: Option<&Draft>) -> bool {
    match stored {
        None => true,
        Some(theirs) => !theirs.is_read_only() && (theirs.edited <= base || mine.same_content(theirs)),
    }
}

/// The edit time to store: now, but after whatever is stored, so a clock
/// that went back never makes a newer save look older.
pub fn next_edit_time(now: u64, stored_edited: u64) -> u64 {
    now.max(stored_edited + 1)
}

/// What a share link carries: text and overrides, as JSON (compressed and
/// encoded by the caller).
pub fn share_payload(draft: &Draft) -> String {
    #[derive(Serialize)]
    struct Shared<'a> {
        v: u64,
        text: &'a str,
        overrides: &'a Overrides,
    }
    let shared = Shared { v: 1, text: &draft.text, overrides: &draft.overrides };
    crate::json_text::compact(&shared)
}

/// The text and overrides from a share link's payload.
pub fn parse_share_payload(payload: &str) -> Option<(String, Overrides)> {
    let value = json::parse(payload)?;
    if value.get("v")?.as_u64()? != 1 {
        return None;
    }
    let text = value.get("text")?.as_str()?.to_string();
    let overrides = match value.get("overrides") {
        None => Overrides::new(),
        Some(o) => parse_overrides(o)?,
    };
    Some((text, overrides))
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding: safe in a URL fragment as it is.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(BASE64URL[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| BASE64URL.iter().position(|&d| d == c).map(|p| p as u32);
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= digit(c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overrides() -> Overrides {
        let mut o = Overrides::new();
        o.insert(CriterionId::R1, Override { verdict: Verdict::Met, note: "times are in the timeline".into() });
        o
    }

    fn draft(id: &str, text: &str, edited: u64) -> Draft {
        let mut d = Draft::new(id.into(), text.into(), overrides(), 10);
        d.edited = edited;
        d
    }

    #[test]
    fn version_1_migrates_with_its_text_and_overrides() {
        let raw = r##"{"version":1,"text":"# Outage\nbody","overrides":{"R1":{"verdict":"met","note":"times are in the timeline"}}}"##;
        let Stored::Draft(d) = parse_stored(raw, "d1", 500) else { panic!("unreadable") };
        assert_eq!(d, Draft::new("d1".into(), "# Outage\nbody".into(), overrides(), 500));
        assert_eq!(d.schema, SCHEMA_VERSION);
    }

    #[test]
    fn version_1_without_overrides_migrates() {
        let Stored::Draft(d) = parse_stored(r#"{"version":1,"text":"x"}"#, "d1", 1) else { panic!() };
        assert!(d.overrides.is_empty());
    }

    #[test]
    fn version_1_with_a_malformed_override_is_unreadable() {
        let raw = r#"{"version":1,"text":"x","overrides":{"R1":{"verdict":"great","note":""}}}"#;
        assert_eq!(parse_stored(raw, "d1", 1), Stored::Unreadable);
        let raw = r#"{"version":1,"text":"x","overrides":{"Z9":{"verdict":"met","note":""}}}"#;
        assert_eq!(parse_stored(raw, "d1", 1), Stored::Unreadable);
    }

    #[test]
    fn version_2_round_trips() {
        let mut d = draft("d2", "text with \"quotes\" and ünïcode", 77);
        d.name = Some("Renamed".into());
        assert_eq!(parse_stored(&d.to_json(), "ignored", 1), Stored::Draft(d.clone()));
        d.name = None;
        d.overrides.clear();
        assert_eq!(parse_stored(&d.to_json(), "ignored", 1), Stored::Draft(d));
    }

    #[test]
    fn version_2_missing_a_field_is_unreadable() {
        for raw in [
            r#"{"version":2,"id":"a","text":"x","overrides":{},"created":1}"#,
            r#"{"version":2,"text":"x","overrides":{},"created":1,"edited":1}"#,
            r#"{"version":2,"id":"a","overrides":{},"created":1,"edited":1}"#,
            r#"{"version":2,"id":"a","text":"x","overrides":[],"created":1,"edited":1}"#,
            r#"{"version":0,"text":"x"}"#,
            r#"{"text":"x"}"#,
            "not json {",
            "",
        ] {
            assert_eq!(parse_stored(raw, "d", 1), Stored::Unreadable, "{raw}");
        }
    }

    #[test]
    fn a_newer_version_is_read_only_and_keeps_its_text() {
        let raw = r#"{"version":3,"id":"n","text":"from the future","overrides":{"R1":{"grade":5}},"tags":["x"]}"#;
        let Stored::Draft(d) = parse_stored(raw, "ignored", 1) else { panic!() };
        assert!(d.is_read_only());
        assert_eq!(d.text, "from the future");
        assert!(!may_overwrite(&draft("n", "mine", 1), u64::MAX, Some(&d)));
        assert!(!backup_json(&[d]).contains("future"));
    }

    #[test]
    fn titles_come_from_the_first_heading_or_line() {
        assert_eq!(title_from_text("\n\nIntro line\n# Database outage\n"), "Database outage");
        assert_eq!(title_from_text("  first words\nsecond"), "first words");
        assert_eq!(title_from_text("#\n  \n"), "#");
        assert_eq!(title_from_text(" \n"), "Untitled draft");
        assert_eq!(title_from_text("---\nlayout: post\ntitle: \"Mail outage\"\n---\n\n# Summary\n"), "Mail outage");
        assert_eq!(title_from_text("title: Mail outage\ndate: 2014-05-07\n\n<p>Mail was late.</p>\n"), "Mail outage");
        assert_eq!(title_from_text("Intro\n\ntitle: not front matter\n"), "Intro");
        assert_eq!(title_from_text("<p>\n<h1>Mail <em>outage</em></h1>\n"), "Mail outage");
        // Front matter without a title: the first words after it, never
        // the fence or a YAML comment.
        assert_eq!(
            title_from_text("---\nurl: https://x.org/post\n# severity: down\n\n---\n\nOn 2023-07-20 crate downloads broke.\n"),
            "On 2023-07-20 crate downloads broke."
        );
        assert_eq!(title_from_text("+++\ndate = 2020\n+++\nMail was late.\n"), "Mail was late.");
        assert_eq!(title_from_text("---\nnot closed\n"), "not closed");
        assert_eq!(title_from_text("Mail outage\n===========\n"), "Mail outage");
        assert_eq!(title_from_text("a < b and c > d"), "a < b and c > d");
        let long = "x".repeat(100);
        assert_eq!(title_from_text(&long).chars().count(), 60);
        let mut d = draft("a", "# From text", 1);
        assert_eq!(d.title(), "From text");
        d.name = Some("  ".into());
        assert_eq!(d.title(), "From text");
        d.name = Some("Mine".into());
        assert_eq!(d.title(), "Mine");
    }

    #[test]
    fn drafts_sort_by_last_edit() {
        let mut list = vec![draft("a", "", 1), draft("b", "", 3), draft("c", "", 2)];
        sort_by_edited(&mut list);
        let ids: Vec<_> = list.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
    }

    #[test]
    fn largest_drafts_come_first() {
        let list = [draft("a", "# Small", 1), draft("b", &format!("# Big\n{}", "x".repeat(500)), 1)];
        let top = largest(&list, 1);
        assert_eq!(top[0].0, "Big");
        assert!(top[0].1 > 500);
    }

    #[test]
    fn backups_round_trip_and_accept_a_version_1_draft() {
        let list = vec![draft("a", "one", 1), draft("b", "two", 2)];
        let back = parse_backup(&backup_json(&list), 5, || "unused".into()).unwrap();
        assert_eq!(back, list);
        let v1 = parse_backup(r#"{"version":1,"text":"old"}"#, 5, || "new".into()).unwrap();
        assert_eq!((v1[0].id.as_str(), v1[0].text.as_str()), ("new", "old"));
        assert!(parse_backup("[]", 5, || "x".into()).is_err());
        let bad = r#"{"format":"postmortem-reviewer-backup","version":2,"drafts":[{"version":2}]}"#;
        assert!(parse_backup(bad, 5, || "x".into()).unwrap_err().contains("number 1"));
    }

    #[test]
    fn import_adds_new_ids_skips_identical_and_asks_about_clashes() {
        let here = vec![draft("a", "one", 1), draft("b", "two", 1)];
        let incoming = vec![draft("a", "one", 9), draft("b", "changed", 2), draft("c", "three", 1), draft("c", "dup", 1)];
        let plan = plan_import(&here, incoming);
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.added.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["c"]);
        assert_eq!(plan.clashes.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["changed", "dup"]);
    }

    #[test]
    fn another_tabs_write_is_adopted_only_when_nothing_here_is_unsaved() {
        let mine = draft("a", "mine", 5);
        assert_eq!(incoming(&mine, 5, true, &draft("a", "mine", 9)), Incoming::Same);
        assert_eq!(incoming(&mine, 5, false, &draft("a", "theirs", 9)), Incoming::Adopt);
        assert_eq!(incoming(&mine, 5, true, &draft("a", "theirs", 9)), Incoming::Conflict);
    }

    #[test]
    fn a_save_never_overwrites_a_newer_different_draft() {
        let mine = draft("a", "mine", 5);
        assert!(may_overwrite(&mine, 5, None));
        assert!(may_overwrite(&mine, 5, Some(&draft("a", "old", 5))));
        assert!(may_overwrite(&mine, 5, Some(&draft("a", "mine", 9))));
        assert!(!may_overwrite(&mine, 5, Some(&draft("a", "theirs", 9))));
        assert_eq!(next_edit_time(10, 20), 21);
        assert_eq!(next_edit_time(30, 20), 30);
    }

    #[test]
    fn copies_get_a_new_id_and_name() {
        let copy = draft("a", "t", 1).copy_as("b".into(), "Copy".into(), 50);
        assert_eq!((copy.id.as_str(), copy.title().as_str(), copy.edited, copy.overrides.len()), ("b", "Copy", 50, 1));
    }

    #[test]
    fn markdown_export_keeps_text_and_overrides() {
        let md = draft("a", "# T\nbody\n\n", 1).markdown();
        assert!(md.starts_with("# T\nbody\n"));
        assert!(md.contains("R1: met — times are in the timeline"));
    }

    #[test]
    fn share_payloads_round_trip() {
        let d = draft("a", "# Shared\n", 1);
        assert_eq!(parse_share_payload(&share_payload(&d)), Some((d.text, d.overrides)));
        assert_eq!(parse_share_payload(r#"{"v":2,"text":""}"#), None);
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..20 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 250) as u8).collect();
            let text = base64url_encode(&bytes);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&text), Some(bytes));
        }
        assert_eq!(base64url_encode(b"hi?"), "aGk_");
        assert_eq!(base64url_decode("a"), None);
        assert_eq!(base64url_decode("a*"), None);
    }

    #[test]
    fn text_from_outside_never_opens_over_a_persons_words() {
        let mine = draft("a", "# My outage\nmy words", 5);
        let opened = draft_for_text(std::slice::from_ref(&mine), "a", "# Sample".into(), 50, || "new".into());
        assert_eq!((opened.id.as_str(), opened.text.as_str(), opened.edited), ("new", "# Sample", 50));
        assert!(opened.overrides.is_empty());

        let blank = Draft::new("b".into(), " \n".into(), Overrides::new(), 7);
        let opened = draft_for_text(&[mine.clone(), blank], "b", "# Sample".into(), 50, || "new".into());
        assert_eq!((opened.id.as_str(), opened.text.as_str(), opened.edited), ("b", "# Sample", 7), "the blank draft takes it");

        let mut named = Draft::new("c".into(), String::new(), Overrides::new(), 7);
        named.name = Some("Kept for Tuesday".into());
        assert_eq!(draft_for_text(&[named], "c", "x".into(), 50, || "new".into()).id, "new", "a name is the person's");

        let again = draft_for_text(std::slice::from_ref(&mine), "z", "# My outage\nmy words".into(), 50, || "new".into());
        assert_eq!(again, mine, "the same text opens the draft that has it");
    }

    #[test]
    fn ids_differ_by_time_and_randomness() {
        assert_ne!(new_id(1, 2), new_id(1, 3));
        assert_ne!(new_id(1, 2), new_id(2, 2));
    }
}
