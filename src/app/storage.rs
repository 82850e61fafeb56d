//! The only code that touches `localStorage`. The draft (text and
//! overrides) is kept under one key as versioned JSON; the colour theme
//! under another. Every failure becomes a [`StorageProblem`] the app shows,
//! and nothing the person wrote is ever thrown away: a stored value this
//! version cannot read is copied, untouched, to a quarantine key before
//! anything new is saved.

use crate::engine::{CriterionId, Verdict};
use crate::export::{Override, Overrides};
use serde::Serialize;
use std::cell::RefCell;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

const DRAFT_KEY: &str = "postmortem-reviewer.draft";
const QUARANTINE_PREFIX: &str = "postmortem-reviewer.draft.unreadable.";
const THEME_KEY: &str = "postmortem-reviewer.theme";
const VERSION: u32 = 1;

/// What is kept between visits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub text: String,
    pub overrides: Overrides,
}

#[derive(Serialize)]
struct StoredDraftRef<'a> {
    version: u32,
    text: &'a str,
    overrides: &'a Overrides,
}

/// Why the draft is not, or not fully, being kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser refuses storage (private mode, a sandboxed frame, a policy).
    Unavailable,
    /// A save failed; `quota` when the browser said storage is full.
    NotSaved { quota: bool },
    /// The stored draft was unreadable; it was set aside under `key`.
    Quarantined { key: String },
    /// The stored draft was unreadable and could not be set aside, so
    /// saving is off rather than overwrite it.
    Unreadable,
}

impl fmt::Display for StorageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable => f.write_str(
                "This browser does not let the page keep data, so your draft lasts only while this tab is open. Export or copy it before you close the tab.",
            ),
            Self::NotSaved { quota: true } => f.write_str(
                "Your latest changes are not saved: the browser's storage for this page is full. Export or copy your draft to keep it.",
            ),
            Self::NotSaved { quota: false } => f.write_str(
                "Your latest changes are not saved: the browser refused to store them. Export or copy your draft to keep it.",
            ),
            Self::Quarantined { key } => write!(
                f,
                "The saved draft could not be read, so the reviewer started empty. The saved value is kept untouched in this browser's storage under the key \u{201c}{key}\u{201d}."
            ),
            Self::Unreadable => f.write_str(
                "The saved draft could not be read and could not be set aside, so nothing is saved in this tab (saving would overwrite it). Export or copy your draft to keep it.",
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
    /// `None` when the browser refuses storage, or once saving is turned
    /// off to protect an unreadable draft that could not be set aside.
    storage: RefCell<Option<Storage>>,
    /// A stored value this version cannot read, to set aside before the
    /// first save.
    unreadable: RefCell<Option<String>>,
}

impl DraftStore {
    fn new(storage: Option<Storage>) -> Self {
        DraftStore {
            storage: RefCell::new(storage),
            unreadable: RefCell::new(None),
        }
    }
}

/// What was found at start.
pub struct Opened {
    pub store: DraftStore,
    pub draft: Draft,
    pub theme: Theme,
    pub problem: Option<StorageProblem>,
}

/// Opens storage and reads the saved draft and theme; called once, at
/// start, and only reads. An unreadable draft is set aside later, by
/// [`DraftStore::set_aside_unreadable`].
pub fn open() -> Opened {
    let Some(storage) = local_storage() else {
        return Opened {
            store: DraftStore::new(None),
            draft: Draft::default(),
            theme: Theme::System,
            problem: Some(StorageProblem::Unavailable),
        };
    };
    let theme = storage
        .get_item(THEME_KEY)
        .ok()
        .flatten()
        .and_then(|t| Theme::parse(&t))
        .unwrap_or_default();
    let raw = match storage.get_item(DRAFT_KEY) {
        Ok(raw) => raw,
        Err(_) => {
            return Opened {
                store: DraftStore::new(None),
                draft: Draft::default(),
                theme,
                problem: Some(StorageProblem::Unavailable),
            };
        }
    };
    let store = DraftStore::new(Some(storage));
    let draft = match raw {
        None => Draft::default(),
        Some(raw) => match parse_draft(&raw) {
            Some(draft) => draft,
            // Unparseable, or written by another version: keep it as it is.
            None => {
                *store.unreadable.borrow_mut() = Some(raw);
                Draft::default()
            }
        },
    };
    Opened {
        store,
        draft,
        theme,
        problem: None,
    }
}

impl DraftStore {
    /// Copies an unreadable stored draft, untouched, to a key of its own,
    /// and says where; if that fails, turns saving off so the next save
    /// cannot overwrite it. `None` when there was nothing to set aside.
    pub fn set_aside_unreadable(&self) -> Option<StorageProblem> {
        let raw = self.unreadable.borrow_mut().take()?;
        let key = format!("{QUARANTINE_PREFIX}{}", js_sys::Date::now() as u64);
        let stored = self
            .storage
            .borrow()
            .as_ref()
            .is_some_and(|storage| storage.set_item(&key, &raw).is_ok());
        if stored {
            Some(StorageProblem::Quarantined { key })
        } else {
            *self.storage.borrow_mut() = None;
            Some(StorageProblem::Unreadable)
        }
    }

    pub fn save(&self, text: &str, overrides: &Overrides) -> Result<(), StorageProblem> {
        let storage = self.storage.borrow();
        let Some(storage) = storage.as_ref() else {
            return Ok(());
        };
        let json = serde_json::to_string(&StoredDraftRef {
            version: VERSION,
            text,
            overrides,
        })
        .expect("a draft always serialises");
        storage
            .set_item(DRAFT_KEY, &json)
            .map_err(|e| StorageProblem::NotSaved {
                quota: is_quota_error(&e),
            })
    }

    /// Best effort: a theme that is not remembered is no loss worth a banner.
    pub fn save_theme(&self, theme: Theme) {
        if let Some(storage) = self.storage.borrow().as_ref() {
            let _ = storage.set_item(THEME_KEY, theme.as_str());
        }
    }
}

/// Reads a stored draft written by this version: `{"version":1,"text":…,
/// "overrides":{"R1":{"verdict":"met","note":…}}}`. Anything else, even a
/// single malformed override, is `None`, so the whole value is kept aside
/// rather than partly lost. The browser's own JSON parser reads it: serde's
/// deserializer would add its code to the WebAssembly for this one value.
fn parse_draft(raw: &str) -> Option<Draft> {
    let value = js_sys::JSON::parse(raw).ok()?;
    if field(&value, "version")?.as_f64()? != f64::from(VERSION) {
        return None;
    }
    let text = field(&value, "text")?.as_string()?;
    let mut overrides = Overrides::new();
    if let Some(stored) = field(&value, "overrides") {
        let object = stored.dyn_ref::<js_sys::Object>()?;
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string()?;
            let id = CriterionId::parse(&key)?;
            let entry = field(&stored, &key)?;
            let verdict = Verdict::parse(&field(&entry, "verdict")?.as_string()?)?;
            let note = field(&entry, "note")?.as_string()?;
            overrides.insert(id, Override { verdict, note });
        }
    }
    Some(Draft { text, overrides })
}

/// A property of a parsed JSON object; `None` when absent.
fn field(value: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined())
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
