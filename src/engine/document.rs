//! The parsed text: blocks, the section each sits in, sentences, links, and
//! every lexicon cue found in the prose. Built once per review by one pass of
//! pulldown-cmark's offset iterator and one scan of the lexicon; every
//! criterion reads this and none re-parses the text.
//!
//! Prose is kept as one ASCII-lowercased copy of the text's prose (`prose`),
//! with a map back to byte offsets of the original. ASCII lowercasing keeps
//! byte lengths, so the map is exact wherever the prose is a verbatim copy.

use super::lexicon::{Cue, CueSet, LEXICON};
use super::signals;
use super::time::{self, TimeMarks};
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::Input;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::sync::LazyLock;
use std::ops::Range;

/// What kind of Markdown block a piece of prose came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    ListItem,
    /// A table row, its cells joined by " | ".
    TableRow { header: bool },
    /// Fenced or indented code: technical detail, never prose.
    Code,
}

/// What a section is about, read from its heading or from a bold label
/// such as `**Impact**:` at the start of a list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Summary,
    Timeline,
    Impact,
    Cause,
    /// "Five whys", "contributing factors", "root cause analysis".
    Analysis,
    Detection,
    Resolution,
    /// Action items, follow-ups, lessons learned, what we're changing.
    FollowUp,
    Other,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range of the block in the original text.
    pub src: Range<usize>,
    /// Range of the block in [`Document::prose`].
    pub prose: Range<usize>,
    /// The topic of the heading or label this block sits under.
    pub topic: Topic,
    /// The topic this block's own bold label gives (`**Impact**: ...`).
    pub label: Option<Topic>,
    /// Inside a `>` quote.
    pub quoted: bool,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub block: usize,
    /// Range in [`Document::prose`].
    pub prose: Range<usize>,
    /// Byte range in the original text: what evidence cites.
    pub src: Range<usize>,
    /// Every lexicon cue in this sentence.
    pub cues: CueSet,
    /// Range into [`Document::hits`].
    pub hits: Range<usize>,
    pub times: TimeMarks,
    /// A step left undone ([`signals::left_undone`]) in a sentence of
    /// prose: read once here, since P1 and B2 both ask it of every prose
    /// sentence. False in headings and code.
    pub left_undone: bool,
    /// How many technical identifiers a sentence of prose names in the
    /// original text ([`signals::identifiers`]), and how many quantities
    /// its words measure ([`signals::quantities`]): read once here, since
    /// B1 asks both of its sentences, P4 and R2 ask the quantities, and the
    /// features ask both of every criterion's likely evidence (how specific
    /// it is). 0 in headings and code.
    pub identifiers: usize,
    pub quantities: usize,
}

/// One lexicon phrase found in the prose.
#[derive(Clone, Debug)]
pub struct Hit {
    pub cue: Cue,
    /// Range in [`Document::prose`].
    pub prose: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Link {
    pub url: String,
    /// Byte range of the whole link in the original text.
    pub src: Range<usize>,
    pub block: usize,
}

/// A run of prose copied from the original text.
#[derive(Clone, Debug)]
struct Piece {
    prose_start: usize,
    prose_len: usize,
    src: Range<usize>,
    /// The prose is a byte-for-byte (lowercased) copy of `src`.
    verbatim: bool,
}

/// The Markdown the engine reads: GitHub's tables, strikethrough, task
/// lists and footnotes, and front matter (kept out of the prose).
pub const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);

pub struct Document<'t> {
    pub text: &'t str,
    pub prose: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub hits: Vec<Hit>,
    pub links: Vec<Link>,
    pieces: Vec<Piece>,
    /// Each piece's `prose_start`, in order: what offsets are looked up in.
    piece_starts: Vec<usize>,
}

impl<'t> Document<'t> {
    pub fn parse(text: &'t str) -> Self {
        let mut builder = Builder::new(text);
        builder.run();
        let Builder {
            prose,
            blocks,
            links,
            pieces,
            placeholders,
            ..
        } = builder;
        let piece_starts = pieces.iter().map(|p| p.prose_start).collect();
        let mut doc = Document {
            text,
            prose,
            blocks,
            sentences: Vec::new(),
            hits: Vec::new(),
            links,
            pieces,
            piece_starts,
        };
        doc.split_sentences(&placeholders);
        doc.scan_cues();
        doc
    }

    /// The lowercased prose of a sentence.
    pub fn words(&self, s: &Sentence) -> &str {
        &self.prose[s.prose.clone()]
    }

    pub fn block_of(&self, s: &Sentence) -> &Block {
        &self.blocks[s.block]
    }

    /// The section topic a sentence speaks under: its own label first, then
    /// the heading or label above it.
    pub fn topic(&self, s: &Sentence) -> Topic {
        let block = &self.blocks[s.block];
        block.label.unwrap_or(block.topic)
    }

    pub fn hits_in(&self, s: &Sentence) -> &[Hit] {
        &self.hits[s.hits.clone()]
    }

