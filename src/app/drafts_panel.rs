//! The drafts: which one is open, saving it as the person types, the list
//! to switch, rename, duplicate, delete (with undo), back up and share
//! them, and the banners for another tab's edits and for drafts a newer
//! version wrote. Decisions are made in [`crate::drafts`]; storage is only
//! reached through [`super::storage`].

use super::storage::{self, Change, DraftStore, Opened, StorageProblem, Theme};
use super::{AppState, Notice, dom, effect, handler, live, watch};
use crate::drafts::{self, Draft, Incoming};
use crate::export::Overrides;
use leptos::prelude::*;
use leptos::either::Either;
use leptos::task::spawn_local;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Changes are saved this long after the last keystroke.
const SAVE_DELAY: Duration = Duration::from_millis(600);

pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

pub fn fresh_id() -> String {
    drafts::new_id(now(), (js_sys::Math::random() * f64::from(u32::MAX)) as u32)
}

/// A share link's state after the person asked for one.
#[derive(Clone, Debug, PartialEq)]
enum Share {
    Link(String),
    /// The fragment would be this many bytes.
    TooLong(usize),
}

/// The drafts and what the panel shows about them.
#[derive(Clone, Copy)]
pub(crate) struct Drafts {
    pub text: RwSignal<String>,
    pub overrides: RwSignal<Overrides>,
    store: StoredValue<Rc<DraftStore>, LocalStorage>,
    problem: RwSignal<Option<StorageProblem>>,
    /// Every draft, in memory: the copy that counts for this session even
    /// when storage is full or absent.
    list: RwSignal<Vec<Draft>>,
    open: RwSignal<String>,
    /// The stored edit time this tab last read or wrote for the open
    /// draft: a stored draft newer than this was written by another tab.
    base: StoredValue<u64>,
    unsaved: RwSignal<bool>,
    /// Drafts whose last save failed (storage full), with the stored edit
    /// time they were based on: kept only in this tab, marked so in the
    /// list, and stored again once there may be room.
    not_stored: RwSignal<Vec<(String, u64)>>,
    pending: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// Another tab's version of the open draft, while the person chooses.
    conflict: RwSignal<Option<Draft>>,
    deleted: RwSignal<Option<Draft>>,
    /// Backup drafts whose id is here with other content.
    clashes: RwSignal<Vec<Draft>>,
    unreadable: RwSignal<Vec<(String, String)>>,
    share: RwSignal<Option<Share>>,
}

impl Drafts {
    /// Opens the draft open last time, else the latest, else a new one.
    pub fn new(opened: Opened, problem: RwSignal<Option<StorageProblem>>) -> Self {
        let mut list = opened.drafts;
        drafts::sort_by_edited(&mut list);
        let first = opened
            .last_open
            .and_then(|id| list.iter().find(|d| d.id == id).cloned())
            .or_else(|| list.first().cloned())
            .unwrap_or_else(|| {
                let d = Draft::new(fresh_id(), String::new(), Overrides::new(), now());
                list.push(d.clone());
                d
            });
        Drafts {
            text: RwSignal::new(first.text.clone()),
            overrides: RwSignal::new(first.overrides.clone()),
            store: StoredValue::new_local(Rc::new(opened.store)),
            problem,
            list: RwSignal::new(list),
            open: RwSignal::new(first.id.clone()),
            base: StoredValue::new(first.edited),
            unsaved: RwSignal::new(false),
            not_stored: RwSignal::new(Vec::new()),
            pending: StoredValue::new_local(None),
            conflict: RwSignal::new(None),
            deleted: RwSignal::new(None),
            clashes: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(opened.unreadable),
            share: RwSignal::new(None),
        }
    }

    fn store(&self) -> Rc<DraftStore> {
        self.store.get_value()
    }

    pub fn save_theme(&self, theme: Theme) {
        self.store().save_theme(theme);
    }

    /// The open draft as the person sees it. The list holds its text as of
    /// the last save, so typing does not re-render the list.
    fn current(&self) -> Option<Draft> {
        let id = self.open.get_untracked();
        let mut draft = self.list.with_untracked(|l| l.iter().find(|d| d.id == id).cloned())?;
        draft.text = self.text.get_untracked();
        draft.overrides = self.overrides.get_untracked();
        Some(draft)
    }

    fn current_tracked(&self) -> Option<Draft> {
        let id = self.open.get();
        self.list.with(|l| l.iter().find(|d| d.id == id).cloned())
    }

