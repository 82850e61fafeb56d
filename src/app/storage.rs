//! The only code that touches `localStorage`. Each draft is kept under a
//! key of its own as versioned JSON (the schema and its migrations are in
//! [`crate::drafts`]); the last open draft and the colour theme under keys
//! of their own. Every failure becomes a [`StorageProblem`] the app shows,
//! and nothing the person wrote is ever thrown away: a stored value this
//! version cannot read is copied, untouched, to a quarantine key, and
//! removed from where it was only once the copy is stored.

use crate::drafts::{self, Draft, Stored};
use leptos::prelude::{WindowListenerHandle, window_event_listener};
use std::cell::RefCell;
use std::fmt;
use wasm_bindgen::JsValue;
use web_sys::Storage;

/// Where version 1 kept its single draft.
const LEGACY_DRAFT_KEY: &str = "postmortem-reviewer.draft";
const DRAFT_PREFIX: &str = "postmortem-reviewer.drafts.";
const LAST_OPEN_KEY: &str = "postmortem-reviewer.last-open";
const QUARANTINE_PREFIX: &str = "postmortem-reviewer.quarantine.";
const THEME_KEY: &str = "postmortem-reviewer.theme";

/// Why drafts are not, or not fully, being kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser refuses storage (private mode, a sandboxed frame, a policy).
    Unavailable,
    /// A save failed; `quota` when the browser said storage is full.
    NotSaved { quota: bool },
    /// Stored values were unreadable; each was set aside under a key of
    /// these.
    Quarantined { keys: Vec<String> },
    /// A stored value was unreadable and could not be set aside, so it is
    /// left where it was, and nothing will write there.
    Unreadable,
}

impl fmt::Display for StorageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable => f.write_str(
                "This browser does not let the page keep data, so your drafts last only while this tab is open. Export them before you close the tab.",
            ),
            Self::NotSaved { quota: true } => f.write_str(
                "Your latest changes are not saved: the browser's storage for this page is full. They are still here; download this draft to keep it, or delete or export large drafts to make room.",
            ),
            Self::NotSaved { quota: false } => f.write_str(
                "Your latest changes are not saved: the browser refused to store them. They are still here; download this draft to keep it.",
            ),
            Self::Quarantined { keys } => write!(
                f,
                "A saved draft could not be read, so it is not in the list. Its saved value is kept untouched in this browser's storage under {}: download it to look at it.",
                keys.iter().map(|k| format!("\u{201c}{k}\u{201d}")).collect::<Vec<_>>().join(", ")
            ),
            Self::Unreadable => f.write_str(
                "A saved draft could not be read and could not be set aside (storage is full), so it is left untouched where it was. Download it to look at it.",
            ),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    fn parse(word: &str) -> Option<Self> {
        [Self::System, Self::Light, Self::Dark]
            .into_iter()
            .find(|t| t.as_str() == word)
    }
}

/// Where drafts are saved, if anywhere.
pub struct DraftStore {
    /// `None` when the browser refuses storage.
    storage: Option<Storage>,
    /// Work for the first moments after start, when the app is running:
    /// a version 1 draft to store in the current schema, and unreadable
    /// values (key, raw) to set aside.
    migrated: RefCell<Option<Draft>>,
    unreadable: RefCell<Vec<(String, String)>>,
}

/// What was found at start.
pub struct Opened {
    pub store: DraftStore,
    pub drafts: Vec<Draft>,
    pub last_open: Option<String>,
    pub theme: Theme,
    pub problem: Option<StorageProblem>,
    /// Unreadable stored values (key, raw), offered for download.
    pub unreadable: Vec<(String, String)>,
}

/// Opens storage and reads every draft and the theme; called once, at
/// start, and only reads. Writing waits for [`DraftStore::settle`].
pub fn open(now: u64, make_id: impl FnOnce() -> String) -> Opened {
    let unavailable = || Opened {
        store: DraftStore { storage: None, migrated: RefCell::default(), unreadable: RefCell::default() },
        drafts: Vec::new(),
        last_open: None,
        theme: Theme::System,
        problem: Some(StorageProblem::Unavailable),
        unreadable: Vec::new(),
    };
    // Some browsers hand out a storage object that throws on first use.
    let Some(storage) = local_storage().filter(|s| s.length().is_ok()) else {
        return unavailable();
    };
    let get = |key: &str| storage.get_item(key).ok().flatten();
    let theme = get(THEME_KEY).and_then(|t| Theme::parse(&t)).unwrap_or_default();
    let mut drafts = Vec::new();
    let mut unreadable = Vec::new();
    for key in keys(&storage).into_iter().filter(|k| k.starts_with(DRAFT_PREFIX)) {
        let Some(raw) = get(&key) else { continue };
        match drafts::parse_stored(&raw, &key[DRAFT_PREFIX.len()..], now) {
            Stored::Draft(d) if d.id == key[DRAFT_PREFIX.len()..] => drafts.push(d),
            _ => unreadable.push((key, raw)),
        }
    }
    let mut migrated = None;
    if let Some(raw) = get(LEGACY_DRAFT_KEY) {
        match drafts::parse_stored(&raw, &make_id(), now) {
            // An empty version 1 draft was only the app's first visit.
            Stored::Draft(d) if d.text.trim().is_empty() && d.overrides.is_empty() => {}
            Stored::Draft(d) => {
                drafts.push(d.clone());
                migrated = Some(d);
            }
            Stored::Unreadable => unreadable.push((LEGACY_DRAFT_KEY.to_string(), raw)),
        }
    }
    let last_open = get(LAST_OPEN_KEY).or_else(|| migrated.as_ref().map(|d| d.id.clone()));
    Opened {
        store: DraftStore {
            storage: Some(storage),
            migrated: RefCell::new(migrated),
            unreadable: RefCell::new(unreadable.clone()),
        },
        drafts,
        last_open,
        theme,
        problem: None,
        unreadable,
    }
}

