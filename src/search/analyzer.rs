//! The Vietnamese analyzer: the one definition of "a token", shared by `build.rs` (which feeds tantivy), the
//! browser engine and the `motcua search` command, so the index and the queries always agree.
//!
//! It has no dependencies (build.rs includes it by path) and does its own composition of combining marks, so
//! decomposed (NFD) input gives the same tokens as precomposed (NFC) input without a normalization table in the
//! browser. Each word gives:
//! - a **folded** form: lowercase ASCII, every tone and vowel mark removed, đ→d, and a final `y` after a
//!   consonant written `i` (`ký`/`kí` → `ki`), which is how people type on a phone;
//! - a **marked** form when the word has marks: the letters with their vowel shapes (ă â ê ô ơ ư đ) and the tone
//!   as a trailing digit, so both tone placements (`hoà`/`hòa` → `hoa2`) meet, and an accented query can boost
//!   the exact words over look-alikes (`thẻ` vs `thể`).
//!
//! Procedure codes (`1.001193`) become one word `1001193` plus the suffix `001193`, so a code is found with or
//! without the dot and without its leading level digit.

/// Joins the two folded syllables of an adjacent pair token: `khai_sinh`.
pub const PAIR_SEP: char = '_';

/// One word of a text, as the index and the queries see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Lowercase ASCII, no marks: `dang`, `ki`, `1001193`.
    pub folded: String,
    /// The marked key (`đăng`, `ki1`, `hoa2`) when the word had any mark; `None` for plain words.
    pub marked: Option<String>,
    /// True for a procedure code written `N.NNNNNN`.
    pub code: bool,
}

/// Vowels with their five tones, in the order huyền, sắc, hỏi, ngã, nặng (tone digits 2, 1, 3, 4, 5).
const VOWELS: [&str; 12] = [
    "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự",
    "yỳýỷỹỵ",
];
const VOWELS_UPPER: [&str; 12] = [
    "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ", "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ",
    "YỲÝỶỸỴ",
];
/// Tone digit for each column of [`VOWELS`] (column 0 has no tone).
const TONE_DIGIT: [u8; 6] = [0, 2, 1, 3, 4, 5];

/// What one character contributes: its shaped lowercase letter (no tone), its folded ASCII letter, its tone.
fn decompose(c: char) -> Option<(char, char, u8)> {
    if c.is_ascii_alphanumeric() {
        let l = c.to_ascii_lowercase();
        return Some((l, l, 0));
    }
    if c == 'đ' || c == 'Đ' {
        return Some(('đ', 'd', 0));
    }
    for table in [&VOWELS, &VOWELS_UPPER] {
        for (row, letters) in table.iter().enumerate() {
            if let Some(col) = letters.chars().position(|x| x == c) {
                let shaped = VOWELS[row].chars().next().unwrap_or('a');
                let folded = crate_fold(shaped);
                return Some((shaped, folded, TONE_DIGIT[col]));
            }
        }
    }
    None
}

/// ASCII letter of a shaped vowel: ă/â → a, ê → e, ô/ơ → o, ư → u.
fn crate_fold(shaped: char) -> char {
    match shaped {
        'ă' | 'â' => 'a',
        'ê' => 'e',
        'ô' | 'ơ' => 'o',
        'ư' => 'u',
        'đ' => 'd',
        c => c,
    }
}

/// A combining mark of decomposed text: `Some(Ok(tone))` for a tone, `Some(Err(shape mark))` for a vowel shape
/// (`Err('\0')` for any other mark, which makes no Vietnamese letter).
fn combining(c: char) -> Option<Result<u8, char>> {
    Some(match c {
        '\u{0300}' => Ok(2),
        '\u{0301}' => Ok(1),
        '\u{0309}' => Ok(3),
        '\u{0303}' => Ok(4),
        '\u{0323}' => Ok(5),
        '\u{0306}' | '\u{0302}' | '\u{031B}' => Err(c),
        '\u{0340}'..='\u{036F}' | '\u{0304}'..='\u{0308}' | '\u{030A}'..='\u{0322}' | '\u{0324}'..='\u{033F}' => {
            Err('\0')
        }
        c if is_other_mark(c) => Err('\0'),
        _ => return None,
    })
}

