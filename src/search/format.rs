//! The browser index format and the ranking constants, shared by the exporter in `build.rs` and the engine
//! (browser and CLI), so both sides read and score the same way. No dependencies: build.rs includes it by path.
//!
//! Files (all little-endian varints and length-prefixed UTF-8):
//! - `core.bin`, read on the first keystroke: document count, per-field token totals and tantivy's fieldnorm
//!   table (to recompute BM25 exactly), per-document filters and popularity prior, the field (lĩnh vực) names,
//!   each document's fieldnorm id per field, the vocabulary of folded syllables (prefix and typo expansion)
//!   and of synonym meaning tokens (their weights), the synonyms of `synonyms.toml` as written, each meaning with its phrases (the
//!   engine derives the groups and their tokens from them with the analyzer, as the build did), and the folded
//!   phrases and notes of `outside.toml` (needs the catalogue leaves out and who handles them, `outside.rs`), the
//!   word pairs of `regional.toml` (`analyzer::Variant`) and the lists of `question_words.toml` (`question.rs`) and the query side of `variant_words.toml`
//!   (`variant_words.rs`);
//! - `t<i>.bin`, [`TERM_SHARDS`] term shards chosen by a hash of the token's first syllable: per token and index
//!   field, the postings (document gaps, then term frequencies: columns compress better; the fieldnorm ids are
//!   in core, once per document, instead of in every posting) — a query fetches only its words' shards. A
//!   synonym group's tokens (`~giay_so_do`: the build emits one wherever a field says one of the group's
//!   phrases) share one shard, so «sổ đỏ» fetches one shard, not one per word of its meaning;
//! - `d<i>.bin`, one per [`DOC_SHARD`] documents in index order (by field, then code): what a result line shows
//!   (code, name, fee, time).
//!
//! Every file ends with a 4-byte checksum of the bytes before it ([`seal`]): a file cut short or damaged on the
//! way (a dropped connection, a bad proxy or cache) is detected before it is decoded ([`unseal`]), and the
//! browser fetches it again. It costs 4 bytes a file and one multiply per byte to check.

/// The index's one file every query needs first (the vocabulary's shard table, the synonyms, the outside
/// needs…), named once for the builder, the browser app, the search pages' preload and the benchmarks.
pub const CORE_FILE: &str = "core.bin";

/// The first bytes of `core.bin`, changed whenever its layout changes (a cached core of another layout is refused,
/// not misread).
pub const CORE_MAGIC: &[u8; 3] = b"MC9";

/// Index fields, in tantivy schema order.
pub const FIELDS: [&str; 4] = ["name", "mid", "body", "code"];
/// The official name and the portal's keywords.
pub const F_NAME: u8 = 0;
/// Papers, field (lĩnh vực) and results.
pub const F_MID: u8 = 1;
/// Description and requirements.
pub const F_BODY: u8 = 2;
/// The procedure code (with and without the dot, and its six-digit suffix).
pub const F_CODE: u8 = 3;
/// Field weights: name ≫ papers, field, results ≫ body; a code match beats everything.
pub const FIELD_BOOST: [f32; 4] = [4.0, 1.2, 0.3, 12.0];

/// tantivy's BM25 parameters (tantivy::query::bm25).
pub const K1: f32 = 1.2;
/// tantivy's BM25 length normalization.
pub const B: f32 = 0.75;
/// The length normalization the engine uses per field ([`F_NAME`], [`F_MID`], body, [`F_CODE`]): tantivy's
/// [`B`], except for the name. An official name that lists every case it covers (124 words for the transfer,
/// inheritance and gift of land, against 17 for the median name) is no less about each of them, yet with 0.75
/// it scored a third of a short name's score for the same words, and «sang tên sổ đỏ» ranked a niche
/// procedure above it. 0.5, as BM25F sets lower values for title fields (measured in the README, "A fifth blind
/// set").
pub const FIELD_B: [f32; 4] = [0.5, B, B, B];

/// The length in tokens a fieldnorm id stands for: tantivy's `FIELD_NORMS_TABLE` (Lucene's SmallFloat: exact up
/// to 23, then four significant bits), computed rather than shipped in `core.bin` (0.2 KB on every first search).
pub fn fieldnorm_length(id: u8) -> u32 {
    const EXACT: u8 = 24;
    if id < EXACT {
        return id as u32;
    }
    let i = (id - EXACT) as u32;
    let (bits, shift) = (i & 0x07, (i >> 3) as i32 - 1);
    let len = if shift < 0 { bits } else { (bits | 0x08) << shift };
    len + EXACT as u32
}

/// Number of term shards. A token lives in the shard of its first syllable (pairs `khai_sinh` and marked forms
/// `đăng` beside `khai` and `dang`; a synonym group's tokens `~giay_…` in the shard of `~giay`), so a query typed
/// word by word touches about one shard per word, and one per synonym it names.
pub const TERM_SHARDS: u32 = 1280;
/// Documents per document-table shard. In index order a query's results mostly share a field, so its top 10
/// fall in a few shards: «dang ky khai sinh» fetches 3 (9 when the shards went by popularity, 7.6 KB more).
pub const DOC_SHARD: usize = 16;

/// Share of score added per step of the 0–255 popularity prior (log of the portal's usage count): the most
/// used procedure gets +30 %, so among similar names the one people actually need comes first.
pub const PRIOR_STEP: f32 = 0.3 / 255.0;