    /// Sentences of prose: headings and code are left out.
    pub fn prose_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| {
            !matches!(
                self.blocks[s.block].kind,
                BlockKind::Heading(_) | BlockKind::Code
            )
        })
    }

    pub fn headings(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
    }

    /// The words of the prose, split at ASCII whitespace: counted as the
    /// bytes that start one, pair by pair, without a branch, which the
    /// compiler vectorises. Each chunk of up to 255 pairs is summed in a
    /// byte, so a vector adds 16 or 32 pairs at once, not 2 or 4 as in a
    /// usize sum: a fifth of the instructions.
    pub fn word_count(&self) -> usize {
        // `u8::is_ascii_whitespace`, as comparisons a vector can make.
        let space = |c: u8| (c == b' ') | (c == b'\n') | (c == b'\t') | (c == b'\r') | (c == b'\x0c');
        let b = self.prose.as_bytes();
        let first = b.first().is_some_and(|&c| !space(c));
        let rest = b.get(1..).unwrap_or_default();
        let starts: usize = b
            .chunks(255)
            .zip(rest.chunks(255))
            .map(|(xs, ys)| {
                let chunk = xs.iter().zip(ys).fold(0u8, |n, (&x, &y)| n + u8::from(space(x) & !space(y)));
                usize::from(chunk)
            })
            .sum();
        usize::from(first) + starts
    }

    /// Where a prose offset falls among the pieces: `Ok(i)` at the start of
    /// piece `i`, `Err(i)` after the start of piece `i - 1` (`Err(0)`:
    /// before the first). Searched in the pieces' starts alone, which lie
    /// closer together in memory than the pieces.
    fn piece_at(&self, prose_pos: usize) -> Result<usize, usize> {
        self.piece_starts.binary_search(&prose_pos)
    }

    /// Maps a prose offset back to a byte offset of the original text.
    /// `end` picks the end of a non-verbatim piece rather than its start.
    pub fn src_offset(&self, prose_pos: usize, end: bool) -> usize {
        self.src_offset_in(self.piece_at(prose_pos), prose_pos, end)
    }

    /// [`Document::src_offset`], given where the offset falls ([`Document::piece_at`]).
    fn src_offset_in(&self, found: Result<usize, usize>, prose_pos: usize, end: bool) -> usize {
        let idx = match found {
            Ok(i) => i,
            Err(0) => return self.pieces.first().map_or(0, |p| p.src.start),
            Err(i) => i - 1,
        };
        let piece = &self.pieces[idx];
        let into = prose_pos - piece.prose_start;
        if into >= piece.prose_len {
            return piece.src.end;
        }
        if piece.verbatim {
            piece.src.start + into
        } else if end {
            piece.src.end
        } else {
            piece.src.start
        }
    }

    /// The original-text byte range of a prose range.
    pub fn src_range(&self, prose: Range<usize>) -> Range<usize> {
        if prose.is_empty() {
            let at = self.src_offset(prose.start, false);
            return at..at;
        }
        let start = self.src_offset(prose.start, false);
        // The last byte's piece, searched once for both questions asked of it.
        let last = self.piece_at(prose.end - 1);
        let end = self.src_offset_in(last, prose.end - 1, true);
        let end = if end > start {
            // Step past the last char of the range.
            let mut e = end.max(start);
            if self.verbatim_at(last, prose.end - 1) {
                e += 1;
                while e < self.text.len() && !self.text.is_char_boundary(e) {
                    e += 1;
                }
            }
            e.min(self.text.len())
        } else {
            self.src_offset(prose.end, true).max(start)
        };
        start..end
    }

    /// Whether the prose at `prose_pos`, which falls where `found` says
    /// ([`Document::piece_at`]), is a verbatim copy of the text.
    fn verbatim_at(&self, found: Result<usize, usize>, prose_pos: usize) -> bool {
        match found {
            Ok(i) => self.pieces[i].verbatim,
            Err(0) => false,
            Err(i) => {
                let p = &self.pieces[i - 1];
                p.verbatim && prose_pos < p.prose_start + p.prose_len
            }
        }
    }

    /// Splits blocks into sentences, leaving out each sentence that holds
    /// a template placeholder (`<what broke>`): it is not filled in yet, so
    /// it is no evidence of anything. `placeholders` are the prose
    /// positions of those pulldown-cmark read as inline HTML, in order.
    fn split_sentences(&mut self, placeholders: &[usize]) {
        // Where the prose has a "<", which a literal placeholder needs: found
        // in one search of the whole prose, since most sentences have none
        // and a search of each cost more to set up than to run.
        let angles: Vec<usize> = memchr::memchr_iter(b'<', self.prose.as_bytes()).collect();
        let unfilled = |prose: &str, raw: Range<usize>, last: bool| {
            let first = placeholders.partition_point(|&p| p < raw.start);
            let angle = angles.partition_point(|&p| p < raw.start);
            placeholders.get(first).is_some_and(|&p| p < raw.end || (last && p == raw.end))
                || (angles.get(angle).is_some_and(|&p| p < raw.end) && has_literal_placeholder(&prose[raw]))
        };
        // Room for a sentence per 48 bytes of prose, more than texts have
        // (one per 65 to 90): the list is never copied to grow.
        self.sentences.reserve(self.prose.len() / 48);
        for (bi, block) in self.blocks.iter().enumerate() {
            let range = block.prose.clone();
            let bytes = self.prose.as_bytes();
            let mut start = range.start;
            let mut i = range.start;
            // Only a full stop, a question or exclamation mark or a line
            // break can end a sentence: go straight to the next one. Most
            // blocks hold no line break, so the next one is looked for once
            // and again only when passed.
            let next_newline = |from: usize| memchr::memchr(b'\n', &bytes[from..range.end]).map_or(range.end, |k| from + k);
            let mut newline = next_newline(i);
            while i < range.end {
                if newline < i {
                    newline = next_newline(i);
                }
                let mark = memchr::memchr3(b'.', b'!', b'?', &bytes[i..newline]).map_or(newline, |k| i + k);
                if mark >= range.end {
                    break;
                }
                i = mark;
                let b = bytes[i];
                let at_end = i + 1 >= range.end;
                let boundary = matches!(b, b'.' | b'!' | b'?')
                    && !at_end
                    && bytes[i + 1].is_ascii_whitespace()
                    && !is_abbreviation(&self.prose[start..i]);
                let boundary = boundary || (b == b'\n');
                if boundary {
                    if !unfilled(&self.prose, start..i + 1, false) {
                        push_sentence(&mut self.sentences, &self.prose, bi, start..i + 1);
                    }
                    start = i + 1;
                }
                i += 1;
            }
            if !unfilled(&self.prose, start..range.end, true) {
                push_sentence(&mut self.sentences, &self.prose, bi, start..range.end);
            }
        }
        let sentences = std::mem::take(&mut self.sentences);
        self.sentences = sentences
            .into_iter()
            .map(|mut s| {
                s.src = self.src_range(s.prose.clone());
                let words = &self.prose[s.prose.clone()];
                s.times = time::scan(words);
                if !matches!(self.blocks[s.block].kind, BlockKind::Heading(_) | BlockKind::Code) {
                    s.left_undone = signals::left_undone(words);
                    s.identifiers = signals::identifiers(&self.text[s.src.clone()]);
                    s.quantities = signals::quantities(words);
                }
                s
            })
            .collect();
    }

    fn scan_cues(&mut self) {
        let hits = LEXICON.scan(&self.prose);
        let mut next = 0;
        for s in &mut self.sentences {
            while next < hits.len() && hits[next].prose.start < s.prose.start {
                next += 1;
            }
            let first = next;
            let mut last = next;
            while last < hits.len() && hits[last].prose.start < s.prose.end {
                if hits[last].prose.end <= s.prose.end {
                    s.cues.insert(hits[last].cue);
                }
                last += 1;
            }
            s.hits = first..last;
            next = last;
        }
        self.hits = hits;
    }
}