    fn put(&self, draft: Draft) {
        self.list.update(|l| match l.iter_mut().find(|d| d.id == draft.id) {
            Some(here) => *here = draft,
            None => l.push(draft),
        });
    }

    /// Saves now, unless the draft is another version's, in conflict, or
    /// another tab stored something newer (then that is a conflict).
    fn save_now(&self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let Some(mine) = self.current() else { return };
        if !self.unsaved.get_untracked() || mine.is_read_only() || self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let store = self.store();
        let stored = store.read(&mine.id);
        if !drafts::may_overwrite(&mine, self.base.get_value(), stored.as_ref()) {
            self.conflict.set(stored);
            return;
        }
        let mut draft = mine;
        draft.edited = drafts::next_edit_time(now(), stored.map_or(0, |s| s.edited));
        let saved = store.save(&draft);
        let (id, base) = (draft.id.clone(), self.base.get_value());
        // Kept in the list either way: it is this session's copy.
        self.put(draft.clone());
        match saved {
            Ok(()) => {
                self.base.set_value(draft.edited);
                self.unsaved.set(false);
                self.not_stored.update(|ids| ids.retain(|(i, _)| *i != id));
                self.store_unstored();
            }
            Err(p) => {
                self.not_stored.update(|ids| {
                    if !ids.iter().any(|(i, _)| *i == id) {
                        ids.push((id, base));
                    }
                });
                self.problem.set(Some(p));
            }
        }
    }

    /// Stores the drafts other than the open one whose save had failed
    /// (the open one is [`Self::save_now`]'s); one another tab changed
    /// meanwhile is stored as a copy beside theirs, not over it.
    fn store_unstored(&self) {
        let store = self.store();
        let open = self.open.get_untracked();
        let mut still = Vec::new();
        for (id, base) in self.not_stored.try_update(std::mem::take).unwrap_or_default() {
            if id == open {
                still.push((id, base));
                continue;
            }
            let Some(draft) = self.list.with_untracked(|l| l.iter().find(|d| d.id == id).cloned()) else { continue };
            let stored = store.read(&id);
            let draft = if drafts::may_overwrite(&draft, base, stored.as_ref()) {
                draft
            } else {
                let copy = draft.copy_as(fresh_id(), format!("{} (not saved before)", draft.title()), now());
                if let Some(theirs) = stored {
                    self.put(theirs);
                }
                self.put(copy.clone());
                copy
            };
            if store.save(&draft).is_err() {
                still.push((draft.id, base));
            }
        }
        let all_stored = still.is_empty();
        self.not_stored.set(still);
        if all_stored && self.problem.with_untracked(|p| matches!(p, Some(StorageProblem::NotSaved { .. }))) {
            self.problem.set(None);
        }
    }

    /// Whether this tab holds edits that are in no storage: the open
    /// draft's, or another's whose save failed.
    fn holds_unsaved(&self) -> bool {
        self.unsaved.get_untracked() || self.not_stored.with_untracked(|ids| !ids.is_empty())
    }

    /// Stores again what could not be stored: a delete here or another
    /// tab's change may have made room.
    fn store_again(&self) {
        if self.not_stored.with_untracked(Vec::is_empty) {
            return;
        }
        self.save_now();
        self.store_unstored();
    }

    fn save_soon(&self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let this = *self;
        let timer = set_timeout_with_handle(move || this.save_now(), SAVE_DELAY);
        self.pending.set_value(timer.ok());
    }

    /// Shows `draft` in the editor, after saving the one open now.
    fn show(&self, draft: Draft) {
        self.save_now();
        // A draft kept only in this tab is still unsaved, and still based
        // on what was stored when its save first failed.
        let held = self.not_stored.with_untracked(|n| n.iter().find(|(id, _)| *id == draft.id).map(|&(_, base)| base));
        self.base.set_value(held.unwrap_or(draft.edited));
        self.unsaved.set(held.is_some());
        self.conflict.set(None);
        self.share.set(None);
        self.open.set(draft.id.clone());
        self.store().remember_open(&draft.id);
        if let Some(editor) = editor_element() {
            editor.set_value(&draft.text);
            let _ = editor.set_selection_range(0, 0);
            editor.set_scroll_top(0);
        }
        self.text.set(draft.text.clone());
        self.overrides.set(draft.overrides.clone());
        self.put(draft);
    }

    /// Adds a draft that is not stored yet, shows it and stores it.
    fn add_and_show(&self, draft: Draft) {
        self.show(draft);
        self.unsaved.set(true);
        self.save_now();
    }