/// Combining marks of other scripts (Cyrillic, Hebrew, Arabic, the extended and supplementary diacritics, marks
/// for symbols, half marks). They make no Vietnamese letter; treated as marks rather than separators because,
/// placed between a letter and its accent, they do not stop Unicode composing the two (`W`+◌֥+◌̈ is `Ẅ`+◌֥ in
/// NFC), so a separator here would make NFC and NFD disagree. A short list of ranges, not Unicode's table.
fn is_other_mark(c: char) -> bool {
    matches!(c,
        '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20F0}' | '\u{FE20}'..='\u{FE2F}')
}

/// True for the combining marks the analyzer reads as marks (everything else that is not a letter or digit
/// separates words). NFC and NFD give the same words for any text whose combining marks are all among these
/// (every Latin, Vietnamese, Greek, Cyrillic, Hebrew and Arabic mark); the property tests rely on it.
pub fn is_mark(c: char) -> bool {
    combining(c).is_some()
}

/// Applies a decomposed shape mark to the letter before it: a+◌̆ → ă, o+◌̛ → ơ, e+◌̂ → ê…
fn reshape(letter: char, mark: char) -> char {
    match (letter, mark) {
        ('a', '\u{0306}') => 'ă',
        ('a', '\u{0302}') => 'â',
        ('e', '\u{0302}') => 'ê',
        ('o', '\u{0302}') => 'ô',
        ('o', '\u{031B}') => 'ơ',
        ('u', '\u{031B}') => 'ư',
        (l, _) => l,
    }
}

#[derive(Default)]
struct Builder {
    folded: String,
    shaped: String,
    tone: u8,
    marks: bool,
    dot: bool,
    /// The last letter carries a tone already (a second tone mark cannot compose with it).
    last_toned: bool,
    /// `tone` and `marks` before the last letter, to take that letter back out (see [`Builder::drop_last`]).
    before_last: (u8, bool),
}

impl Builder {
    fn finish(&mut self, out: &mut Vec<Word>) {
        if self.folded.is_empty() {
            *self = Builder::default();
            return;
        }
        let code = self.dot && self.folded.len() == 7 && self.folded.bytes().all(|b| b.is_ascii_digit());
        let mut folded = std::mem::take(&mut self.folded);
        let mut shaped = std::mem::take(&mut self.shaped);
        final_y(&mut folded);
        final_y(&mut shaped);
        let marked = self.marks.then(|| {
            if self.tone > 0 {
                shaped.push((b'0' + self.tone) as char);
            }
            shaped
        });
        out.push(Word { folded, marked, code });
        *self = Builder::default();
    }

    /// A combining mark that makes no Vietnamese letter with the letter before it (`n` + ◌̃, `o` + ◌̃ + ◌́,
    /// `i` + ◌̂): precomposed, that pair is a letter outside the Vietnamese alphabet (ñ, ṍ, î), which separates
    /// words. So the decomposed pair does the same: the letter leaves the word, which ends there. This is what
    /// makes NFC and NFD text give the same words for any text, not only Vietnamese.
    fn drop_last(&mut self, out: &mut Vec<Word>) {
        self.folded.pop();
        self.shaped.pop();
        (self.tone, self.marks) = self.before_last;
        self.finish(out);
    }
}

/// `ky` → `ki`: a final y after a consonant is typed either way (kỳ/kì, lý/lí, mỹ/mĩ).
fn final_y(w: &mut String) {
    let b = w.as_bytes();
    if b.len() >= 2 && b[b.len() - 1] == b'y' {
        let prev = w[..w.len() - 1].chars().next_back().unwrap_or('a');
        if prev.is_ascii_alphabetic() && !matches!(prev, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            w.pop();
            w.push('i');
        }
    }
}