fn push_sentence(out: &mut Vec<Sentence>, prose: &str, block: usize, range: Range<usize>) {
    let slice = &prose[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let range = range.start + lead..range.end - trail;
    if range.is_empty() || !prose[range.clone()].bytes().any(|b| b.is_ascii_alphanumeric()) {
        return;
    }
    out.push(Sentence {
        block,
        prose: range,
        src: 0..0,
        cues: CueSet::default(),
        hits: 0..0,
        times: TimeMarks::default(),
        left_undone: false,
        identifiers: 0,
        quantities: 0,
    });
}

/// "e.g." or "approx." end a token, not a sentence.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    matches!(
        word,
        "e.g" | "i.e" | "etc" | "vs" | "approx" | "mr" | "ms" | "dr" | "no" | "st" | "inc" | "ca"
    ) || (word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic())
}

/// Words that name a section's topic, in priority order: a heading that
/// matches several ("Timeline and root cause analysis") takes the first.
/// Each must start a word, and may end inside one, so "Actions" and
/// "Follow-ups" match too but "Transactions" and "Because" do not; one whose
/// last word is a short one must also end a word, so "to do" is not found
/// in "due to DockerHub".
const TOPIC_WORDS: &[(Topic, &[&str])] = &[
    (Topic::Analysis, &["five whys", "5 whys", "contributing", "root cause analysis", "why did", "why was", "why it"]),
    (Topic::FollowUp, &[
        "action", "follow-up", "follow up", "followup", "lesson", "next step", "doing about",
        "going forward", "prevent", "improvement", "remediation", "what we will", "what we're",
        "what we are", "future", "changes", "learned", "learnt", "recommendation", "todo",
        "to do", "mitigations", "we've changed", "we have changed", "we changed",
        "i've changed", "i have changed", "i changed", "what i will", "what i'm", "what i am",
    ]),
    (Topic::Timeline, &["timeline", "key events", "chronology", "sequence of events", "time line"]),
    (Topic::Impact, &["impact", "affected", "who was", "scope"]),
    (Topic::Cause, &["cause", "what went wrong", "what happened", "identified", "technical details", "background", "context", "why"]),
    (Topic::Detection, &["detect", "discover"]),
    (Topic::Resolution, &["resolution", "resolved", "recovery", "fix", "mitigation", "response"]),
    (Topic::Summary, &["summary", "overview", "tl;dr", "tldr", "introduction"]),
];

/// [`TOPIC_MATCHER`]'s automaton; per pattern, its topic's index in
/// [`TOPIC_WORDS`] (its priority) and whether it must end a word.
static TOPIC_MATCHER: LazyLock<(NFA, Vec<(usize, bool)>)> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut rank = Vec::new();
    for (i, (_, list)) in TOPIC_WORDS.iter().enumerate() {
        for w in *list {
            words.push(*w);
            let last_word = w.rsplit(' ').next().unwrap_or(w);
            rank.push((i, last_word.len() <= 2));
        }
    }
    // The lexicon's automaton type and settings, so the WebAssembly
    // compiles one kind of automaton and no prefilter: a heading is a few
    // words, nothing for a prefilter to skip.
    let matcher = NFA::builder()
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(&words)
        .expect("topic words build an automaton");
    (matcher, rank)
});

/// Reads a heading or label text as a topic.
pub fn topic_of(label: &str) -> Topic {
    let (matcher, rank) = &*TOPIC_MATCHER;
    matcher
        .try_find_overlapping_iter(Input::new(label))
        .expect("an overlapping search with the standard match kind never fails")
        .filter_map(|m| {
            let (topic, whole_word) = rank[m.pattern().as_usize()];
            let starts_word = !label.as_bytes()[..m.start()].last().is_some_and(u8::is_ascii_alphanumeric);
            let ends_word = !label.as_bytes()[m.end()..].first().is_some_and(u8::is_ascii_alphanumeric);
            (starts_word && (ends_word || !whole_word)).then_some(topic)
        })
        .min()
        .map_or(Topic::Other, |i| TOPIC_WORDS[i].0)
}