    /// Autosave, flushing when the tab is hidden or left, other tabs'
    /// edits, a share link opened, and unreadable values set aside; called
    /// once, when the app runs.
    pub fn keep_saved(self) {
        let this = self;
        effect(move || {
            if let Some(p) = this.store().settle() {
                this.problem.set(Some(p));
            }
        });
        watch(
            move || {
                this.text.track();
                this.overrides.track();
            },
            move |_, _| {
                let id = this.open.get_untracked();
                let changed = this.list.with_untracked(|l| {
                    l.iter().find(|d| d.id == id).is_none_or(|d| {
                        this.text.with_untracked(|t| *t != d.text) || this.overrides.with_untracked(|o| *o != d.overrides)
                    })
                });
                if changed {
                    this.unsaved.set(true);
                    this.save_soon();
                }
            },
            false,
        );
        // Closing, leaving or hiding the tab must not lose the last
        // keystrokes, nor this tab's side of a conflict nobody answered:
        // both are kept, the other tab's under the draft's id.
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| {
            if this.conflict.with_untracked(Option::is_some) {
                this.keep_both();
            }
            this.save_now();
        });
        // What cannot be saved now (storage full, a conflict not answered)
        // lives only in this tab: the browser asks before it goes.
        let on_leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
            this.save_now();
            if this.holds_unsaved() {
                ev.prevent_default();
            }
        });
        let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
            if document().hidden() {
                this.save_now();
            }
        });
        let on_change = storage::on_other_tab_change(move |change| this.other_tab_changed(change));
        on_cleanup(move || {
            on_hide.remove();
            on_leave.remove();
            on_hidden.remove();
            on_change.remove();
        });
        if let Some(payload) = location_hash().and_then(|h| h.strip_prefix(drafts::SHARE_PREFIX).map(str::to_string)) {
            let state = expect_context::<AppState>();
            spawn_local(async move { this.open_shared(state, &payload).await });
        }
    }

    fn other_tab_changed(&self, change: Change) {
        if let Change::Draft { id, draft } = change {
            self.other_tab_changed_draft(id, draft);
        }
        // Whatever the other tab did, it may have made room.
        self.store_again();
    }

    fn other_tab_changed_draft(&self, id: String, theirs: Option<Draft>) {
        if id != self.open.get_untracked() {
            let held = self.not_stored.with_untracked(|n| n.iter().find(|(i, _)| *i == id).map(|&(_, base)| base));
            match (held, theirs) {
                (Some(base), theirs) => self.keep_unstored_beside(&id, base, theirs),
                (None, Some(d)) => self.put(d),
                (None, None) => self.list.update(|l| l.retain(|d| d.id != id)),
            }
            return;
        }
        let Some(mine) = self.current() else { return };
        match theirs {
            // Deleted in another tab while open here: keep it, store it again.
            None => {
                self.unsaved.set(true);
                self.save_soon();
            }
            Some(theirs) => match drafts::incoming(&mine, self.base.get_value(), self.unsaved.get_untracked(), &theirs) {
                Incoming::Same => self.base.set_value(theirs.edited),
                Incoming::Adopt => self.show(theirs),
                Incoming::Conflict => self.conflict.set(Some(theirs)),
            },
        }
    }

    /// Another tab stored or deleted a draft this tab holds but could not
    /// store, and has not open: this tab's text is never dropped. Deleted
    /// there, it stays here to be stored again; changed there too, theirs
    /// keeps the id and this tab's becomes a draft of its own.
    fn keep_unstored_beside(&self, id: &str, base: u64, theirs: Option<Draft>) {
        let (Some(mine), Some(theirs)) = (self.list.with_untracked(|l| l.iter().find(|d| d.id == id).cloned()), theirs) else {
            return;
        };
        match drafts::incoming(&mine, base, true, &theirs) {
            Incoming::Same => self.not_stored.update(|n| n.retain(|(i, _)| i != id)),
            Incoming::Adopt | Incoming::Conflict => {
                let copy = mine.copy_as(fresh_id(), format!("{} (this tab's copy)", mine.title()), now());
                self.not_stored.update(|n| {
                    for held in n.iter_mut().filter(|(i, _)| i == id) {
                        held.0 = copy.id.clone();
                    }
                });
                self.put(copy);
            }
        }
        self.put(theirs);
    }

    fn keep_mine(&self) {
        if let Some(theirs) = self.conflict.try_update(Option::take).flatten() {
            self.base.set_value(theirs.edited);
            self.unsaved.set(true);
            self.save_now();
        }
    }

    fn keep_theirs(&self) {
        if let Some(theirs) = self.conflict.try_update(Option::take).flatten() {
            self.unsaved.set(false);
            self.show(theirs);
        }
    }

    /// Theirs stays under the draft's id; this tab's text becomes a new draft.
    fn keep_both(&self) {
        let (Some(theirs), Some(mine)) = (self.conflict.try_update(Option::take).flatten(), self.current()) else {
            return;
        };
        let copy = mine.copy_as(fresh_id(), format!("{} (this tab's copy)", mine.title()), now());
        self.unsaved.set(false);
        self.put(theirs);
        self.add_and_show(copy);
    }

    /// Opens text from outside (a sample, an opened file, a host page)
    /// without writing over a person's words: in the draft that already
    /// has it, in a blank open draft, or as a new draft. The text goes into
    /// the editor as its value, not through the browser's undoable insert,
    /// which took 16 s for a 148 KB file; nothing needs undoing, as the
    /// draft that was open is kept.
    pub fn open_text(&self, state: AppState, text: String, what: &str) {
        let Some(open) = self.current() else { return };
        let all = self.list.with_untracked(|l| {
            l.iter().map(|d| if d.id == open.id { open.clone() } else { d.clone() }).collect::<Vec<_>>()
        });
        let draft = drafts::draft_for_text(&all, &open.id, text, now(), fresh_id);
        let message = if all.contains(&draft) {
            format!("Opened {what}: it was already here, as the draft \u{201c}{}\u{201d}.", draft.title())
        } else if draft.id == open.id {
            format!("Opened {what}.")
        } else {
            format!("Opened {what} as a new draft; \u{201c}{}\u{201d} is still in your drafts.", open.title())
        };
        state.preview.set(false);
        if all.contains(&draft) {
            self.show(draft);
        } else {
            self.add_and_show(draft);
        }
        state.notice.set(Some(Notice { message, is_error: false }));
    }

    fn new_draft(&self) {
        self.add_and_show(Draft::new(fresh_id(), String::new(), Overrides::new(), now()));
    }

    fn duplicate(&self) {
        if let Some(d) = self.current() {
            self.add_and_show(d.copy_as(fresh_id(), format!("{} (copy)", d.title()), now()));
        }
    }

    fn rename(&self, name: String) {
        let Some(mut d) = self.current().filter(|d| !d.is_read_only()) else { return };
        d.name = Some(name.trim().to_string()).filter(|n| !n.is_empty());
        d.edited = now();
        self.put(d);
        self.unsaved.set(true);
        self.save_now();
    }

    fn delete(&self) {
        let Some(gone) = self.current() else { return };
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        self.unsaved.set(false);
        if !gone.is_read_only() {
            self.store().remove(&gone.id);
        }
        self.list.update(|l| l.retain(|d| d.id != gone.id));
        self.deleted.set(Some(gone));
        let next = self.list.with_untracked(|l| {
            let mut l = l.clone();
            drafts::sort_by_edited(&mut l);
            l.into_iter().next()
        });
        match next {
            Some(d) => self.show(d),
            None => self.new_draft(),
        }
        self.store_again();
    }

    fn undo_delete(&self) {
        if let Some(d) = self.deleted.try_update(Option::take).flatten() {
            if d.is_read_only() {
                self.show(d);
            } else {
                self.add_and_show(d);
            }
        }
    }

    fn export_backup(&self) {
        let json = self.list.with_untracked(|l| drafts::backup_json(l));
        dom::download("postmortem-drafts-backup.json", "application/json", &json);
    }

    fn export_markdown(&self) {
        if let Some(d) = self.current() {
            dom::download(&file_name(&d.title(), "md"), "text/markdown", &d.markdown());
        }
    }

    fn import(&self, state: AppState, raw: &str) {
        let incoming = match drafts::parse_backup(raw, now(), fresh_id) {
            Ok(d) => d,
            Err(why) => {
                state.notice.set(Some(Notice { message: format!("The file {why}, so nothing was imported."), is_error: true }));
                return;
            }
        };
        let plan = self.list.with_untracked(|l| drafts::plan_import(l, incoming));
        let store = self.store();
        let mut failed = None;
        for d in &plan.added {
            if let Err(p) = store.save(d) {
                failed = Some(p);
            }
            self.put(d.clone());
        }
        if let Some(p) = failed {
            self.problem.set(Some(p));
        }
        let mut message = format!("Imported {} drafts", plan.added.len());
        if plan.unchanged > 0 {
            message.push_str(&format!("; {} were here already", plan.unchanged));
        }
        if !plan.clashes.is_empty() {
            message.push_str(&format!("; {} have the same id as a different draft here: choose below", plan.clashes.len()));
        }
        message.push('.');
        state.notice.set(Some(Notice { message, is_error: false }));
        self.clashes.set(plan.clashes);
    }

    fn import_clashes_as_copies(&self) {
        let store = self.store();
        for d in self.clashes.try_update(std::mem::take).unwrap_or_default() {
            let copy = d.copy_as(fresh_id(), format!("{} (imported)", d.title()), now());
            if let Err(p) = store.save(&copy) {
                self.problem.set(Some(p));
            }
            self.put(copy);
        }
    }

    async fn share_link(&self) {
        let Some(d) = self.current() else { return };
        let Ok(bytes) = transform(drafts::share_payload(&d).as_bytes(), true).await else {
            self.share.set(None);
            return;
        };
        let fragment = format!("{}{}", drafts::SHARE_PREFIX, drafts::base64url_encode(&bytes));
        if fragment.len() > drafts::SHARE_FRAGMENT_LIMIT {
            self.share.set(Some(Share::TooLong(fragment.len())));
            return;
        }
        let href = location_href().unwrap_or_default();
        let link = format!("{}{fragment}", href.split('#').next().unwrap_or_default());
        dom::copy_to_clipboard(&link).await;
        self.share.set(Some(Share::Link(link)));
    }

    /// A share link imports its draft as a new one, never replacing any.
    async fn open_shared(&self, state: AppState, payload: &str) {
        let decoded = match drafts::base64url_decode(payload) {
            Some(bytes) => transform(&bytes, false).await.ok(),
            None => None,
        };
        let shared = decoded.and_then(|b| String::from_utf8(b).ok()).and_then(|json| drafts::parse_share_payload(&json));
        clear_location_hash();
        let Some((text, overrides)) = shared else {
            state.notice.set(Some(Notice {
                message: "The link's draft could not be read (the link may be cut short), so nothing was imported.".into(),
                is_error: true,
            }));
            return;
        };
        self.add_and_show(Draft::new(fresh_id(), text, overrides, now()));
        state.notice.set(Some(Notice { message: "Opened the shared draft as a new draft.".into(), is_error: false }));
    }
}