/// Splits a text into words. Any character that is not a letter or digit separates words, except the dot of
/// a procedure code between two digits.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut b = Builder::default();
    let mut chars = text.chars().peekable();
    let mut prev_digit = false;
    while let Some(c) = chars.next() {
        if let Some((shaped, folded, tone)) = decompose(c) {
            b.before_last = (b.tone, b.marks);
            b.folded.push(folded);
            b.shaped.push(shaped);
            if tone > 0 {
                b.tone = tone;
            }
            b.marks |= tone > 0 || shaped != folded;
            b.last_toned = tone > 0;
            prev_digit = c.is_ascii_digit();
            continue;
        }
        match combining(c) {
            Some(Ok(tone)) if !b.folded.is_empty() => {
                if !b.last_toned && b.shaped.chars().next_back().is_some_and(is_vowel) {
                    b.tone = tone;
                    b.marks = true;
                    b.last_toned = true;
                } else {
                    b.drop_last(&mut out);
                    prev_digit = false;
                }
                continue;
            }
            Some(Err(mark)) if !b.folded.is_empty() => {
                let last = b.shaped.chars().next_back().unwrap_or('\0');
                let new = reshape(last, mark);
                if new != last {
                    b.shaped.pop();
                    b.shaped.push(new);
                    b.marks = true;
                } else {
                    b.drop_last(&mut out);
                    prev_digit = false;
                }
                continue;
            }
            Some(_) => continue,
            None => {}
        }
        if c == '.' && prev_digit && chars.peek().is_some_and(|n| n.is_ascii_digit()) && !b.dot {
            b.dot = true;
            continue;
        }
        prev_digit = false;
        b.finish(&mut out);
    }
    b.finish(&mut out);
    out
}

/// The pair token of two adjacent folded syllables: `khai_sinh`.
pub fn pair(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len() + 1);
    s.push_str(a);
    s.push(PAIR_SEP);
    s.push_str(b);
    s
}

/// The tokens of a code word: the full code without its dot and its six-digit suffix.
pub fn code_tokens(w: &Word) -> Vec<String> {
    if w.code { vec![w.folded.clone(), w.folded[1..].to_string()] } else { Vec::new() }
}

/// Which tokens a document field gets, for the index (`build.rs`).
#[derive(Clone, Copy, Debug)]
pub struct FieldTokens {
    /// Adjacent-syllable pairs (`khai_sinh`).
    pub pairs: bool,
    /// Marked forms (`đăng`, `ki1`).
    pub marked: bool,
}

/// The tokens of a document field, in text order: folded syllables, then (if asked) pairs and marked forms, and
/// the token of each synonym group phrase that starts at that word ([`group_tokens_at`]).
/// Pairs and phrases never cross a sentence or list boundary because every text piece is analyzed on its own.
pub fn index_tokens(text: &str, opts: FieldTokens, groups: &[SynonymGroup], out: &mut Vec<String>) {
    index_words(&words(text), opts, groups, out);
}

/// [`index_tokens`] of words already analyzed (and rewritten: [`rewrite`]).
pub fn index_words(ws: &[Word], opts: FieldTokens, groups: &[SynonymGroup], out: &mut Vec<String>) {
    for (i, w) in ws.iter().enumerate() {
        out.push(w.folded.clone());
        if opts.pairs && i + 1 < ws.len() {
            out.push(pair(&w.folded, &ws[i + 1].folded));
        }
        if opts.marked {
            if let Some(m) = &w.marked {
                out.push(m.clone());
            }
        }
        out.extend(group_tokens_at(&ws[i..], groups));
    }
}

/// Starts the index tokens of synonym groups (`~giay_so_do`). The analyzer reads `~` as a separator, so no
/// text and no query can make a word that starts with it: these tokens are only ever emitted by [`index_tokens`]
/// where a text says a group's phrase, and asked for by the engine when a query names the group.
pub const GROUP_MARK: char = '~';

/// One synonym group of `content/synonyms.toml` (a meaning and the colloquial words for it) as index tokens,
/// all in one term shard. It exists so that a query naming the group (`sổ đỏ`) fetches that one shard instead
/// of every word and pair of the meaning spread over many shards: the build already put a token in every field
/// that says one of the group's phrases.
///
/// Each phrase (the meaning's, and each colloquial form) has its own token ([`SynonymGroup::token`]), so each
/// keeps its own document frequency: one common form (`sửa`, in every "sửa đổi") does not drown a rare, telling
/// meaning (`cải chính`) as it would in one token for the whole group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynonymGroup {
    /// The meaning's words, as the query is understood ("Hiểu là: …").
    pub meaning: Vec<Word>,
    /// The group's phrases, folded: first the meaning's (usually one, "giấy chứng nhận quyền sử dụng đất"; a
    /// meaning may list several, separated by commas: "cải chính, thay đổi, điều chỉnh"), then the colloquial
    /// forms (`so do`, `bhxh`).
    pub phrases: Vec<Vec<String>>,
    /// How many of [`SynonymGroup::phrases`] are the meaning's.
    pub meaning_phrases: usize,
    /// The folded phrases a query may type to name the group: each colloquial form, and the whole meaning when
    /// some colloquial form is one word (an abbreviation), so "bảo hiểm xã hội" also finds names written "BHXH".
    pub names: Vec<Vec<String>>,
}