struct Builder<'t> {
    text: &'t str,
    prose: String,
    blocks: Vec<Block>,
    links: Vec<Link>,
    pieces: Vec<Piece>,
    /// The block being collected: kind, source start, prose start.
    open: Option<(BlockKind, usize, usize)>,
    /// Topic from the last heading, overridden by a standalone label.
    section_topic: Topic,
    /// Level of the heading that set `section_topic` (0: none yet).
    section_level: u8,
    /// Whether a label (not a heading) set `section_topic`.
    label_section: bool,
    /// The block just taken opens with a bold label naming no topic
    /// ("**Notes:**").
    other_label: bool,
    /// Labels of the list items enclosing the current one.
    item_labels: Vec<Option<Topic>>,
    /// Prose range of a bold run that opened the current block.
    leading_strong: Option<Range<usize>>,
    strong_start: Option<usize>,
    quote_depth: usize,
    in_metadata: bool,
    /// Inside an HTML block: its text is prose, its tags mark blocks.
    in_html_block: bool,
    /// Inside `<script>` or `<style>` in an HTML block: no prose.
    in_html_code: bool,
    in_table_head: bool,
    in_heading: bool,
    /// Links opened but not yet closed: url, source start.
    link_stack: Vec<(String, usize)>,
    /// The link of an HTML anchor (`<a href="…">`) not closed yet, by its
    /// place in `links`: its `</a>` extends it over the anchor's text.
    open_anchor: Option<usize>,
    /// Prose positions where a template placeholder read as inline HTML
    /// (`<what broke>`) was left out.
    placeholders: Vec<usize>,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str) -> Self {
        Builder {
            text,
            prose: String::with_capacity(text.len()),
            // Room for a block per 64 bytes and a piece per 16, more than
            // texts have (one per 100 and one per 30): the lists are never
            // copied to grow.
            blocks: Vec::with_capacity(text.len() / 64),
            links: Vec::new(),
            pieces: Vec::with_capacity(text.len() / 16),
            open: None,
            section_topic: Topic::Other,
            section_level: 0,
            label_section: false,
            other_label: false,
            item_labels: Vec::new(),
            leading_strong: None,
            strong_start: None,
            quote_depth: 0,
            in_metadata: false,
            in_html_block: false,
            in_html_code: false,
            in_table_head: false,
            in_heading: false,
            link_stack: Vec::new(),
            open_anchor: None,
            placeholders: Vec::new(),
        }
    }

    fn run(&mut self) {
        let text = self.text;
        let metadata = bare_metadata_len(text);
        for (event, range) in Parser::new_ext(text, MARKDOWN_OPTIONS).into_offset_iter() {
            if range.end > metadata {
                self.event(event, range);
            }
        }
        self.close();
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if !self.in_metadata => {
                if is_template_markup(&t) {
                    return;
                }
                self.ensure_open(range.start);
                self.append(&t, range);
            }
            Event::Code(t) => {
                self.ensure_open(range.start);
                // Inline code keeps its backticks out of the prose but its
                // words in, mapped to the code itself.
                let inner = range.start + 1..range.end.saturating_sub(1).max(range.start + 1);
                let verbatim = self.text.get(inner.clone()) == Some(&*t);
                if verbatim {
                    self.append(&t, inner);
                } else {
                    self.append(&t, range);
                }
            }
            Event::SoftBreak | Event::HardBreak
                if self.open.is_some() => {
                    self.prose.push(' ');
                }
            Event::InlineHtml(html) if is_placeholder(&html) => {
                self.ensure_open(range.start);
                self.placeholders.push(self.prose.len());
            }
            Event::InlineHtml(html) => {
                if let Some(tag) = html.trim().strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
                    self.anchor(tag, range);
                }
            }
            Event::Html(html) if self.in_html_block => self.html(&html, range),
            Event::TaskListMarker(_) | Event::Rule | Event::FootnoteReference(_) => {}
            // Inline HTML tags, math and front matter are not prose.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::MetadataBlock(_) => self.in_metadata = true,
            Tag::HtmlBlock => {
                self.close();
                self.in_html_block = true;
            }
            Tag::Heading { level, .. } => {
                self.close();
                self.in_heading = true;
                self.item_labels.clear();
                self.begin(BlockKind::Heading(heading_level(level)), range.start);
            }
            Tag::Paragraph
                // A tight list item's first paragraph belongs to the item.
                if !matches!(self.open, Some((BlockKind::ListItem, _, p)) if p == self.prose.len()) => {
                    self.close();
                    self.begin(BlockKind::Paragraph, range.start);
                }
            Tag::Item => {
                self.close();
                self.item_labels.push(None);
                self.begin(BlockKind::ListItem, range.start);
            }
            Tag::List(_) => self.close(),
            Tag::CodeBlock(_) => {
                self.close();
                self.begin(BlockKind::Code, range.start);
            }
            Tag::TableHead => {
                self.close();
                self.in_table_head = true;
                self.begin(BlockKind::TableRow { header: true }, range.start);
            }
            Tag::TableRow => {
                self.close();
                self.begin(BlockKind::TableRow { header: false }, range.start);
            }
            Tag::BlockQuote(_) => {
                self.close();
                self.quote_depth += 1;
            }
            Tag::Strong => {
                self.ensure_open(range.start);
                if let Some((_, _, p)) = self.open
                    && self.prose[p..].trim().is_empty() {
                        self.strong_start = Some(self.prose.len());
                    }
            }
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.link_stack.push((dest_url.to_string(), range.start));
                let _ = range;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::MetadataBlock(_) => self.in_metadata = false,
            TagEnd::HtmlBlock => {
                self.close();
                self.in_html_block = false;
                self.in_html_code = false;
            }
            TagEnd::Heading(_) => {
                self.close();
                self.in_heading = false;
            }
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::TableRow => self.close(),
            TagEnd::TableHead => {
                self.close();
                self.in_table_head = false;
            }
            TagEnd::TableCell
                if self.open.is_some() => {
                    self.prose.push_str(" | ");
                }
            TagEnd::Item => {
                self.close();
                self.item_labels.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.close();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::Strong => {
                if let Some(start) = self.strong_start.take() {
                    self.leading_strong = Some(start..self.prose.len());
                }
            }
            TagEnd::Link | TagEnd::Image => {
                if let Some((url, start)) = self.link_stack.pop() {
                    let end = self.pieces.last().map_or(start, |p| p.src.end).max(start);
                    // Include the link's closing markup when it is verbatim.
                    // Looked for only as far as it could be: a reference
                    // link has none, and a search to the text's next ')'
                    // per link made a page of them quadratic.
                    let end = self.text.as_bytes()[end..]
                        .iter()
                        .take(url.len() + 4)
                        .position(|&b| b == b')')
                        .map_or(end, |i| end + i + 1);
                    self.links.push(Link {
                        url,
                        src: start..end,
                        block: self.blocks.len(),
                    });
                }
            }
            _ => {}
        }
    }

    /// A line of an HTML block (old blog posts are often written in HTML
    /// inside Markdown): the text between tags is prose; block tags (`<p>`,
    /// `<li>`, `<h2>`, …) end one block and start the next; `<script>` and
    /// `<style>` hold none. Entities stay as written.
    fn html(&mut self, line: &str, range: Range<usize>) {
        let mut rest = 0;
        while rest < line.len() {
            let Some(open) = line[rest..].find('<').map(|i| rest + i) else {
                self.html_text(&line[rest..], range.start + rest);
                break;
            };
            self.html_text(&line[rest..open], range.start + rest);
            let Some(close) = line[open..].find('>').map(|i| open + i) else {
                // A tag running onto the next line: its attributes are no prose.
                break;
            };
            self.html_tag(&line[open + 1..close], range.start + open);
            rest = close + 1;
        }
    }

    fn html_text(&mut self, text: &str, src_start: usize) {
        if self.in_html_code || text.trim().is_empty() {
            return;
        }
        self.ensure_open(src_start);
        self.append(text, src_start..src_start + text.len());
    }

    fn html_tag(&mut self, tag: &str, src_start: usize) {
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match name.as_str() {
            "a" => self.anchor(tag, src_start..src_start + tag.len() + 2),
            "script" | "style" => self.in_html_code = !closing,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.close();
                if !closing {
                    let level = name[1..].parse().unwrap_or(2);
                    self.item_labels.clear();
                    self.begin(BlockKind::Heading(level), src_start);
                }
            }
            "li" | "dt" | "dd" => {
                self.close();
                if !closing {
                    self.begin(BlockKind::ListItem, src_start);
                }
            }
            "p" | "div" | "br" | "tr" | "table" | "ul" | "ol" | "dl" | "blockquote" | "section" | "article"
            | "pre" | "hr" | "header" | "footer" => self.close(),
            _ => {}
        }
    }

    /// An HTML anchor's tag (`tag`, between its angle brackets, at `src`):
    /// `<a href="…">` opens a link, as `[…](…)` does in Markdown, and
    /// `</a>` ends it. An anchor with no href (`<a name="…">`) links
    /// nowhere; one not closed in its block is its opening tag alone.
    fn anchor(&mut self, tag: &str, src: Range<usize>) {
        if let Some(name) = tag.strip_prefix('/') {
            if name.trim().eq_ignore_ascii_case("a")
                && let Some(at) = self.open_anchor.take()
            {
                self.links[at].src.end = src.end;
            }
            return;
        }
        let Some(url) = anchor_href(tag) else { return };
        self.open_anchor = Some(self.links.len());
        self.links.push(Link { url: url.to_string(), src, block: self.blocks.len() });
    }

    fn begin(&mut self, kind: BlockKind, src_start: usize) {
        self.open = Some((kind, src_start, self.prose.len()));
        self.leading_strong = None;
        self.strong_start = None;
    }

    /// Text outside any block (HTML blocks' neighbours, loose text) still
    /// gets a paragraph of its own.
    fn ensure_open(&mut self, src_start: usize) {
        if self.open.is_none() {
            let kind = if self.item_labels.is_empty() {
                BlockKind::Paragraph
            } else {
                BlockKind::ListItem
            };
            self.begin(kind, src_start);
        }
    }

    fn append(&mut self, t: &str, src: Range<usize>) {
        let verbatim = self.text.get(src.clone()) == Some(t);
        let prose_start = self.prose.len();
        self.prose.push_str(t);
        self.prose[prose_start..].make_ascii_lowercase();
        self.pieces.push(Piece {
            prose_start,
            prose_len: self.prose.len() - prose_start,
            src,
            verbatim,
        });
    }

    fn close(&mut self) {
        // An anchor left open ends with its block.
        self.open_anchor = None;
        let Some((kind, src_start, prose_start)) = self.open.take() else {
            return;
        };
        let prose_end = self.prose.len();
        if self.prose[prose_start..].trim().is_empty() {
            self.prose.truncate(prose_start);
            return;
        }
        let src_end = self
            .pieces
            .last()
            .map_or(src_start, |p| p.src.end)
            .max(src_start);

        let had_strong = self.leading_strong.is_some();
        let label = self.take_label(kind, prose_start, prose_end);
        let plain = if had_strong { None } else { self.plain_label(kind, src_start, prose_start, prose_end) };
        let label = label.or(plain.map(|(t, _)| t));
        // In a form of labelled fields ("**Action items:** TBD", then
        // "**Notes:** ..."), a label naming no topic of ours starts a field
        // of its own: the section a previous label opened ends there.
        let other_label = std::mem::take(&mut self.other_label);
        if other_label && label.is_none() && kind == BlockKind::Paragraph && self.label_section {
            self.section_topic = Topic::Other;
            self.label_section = false;
        }
        let topic = match kind {
            BlockKind::Heading(level) => {
                let t = topic_of(&self.prose[prose_start..prose_end]);
                // A subheading that names no topic of its own ("### 13:35"
                // under "## Timeline", "### Process" under "## Action items")
                // stays in its parent's section.
                let inherits = t == Topic::Other
                    && level > self.section_level
                    && !matches!(self.section_topic, Topic::Other | Topic::Summary);
                if inherits {
                    self.section_topic
                } else {
                    self.section_topic = t;
                    self.section_level = level;
                    self.label_section = false;
                    t
                }
            }
            _ => self
                .item_labels
                .iter()
                .rev()
                .skip(1)
                .find_map(|l| *l)
                .unwrap_or(self.section_topic),
        };
        if let (Some(t), BlockKind::ListItem) = (label, kind)
            && let Some(top) = self.item_labels.last_mut() {
                *top = Some(t);
            }
        // A label standing alone ("**Impact**:", or plain "What we fixed:")
        // names what follows it.
        if let (Some(t), BlockKind::Paragraph) = (label, kind) {
            let rest = self.leading_strong.clone().map_or(prose_end, |r| r.end);
            let bold_alone = had_strong
                && self.prose[rest..prose_end].trim_matches(|c: char| c == ':' || c.is_whitespace()).is_empty();
            if bold_alone || plain.is_some_and(|(_, alone)| alone) {
                self.section_topic = t;
                self.label_section = true;
            }
        }
        self.prose.push('\n');
        self.blocks.push(Block {
            kind,
            src: src_start..src_end,
            prose: prose_start..prose_end,
            topic,
            label,
            quoted: self.quote_depth > 0,
        });
    }

    /// A bold run that opens a paragraph or list item and ends in, or is
    /// followed by, a colon is a label ("**Root cause**: ...").
    fn take_label(&mut self, kind: BlockKind, prose_start: usize, prose_end: usize) -> Option<Topic> {
        if !matches!(kind, BlockKind::Paragraph | BlockKind::ListItem) {
            return None;
        }
        let strong = self.leading_strong.take()?;
        if strong.start < prose_start || strong.end > prose_end {
            return None;
        }
        let inner = self.prose[strong.clone()].trim();
        let after = self.prose[strong.end..prose_end].trim_start();
        let is_label = inner.ends_with(':') || after.starts_with(':') || after.is_empty();
        if !is_label || inner.len() > 60 {
            return None;
        }
        match topic_of(inner) {
            Topic::Other => {
                self.other_label = true;
                None
            }
            t => Some(t),
        }
    }
}