/// What a button of the drafts does: one enum, so every button shares one
/// compiled view (each distinct click closure would compile its own).
#[derive(Clone, Copy)]
enum Action {
    New,
    Duplicate,
    Delete,
    ExportMarkdown,
    Share,
    ExportBackup,
    UndoDelete,
    CloseDeleted,
    CloseShare,
    KeepBoth,
    KeepMine,
    KeepTheirs,
    ImportAsCopies,
    SkipClashes,
    DownloadUnsaved,
    DownloadQuarantined,
}

impl Drafts {
    fn run(self, action: Action) {
        match action {
            // Focus follows, so what is typed next lands in the new draft
            // rather than pressing the button again.
            Action::New => {
                self.new_draft();
                focus_editor();
            }
            Action::Duplicate => self.duplicate(),
            // The note with Undo floats at the bottom of the window, where
            // the open menu covered it on a phone: the menu closes, and focus
            // goes to Undo, so Enter takes the deletion back at once.
            Action::Delete => {
                self.delete();
                request_animation_frame(|| {
                    let find = |css: &str| document().query_selector(css).ok().flatten();
                    if let Some(menu) = find(".drafts-fold").and_then(|m| m.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                        menu.set_open(false);
                    }
                    if let Some(undo) = find("[data-testid=undo-delete]").and_then(|u| u.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = undo.focus();
                    }
                });
            }
            // Also what to download when the draft cannot be saved.
            Action::ExportMarkdown | Action::DownloadUnsaved => self.export_markdown(),
            Action::Share => spawn_local(async move { self.share_link().await }),
            Action::ExportBackup => self.export_backup(),
            Action::UndoDelete => self.undo_delete(),
            // The closed note's button took focus with it: focus goes to
            // the editor, not the page's top.
            Action::CloseDeleted => {
                self.deleted.set(None);
                focus_editor();
            }
            Action::CloseShare => {
                self.share.set(None);
                focus_editor();
            }
            Action::KeepBoth => self.keep_both(),
            Action::KeepMine => self.keep_mine(),
            Action::KeepTheirs => self.keep_theirs(),
            Action::ImportAsCopies => self.import_clashes_as_copies(),
            Action::SkipClashes => self.clashes.set(Vec::new()),
            Action::DownloadQuarantined => {
                let text = self.unreadable.with_untracked(|u| {
                    u.iter().map(|(key, raw)| format!("{key}\n{raw}\n")).collect::<Vec<_>>().join("\n")
                });
                dom::download("unreadable-drafts.txt", "text/plain", &text);
            }
        }
    }
}