impl DraftStore {
    /// Finishes what [`open`] found: stores a version 1 draft in the
    /// current schema (removing the old key only once that worked), and
    /// copies each unreadable value, untouched, to a quarantine key.
    pub fn settle(&self) -> Option<StorageProblem> {
        let storage = self.storage.as_ref()?;
        if let Some(draft) = self.migrated.borrow_mut().take()
            && self.save(&draft).is_ok()
        {
            let _ = storage.remove_item(LEGACY_DRAFT_KEY);
        }
        let unreadable = std::mem::take(&mut *self.unreadable.borrow_mut());
        if unreadable.is_empty() {
            return None;
        }
        let stamp = js_sys::Date::now() as u64;
        let mut keys = Vec::new();
        for (key, raw) in unreadable {
            let aside = format!("{QUARANTINE_PREFIX}{key}.{stamp}");
            if storage.set_item(&aside, &raw).is_err() {
                return Some(StorageProblem::Unreadable);
            }
            let _ = storage.remove_item(&key);
            keys.push(aside);
        }
        Some(StorageProblem::Quarantined { keys })
    }

    /// Stores a draft. A draft a newer version wrote is never written.
    pub fn save(&self, draft: &Draft) -> Result<(), StorageProblem> {
        let Some(storage) = self.storage.as_ref() else {
            return Ok(());
        };
        if draft.is_read_only() {
            return Ok(());
        }
        storage
            .set_item(&format!("{DRAFT_PREFIX}{}", draft.id), &draft.to_json())
            .map_err(|e| StorageProblem::NotSaved { quota: is_quota_error(&e) })
    }

    /// The draft stored under `id` now, as another tab may have left it.
    pub fn read(&self, id: &str) -> Option<Draft> {
        let raw = self.storage.as_ref()?.get_item(&format!("{DRAFT_PREFIX}{id}")).ok()??;
        match drafts::parse_stored(&raw, id, 0) {
            Stored::Draft(d) => Some(d),
            Stored::Unreadable => None,
        }
    }

    pub fn remove(&self, id: &str) {
        if let Some(storage) = &self.storage {
            let _ = storage.remove_item(&format!("{DRAFT_PREFIX}{id}"));
        }
    }

    /// Best effort, like the theme: only which draft opens next time.
    pub fn remember_open(&self, id: &str) {
        if let Some(storage) = &self.storage {
            let _ = storage.set_item(LAST_OPEN_KEY, id);
        }
    }

    /// Best effort: a theme that is not remembered is no loss worth a banner.
    pub fn save_theme(&self, theme: Theme) {
        if let Some(storage) = &self.storage {
            let _ = storage.set_item(THEME_KEY, theme.as_str());
        }
    }
}

/// What another tab changed in storage.
pub enum Change {
    /// It stored (`Some`) or deleted (`None`) the draft `id`.
    Draft { id: String, draft: Option<Draft> },
    /// Anything else: another key, a value this version cannot read (left
    /// for the next start to set aside), or all of storage cleared. Room
    /// may have come back either way.
    Other,
}

/// Calls `on_change` whenever another tab of this origin changes storage.
pub fn on_other_tab_change(on_change: impl Fn(Change) + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::storage, move |ev| {
        let Some(id) = ev.key().and_then(|k| k.strip_prefix(DRAFT_PREFIX).map(str::to_string)) else {
            return on_change(Change::Other);
        };
        let draft = match ev.new_value() {
            None => None,
            Some(raw) => match drafts::parse_stored(&raw, &id, 0) {
                Stored::Draft(d) => Some(d),
                Stored::Unreadable => return on_change(Change::Other),
            },
        };
        on_change(Change::Draft { id, draft });
    })
}

fn keys(storage: &Storage) -> Vec<String> {
    (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
}

/// `window.localStorage`, or `None` when reading it throws or it is absent.
fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn is_quota_error(error: &JsValue) -> bool {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .is_some_and(|name| name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED")
}