impl Builder<'_> {
    /// Plain text has labels too: a paragraph or list item that opens with
    /// a few words and a colon ("Impact: TBD", "Root cause: unknown"), or a
    /// short line that is only a label ("What we have changed since:").
    /// Clock times ("14:02") are not labels: the colon must end the block
    /// or be followed by a space.
    /// Returns the topic and whether the label stands alone.
    fn plain_label(&self, kind: BlockKind, src_start: usize, prose_start: usize, prose_end: usize) -> Option<(Topic, bool)> {
        if !matches!(kind, BlockKind::Paragraph | BlockKind::ListItem) {
            return None;
        }
        if let Some(label) = self.capitals_label(kind, src_start, prose_start, prose_end) {
            return Some(label);
        }
        let text = &self.prose[prose_start..prose_end];
        let colon = text.find(':')?;
        let (head, rest) = (&text[..colon], &text[colon + 1..]);
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) || head.contains(['.', '?', '!', ';', ',']) {
            return None;
        }
        let words = head.split_ascii_whitespace().count();
        let standalone = rest.trim().is_empty();
        if words == 0 || words > if standalone { 6 } else { 4 } {
            return None;
        }
        match topic_of(head) {
            Topic::Other => None,
            t => Some((t, standalone)),
        }
    }
}