/// Every action's button is this one view type, whatever it does.
fn action_button(this: Drafts, action: Action, testid: &'static str, label: &'static str, small: bool) -> impl IntoView + use<> {
    view! {
        <button
            type="button"
            class=if small { "button small" } else { "button" }
            data-testid=testid
            on:click=handler(move |_| this.run(action))
        >
            {label}
        </button>
    }
}

fn editor_element() -> Option<web_sys::HtmlTextAreaElement> {
    document().get_element_by_id("editor")?.dyn_into().ok()
}

fn focus_editor() {
    if let Some(editor) = editor_element() {
        let _ = editor.focus();
    }
}

fn file_name(title: &str, extension: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    let stem = stem.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    format!("{}.{extension}", if stem.is_empty() { "draft" } else { &stem })
}

fn location() -> Option<JsValue> {
    js_sys::Reflect::get(&window(), &"location".into()).ok()
}

fn location_hash() -> Option<String> {
    js_sys::Reflect::get(&location()?, &"hash".into()).ok()?.as_string()
}

fn location_href() -> Option<String> {
    js_sys::Reflect::get(&location()?, &"href".into()).ok()?.as_string()
}

/// Drops the share fragment, so a reload does not import it again.
fn clear_location_hash() {
    let Some(href) = location_href() else { return };
    let Ok(history) = js_sys::Reflect::get(&window(), &"history".into()) else { return };
    if let Ok(replace) = js_sys::Reflect::get(&history, &"replaceState".into())
        && let Ok(replace) = replace.dyn_into::<js_sys::Function>()
    {
        let without = href.split('#').next().unwrap_or_default().to_string();
        let _ = replace.call3(&history, &JsValue::NULL, &"".into(), &without.into());
    }
}