impl SynonymGroup {
    /// The index token of phrase `i`: [`GROUP_MARK`], the meaning's first syllable (the key of the group's
    /// term shard: `format::shard_of` reads up to the first [`PAIR_SEP`]), then the phrase's syllables, all
    /// joined by [`PAIR_SEP`]: `~giay_giay_chung_nhan_quyen_su_dung_dat`, `~giay_so_do`.
    pub fn token(&self, i: usize) -> String {
        let mut t = String::from(GROUP_MARK);
        t.push_str(self.phrases.first().and_then(|p| p.first()).map(String::as_str).unwrap_or(""));
        for s in self.phrases.get(i).into_iter().flatten() {
            t.push(PAIR_SEP);
            t.push_str(s);
        }
        t
    }
}

/// The synonym groups of `(colloquial form, meaning)` pairs as written in `synonyms.toml` (and carried by
/// `core.bin`): one group per distinct meaning, in order of first appearance. A meaning with no words (only
/// punctuation) makes no group, a form with no words is skipped. The build (index tokens) and the engine (query
/// tokens) both derive the groups from the same pairs with this one function, so they always agree.
pub fn synonym_groups(pairs: &[(&str, &str)]) -> Vec<SynonymGroup> {
    let fold = |s: &str| -> Vec<String> { words(s).into_iter().map(|w| w.folded).collect() };
    let mut out: Vec<SynonymGroup> = Vec::new();
    for (form, means) in pairs {
        let mut phrases: Vec<Vec<String>> = Vec::new();
        for p in means.split(',').map(fold).filter(|p| !p.is_empty()) {
            if !phrases.contains(&p) {
                phrases.push(p);
            }
        }
        if phrases.is_empty() {
            continue;
        }
        let at = match out.iter().position(|g| g.phrases[..g.meaning_phrases] == phrases[..]) {
            Some(at) => at,
            None => {
                let meaning_phrases = phrases.len();
                out.push(SynonymGroup { meaning: words(means), phrases, meaning_phrases, names: Vec::new() });
                out.len() - 1
            }
        };
        let g = &mut out[at];
        let form = fold(form);
        if form.is_empty() {
            continue;
        }
        let whole: Vec<String> = g.meaning.iter().map(|w| w.folded.clone()).collect();
        if form.len() == 1 && !g.names.contains(&whole) {
            g.names.push(whole);
        }
        if !g.names.contains(&form) {
            g.names.push(form.clone());
        }
        if !g.phrases.contains(&form) {
            g.phrases.push(form);
        }
    }
    out
}

/// True when a folded word has the shape of one Vietnamese syllable (an initial consonant, one to three vowels, a
/// final consonant): "tiem" is one word ("tiệm"), "khaisinh", "cccd" and "bhyt" are not. (The importer's own check
/// uses a regex, which the browser bundle cannot afford.)
pub fn syllable_shaped(w: &str) -> bool {
    // One string each rather than arrays of strings, and no string slicing: fewer bytes in the browser bundle.
    const ONSETS: &str = "b c ch d g gh gi h k kh l m n ng ngh nh p ph q qu r s t th tr v x";
    const CODAS: &str = "c ch m n ng nh p t";
    let b = w.as_bytes();
    let vowel = |c: &u8| b"aeiouy".contains(c);
    let (Some(start), Some(last)) = (b.iter().position(vowel), b.iter().rposition(vowel)) else { return false };
    let part = |from: usize, to: usize| b.get(from..to).unwrap_or_default();
    let one_of = |list: &str, p: &[u8]| p.is_empty() || list.split(' ').any(|s| s.as_bytes() == p);
    last - start < 3 && part(start, last + 1).iter().all(vowel) && one_of(ONSETS, part(0, start)) && one_of(CODAS, part(last + 1, b.len()))
}