impl Builder<'_> {
    /// Plain-text reports head their sections with a line in capitals
    /// ("ROOT CAUSE", "ACTION ITEMS"), alone or over the section's first
    /// lines in the same paragraph.
    fn capitals_label(&self, kind: BlockKind, src_start: usize, prose_start: usize, prose_end: usize) -> Option<(Topic, bool)> {
        if kind != BlockKind::Paragraph {
            return None;
        }
        let line = self.text.get(src_start..)?.lines().next()?.trim();
        // Asked first: most lines have a small letter within a few bytes,
        // and are not walked to their end.
        if line.bytes().any(|c| c.is_ascii_lowercase() || c == b':')
            || line.bytes().filter(|c| c.is_ascii_alphabetic()).count() < 3
            || line.split_ascii_whitespace().count() > 5
            || !self.prose[prose_start..prose_end].get(..line.len()).is_some_and(|p| p.eq_ignore_ascii_case(line))
        {
            return None;
        }
        match topic_of(line) {
            Topic::Other => None,
            t => Some((t, self.prose[prose_start..prose_end].trim().len() == line.len())),
        }
    }
}

/// Where the blog engine's page metadata opening the text lies, kept out
/// of the prose: a front matter between `---` or `+++` fences, or bare
/// metadata lines (see `bare_metadata_len`); empty when there is none.
pub fn front_matter(text: &str) -> Range<usize> {
    for fence in ["---", "+++"] {
        let Some(after) = text.strip_prefix(fence) else { continue };
        let Some(rest) = after.strip_prefix("\r\n").or_else(|| after.strip_prefix('\n')) else { continue };
        let start = text.len() - rest.len();
        return match rest.find(&format!("\n{fence}")) {
            Some(end) => start..start + end,
            None => 0..0,
        };
    }
    0..bare_metadata_len(text)
}

/// The length of a blog engine's metadata lines opening the text without
/// `---` fences (Pelican, Jekyll exports: "title: …", "date: '2015-06-29…'",
/// "layout: post"), up to the blank line after them; 0 when there are none.
/// Only fields that describe the page count: a first paragraph of incident
/// fields ("Impact: …", "Duration: …") is the postmortem itself.
fn bare_metadata_len(text: &str) -> usize {
    const PAGE_FIELDS: &[&str] = &[
        "title", "date", "permalink", "layout", "author", "authors", "tags", "category",
        "categories", "slug", "modified", "lang", "status", "template", "draft", "url", "save_as",
    ];
    let mut len = 0;
    let mut fields = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            break;
        }
        let Some((key, value)) = line.split_once(':') else { return 0 };
        if value.trim().is_empty() || !PAGE_FIELDS.iter().any(|f| key.eq_ignore_ascii_case(f)) {
            return 0;
        }
        len += line.len();
        fields += 1;
    }
    if fields >= 2 { len } else { 0 }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The link target of an HTML anchor's tag (`a href="…"`, between its
/// angle brackets): the `href` attribute's value as written, quoted with
/// `"` or `'` or bare up to a space. Read as text only: nothing in it is
/// followed or decoded.
fn anchor_href(tag: &str) -> Option<&str> {
    let b = tag.as_bytes();
    if !(b.first()?.eq_ignore_ascii_case(&b'a') && b.get(1)?.is_ascii_whitespace()) {
        return None;
    }
    let mut rest = &tag[1..];
    loop {
        // The next attribute name, after the spaces before it.
        rest = rest.trim_start();
        let name_len = rest.find(|c: char| c.is_ascii_whitespace() || c == '=').unwrap_or(rest.len());
        if name_len == 0 {
            return None;
        }
        let (name, after) = rest.split_at(name_len);
        let after = after.trim_start();
        let Some(value) = after.strip_prefix('=') else {
            // An attribute with no value: on to the next.
            rest = after;
            if rest.is_empty() {
                return None;
            }
            continue;
        };
        let value = value.trim_start();
        let (value, next) = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = &value[1..];
                let end = inner.find(quote)?;
                (&inner[..end], &inner[end + 1..])
            }
            _ => {
                let end = value.find(|c: char| c.is_ascii_whitespace()).unwrap_or(value.len());
                (&value[..end], &value[end..])
            }
        };
        if name.eq_ignore_ascii_case("href") {
            let url = value.trim();
            return (!url.is_empty()).then_some(url);
        }
        rest = next;
    }
}

/// Liquid/Jinja (`{% %}`, `{{ }}`), ERB (`<% %>`) and reStructuredText
/// directives (`.. post::`) are template markup, not prose.
fn is_template_markup(t: &str) -> bool {
    let t = t.trim_start();
    t.starts_with("{%") || t.starts_with("{{") || t.starts_with("<%") || (t.starts_with(".. ") && t.contains("::"))
}

/// HTML elements someone may write in Markdown: `<br>` or `<details open>`
/// is markup, while `<name>` or `<what broke>` is a template's blank.
const HTML_ELEMENTS: &[&str] = &[
    "a", "abbr", "aside", "audio", "b", "blockquote", "br", "button", "caption", "center", "cite", "code", "col",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "embed", "figcaption", "figure", "font", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "input", "ins", "kbd", "label", "li", "link", "mark",
    "meta", "object", "ol", "p", "picture", "pre", "q", "s", "samp", "script", "section", "select", "small",
    "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "textarea",
    "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr",
];

/// `<what broke>`, `<System>`, `<features, services, regions>`: angle
/// brackets around words that open no HTML element and set no attribute.
fn is_placeholder(tag: &str) -> bool {
    let Some(inner) = tag.trim().strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return false;
    };
    let first = inner.split_whitespace().next().unwrap_or("");
    inner.starts_with(|c: char| c.is_alphabetic())
        && !inner.contains(['<', '>', '=', '"', '\'', '/'])
        && !HTML_ELEMENTS.iter().any(|e| first.eq_ignore_ascii_case(e))
}