// The browser's own deflate, so no compressor is compiled into the
// WebAssembly. web-sys has these streams only behind its unstable flag.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compressor, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompressor, JsValue>;

    #[wasm_bindgen(js_name = ReadableStream)]
    type ByteStream;
    #[wasm_bindgen(method, js_name = pipeThrough)]
    fn pipe_through(this: &ByteStream, transform: &JsValue) -> ByteStream;

    #[wasm_bindgen(js_name = Response)]
    type StreamResponse;
    #[wasm_bindgen(constructor, js_class = "Response")]
    fn new(body: &ByteStream) -> StreamResponse;
    #[wasm_bindgen(method, js_name = arrayBuffer)]
    fn array_buffer(this: &StreamResponse) -> js_sys::Promise;
}

/// Deflates (`compress`) or inflates bytes with the browser's "deflate-raw".
async fn transform(bytes: &[u8], compress: bool) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let through: JsValue = if compress {
        Compressor::new("deflate-raw")?.into()
    } else {
        Decompressor::new("deflate-raw")?.into()
    };
    let stream = blob.stream().unchecked_into::<ByteStream>().pipe_through(&through);
    let buffer = JsFuture::from(StreamResponse::new(&stream).array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// When a draft was edited, in the reader's own format, to the minute
/// ("8 Dec 2026, 05:25"): the locale's default gave the seconds too and
/// the date in digits, which read as a log line in the list.
fn when(ms: u64) -> String {
    let format = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&format, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&format, &"timeStyle".into(), &"short".into());
    js_sys::Date::new(&JsValue::from_f64(ms as f64)).to_locale_string("default", &format).into()
}