/// Document flag bits: levels and the online channel, for the filters.
pub const FLAG_XA: u8 = 1;
/// Cấp tỉnh.
pub const FLAG_TINH: u8 = 2;
/// Cấp bộ.
pub const FLAG_BO: u8 = 4;
/// Other agencies.
pub const FLAG_KHAC: u8 = 8;
/// Can be submitted online (nộp trực tuyến).
pub const FLAG_ONLINE: u8 = 16;
/// A variant of another procedure (its name says one of the `name` words of `variant_words.toml`).
pub const FLAG_VARIANT: u8 = 32;

/// The term shard a token lives in: a hash (FNV-1a, stable across builds and targets) of its first syllable,
/// folded (`đăng` and `dang_ky` go with `dang`; digits and separators after it are ignored).
pub fn shard_of(token: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut mix = |b: u8| {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    };
    for c in token.chars() {
        let b = match c {
            '_' => break,
            'ă' | 'â' => b'a',
            'ê' => b'e',
            'ô' | 'ơ' => b'o',
            'ư' => b'u',
            'đ' => b'd',
            '0'..='9' if !token.bytes().all(|b| b.is_ascii_digit() || b == b'.') => continue,
            c if c.is_ascii() => c as u8,
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    mix(b);
                }
                continue;
            }
        };
        mix(b);
    }
    h % TERM_SHARDS
}

/// The final score of a document: tantivy's BM25 sum plus the popularity prior, times [`VARIANT_SCORE`] for a
/// variant the query does not ask for (the oracle uses the same).
pub fn final_score(bm25: f32, prior: u8, unasked_variant: bool) -> f32 {
    let s = bm25 * (1.0 + prior as f32 * PRIOR_STEP);
    if unasked_variant { s * VARIANT_SCORE } else { s }
}

/// Share of its score a variant procedure keeps when the query does not ask for a variant: «đăng ký tàu cá»
/// wants "Đăng ký tàu cá", and "Xóa đăng ký tàu cá" says the same words plus one the query lacks.
pub const VARIANT_SCORE: f32 = 0.85;

/// How many first words of a name say whether it is a variant ("Cấp lại", "Gia hạn", "Đăng ký thay đổi", "Xóa
/// đăng ký"): further on, the same words describe cases ("…không theo phương án dồn điền, đổi thửa") and
/// flagged base procedures. On both judged sets, 3 words beat the whole name (extra set MRR 0.880 vs 0.852), 4
/// and 6.
pub const VARIANT_LEAD_WORDS: usize = 3;

/// FNV-1a (32 bits) of `bytes`: the index files' checksum. Tiny to compute in the browser with no dependency,
/// and any one changed byte always changes it (each step is a bijection of the running hash).
pub fn checksum(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= *b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Appends the checksum of `buf` to it (little-endian), so a reader can tell a whole file from a damaged one.
pub fn seal(mut buf: Vec<u8>) -> Vec<u8> {
    let sum = checksum(&buf);
    buf.extend_from_slice(&sum.to_le_bytes());
    buf
}

/// The content of a file written by [`seal`], or `None` when it is too short or its checksum does not match
/// (truncated or corrupted on the way).
pub fn unseal(bytes: &[u8]) -> Option<&[u8]> {
    let split = bytes.len().checked_sub(4)?;
    let (body, sum) = bytes.split_at(split);
    (checksum(body).to_le_bytes() == sum).then_some(body)
}

/// Appends the binary encoding of values.
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub buf: Vec<u8>,
}

impl Writer {
    /// An unsigned LEB128 varint.
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(byte);
                return;
            }
            self.buf.push(byte | 0x80);
        }
    }
    /// One byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// A length-prefixed string.
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
    /// A count, then that many strings: a list of a content file as written.
    pub fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.varint(list.len() as u64);
        for s in list {
            self.str(s.as_ref());
        }
    }
}

/// Reads what [`Writer`] wrote; every read is checked, a truncated file gives `None`, never a panic.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Starts at the beginning of `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }
    /// Bytes not read yet: an upper bound on how many more items a length prefix can honestly announce, so a
    /// damaged count never makes a decoder reserve more memory than the file could fill.
    pub fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }
    /// True when everything was read.
    pub fn done(&self) -> bool {
        self.pos >= self.buf.len()
    }
    /// An unsigned LEB128 varint.
    pub fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = *self.buf.get(self.pos)?;
            self.pos += 1;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    }
    /// One byte.
    pub fn u8(&mut self) -> Option<u8> {
        let b = *self.buf.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    /// The next `len` bytes.
    pub fn bytes(&mut self, len: usize) -> Option<&'a [u8]> {
        let b = self.buf.get(self.pos..self.pos.checked_add(len)?)?;
        self.pos += len;
        Some(b)
    }
    /// A length-prefixed string.
    pub fn str(&mut self) -> Option<&'a str> {
        let len = self.varint()? as usize;
        let bytes = self.buf.get(self.pos..self.pos.checked_add(len)?)?;
        self.pos += len;
        std::str::from_utf8(bytes).ok()
    }
    /// What [`Writer::strs`] wrote.
    pub fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.varint()? as usize;
        let mut list = Vec::with_capacity(n.min(self.remaining()));
        for _ in 0..n {
            list.push(self.str()?.to_string());
        }
        Some(list)
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn fieldnorm_lengths_are_tantivys() {
        for id in 0..=255u8 {
            assert_eq!(super::fieldnorm_length(id), tantivy::fieldnorm::FieldNormReader::id_to_fieldnorm(id), "id {id}");
        }
    }
}