/// The group tokens a text gives at the first of `ws`: the token of each group phrase that starts there. The
/// one definition of "this text says that", used by [`index_tokens`] for every field the build indexes.
pub fn group_tokens_at(ws: &[Word], groups: &[SynonymGroup]) -> Vec<String> {
    let starts = |p: &Vec<String>| p.len() <= ws.len() && p.iter().zip(ws).all(|(f, w)| *f == w.folded);
    let mut out: Vec<String> = Vec::new();
    for g in groups {
        for (i, _) in g.phrases.iter().enumerate().filter(|(_, p)| starts(p)) {
            let t = g.token(i);
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

impl Word {
    /// True when this word, as typed, can be `entry` as written in a word list: the same folded word, and the
    /// same marks when it has any (typed without marks it can be any word that folds the same).
    pub fn may_be(&self, entry: &Word) -> bool {
        self.folded == entry.folded && (self.marked.is_none() || self.marked == entry.marked)
    }
}

/// A regional or older way of saying words of the catalogue (`content/regional.toml`): `say` is rewritten to
/// `means`, word for word, in texts and queries alike ("xe hơi" → "ô tô", "khai sanh" → "khai sinh").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// The words as people say them.
    pub say: Vec<Word>,
    /// The catalogue's words, as many as `say`'s.
    pub means: Vec<Word>,
}

impl Variant {
    /// The variant of a pair as written; `None` unless both have words and as many.
    pub fn new(say: &str, means: &str) -> Option<Variant> {
        let (say, means) = (words(say), words(means));
        (!say.is_empty() && say.len() == means.len()).then_some(Variant { say, means })
    }
}

/// Rewrites, left to right, each run of `ws` that says a variant (the longest at each word) into the
/// catalogue's words as written (with their marks: "xe hoi" becomes "ô tô", not the "o" of "ở"). A one-word variant typed without
/// marks is rewritten only when `known` says the catalogue never uses that folded word ("sanh" is also the
/// "sánh" of "so sánh"); texts carry their marks, so the index is rewritten exactly.
pub fn rewrite(ws: &mut [Word], variants: &[Variant], known: &dyn Fn(&str) -> bool) {
    let mut i = 0;
    while i < ws.len() {
        let rest = &ws[i..];
        let found = variants
            .iter()
            .filter(|v| {
                v.say.len() <= rest.len()
                    && v.say.iter().zip(rest).all(|(e, w)| w.may_be(e))
                    && (v.say.len() > 1 || rest[0].marked.is_some() || !known(&rest[0].folded))
            })
            .max_by_key(|v| v.say.len());
        let Some(v) = found else {
            i += 1;
            continue;
        };
        for (w, m) in ws[i..].iter_mut().zip(&v.means) {
            *w = m.clone();
        }
        i += v.say.len();
    }
}

/// True when `phrase` occurs in `words` as a run of whole words (neither may be empty for a match): the
/// phrase tests of the variant rule and of `outside.toml`'s build check.
pub fn has_phrase<W: AsRef<str>, P: AsRef<str>>(words: &[W], phrase: &[P]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w.iter().zip(phrase).all(|(a, b)| a.as_ref() == b.as_ref()))
}

/// Decodes raw Telex keystrokes left in a folded word: `ddawng` → `đăng`, `kys` → `ký`, `cuwowcs` → `cước`.
/// Returns `None` when the word has nothing Telex-like. VNI digits (`d9ang1`) are decoded too.
pub fn telex(word: &str) -> Option<String> {
    let b: Vec<char> = word.chars().collect();
    if b.len() < 2 || !b.iter().all(|c| c.is_ascii_alphanumeric()) || b.iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut tone = None;
    let mut letters: Vec<char> = Vec::with_capacity(b.len());
    let mut changed = false;
    for (i, &c) in b.iter().enumerate() {
        let last = letters.last().copied();
        let is_end = i + 1 == b.len();
        match (last, c) {
            (Some('d'), 'd') | (Some('d'), '9') => {
                letters.pop();
                letters.push('đ');
                changed = true;
            }
            (Some(v @ ('a' | 'e' | 'o')), x) if x == v || x == '6' => {
                letters.pop();
                letters.push(match v {
                    'a' => 'â',
                    'e' => 'ê',
                    _ => 'ô',
                });
                changed = true;
            }
            (Some('a'), 'w' | '8') => {
                letters.pop();
                letters.push('ă');
                changed = true;
            }
            (Some(v @ ('o' | 'u')), 'w' | '7') => {
                letters.pop();
                letters.push(if v == 'o' { 'ơ' } else { 'ư' });
                // "uow" → ươ: the horn goes on both.
                if v == 'o' && letters.len() >= 2 && letters[letters.len() - 2] == 'u' {
                    let n = letters.len();
                    letters[n - 2] = 'ư';
                }
                changed = true;
            }
            (Some(_), 's' | 'f' | 'r' | 'x' | 'j') if is_end && letters.iter().any(|l| is_vowel(*l)) => {
                tone = Some(match c {
                    's' => 1,
                    'f' => 2,
                    'r' => 3,
                    'x' => 4,
                    _ => 5,
                });
                changed = true;
            }
            (Some(_), '1'..='5') if letters.iter().any(|l| is_vowel(*l)) => {
                tone = Some(c as u8 - b'0');
                changed = true;
            }
            _ => letters.push(c),
        }
    }
    if !changed {
        return None;
    }
    // Only the folded form is used: a query typed in raw Telex carries no reliable accent to boost.
    let _ = tone;
    let mut f: String = letters.into_iter().map(crate_fold).collect();
    final_y(&mut f);
    Some(f)
}

fn is_vowel(c: char) -> bool {
    matches!(crate_fold(c), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> Vec<String> {
        words(s).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn folds_tones_shapes_and_d() {
        assert_eq!(folded("Đăng ký khai sinh"), ["dang", "ki", "khai", "sinh"]);
        assert_eq!(folded("HỘ CHIẾU phổ thông"), ["ho", "chieu", "pho", "thong"]);
    }

    #[test]
    fn decomposed_input_gives_the_same_words() {
        let nfd = "Đa\u{0306}ng ky\u{0301} ho\u{0302}\u{0323} khâ\u{0309}u";
        assert_eq!(words(nfd), words("Đăng ký hộ khẩu"));
    }

    #[test]
    fn both_tone_placements_meet() {
        assert_eq!(words("hoà")[0].marked, words("hòa")[0].marked);
        assert_eq!(words("hoà")[0].marked.as_deref(), Some("hoa2"));
        assert_eq!(words("thủy")[0].marked, words("thuỷ")[0].marked);
    }

    #[test]
    fn marked_form_tells_look_alikes_apart() {
        assert_ne!(words("thẻ")[0].marked, words("thể")[0].marked);
        assert_eq!(words("thẻ")[0].folded, words("thể")[0].folded);
        assert_eq!(words("khai")[0].marked, None);
    }

    #[test]
    fn final_y_after_a_consonant_is_i() {
        assert_eq!(folded("ký kí lý quy yêu"), ["ki", "ki", "li", "quy", "yeu"]);
        assert_eq!(words("ký")[0].marked, words("kí")[0].marked);
    }

    #[test]
    fn codes_with_and_without_dot() {
        let w = &words("mã 1.001193.")[1];
        assert!(w.code);
        assert_eq!(code_tokens(w), ["1001193", "001193"]);
        assert_eq!(folded("1001193"), ["1001193"]);
        assert_eq!(folded("163/QĐ-BTP"), ["163", "qd", "btp"]);
    }

    #[test]
    fn index_tokens_have_pairs_and_marks() {
        let mut t = Vec::new();
        index_tokens("Khai sinh", FieldTokens { pairs: true, marked: true }, &[], &mut t);
        assert_eq!(t, ["khai", "khai_sinh", "sinh"]);
        t.clear();
        index_tokens("Đăng ký", FieldTokens { pairs: true, marked: true }, &[], &mut t);
        assert_eq!(t, ["dang", "dang_ki", "đăng", "ki", "ki1"]);
    }

    #[test]
    fn syllables_are_told_from_glued_words_and_abbreviations() {
        for w in ["tiem", "vat", "sua", "nghieng", "khoa", "a", "uy"] {
            assert!(syllable_shaped(w), "{w}");
        }
        for w in ["khaisinh", "cccd", "bhyt", "ubnd", "visa", "vneid", "antt", "cty", "tnhh", "", "ct07"] {
            assert!(!syllable_shaped(w), "{w}");
        }
    }

    #[test]
    fn synonym_groups_give_tokens_where_a_text_says_them() {
        let groups = synonym_groups(&[
            ("sổ đỏ", "giấy chứng nhận quyền sử dụng đất"),
            ("gcnqsdd", "giấy chứng nhận quyền sử dụng đất"),
            ("BHXH", "bảo hiểm xã hội"),
            ("abc", "!!!"),
            ("...", "thai sản"),
            ("sửa", "cải chính, thay đổi"),
        ]);
        assert_eq!(groups.len(), 4);
        assert_eq!(groups[0].token(0), "~giay_giay_chung_nhan_quyen_su_dung_dat");
        assert_eq!(groups[0].token(1), "~giay_so_do");
        assert_eq!((groups[0].phrases.len(), groups[0].meaning_phrases), (3, 1));
        // The meaning names its group when an abbreviation does (gcnqsdd), not otherwise (thai sản).
        assert_eq!(groups[0].names.len(), 3);
        assert!(groups[2].names.is_empty());
        assert_eq!(groups[3].phrases, [vec!["cai", "chinh"], vec!["thay", "doi"], vec!["sua"]]);
        let tokens = |text: &str| {
            let mut t = Vec::new();
            index_tokens(text, FieldTokens { pairs: false, marked: false }, &groups, &mut t);
            t.into_iter().filter(|t| t.starts_with(GROUP_MARK)).collect::<Vec<_>>()
        };
        assert_eq!(tokens("Cấp Giấy chứng nhận quyền sử dụng đất"), ["~giay_giay_chung_nhan_quyen_su_dung_dat"]);
        assert_eq!(tokens("cấp lại sổ đỏ, đóng BHXH"), ["~giay_so_do", "~bao_bhxh"]);
        assert_eq!(tokens("Giấy chứng nhận quyền sử dụng"), Vec::<String>::new());
        assert_eq!(tokens("Thay đổi, cải chính hộ tịch"), ["~cai_thay_doi", "~cai_cai_chinh"]);
        // No text makes a group token by itself: the mark separates words.
        assert!(words("~giay_so_do").iter().all(|w| !w.folded.contains(GROUP_MARK)));
    }

    #[test]
    fn variants_rewrite_texts_and_queries_alike() {
        let vs: Vec<Variant> =
            [("xe hơi", "ô tô"), ("khai sanh", "khai sinh"), ("sanh", "sinh"), ("bịnh", "bệnh")].iter().filter_map(|(a, b)| Variant::new(a, b)).collect();
        assert!(Variant::new("kt3", "tạm trú").is_none());
        let run = |text: &str, known: &[&str]| {
            let mut ws = words(text);
            rewrite(&mut ws, &vs, &|w| known.contains(&w));
            ws
        };
        assert_eq!(run("Đăng ký xe hơi", &[]), words("Đăng ký ô tô"));
        assert_eq!(run("dang ky xe hoi", &[]), [words("dang ky"), words("ô tô")].concat());
        assert_eq!(run("giấy khai sanh", &["sanh"]), words("giấy khai sinh"));
        // One word without marks: only when the catalogue never says it ("so sánh" folds to "so sanh").
        assert_eq!(run("ngay sanh", &["sanh"]), words("ngay sanh"));
        assert_eq!(run("ngay sanh", &[]), words("ngay sinh"));
        assert_eq!(run("nghi binh", &["binh"]), words("nghi binh"));
        assert_eq!(run("so sánh", &[]), words("so sánh"));
        assert_eq!(run("nghỉ bịnh", &["binh"]), words("nghỉ bệnh"));
    }

    #[test]
    fn telex_leftovers_decode() {
        assert_eq!(telex("ddawng").as_deref(), Some("dang"));
        assert_eq!(telex("kys").as_deref(), Some("ki"));
        assert_eq!(telex("cuwowcs").as_deref(), Some("cuoc"));
        assert_eq!(telex("ddooir").as_deref(), Some("doi"));
        assert_eq!(telex("hoon").as_deref(), Some("hon"));
        assert_eq!(telex("keets").as_deref(), Some("ket"));
        assert_eq!(telex("caaps").as_deref(), Some("cap"));
        assert_eq!(telex("d9ang1").as_deref(), Some("dang"));
        assert_eq!(telex("sinh"), None);
        assert_eq!(telex("2015"), None);
    }
}