#[component]
pub fn DraftsPanel() -> impl IntoView {
    let this = expect_context::<Drafts>();
    let state = expect_context::<AppState>();
    let read_only = move || this.current_tracked().is_some_and(|d| d.is_read_only());
    effect(move || {
        if let Some(editor) = editor_element() {
            editor.set_read_only(read_only());
        }
    });
    let sorted = move || {
        let mut l = this.list.get();
        drafts::sort_by_edited(&mut l);
        l
    };
    let name_input = NodeRef::<leptos::html::Input>::new();
    let menu = NodeRef::<leptos::html::Details>::new();
    // The menu closes when focus leaves it (a draft chosen, the editor
    // clicked) or on Escape, which returns focus to where it opened.
    let close_menu = move |refocus: bool| {
        let Some(details) = menu.get_untracked() else { return };
        if !details.open() {
            return;
        }
        details.set_open(false);
        if refocus
            && let Some(summary) = details.first_element_child().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = summary.focus();
        }
    };
    let on_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(input) = name_input.get_untracked() {
            this.rename(input.value());
        }
    };
    let on_import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        // Not `dom::read_text_file`: a backup is JSON, read by its own rules.
        spawn_local(async move {
            match JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
                Some(raw) => this.import(state, &raw),
                None => state.notice.set(Some(Notice {
                    message: format!("\u{201c}{}\u{201d} could not be read, so nothing was imported.", file.name()),
                    is_error: true,
                })),
            }
        });
    };
    view! {
        <section class="drafts" aria-labelledby="drafts-heading">
            // A menu in the header, folded, so the first screen is the
            // editor; the notes below stay outside the fold, always in sight.
            <details
                class="drafts-fold"
                node_ref=menu
                on:focusout=handler(move |ev: web_sys::FocusEvent| {
                    let leaves = ev
                        .related_target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                        .is_none_or(|to| menu.get_untracked().is_none_or(|m| !m.contains(Some(&to))));
                    if leaves {
                        close_menu(false);
                    }
                })
                on:keydown=handler(move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        close_menu(true);
                    }
                })
            >
            <summary class="drafts-summary" data-testid="drafts-menu">
                <h2 id="drafts-heading">"Drafts"</h2>
                <span class="drafts-current">{live(move || this.current_tracked().map(|d| d.title()).unwrap_or_default())}</span>
            </summary>
            <div class="drafts-menu">
            <div class="drafts-head">
                <div class="toolbar" role="group" aria-label="Drafts">
                    {action_button(this, Action::New, "new-draft", "New draft", false)}
                    {action_button(this, Action::Duplicate, "duplicate-draft", "Duplicate", false)}
                    {action_button(this, Action::Delete, "delete-draft", "Delete", false)}
                    {action_button(this, Action::ExportMarkdown, "export-draft-markdown", "Download as Markdown", false)}
                    {action_button(this, Action::Share, "share-link", "Share by link", false)}
                    {action_button(this, Action::ExportBackup, "export-backup", "Back up all drafts", false)}
                    <input type="file" id="import-backup" class="file-input" data-testid="import-backup" accept=".json,application/json" on:change=handler(on_import) />
                    <label class="button" for="import-backup">"Restore a backup…"</label>
                </div>
            </div>
            <form class="rename" on:submit=handler(on_rename)>
                <label for="draft-name">"Name of this draft"</label>
                <input
                    id="draft-name"
                    class="input"
                    data-testid="rename-input"
                    node_ref=name_input
                    prop:value=live(move || this.current_tracked().map(|d| d.title()).unwrap_or_default())
                    disabled=live(read_only)
                />
                <button type="submit" class="button" data-testid="rename-draft" disabled=live(read_only)>"Rename"</button>
            </form>
            <ul class="drafts-list" data-testid="drafts-list" aria-label="Your drafts, last edited first">
                {move || sorted().into_iter().map(|d| {
                    let id = d.id.clone();
                    let is_open = move || this.open.with(|o| *o == id);
                    let kept_here = {
                        let id = d.id.clone();
                        move || this.not_stored.with(|n| n.iter().any(|(i, _)| *i == id))
                    };
                    let to_show = d.clone();
                    view! {
                        <li data-testid="draft-item" data-draft-id=d.id.clone()>
                            <button
                                type="button"
                                class="draft-link"
                                aria-current=live(move || is_open().then_some("true"))
                                on:click=handler(move |_| {
                                    this.show(to_show.clone());
                                    // Like New draft: what is typed next goes
                                    // into the draft just chosen.
                                    focus_editor();
                                })
                            >
                                <span class="draft-title">{d.title()}</span>
                                <span class="draft-when">
                                    {move || kept_here().then(|| view! {
                                        <span class="draft-not-saved" data-testid="draft-not-saved">"Not saved, only in this tab · "</span>
                                    })}
                                    {if d.is_read_only() { "Read-only · ".to_string() } else { String::new() }}
                                    {format!("edited {}", when(d.edited))}
                                </span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            </div>
            </details>
            {move || this.not_stored.with(|n| !n.is_empty()).then(|| view! {
                <p class="drafts-note warning" role="status" data-testid="unstored-note">
                    "Drafts marked \u{201c}not saved\u{201d} are kept only in this tab until the browser's storage has room; they are saved then. Closing or reloading this tab would lose them: back up all drafts to keep a copy."
                </p>
            })}
            // What was just done, with its way back, floats over the page
            // (bottom left; above the tabs on a phone) rather than push the
            // workspace down. One live region, always on the page, so each
            // note that appears in it is announced.
            <div class="toasts" role="status" data-testid="toasts">
                {move || this.deleted.get().map(|d| view! {
                    <p class="toast">
                        <span>{format!("Deleted \u{201c}{}\u{201d}.", d.title())}</span>
                        {action_button(this, Action::UndoDelete, "undo-delete", "Undo", true)}
                        {action_button(this, Action::CloseDeleted, "close-deleted", "Close", true)}
                    </p>
                })}
                {move || match this.share.get() {
                    Some(Share::Link(link)) => Some(Either::Left(view! {
                        <p class="toast">
                            <label for="share-url">"Link to this draft (copied):"</label>
                            <input id="share-url" class="input" data-testid="share-url" readonly prop:value=link />
                            {action_button(this, Action::CloseShare, "close-share", "Close", true)}
                        </p>
                    })),
                    Some(Share::TooLong(bytes)) => Some(Either::Right(view! {
                        <p class="toast warning" data-testid="share-too-long">
                            <span>
                                {format!(
                                    "This draft is too long to share by link ({} KB compressed; links stop at {} KB). Download it as Markdown or back it up instead.",
                                    bytes.div_ceil(1024), drafts::SHARE_FRAGMENT_LIMIT / 1024
                                )}
                            </span>
                            {action_button(this, Action::CloseShare, "close-share", "Close", true)}
                        </p>
                    })),
                    None => None,
                }}
            </div>
            {move || this.conflict.get().map(|theirs| view! {
                <div class="banner" role="alert" data-testid="conflict-banner">
                    <p>
                        {format!(
                            "Another tab changed \u{201c}{}\u{201d} while you were editing it here. Nothing is saved over it until you choose.",
                            theirs.title()
                        )}
                    </p>
                    <div class="toolbar">
                        {action_button(this, Action::KeepBoth, "keep-both", "Keep both", true)}
                        {action_button(this, Action::KeepMine, "keep-mine", "Keep this tab's", true)}
                        {action_button(this, Action::KeepTheirs, "keep-theirs", "Keep the other tab's", true)}
                    </div>
                </div>
            })}
            <div class="banner" role="status" data-testid="read-only-banner" hidden=live(move || !read_only())>
                <p>"A newer version of Postmortem Reviewer saved this draft, so it is open read-only and never saved over here. Duplicate it to edit a copy."</p>
            </div>
            {move || (!this.clashes.with(Vec::is_empty)).then(|| view! {
                <div class="banner" role="status" data-testid="import-clashes">
                    <p>{live(move || format!("{} drafts in the backup share an id with different drafts here. Nothing here was replaced.", this.clashes.with(Vec::len)))}</p>
                    <div class="toolbar">
                        {action_button(this, Action::ImportAsCopies, "import-as-copies", "Import them as copies", true)}
                        {action_button(this, Action::SkipClashes, "import-skip", "Skip them", true)}
                    </div>
                </div>
            })}
        </section>
    }
}

/// Inside the storage banner: what the person can do about the problem.
#[component]
pub fn StorageActions() -> impl IntoView {
    let this = expect_context::<Drafts>();
    let not_kept = move || this.problem.with(|p| matches!(p, Some(StorageProblem::NotSaved { .. } | StorageProblem::Unavailable)));
    let full = move || this.problem.with(|p| matches!(p, Some(StorageProblem::NotSaved { quota: true })));
    view! {
        {move || not_kept().then(|| action_button(this, Action::DownloadUnsaved, "download-unsaved", "Download this draft", true))}
        <p data-testid="largest-drafts" hidden=live(move || !full())>
                "Largest drafts: "
                {live(move || this.list.with(|l| drafts::largest(l, 3))
                    .into_iter()
                    .map(|(title, bytes)| format!("\u{201c}{title}\u{201d} ({} KB)", bytes.div_ceil(1024)))
                    .collect::<Vec<_>>()
                    .join(", "))}
        </p>
        {move || (!this.unreadable.with(Vec::is_empty))
            .then(|| action_button(this, Action::DownloadQuarantined, "download-quarantined", "Download the unreadable draft", true))}
    }
}