/// A placeholder pulldown-cmark kept as text, as it does when the words
/// are no valid tag (`<features, services, regions>`).
///
/// Walks from each '>' back to the last '<' before it: a placeholder holds
/// no other '<', so no earlier one can open it. Searching forward from
/// every '<' to the next '>' made a long text of "a < b" quadratic (4 s at
/// 900 KB).
fn has_literal_placeholder(prose: &str) -> bool {
    let mut from = 0;
    while let Some(open) = prose[from..].find('<').map(|i| from + i) {
        let Some(close) = prose[open..].find('>').map(|i| open + i) else {
            return false;
        };
        let last_open = prose[open..close].rfind('<').map_or(open, |i| open + i);
        if is_placeholder(&prose[last_open..=close]) {
            return true;
        }
        from = close + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_is_the_prose_split_at_ascii_whitespace() {
        let long = "word ".repeat(300) + "\tlast\x0cone\r\n";
        for text in ["", "one", "  two words  ", "# Title\n\nA paragraph of\nfive words.", long.as_str()] {
            let doc = Document::parse(text);
            assert_eq!(doc.word_count(), doc.prose.split_ascii_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn a_sentence_with_a_template_placeholder_is_no_sentence() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 10:02: the incident began: <what broke>\n- 10:40: resolved by a rollback.\n\n\
                    We <what we did>, and we are sorry. Because <proximate cause>. <System> failed.\n\n\
                    - Affected: <features, services, regions>\n\n\
                    Press <kbd>F5</kbd> to reload.<br>It worked. See <https://example.com/status>.\n";
        let doc = Document::parse(text);
        let srcs: Vec<&str> = doc.prose_sentences().map(|s| &text[s.src.clone()]).collect();
        assert_eq!(srcs, ["All times UTC.", "10:40: resolved by a rollback.", "Press <kbd>F5</kbd> to reload.<br>It worked.", "See <https://example.com/status>."]);
    }

    #[test]
    fn text_in_an_html_block_is_prose_in_its_blocks() {
        let doc = Document::parse(
            "<h2>What happened</h2>\n<p>We broke the <b>database</b>.</p>\n<script>var x = 1;</script>\n<ul><li>We fixed it.</li></ul>\n",
        );
        let blocks: Vec<(BlockKind, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, doc.prose[b.prose.clone()].trim()))
            .collect();
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Heading(2), "what happened"),
                (BlockKind::Paragraph, "we broke the database."),
                (BlockKind::ListItem, "we fixed it."),
            ]
        );
        let s = &doc.sentences[1];
        assert_eq!(&doc.text[s.src.clone()], "We broke the <b>database</b>.");
    }

    #[test]
    fn front_matter_is_not_prose() {
        let doc = Document::parse("---\ntitle: We apologize\n---\n\nHello there.\n");
        assert_eq!(doc.sentences.len(), 1);
        assert_eq!(doc.words(&doc.sentences[0]), "hello there.");
    }

    #[test]
    fn a_blog_engines_bare_metadata_lines_are_not_prose() {
        let doc = Document::parse("title: Mail outage\ndate: '2014-05-28T05:16:39+00:00'\nlayout: post\n\nThe mail server failed.\n");
        assert_eq!(doc.prose.trim(), "the mail server failed.");
        // Incident fields are the postmortem itself.
        let doc = Document::parse("Impact: all users\nDuration: 2 hours\n\nThe mail server failed.\n");
        assert!(doc.prose.contains("all users"), "{}", doc.prose);
    }

    #[test]
    fn toml_front_matter_is_not_prose() {
        let doc = Document::parse("+++\ntitle = \"x\"\n+++\n\nBody text.\n");
        assert_eq!(doc.prose.trim(), "body text.");
    }

    #[test]
    fn the_front_matter_is_found_fenced_or_bare() {
        let text = "---\ntitle: Outage\nauthor: Ana\n---\n\nBody.\n";
        assert_eq!(&text[front_matter(text)], "title: Outage\nauthor: Ana");
        let text = "+++\nauthors = [\"Ana\"]\n+++\nBody.\n";
        assert_eq!(&text[front_matter(text)], "authors = [\"Ana\"]");
        let text = "title: Outage\nauthor: Ana\n\nBody.\n";
        assert_eq!(&text[front_matter(text)], "title: Outage\nauthor: Ana\n");
        assert!(front_matter("Author: Ana wrote this.\n\nBody.\n").is_empty());
        assert!(front_matter("---\nnever closed\n").is_empty());
    }

    #[test]
    fn sentences_map_back_to_the_original_bytes() {
        let text = "# Title\n\nWe *broke* it. Then we fixed it at 10:00 UTC.\n";
        let doc = Document::parse(text);
        let srcs: Vec<&str> = doc.sentences.iter().map(|s| &text[s.src.clone()]).collect();
        assert_eq!(srcs, ["Title", "We *broke* it.", "Then we fixed it at 10:00 UTC."]);
    }

    #[test]
    fn non_ascii_offsets_stay_on_char_boundaries() {
        let text = "Café était en panne. 日本のユーザー 🚀 were affected.";
        let doc = Document::parse(text);
        for s in &doc.sentences {
            assert!(text.is_char_boundary(s.src.start) && text.is_char_boundary(s.src.end));
        }
        assert_eq!(&text[doc.sentences[1].src.clone()], "日本のユーザー 🚀 were affected.");
    }

    #[test]
    fn headings_give_topics_to_what_follows() {
        let doc = Document::parse("## Root cause\n\nThe disk filled.\n\n## Action items\n\n- Add alerts\n");
        let topics: Vec<Topic> = doc.sentences.iter().map(|s| doc.topic(s)).collect();
        assert_eq!(topics, [Topic::Cause, Topic::Cause, Topic::FollowUp, Topic::FollowUp]);
    }

    #[test]
    fn subheadings_without_a_topic_stay_in_their_section() {
        let text = "## Timeline\n\n### 13:35\n\nErrors begin.\n\n## Action items\n\n### Process\n\n- Add alerts\n\n## Notes\n\nBye.\n";
        let doc = Document::parse(text);
        let topics: Vec<Topic> = doc.sentences.iter().map(|s| doc.topic(s)).collect();
        assert_eq!(
            topics,
            [Topic::Timeline, Topic::Timeline, Topic::Timeline, Topic::FollowUp, Topic::FollowUp, Topic::FollowUp, Topic::Other, Topic::Other]
        );
    }

    #[test]
    fn bold_labels_give_topics_to_nested_items() {
        let doc = Document::parse("- **Impact**:\n  - IE11 users could not log in\n- **Context**: x\n");
        let s = doc.sentences.iter().find(|s| doc.words(s).contains("ie11")).unwrap();
        assert_eq!(doc.topic(s), Topic::Impact);
    }

    #[test]
    fn topic_words_start_a_word_and_short_last_words_end_one() {
        assert_eq!(topic_of("Image pull failure due to DockerHub password rotation"), Topic::Other);
        assert_eq!(topic_of("Transactions failed"), Topic::Other);
        assert_eq!(topic_of("Because of a typo"), Topic::Other);
        assert_eq!(topic_of("Action items"), Topic::FollowUp);
        assert_eq!(topic_of("Follow-ups"), Topic::FollowUp);
        assert_eq!(topic_of("To do"), Topic::FollowUp);
        assert_eq!(topic_of("Root causes"), Topic::Cause);
    }

    #[test]
    fn a_field_label_naming_no_topic_ends_the_previous_fields_section() {
        let doc = Document::parse("**Action items:** none so far\n\n**Remarks:** The owner is away.\n\nMore to come.\n");
        assert_eq!(doc.topic(&doc.sentences[0]), Topic::FollowUp);
        assert_eq!(doc.topic(&doc.sentences[1]), Topic::Other);
        assert_eq!(doc.topic(&doc.sentences[2]), Topic::Other);
    }

    #[test]
    fn a_line_in_capitals_heads_a_plain_text_section() {
        let doc = Document::parse("ROOT CAUSE\nThe cache filled up.\n\nNEXT STEPS\n\n- Add a size alarm.\n\nALL CLEAR\n");
        let topic = |w: &str| doc.topic(doc.sentences.iter().find(|s| doc.words(s).contains(w)).unwrap());
        assert_eq!(topic("cache"), Topic::Cause);
        assert_eq!(topic("alarm"), Topic::FollowUp);
    }

    #[test]
    fn a_single_authors_changes_heading_is_a_follow_up_section() {
        let doc = Document::parse("## What I've changed\n\n- The nightly job now runs on every tag.\n");
        assert_eq!(doc.topic(&doc.sentences[1]), Topic::FollowUp);
    }

    #[test]
    fn plain_text_labels_give_topics() {
        let doc = Document::parse("Root cause: still being worked out.\n\nWhat we have changed since:\n\n- Nightly backups are now verified.\n\nAt 14:02 the queue stalled.\n");
        let topics: Vec<Topic> = doc.sentences.iter().map(|s| doc.topic(s)).collect();
        assert_eq!(topics[0], Topic::Cause);
        assert_eq!(topics[2], Topic::FollowUp);
        assert_eq!(topics[3], Topic::FollowUp);
    }

    #[test]
    fn a_sentence_with_a_colon_is_not_a_label() {
        let doc = Document::parse("The reason we paused the fix was simple: nobody knew the cause.\n\nBetween 14:02 and 15:00 nothing worked.\n");
        assert!(doc.blocks.iter().all(|b| b.label.is_none()));
    }

    #[test]
    fn table_rows_are_one_block_each() {
        let doc = Document::parse("| Time | Event |\n|---|---|\n| 10:00 | Down |\n| 11:00 | Up |\n");
        let rows: Vec<&str> = doc.sentences.iter().map(|s| doc.words(s)).collect();
        assert_eq!(rows, ["time | event |", "10:00 | down |", "11:00 | up |"]);
    }

    #[test]
    fn template_markup_is_not_prose() {
        let doc = Document::parse("{% include note.html %}\n\nReal text.\n");
        assert_eq!(doc.prose.trim(), "real text.");
    }

    #[test]
    fn links_are_collected() {
        let text = "See [our status page](https://status.example.com) for updates.";
        let doc = Document::parse(text);
        assert_eq!(doc.links.len(), 1);
        assert_eq!(doc.links[0].url, "https://status.example.com");
        assert_eq!(&text[doc.links[0].src.clone()], "[our status page](https://status.example.com)");
    }

    #[test]
    fn html_anchors_are_links() {
        let text = "Our script is <a href=\"https://gist.github.com/x/fix.sh\">here</a>, and <A class=x HREF='/b.py'>this</A>.\n\n\
                    <p>See <a href=https://example.com/status>the status page</a> or <a name=\"top\">no link</a>.</p>\n";
        let doc = Document::parse(text);
        let links: Vec<(&str, &str)> = doc.links.iter().map(|l| (l.url.as_str(), &text[l.src.clone()])).collect();
        assert_eq!(
            links,
            [
                ("https://gist.github.com/x/fix.sh", "<a href=\"https://gist.github.com/x/fix.sh\">here</a>"),
                ("/b.py", "<A class=x HREF='/b.py'>this</A>"),
                ("https://example.com/status", "<a href=https://example.com/status>the status page</a>"),
            ]
        );
        assert!(doc.prose.contains("our script is here, and this."), "{}", doc.prose);
    }

    #[test]
    fn an_anchors_href_is_read_minimally() {
        assert_eq!(anchor_href("a href=\"x\""), Some("x"));
        assert_eq!(anchor_href("a  target=_blank href = 'y z' "), Some("y z"));
        assert_eq!(anchor_href("a download href=/f.sh"), Some("/f.sh"));
        assert_eq!(anchor_href("a data-href=\"x\""), None);
        assert_eq!(anchor_href("a href=\"\""), None);
        assert_eq!(anchor_href("a href=\"unclosed"), None);
        assert_eq!(anchor_href("abbr title=\"x\""), None);
        assert_eq!(anchor_href("a"), None);
        assert_eq!(anchor_href("a href"), None);
    }

    #[test]
    fn a_version_number_can_end_a_sentence() {
        let doc = Document::parse("Upgrade to Rust 1.26.0. Users of older versions are affected.");
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let doc = Document::parse("We use tools, e.g. Grafana. Then more.");
        assert_eq!(doc.sentences.len(), 2);
    }
}
