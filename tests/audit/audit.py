#!/usr/bin/env python3
"""Independent audit of the motcua importer.

Reads the raw portal export (flattened page text) with its own parser, written
without looking at the importer's source, and compares it field by field with
content/procedures/<code>.toml.

    python3 tests/audit/audit.py              # 60 random non-core procedures (seed 2026)
    python3 tests/audit/audit.py --all        # every procedure: defect counts for the catalogue
    python3 tests/audit/audit.py --codes 1.000005,1.002417   # just these (for reading by eye)
    python3 tests/audit/audit.py --verbose    # also print correct/repaired rows

Python 3.11 standard library only.  See README.md next to this file.
"""
import argparse
import collections
import glob
import json
import os
import random
import re
import sys
import tomllib
import unicodedata

LOW = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
RAW_DIR = os.environ.get("AUDIT_RAW", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data", "dvcqg"))
CONTENT = os.path.join(ROOT, "content", "procedures")

SEED = 2026
SAMPLE_SIZE = 60
CORE_FIELDS = ["Hộ tịch", "Chứng thực", "Đăng ký quản lý cư trú", "Cấp quản lý căn cước", "Đất đai"]

# ---------------------------------------------------------------- helpers


def nfc(s):
    return unicodedata.normalize("NFC", s or "")


def ws(s):
    return re.sub(r"\s+", " ", nfc(s)).strip()


def alnum(s):
    """Letters and digits only, lower case: compares texts whatever the spacing/punctuation."""
    return "".join(ch for ch in nfc(s).lower() if ch.isalnum())


def short(s, n=110):
    s = ws(str(s))
    return s if len(s) <= n else s[: n - 1] + "…"


FURNITURE = [
    (re.compile(r"Mã:\s*KQ"), "Mã: KQ…"),
    (re.compile(r"Từ khóa"), "Từ khóa"),
    (re.compile(r"Chọn cơ quan thực hiện"), "Chọn cơ quan thực hiện"),
    (re.compile(r"\S(?<![ :.\-])Nộp hồ sơ$"), "Nộp hồ sơ (cuối giá trị)"),
    (re.compile(r"Hệ thống chỉ hiển thị"), "Hệ thống chỉ hiển thị…"),
    (re.compile(r"-- Chọn "), "-- Chọn …"),
    (re.compile(r"Tên giấy tờMẫu đơn"), "tiêu đề bảng giấy tờ"),
    (re.compile(r"Hình thức nộpThời gian"), "tiêu đề bảng cách thức"),
    (re.compile(r"Tên văn bản pháp lýMã văn bản"), "tiêu đề bảng căn cứ"),
]

# ---------------------------------------------------------------- loading


def load_raw():
    raw = {}
    for f in sorted(glob.glob(os.path.join(RAW_DIR, "portal-pages", "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    r = json.loads(line)
                    raw[r["ma_thu_tuc"]] = r
    return raw


def load_content(code):
    with open(os.path.join(CONTENT, code + ".toml"), "rb") as fh:
        return tomllib.load(fh)


def core_set(raw, contents):
    weights = {}
    with open(os.path.join(RAW_DIR, "usage-weights.tsv"), encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 3:
                weights[p[0]] = max(weights.get(p[0], 0), float(p[2]))
    top = sorted(weights, key=lambda c: (-weights[c], c))[:100]
    core = set(top)
    wanted = {alnum(f) for f in CORE_FIELDS}
    for code, d in contents.items():
        if "xã" in d.get("levels", []) and alnum(d.get("field", "")) in wanted:
            core.add(code)
        if "summary" in d:
            core.add(code)
    return core


# ---------------------------------------------------------------- raw: methods

M_HEAD = "Hình thức nộpThời gianPhí, lệ phíMô tả"
CHANNELS = {"Trực tuyến": "trực tuyến", "Trực tiếp": "trực tiếp", "Dịch vụ bưu chính": "bưu chính"}
CH_RE = re.compile(r"(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?=\d|Không|Hệ thống)")
UNITS = {"Ngày làm việc": "ngày làm việc", "Ngày": "ngày", "Giờ": "giờ", "Tháng": "tháng",
         "Năm": "năm", "Tuần": "tuần", "Phút": "phút"}
TIME_RE = re.compile(r"(\d+(?:\.\d+)?) ?(Ngày làm việc|Ngày|Giờ|Tháng|Năm|Tuần|Phút)")
CURR = r"(VNĐ|Việt Nam Đồng|Đồng|đồng|USD)"
GROUPED = re.compile(r"^(?:0|[1-9]\d{0,2}(?:,\d{3})*)$")


def balanced(s):
    """s starts with '(' : return (inside, rest)."""
    depth = 0
    for i, ch in enumerate(s):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return s[1:i], s[i + 1:]
    return s[1:], ""


def money_mentions(text):
    """Amounts written in a rule: 20.000 đồng, 2.000.000, 50000 đồng…"""
    out = set()
    for m in re.finditer(r"(?<![\d/.,])(\d{1,3}(?:[.,]\d{3})+|\d+)(?![\d/])\s*(đồng|Đồng|VNĐ|vnđ|d\b)?", text or ""):
        digits = re.sub(r"[.,]", "", m.group(1))
        grouped = m.group(1) != digits
        if grouped or m.group(2):
            try:
                out.add(int(digits))
            except ValueError:
                pass
    return out


def parse_methods(text):
    text = nfc(text)
    if not text.startswith(M_HEAD):
        return None
    body = text[len(M_HEAD):]
    anchors = list(CH_RE.finditer(body))
    rows = []
    for i, a in enumerate(anchors):
        seg = body[a.end(): anchors[i + 1].start() if i + 1 < len(anchors) else len(body)]
        row = {"channel": CHANNELS[a.group(1)], "raw": seg, "time": None, "unit": None,
               "fee": None, "currency": None, "fee_cell": None, "rule": "", "desc": "", "ambiguous": []}
        rest = seg
        m = TIME_RE.match(rest)
        if m:
            row["time"] = float(m.group(1))
            row["unit"] = UNITS[m.group(2)]
            rest = rest[m.end():]
        elif rest.startswith("Không có thông tin"):
            rest = rest[len("Không có thông tin"):]
            row["time_cell"] = "none"
        else:
            m = re.match(r"(\d+)(?=Miễn phí|Không có thông tin)", rest)
            if m:
                row["time"] = float(m.group(1))
                row["unit"] = "bare"
                rest = rest[m.end():]
            elif not rest[:1].isdigit():
                # a time cell in words ("Không phải trả kết quả…")
                m = re.match(r"(.{1,160}?)(?=Miễn phí|Không có thông tin|[\d,]+ ?" + CURR + ")", rest)
                if m:
                    row["time_text"] = m.group(1)
                    rest = rest[m.end():]
            else:
                # a bare number glued to a numeric fee: "120,000 VNĐ" = time 1 + fee 20,000 ?
                m = re.match(r"([\d,]+) ?" + CURR, rest)
                if m:
                    run, cur = m.group(1), m.group(2)
                    cands = []
                    for k in range(1, len(run)):
                        t, f = run[:k], run[k:]
                        if "," not in t and GROUPED.match(f):
                            cands.append((float(t), int(f.replace(",", ""))))
                    rule_txt = ""
                    after = rest[m.end():]
                    if after.startswith("("):
                        rule_txt = balanced(after)[0]
                    if len(cands) > 1:
                        mentioned = money_mentions(rule_txt)
                        pick = [c for c in cands if c[1] in mentioned] or \
                            [c for c in cands if c[1] and c[1] * 1000 in mentioned]
                        row["ambiguous"] = cands
                        if len(pick) == 1:
                            cands = pick
                    if cands:
                        row["time"], row["unit"] = cands[0][0], "bare"
                        row["fee"], row["currency"], row["fee_cell"] = cands[0][1], cur, "amount"
                        if len(cands) > 1:
                            row["fee_cell"] = "ambiguous"
                        rest = after
        if row["fee_cell"] is None:
            if rest.startswith("Miễn phí"):
                row["fee_cell"], row["fee"] = "free", 0
                rest = rest[len("Miễn phí"):]
            elif rest.startswith("Không có thông tin"):
                row["fee_cell"] = "none"
                rest = rest[len("Không có thông tin"):]
            else:
                m = re.match(r"([\d,.]+) ?" + CURR, rest)
                if m:
                    row["fee_cell"] = "amount"
                    row["fee"] = float(m.group(1).replace(",", ""))
                    row["currency"] = m.group(2)
                    rest = rest[m.end():]
                else:
                    row["fee_cell"] = "unparsed"
        if rest.startswith("("):
            row["rule"], rest = balanced(rest)
        row["desc"] = rest.strip()
        rows.append(row)
    # A cell whose time and fee are glued ("125 VNĐ") is read at the time the table's other rows print without
    # doubt, when they all print the same one ("Trực tuyến1Miễn phí"): a procedure's time column repeats.
    sure = {r["time"] for r in rows if r["time"] is not None and r["fee_cell"] != "ambiguous"}
    glued = [r for r in rows if r["fee_cell"] == "ambiguous"]
    if not sure and len({tuple(r["ambiguous"]) for r in glued}) >= 2:
        # every row glued, but differently ("1100 VNĐ" is 1 or 110, "125 VNĐ" 1 or 12): one time fits them all
        sure = set.intersection(*({c[0] for c in r["ambiguous"]} for r in glued))
    if len(sure) == 1:
        t = next(iter(sure))
        for r in rows:
            pick = [c for c in r["ambiguous"] if c[0] == t] if r["fee_cell"] == "ambiguous" else []
            if len(pick) == 1:
                r["time"], r["fee"], r["fee_cell"], r["by_evidence"] = pick[0][0], pick[0][1], "amount", True
    return rows


# ---------------------------------------------------------------- raw: papers

P_HEAD = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
COUNT_RE = re.compile(r"(?<!\d)(\d+) bản chính(?:,(\d+) bản sao)?")
# (not an extension named in quotes: "tệp định dạng đuôi “.pdf” chứa nội dung…" is the paper's own text)
EXT_RE = re.compile(r"(?<![“\"])\.(?:docx?|pdf|xlsx?|rar|zip|odt|rtf|PDF|DOCX?|XLSX?)\b")
# the next row's list label right after a count cell: "…1 bản chính3. Tài liệu…", "…1 bản sao(2) Giấy…"
NEXT_LABEL = re.compile(r"(?:\d{1,2}[.)]|\(\d{1,2}\)) ?\w")


def parse_papers(text):
    """[(group name, [ {text, originals, copies} ]), …] ; a row's text is name+form(s)."""
    text = nfc(text)
    parts = text.split(P_HEAD)
    if len(parts) == 1:
        return None
    groups = []
    gname = parts[0]
    for i, body in enumerate(parts[1:], start=1):
        rows = []
        pos = 0
        for m in COUNT_RE.finditer(body):
            start = m.start()
            # a count cell is glued to the row text; "… : 01 bản chính; …" inside a name has a space —
            # unless the next row's text is glued to the count's end ("…; 1 bản chính- Đề án …", "…Mẫu số
            # 181 bản chính,1 bản saoGiấy …") or the table ends there: inside a sentence a count is followed
            # by a space or punctuation, a count cell by the next row
            after = body[m.end():m.end() + 1]
            # (not a digit: "…nhập khẩu: 01 bản chính1 bản chínhHợp đồng …" states the count in the name, then
            # the count cell follows)
            glued_next = after == "" or after.isalpha() or after in "-+" or bool(NEXT_LABEL.match(body, m.end())) \
                or (after.isdigit() and not COUNT_RE.match(body, m.end()))
            after_space = start > 0 and body[start - 1] in " \t\n"
            if after_space and not glued_next:
                continue
            # nor does it open a parenthesis: "… tại Phụ lục (01 bản chính) (khoản 1 Điều 39 …)" and
            # "… (01 bản chính hoặc 01 bản sao có chứng thực) …" are the paper's own text
            if start > 0 and body[start - 1] == "(":
                continue
            # a count never opens a row ("Số lượng01 bản chính Báo cáo…" is a paper's own text)
            if not body[pos:start].strip():
                continue
            num = m.group(1)
            # digit run glued to a name ending in a number ("Mẫu số 181 bản chính"): the count is the last digit
            # (after a space the run always is: "theo Mẫu số 081 bản chínhHợp đồng …" is form 08, one original)
            # and so is a run after a dot, the end of a form code ("theo mẫu BM.NCC.20.031 bản chính")
            after_dot = start > 0 and body[start - 1] == "."
            if len(num) >= 2 and (after_space or after_dot or not num.startswith("0")):
                if after_space or after_dot or int(num) > 20:
                    cut = len(num) - 1
                    start += cut
                    num = num[cut:]
            rows.append({"text": body[pos:start], "originals": int(num),
                         "copies": int(m.group(2) or 0)})
            pos = m.end()
        tail = body[pos:]
        if i < len(parts) - 1:
            groups.append((gname, rows))
            gname = tail
        else:
            if tail.strip():
                rows.append({"text": tail, "originals": None, "copies": None})
            groups.append((gname, rows))
    return groups


# ---------------------------------------------------------------- raw: legal basis

L_HEAD = "Tên văn bản pháp lýMã văn bản"
# agency letters; capitals with marks begin a title ("NĐ-CPTHÔNG TƯ"), except in the one agency that has
# them: the Vietnam Fatherland Front's central committee ("01/2014/NQLT-CP-UBTƯMTTQVN")
SUF = r"(?:UBTƯMTTQVN|TTg|[A-ZĐ](?![" + LOW + r"]))+(?:(?<=QH)\d{2})?"
NUM_RE = re.compile(r"(\d+(?:\.\d+)?)\s*/\s*((?:\d{4}\s*/\s*)?)(" + SUF + r"(?:\s?[-–]\s?" + SUF + r")*)")


def norm_num(digits, year, suffix):
    d = digits.lstrip("0") or "0"
    return f"{d}/{re.sub(r'[^0-9]', '', year)}/{re.sub(r'[^A-ZĐa-z0-9]', '', suffix)}".replace("//", "/")


def year_split(digits, year):
    """'202068' before '/2020/' → the title's year '2020' glued to number '68'."""
    y = re.sub(r"\D", "", year)
    if len(digits) >= 5 and re.match(r"(19[4-9]\d|20[0-3]\d)", digits):
        return digits[4:], digits[:4]
    if len(digits) >= 5 and y and digits.startswith(y):
        return digits[len(y):], y
    return digits, None


_KNOWN = None


def known_parts():
    """Agency parts of document numbers seen in a clean context (followed by a non-letter), over the
    whole export: CP, BTC, NHNN, QH15…  Used to end a number glued to a title that starts in lower
    case ("158/2024/NĐ-CPnghị quyết…" is NĐ-CP, not NĐ-C)."""
    global _KNOWN
    if _KNOWN is None:
        _KNOWN = collections.Counter()
        for f in sorted(glob.glob(os.path.join(RAW_DIR, "portal-pages", "*.jsonl"))):
            with open(f, encoding="utf-8") as fh:
                for line in fh:
                    t = nfc(json.loads(line).get("can_cu_phap_ly", ""))
                    for m in re.finditer(r"\d/(?:\d{4}/)?((?:[A-ZĐ]+-)*([A-ZĐ]+))", t):
                        # clean: followed neither by a letter ("…/NĐ-CPLUẬT" is CP glued to "LUẬT", not a part
                        # "CPLU") nor by a space and a word in capitals ("…/NĐ-CPQUY ĐỊNH" is not a part "CPQUY")
                        after = t[m.end():m.end() + 40]
                        w = re.match(r"\s+(\w{2,})", after)
                        if not after[:1].isalpha() and not (w and w.group(1).isupper()):
                            _KNOWN[m.group(2)] += 1
    return _KNOWN


def caps_title_cut(suffix, after):
    """The agency part without the start of a following title written in capitals:
    "136/2025/NĐ-CPQUY ĐỊNH VIỆC…" is NĐ-CP, "…/TT-BXDLUẬT HÀNG KHÔNG…" is TT-BXD,
    "…/QĐ-BHXHBỘ NỘI VỤ…" is QĐ-BHXH, and "Thông tư số 29/2025/TT-BTCTT29/2025" is TT-BTC followed by
    the number column "TT29/2025".  The part is cut only when what is left is an agency part seen in
    clean contexts at least 5 times and 5 times as often as the whole, and the cut-off letters go on as
    a word in capitals (an accented capital the number pattern cannot take, or a space and a word
    in capitals) or as a number ("TT29/2025")."""
    last = re.split(r"[-–\s]", suffix)[-1]
    if not re.fullmatch(r"[A-ZĐ]+", last):
        return suffix
    kp = known_parts()
    for k in range(len(last) - 1, 0, -1):
        head, cut = last[:k], last[k:]
        if kp.get(head, 0) < 5 or kp.get(head, 0) < 5 * kp.get(last, 0):
            continue
        nxt = after[:1]
        word_goes_on = (nxt.isalpha() and nxt.isupper() and not re.match(r"[A-ZĐ]", nxt)) or \
            bool(re.match(r"\s+(\w{2,})", after) and re.match(r"\s+(\w{2,})", after).group(1).isupper()) or \
            bool(re.match(r"\d+/\d{4}", after))
        if word_goes_on:
            return suffix[: len(suffix) - len(cut)]
        return suffix
    return suffix


def num_iter(text):
    """NUM_RE matches, with the end moved one letter on when the agency part is otherwise cut."""
    for m in NUM_RE.finditer(text):
        digits, year, suffix = m.group(1), m.group(2), m.group(3)
        nxt = text[m.end():m.end() + 2]
        if len(nxt) == 2 and re.match(r"[A-ZĐ][" + LOW + r"]", nxt):
            last = re.split(r"[-–\s]", suffix)[-1]
            kp = known_parts()
            if kp.get(last + nxt[0], 0) > kp.get(last, 0):
                suffix = suffix + nxt[0]
        else:
            suffix = caps_title_cut(suffix, text[m.end():])
        yield m.start(), digits, year, suffix


def raw_legal_numbers(text, raw_text=""):
    """Document numbers of the legal-basis table.  When the export's can_cu_phap_ly has no table
    header (it then holds the tail of a fee rule that quoted "Căn cứ pháp lý"), the table is read
    from raw_text, or is taken as absent."""
    text = nfc(text)
    if L_HEAD in text:
        text = text.split(L_HEAD, 1)[1]
    else:
        rt = nfc(raw_text)
        text = rt.split(L_HEAD, 1)[1] if L_HEAD in rt else ""
        for stop in ("Yêu cầu, điều kiện", "Cơ quan thực hiện"):
            if stop in text:
                text = text.split(stop, 1)[0]
    out = {}
    for start, digits0, year, suffix in num_iter(text):
        # a title that ends with a date or a year and a full stop, glued to the number column:
        # "… ngày 15/5/2026.55/2026/TT-BTC", "… năm 2001.22/2025/TT-BXD" is number 55 (22), not ".55"
        dot = re.fullmatch(r"(?:19[4-9]\d|20[0-3]\d)\.(\d+)", digits0)
        if dot:
            digits0 = dot.group(1)
        digits, glued = year_split(digits0, year)
        if not year and not re.search(r"[A-ZĐ]{2}", suffix):
            continue
        out.setdefault(norm_num(digits, year, suffix), []).append((start, glued))
    return out, text


# ---------------------------------------------------------------- raw: results


def parse_results(text):
    text = nfc(text)
    text = re.split(r"Chọn cơ quan thực hiện", text)[0]
    names = []
    chunks = re.split(r"Mã:\s*", text)
    for i, ch in enumerate(chunks[:-1]):
        if i > 0:
            # drop the previous result's code glued to this name: "KQ.G01.000030Thông báo …"
            # the portal's result codes are "KQ.G12.000327" (or "KQ-G12.0001676"): they end at their last digit
            # ("KQ.G10.000246...văn bản trả lời", "KQ.G19.000427UBND cấp xã …")
            m = re.match(r"KQ[.\-]G\d+\.\d+", ch) or \
                re.match(r"[\w.\-/]{0,40}?(?=[A-ZĐÀ-Ỹ][" + LOW + r"]|[^\w.\-/]|$|(?<=\d)[" + LOW + r"])", ch)
            if m:
                ch = ch[m.end():]
            ch = re.split(r"Từ khóa", ch)[0]
        names.append(ch.strip())
    if not names and text.strip():
        names = [re.split(r"Từ khóa", text)[0].strip()]
    return [n for n in names if n]


# ---------------------------------------------------------------- checks

Row = collections.namedtuple("Row", "code field verdict kind content raw")


def flag_for(d, prefix):
    return [f for f in d.get("flags", []) if f.get("field", "").startswith(prefix)]


def unit_support(n, texts):
    """Units the procedure's own text gives to the number n ('03 ngày làm việc', '5 (năm) ngày')."""
    units = set()
    n_int = int(n) if n == int(n) else None
    if n_int is None:
        return units
    pat = re.compile(r"(?<![\d/.,])0*" + str(n_int) + r"\s*(?:\([^)]{1,20}\)\s*)?(ngày\s+làm\s+việc|ngày|giờ|tháng)(?![" + LOW + r"])",
                     re.I)
    for t in texts:
        for m in pat.finditer(nfc(t or "")):
            u = ws(m.group(1).lower())  # "11 ngày  làm việc" (two spaces) is 11 working days
            units.add(u)
    return units


def rule_names_fee(rule):
    r = nfc(rule or "")
    if not r.strip():
        return False
    low = r.lower()
    if re.search(r"miễ?n? ?phí từ|miễn thu|không thu|chưa quy định|không quy định|^\W*không\b|^\W*miễn\b", low):
        return False
    if re.search(r"hội đồng nhân dân|hđnd", low):
        return True
    return any(a >= 1000 for a in money_mentions(r))


# Fee rows where the content keeps "Miễn phí" (amount 0) against a note naming a fee: (code, method, kind,
# the page shows "Miễn phí" too).  --all prints the content-level figure next to the page-level one.
CONTENT_FREE_VS_RULE = []


def note_reads_free(rule):
    """The page rule for one fee of amount 0 (src/pages/facts.rs, `fee_says`, re-implemented here from its
    description, not from its code): the page says "Miễn phí" only when the note is empty (fewer than three
    letters) or only says there is no fee: it opens with "không thu", "miễn phí", "miễn lệ phí", "không có",
    "chưa quy định", "không phải nộp" or "không", with no condition (a fee free for some means others pay),
    no amount and no provincial council.  Otherwise the page shows the note ("Theo mức của HĐND tỉnh", or
    the rule in words)."""
    r = nfc(rule or "").strip()
    if sum(ch.isalpha() for ch in r) < 3:
        return True
    low = re.sub(r"^\W+", "", r.lower())
    if not re.match(r"không thu|miễn phí|miễn lệ phí|không có|chưa quy định|không phải nộp|không\b", low):
        return False
    if re.search(r"đối với|trường hợp|cho người|nếu |trừ |kể từ|đến hết|đăng ký qua mạng", low):
        return False
    if "%" in low or re.search(r"\d\s*(?:đồng|usd|vnđ)", low):
        return False
    if re.search(r"hội đồng nhân dân|hđnd|ủy ban nhân dân cấp tỉnh|ubnd cấp tỉnh", low):
        return False
    return True


def page_fee_words(d, fees):
    """What the page's glance box says for this fee: an editor's summary's cost when there is one, else
    "Miễn phí" or the note (see note_reads_free)."""
    if "summary" in d and ws(d["summary"].get("cost", "")):
        return ws(d["summary"]["cost"])
    words = []
    for f in fees:
        if f.get("amount") == 0 and note_reads_free(f.get("rule", "")):
            words.append("Miễn phí")
        elif f.get("amount"):
            words.append(f"{f['amount']} đồng")
        else:
            words.append(ws(f.get("rule", "")))
    return "; ".join(words)


def page_says_free(shown, fees):
    """The page says "Miễn phí" and nothing that names the fee."""
    low = shown.lower()
    if not re.search(r"miễn phí|không mất phí|không thu", low):
        return False
    return not (rule_names_fee(shown) or re.search(r"hđnd|hội đồng nhân dân|theo mức|\d\s*đồng", low))


def methods_text(raw):
    """The method table.  The export cuts cach_thuc_thuc_hien where a fee rule quotes the words
    "Căn cứ pháp lý" (taken for the next section); the table then continues in raw_text."""
    t = nfc(raw["cach_thuc_thuc_hien"])
    rt = nfc(raw.get("raw_text", ""))
    i = rt.find(t) if t else -1
    if i >= 0 and rt[i + len(t):].startswith("Căn cứ pháp lý"):
        k = rt.find("Thành phần hồ sơ", i + len(t))
        if k > 0:
            return rt[i:k]
    return t


def check_methods(code, d, raw):
    rows = []
    parsed = parse_methods(methods_text(raw))
    cm = d.get("methods", [])
    if parsed is None:
        rows.append(Row(code, "cách nộp", "wrong" if cm else "correct", "method table unreadable",
                        short(json.dumps([m.get("channel") for m in cm], ensure_ascii=False)),
                        short(raw["cach_thuc_thuc_hien"])))
        return rows
    # channels
    rc = [p["channel"] for p in parsed]
    cc = [m.get("channel") for m in cm]
    if rc == cc:
        rows.append(Row(code, "cách nộp", "correct", "", ", ".join(cc), ", ".join(rc)))
    else:
        rows.append(Row(code, "cách nộp", "wrong", "cách nộp khác cổng", ", ".join(cc), ", ".join(rc)))
    texts = [raw.get("trinh_tu_thuc_hien", ""), raw.get("yeu_cau_dieu_kien", "")] + \
            [p["desc"] + " " + p["rule"] for p in parsed]
    # another row of the same table that prints the number with its unit ("Trực tuyến1 Ngày làm việc…Trực
    # tiếp1Miễn phí") supports that unit too: a procedure's time column repeats (never used to split a glued
    # cell below, which reads only the steps and conditions)
    texts += [f"{q['time']:g} {q['unit']}" for q in parsed if q["time"] is not None and q["unit"] not in (None, "bare")]
    for i, (p, m) in enumerate(zip(parsed, cm)):
        lab = f"[{i}] {p['channel']}"
        # ---------------- time
        t = m.get("time", {}) or {}
        amt, unit = t.get("amount"), t.get("unit")
        cshow = f"{amt} {unit}"
        flagged = bool(flag_for(d, f"methods[{i}].time"))
        if p["time"] is not None and p["unit"] != "bare":
            rshow = f"{p['time']:g} {p['unit']}"
            if amt == p["time"] and unit == p["unit"]:
                rows.append(Row(code, "thời gian", "correct", "", cshow, rshow))
            elif amt == p["time"] and flagged and unit in unit_support(p["time"], texts):
                # "5 ngày" in the table, "05 ngày làm việc" in the procedure's own steps: the sharper unit,
                # backed by the text and explained by a flag, is the repair issue 15 asks for.
                rows.append(Row(code, "thời gian", "repaired", "", f"{lab}: {cshow}",
                                f"{rshow}; văn bản thủ tục ghi: {sorted(unit_support(p['time'], texts))}"))
            else:
                rows.append(Row(code, "thời gian", "wrong", "thời gian khác cổng", f"{lab}: {cshow}", rshow))
        else:
            if p["time"] is not None:
                rshow = f"{p['time']:g} (không đơn vị)"
                sup = unit_support(p["time"], texts)
            else:
                rshow = "Không có thông tin"
                sup = set()
            same_amount = p["time"] is None or amt == p["time"]
            if unit in (None, "không rõ", "xem mô tả") and (amt is None or same_amount):
                if len(sup) == 1:
                    rows.append(Row(code, "thời gian", "wrong", "đơn vị thời gian bỏ trống dù trình tự/mô tả có ghi",
                                    f"{lab}: {cshow}", f"{rshow}; văn bản thủ tục ghi: {sorted(sup)}"))
                else:
                    rows.append(Row(code, "thời gian", "correct", "", cshow + (" (flag)" if flagged else ""), rshow))
            elif same_amount and unit in sup:
                rows.append(Row(code, "thời gian", "repaired" if flagged else "wrong",
                                "" if flagged else "đơn vị thời gian thêm vào không có flag", f"{lab}: {cshow}",
                                f"{rshow}; văn bản thủ tục ghi: {sorted(sup)}"))
            else:
                if p["time"] is None and amt is not None and flagged and any(
                        "trường hợp giải quyết" in f.get("reason", "") for f in flag_for(d, f"methods[{i}].time")):
                    # time taken from the portal's API "execution case" (not in the page export); accept when flagged
                    rows.append(Row(code, "thời gian", "repaired", "", f"{lab}: {cshow}", rshow + " (lấy từ API, có flag)"))
                elif p["time"] is not None and amt is not None and amt != p["time"] and \
                        str(int(amt)).startswith(str(int(p["time"]))):
                    rows.append(Row(code, "thời gian", "wrong", "số thời gian dính chữ số của lệ phí",
                                    f"{lab}: {cshow}", f"{rshow} rồi lệ phí '{p['raw'][:20]}'"))
                else:
                    rows.append(Row(code, "thời gian", "wrong", "đơn vị/số thời gian không có căn cứ trong văn bản",
                                    f"{lab}: {cshow}", f"{rshow}; văn bản thủ tục ghi: {sorted(sup) or 'không có'}"))
        # ---------------- fee
        fees = m.get("fees", []) or []
        f0 = fees[0] if fees else None
        camt = f0.get("amount") if f0 else None
        crule = (f0 or {}).get("rule", "") or ""
        fflag = flag_for(d, f"methods[{i}].fees")
        cshow = "không có" if f0 is None else f"{camt} đ" + (f" | {short(crule, 60)}" if crule else "")
        rshow = {"free": "Miễn phí", "none": "Không có thông tin", "amount": f"{p['fee']} {p['currency']}",
                 "ambiguous": f"mơ hồ {p['ambiguous']}", "unparsed": "không đọc được"}[p["fee_cell"]] + \
            (f" | {short(p['rule'], 60)}" if p["rule"] else "")
        verdict, kind = "correct", ""
        trivial = re.fullmatch(r"\W*(không|không có|không có thông tin|chưa quy định|không quy định|miễn phí|phí, lệ phí)?\W*", p["rule"].strip().lower())
        rule_lost = not trivial and not crule.strip() and not any(
            alnum(p["rule"])[:40] in alnum(x.get("rule", "") + m.get("description", "")) for x in fees) \
            and alnum(p["rule"])[:40] not in alnum(m.get("description", ""))
        if p["fee_cell"] == "free":
            if f0 is None:
                verdict, kind = "wrong", "'Miễn phí' của cổng bị mất"
            elif camt == 0 and rule_names_fee(p["rule"]):
                # The content keeps the portal's "Miễn phí" (amount 0) against a note that names a fee.  What a
                # citizen reads is the page, which reads the amount together with its note: judge the page.
                content_kind = "nội dung ghi 'Miễn phí' dù quy định phí nêu mức thu/HĐND quyết định" + (
                    " (có flag)" if fflag else " (không flag)")
                shown = page_fee_words(d, fees)
                if page_says_free(shown, fees):
                    verdict, kind = "wrong", "trang hiện 'Miễn phí' dù quy định phí nêu mức thu/HĐND quyết định" + (
                        " (có flag)" if fflag else " (không flag)")
                else:
                    verdict = "repaired"
                    rshow += f" → trang hiện: {short(shown, 60)}"
                CONTENT_FREE_VS_RULE.append((code, i, content_kind, verdict == "wrong"))
            elif camt not in (0, None):
                if camt in money_mentions(p["rule"]) and fflag:
                    verdict = "repaired"
                else:
                    verdict, kind = "wrong", "số tiền không có trên cổng"
        elif p["fee_cell"] == "none":
            if f0 is not None and camt == 0:
                verdict, kind = "wrong", "'Không có thông tin' thành 'Miễn phí'"
            elif f0 is not None and camt not in (None,):
                verdict = "repaired" if (camt in money_mentions(p["rule"] + " " + p["desc"]) and fflag) else "wrong"
                kind = "" if verdict == "repaired" else "số tiền không có trên cổng"
        elif p["fee_cell"] in ("amount", "ambiguous"):
            if p["currency"] == "USD":
                if camt is not None and camt == p["fee"] and "USD" not in crule:
                    verdict, kind = "wrong", "ngoại tệ hiện thành đồng"
                elif camt not in (None, 0) and camt != p["fee"]:
                    verdict, kind = "wrong", "số tiền khác cổng"
                else:
                    verdict = "repaired" if fflag else "correct"
            elif camt == p["fee"]:
                if p.get("by_evidence"):
                    verdict, kind = ("repaired", "") if fflag else ("wrong", "tách thời gian/phí theo dòng khác mà không có flag")
                elif p["fee_cell"] == "ambiguous":
                    verdict, kind = "wrong", "số tiền dính với thời gian, không tách chắc chắn được"
                elif camt and camt < 1000 and (camt * 1000) in money_mentions(p["rule"] + " " + p["desc"]):
                    verdict, kind = "wrong", "mức thu cổng ghi theo nghìn đồng, văn bản ghi đủ, chưa sửa"
            elif camt is not None and p["fee"] and camt == p["fee"] * 1000 and camt in money_mentions(
                    p["rule"] + " " + p["desc"]) and fflag:
                verdict = "repaired"
            elif camt is None and (p["fee_cell"] == "ambiguous" or p["unit"] == "bare"):
                verdict, kind = "wrong", "mức thu bị đọc thành thời gian, mất mức thu"
            elif camt is None and not fees:
                verdict, kind = "wrong", "mất mức thu"
            else:
                verdict, kind = "wrong", "số tiền khác cổng"
        else:
            verdict = "correct" if f0 is None or camt is None else "wrong"
            kind = "" if verdict == "correct" else "số tiền không đọc được từ cổng"
        if verdict != "wrong" and rule_lost:
            verdict, kind = "wrong", "mất phần quy định phí"
        rows.append(Row(code, "lệ phí", verdict, kind, f"{lab}: {cshow}", rshow))
    if len(parsed) != len(cm):
        rows.append(Row(code, "cách nộp", "wrong", "số cách nộp khác cổng", str(len(cm)), str(len(parsed))))
    return rows


LABEL_ONLY = re.compile(r"^\W*(?:[a-zđ]|\d{1,2}|[ivx]{1,4}|[a-zđ]\.\d)?\W*$", re.I)


def form_problem(p):
    form = p.get("form")
    name = p.get("name", "")
    if EXT_RE.search(name):
        return "tên mẫu (tệp) dính vào tên giấy tờ"
    if not form:
        return None
    if LABEL_ONLY.match(name):
        return "tên giấy tờ nằm trong 'mẫu', tên còn lại chỉ là nhãn"
    for part in re.split(r";\s+", form):
        stem = EXT_RE.sub("", part).strip(" .;")
        if not stem:
            return "tên mẫu bị cắt (chỉ còn đuôi tệp)"
        words = stem.split()
        # a file name that cites its decree ("Mẫu ban hành kèm theo Nghị định 124-2020.doc", "Mẫu số 02 Phụ lục
        # ban hành kèm theo Nghị định số 158.docx": a form word, a file extension, a short name, no document
        # number) is a file name; elsewhere "ban hành kèm theo" is the paper's own sentence
        # (the form word may come later in the file's own title: "giấy đề nghị cấp lại -Mẫu 85 ban hành kèm theo
        # NĐ 155.docx", "Bản thông tin cá nhân - mẫu 67 ban hành kèm theo NĐ 155.docx"; never "theo mẫu")
        cites_decree = (re.search(r"(?<!theo )\b(?:Mẫu|Mau|MẪU|mẫu|mau)\b", stem) and EXT_RE.search(part)
                        and len(words) <= 14 and "theo quy định" not in stem)
        if (re.search(r"ban hành kèm theo|theo quy định", stem) and not cites_decree) or FORM_PROSE.search(part):
            return "'mẫu' chứa lời văn của giấy tờ"
        if form_title_shape(part):
            # a form's own title or file name, however long: "Mau 03 TS. Don khai bao kiem dich dong vat san pham
            # dong vat thuy san xuat khau nhap khau.docx", "Thủ tục đăng ký dự thi sát hạch đối với chứng chỉ
            # Kiểm toán viên nước ngoài.docx" (the portal's form column, read in the raw text)
            if len(words) > 30:
                return "'mẫu' chứa lời văn của giấy tờ"
            continue
        if len(words) > 14 or re.search(r"trong đó|đối với", stem):
            return "'mẫu' chứa lời văn của giấy tờ"
    return None


# signs of a paper's own text in the form column, whatever its shape: a count cell ("1 bản chính"),
# a legal document number ("…theo Nghị định số 33/2026/NĐ-CP"), a sentence's end inside ("…cấp1 bản chính,Đơn…")
FORM_PROSE = re.compile(r"\d+\s*bản (?:chính|sao)|\d+/\d{4}/[A-ZĐ]|\d+/[A-ZĐ]+-[A-ZĐ]")


def form_title_shape(part):
    """A form column entry shaped as a file name (ends in .doc/.docx/.pdf/.xls/.xlsx/…) or as a form's
    title ("Mẫu …", "Mau …", "Phụ lục …")."""
    p = part.strip(" ;")
    return bool(re.search(r"\.(?:docx?|pdf|xlsx?|odt|rtf|rar|zip)\s*$", p, re.I) or
                re.match(r"(?:Mẫu|Mau|MẪU|Phụ lục|PHỤ LỤC|Phu luc)\b", p))


def papers_text(raw):
    """The papers section.  In a few records the export's thanh_phan_ho_so starts at an earlier
    "Thành phần hồ sơ" quoted inside the steps; the table is then read from raw_text."""
    t = nfc(raw["thanh_phan_ho_so"])
    rt = nfc(raw.get("raw_text", ""))
    # and in a few it is cut where a paper quotes the next section's title ("…nêu tại mục Yêu cầu, điều kiện
    # thực hiện thủ tục hành chính.1 bản chính…", 1.009537): the table then continues in raw_text
    i = rt.find(t) if t else -1
    # (or "Kết quả" at a bullet: "…Tại Bước 7: + Kết quả xử lý hợp đồng…", 1.009539)
    if i >= 0 and rt[i + len(t):].lstrip().startswith(("Yêu cầu, điều kiện", "Kết quả")):
        k = rt.find("Căn cứ pháp lý", i + len(t))
        return rt[i: k if k > 0 else len(rt)]
    if P_HEAD in t or P_HEAD not in rt:
        return t
    i = rt.find("Cách Thức Thực Hiện")
    j = rt.find("Thành phần hồ sơ", max(i, 0))
    k = rt.find("Căn cứ pháp lý", j)
    return rt[j + len("Thành phần hồ sơ"): k if k > 0 else len(rt)]


def check_papers(code, d, raw):
    rows = []
    ptext = papers_text(raw)
    groups = parse_papers(ptext)
    cg = d.get("papers", [])
    if groups is None:
        txt = ws(ptext)
        allc = alnum(json.dumps(cg, ensure_ascii=False))
        ok = alnum(txt)[:60] in allc if txt and txt != "Không có thông tin" else True
        rows.append(Row(code, "giấy tờ", "correct" if ok else "wrong", "" if ok else "thành phần hồ sơ bị mất",
                        short(json.dumps(cg, ensure_ascii=False)), short(txt)))
        return rows
    cpapers = []
    for gi, g in enumerate(cg):
        for p in g.get("papers", []):
            cpapers.append((gi, p))
    used = set()
    craw = [alnum(p.get("name", "") + (p.get("form", "") or "").replace("; ", "")) for _, p in cpapers]
    cname = [alnum(p.get("name", "")) for _, p in cpapers]
    pflags = flag_for(d, "papers")
    for gname, rws in groups:
        for r in rws:
            a = alnum(r["text"])
            if not a:
                continue
            rshow = f"{short(r['text'], 90)} — {r['originals']} chính, {r['copies']} sao"
            if re.fullmatch(r"\W*[A-Z]\d{1,3}-KQ\d*\W*", r["text"]):
                # "G19-KQ006178": a result's code left in the papers table is page furniture, not a paper
                rows.append(Row(code, "giấy tờ", "correct", "", "mã kết quả, không phải giấy tờ", rshow))
                continue
            if COUNT_RE.fullmatch(re.sub(r"^\W+|\W+$", "", r["text"])):
                # "…(nếu có).1 bản chính1 bản chính": the quantity column printed twice is not a paper
                rows.append(Row(code, "giấy tờ", "correct", "", "số lượng in lặp, không phải giấy tờ", rshow))
                continue
            hit = [i for i, x in enumerate(craw) if x == a and i not in used]
            if not hit:
                hit = [i for i, x in enumerate(craw) if x == a]
            if hit:
                i = hit[0]
                used.add(i)
                p = cpapers[i][1]
                show = f"{short(p.get('name'), 70)} | mẫu: {short(p.get('form', '-'), 40)} — {p.get('originals')} chính, {p.get('copies')} sao"
                prob = form_problem(p)
                if r["originals"] is not None and (p.get("originals"), p.get("copies")) != (r["originals"], r["copies"]):
                    rows.append(Row(code, "giấy tờ", "wrong", "số bản chính/sao khác cổng", show, rshow))
                elif prob:
                    if prob.startswith("tên mẫu (tệp)"):
                        show = "…" + ws(p.get("name", ""))[-80:] + " | mẫu: -"
                    rows.append(Row(code, "giấy tờ", "wrong", prob, show, rshow))
                else:
                    rows.append(Row(code, "giấy tờ", "correct", "", show, rshow))
                continue
            # not found whole: merged into a bigger paper, cut, or lost
            merged = [i for i, x in enumerate(craw) if a in x and len(x) > len(a) + 3]
            cut = [i for i, x in enumerate(craw) if x and x in a and len(x) >= 8]
            in_note = [g for g in cg if a[:80] in alnum(g.get("name", "") + str(g.get("note", "")))] or \
                [p for _, p in cpapers if a[:80] in alnum(str(p.get("note", "")))]
            if r["originals"] is None and (in_note or merged or cut):
                ok_flag = any("không có số lượng" in f.get("reason", "") or "ghi chú" in f.get("reason", "") for f in pflags)
                rows.append(Row(code, "giấy tờ", "repaired" if ok_flag else "correct", "", "giữ làm ghi chú/dòng không số lượng",
                                rshow))
            elif merged:
                p = cpapers[merged[0]][1]
                rows.append(Row(code, "giấy tờ", "wrong", "giấy tờ bị gộp vào dòng khác",
                                short(p.get("name", ""), 140), rshow))
            elif cut:
                p = cpapers[cut[0]][1]
                used.add(cut[0])
                rows.append(Row(code, "giấy tờ", "wrong", "giấy tờ bị cắt", short(p.get("name", ""), 140), rshow))
            else:
                # near match (importer removed page furniture, e.g. '-KQ'): compare on the first 60 chars
                near = [i for i, x in enumerate(craw) if x[:60] == a[:60]]
                if near and pflags:
                    used.add(near[0])
                    rows.append(Row(code, "giấy tờ", "repaired", "", short(cpapers[near[0]][1].get("name", "")), rshow))
                else:
                    rows.append(Row(code, "giấy tờ", "wrong", "giấy tờ bị mất", "—", rshow))
    # content papers that are not in the raw at all
    for i, (gi, p) in enumerate(cpapers):
        if i in used:
            continue
        x = craw[i]
        if not x:
            continue
        allraw = alnum(ptext)
        if x not in allraw:
            rows.append(Row(code, "giấy tờ", "wrong", "giấy tờ không có trên cổng (bịa/ghép)",
                            short(p.get("name", ""), 140), "—"))
        elif form_problem(p):
            # a content paper spanning raw rows whose text is all in the raw ("…Mẫu số 26.docx; 1 bản chính.Bản
            # chính Giấy chứng nhận…"): no raw row matches it, but its form column still holds a paper's text
            rows.append(Row(code, "giấy tờ", "wrong", form_problem(p),
                            f"{short(p.get('name', ''), 70)} | mẫu: {short(p.get('form', '-'), 80)}", "—"))
    return rows


_REPAIRS = None


def report_documents_repair(needle, field="legal_basis"):
    """Is a rule mentioning `needle` listed in the import report's "Repairs by rule" table
    (content/IMPORT_REPORT.md)?  Only the report's text is read, never the importer's code."""
    global _REPAIRS
    if _REPAIRS is None:
        _REPAIRS = ""
        path = os.path.join(ROOT, "content", "IMPORT_REPORT.md")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                txt = nfc(fh.read())
            m = re.search(r"^## Repairs by rule.*?(?=^## )", txt, re.S | re.M)
            _REPAIRS = m.group(0) if m else ""
    return any(needle in line for line in _REPAIRS.splitlines() if line.startswith("| " + field))


# Cyrillic capitals that look like Latin ones, which the portal sometimes typed in a document number ("TT-BTС")
LOOKALIKE = str.maketrans("АВЕКМНОРСТХУ", "ABEKMHOPCTXY")


def check_legal(code, d, raw):
    rows = []
    rawnums, body = raw_legal_numbers(raw["can_cu_phap_ly"], raw.get("raw_text", ""))
    cl = d.get("legal_basis", [])
    lflags = flag_for(d, "legal_basis")
    alltitles = " ".join(ws(x.get("number", "")) + " " + ws(x.get("title", "")) for x in cl)
    content_nums = set()
    for j, x in enumerate(cl):
        num, title = ws(x.get("number", "")), ws(x.get("title", ""))
        show = f"{num or '—'} | {short(title, 80)}"
        problems = []
        repair = None
        m = NUM_RE.search(num) if num else None
        if num and m:
            digits = m.group(1)
            key = norm_num(digits, m.group(2), m.group(3))
            content_nums.add(key)
            last = re.split(r"[-–\s]", m.group(3))[-1]
            tail = num[m.end():].strip()
            lastl = re.sub(r"\d+$", "", last)
            kp = known_parts()
            glued_letters = lastl != "TTg" and kp.get(lastl, 0) < 2 and any(
                lastl.startswith(k) and len(k) >= 2 and kp[k] >= 5 for k in kp if k != lastl)
            if re.search(r"[A-Za-z" + LOW + r"ĐÀ-Ỹ]", tail) or glued_letters:
                problems.append(f"số hiệu dính chữ của dòng sau ('{num}')")
            d2, glued = year_split(digits, m.group(2))
            if glued:
                content_nums.add(norm_num(d2, m.group(2), m.group(3)))
                problems.append(f"năm của tên dính vào số hiệu (năm '{glued}')")
            elif key not in rawnums and key.endswith("/NĐCP") and key[:-1] in rawnums:
                # the portal printed a decree number cut to "/NĐ-C" ("…cổng Dịch vụ công quốc gia118/2025/NĐ-CQuy
                # định về…": the next letter is not P).  A decree (NĐ) is always issued by the Government (CP),
                # so "NĐ-CP" is right; it is a repair, counted as such when the import report documents it.
                if report_documents_repair("NĐ-C"):
                    repair = "số hiệu '/NĐ-C' của cổng sửa thành 'NĐ-CP' (quy tắc trong báo cáo nhập)"
                else:
                    problems.append("số hiệu '/NĐ-C' của cổng sửa thành 'NĐ-CP' không ghi trong báo cáo nhập")
            elif key not in rawnums and num not in body and num in body.translate(LOOKALIKE):
                # the portal typed a Cyrillic letter that looks Latin ("85/2024/TT-BTС"): the content's Latin number
                # is the same number, one a search can find; a repair when the import report documents it
                if report_documents_repair("Kirin"):
                    repair = "chữ Kirin trong số hiệu của cổng đổi sang chữ Latinh (quy tắc trong báo cáo nhập)"
                else:
                    problems.append("số hiệu đổi chữ Kirin sang Latinh không ghi trong báo cáo nhập")
            elif key not in rawnums:
                # was the number cut? the raw has a longer digit run ending with this number
                longer = [k for k in rawnums if k != key and (key in k or (
                    k.endswith("/" + key.split("/", 1)[1]) and k.split("/")[0].endswith(key.split("/")[0])) or (
                    k.split("/")[:2] == key.split("/")[:2] and k.split("/")[-1].startswith(key.split("/")[-1])))]
                problems.append("số hiệu bị cắt (cổng: " + longer[0] + ")" if longer else "số hiệu không có trên cổng")
        elif num:
            if not re.search(r"\d", num):
                problems.append("số hiệu không phải số hiệu")
        else:
            mt = NUM_RE.search(title)
            if mt:
                content_nums.add(norm_num(mt.group(1), mt.group(2), mt.group(3)))
        # title glued to the next row ("…bổ sungNghị định số 85/2026", "…Xây dựng14/2026")
        # (not the dot inside a dotted number: "Nghị quyết 66.7/2025/NQ-CP" is that row's own title)
        glue = re.search(r"(?:[" + LOW + r";,)]|(?<!\d)\.)(?:(?:Luật|Nghị|Thông|Quyết|Bộ|Pháp|Văn)\b|\d{1,4}/\d{4}\S*$)", title)
        if glue:
            problems.append("tên văn bản dính phần của dòng sau: '…" + title[max(0, glue.start() - 15):glue.end() + 20] + "'")
        if title and not num and not NUM_RE.search(title) and alnum(title) not in alnum(body):
            problems.append("tên văn bản không có trên cổng")
        if problems:
            repaired = bool(lflags) and not num and all("dính phần" in p for p in problems) and NUM_RE.search(title)
            for prob in problems:
                rows.append(Row(code, "căn cứ pháp lý", "repaired" if repaired else "wrong",
                                prob.split(" (")[0].split(":")[0], show, prob))
        elif repair:
            rows.append(Row(code, "căn cứ pháp lý", "repaired", "", show, repair))
        else:
            rows.append(Row(code, "căn cứ pháp lý", "correct", "", show, ""))
    # documents of the raw table missing from the content
    for key, occ in rawnums.items():
        if key in content_nums:
            continue
        bare = key.split("/")
        pat = re.compile(r"(?<!\d)0*" + re.escape(bare[0]) + r"\s*/\s*" + (re.escape(bare[1]) + r"\s*/\s*" if len(bare) > 2 and bare[1] else ""))
        if pat.search(alltitles):
            continue
        rows.append(Row(code, "căn cứ pháp lý", "wrong", "văn bản của cổng bị mất hoặc dính vào dòng khác", "—", key))
    if not cl and rawnums:
        pass
    return rows


def results_text(raw):
    """The results section.  The export's ket_qua_xu_ly is empty in a few records (3.000120), and in a few holds
    the papers' tail where a paper said "+ Kết quả xử lý hợp đồng…" (1.009539); the page's own section is the
    last "Kết quả xử lý" of raw_text, up to "Từ khóa"."""
    t = nfc(raw["ket_qua_xu_ly"])
    rt = nfc(raw.get("raw_text", ""))
    i = rt.rfind("Kết quả xử lý")
    if i < 0:
        return t
    body = rt[i + len("Kết quả xử lý"):]
    k = body.find("Từ khóa")
    body = body[:k] if k >= 0 else body
    return t if t and body.startswith(t[:40]) else body


def check_results(code, d, raw):
    rows = []
    rn = parse_results(results_text(raw))
    cr = d.get("results", [])
    ca = [alnum(x) for x in cr]
    for n in rn:
        a = alnum(n)
        if not a:
            continue
        if a in ca:
            rows.append(Row(code, "kết quả", "correct", "", short(n), short(n)))
        elif any(a and a in x for x in ca):
            x = next(cr[i] for i, y in enumerate(ca) if a in y)
            rows.append(Row(code, "kết quả", "wrong", "kết quả dính phần thừa (Mã: …) hoặc gộp hai kết quả", short(x), short(n)))
        elif len(n) > 2 and n[0] == n[1] and n[0].isupper() and alnum(n[1:]) in ca and report_documents_repair("gõ lặp", "results"):
            # "GGiấy xác nhận …": the portal typed the first capital twice; the import report documents the fix
            rows.append(Row(code, "kết quả", "repaired", "", short(n[1:]), short(n)))
        elif any(x and x in a for x in ca):
            x = next(cr[i] for i, y in enumerate(ca) if y and y in a)
            fl = flag_for(d, "results")
            rows.append(Row(code, "kết quả", "repaired" if fl else "wrong", "" if fl else "kết quả bị cắt", short(x), short(n)))
        else:
            rows.append(Row(code, "kết quả", "wrong", "kết quả bị mất", "—", short(n)))
    if not rn and cr:
        rows.append(Row(code, "kết quả", "wrong", "kết quả không có trên cổng", short(cr[0]), "—"))
    return rows


def check_simple(code, d, raw):
    rows = []
    # name: the site drops a leading "Thủ tục" and normalises spacing/Unicode – that is presentation only
    a, b = ws(d.get("name", "")), ws(raw["ten_thu_tuc"])
    b2 = re.sub(r"^(Thủ tục|TTHC)\s*:?\s*", "", b, flags=re.I)
    if a == b or alnum(a) == alnum(b) or alnum(a) == alnum(b2):
        rows.append(Row(code, "tên", "correct", "", short(a), short(b)))
    else:
        rows.append(Row(code, "tên", "wrong", "tên khác cổng", short(a), short(b)))
    if alnum(d.get("field", "")) == alnum(raw["linh_vuc"]):
        rows.append(Row(code, "lĩnh vực", "correct", "", d.get("field"), raw["linh_vuc"]))
    else:
        rows.append(Row(code, "lĩnh vực", "wrong", "lĩnh vực khác cổng", d.get("field"), raw["linh_vuc"]))
    lv = {"Cấp bộ": "bộ", "Cấp tỉnh": "tỉnh", "Cấp xã": "xã", "Cơ quan khác": "khác"}
    rl = {lv.get(x.strip(), x.strip()) for x in nfc(raw["cap_thuc_hien"]).split(",") if x.strip()}
    cl = set(d.get("levels", []))
    rows.append(Row(code, "cấp thực hiện", "correct" if rl == cl else "wrong", "" if rl == cl else "cấp khác cổng",
                    ", ".join(sorted(cl)), raw["cap_thuc_hien"]))
    return rows


def walk_strings(x, path=""):
    if isinstance(x, str):
        yield path, x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from walk_strings(v, f"{path}.{k}" if path else k)
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from walk_strings(v, f"{path}[{i}]")


def check_furniture(code, d, raw):
    hits = []
    for path, s in walk_strings({k: v for k, v in d.items() if k not in ("flags", "summary", "portal_url")}):
        if path.startswith("results") and re.search(r"Mã:\s*\S", s):
            hits.append((path, "Mã: … (mã kết quả)", s))
        for rx, label in FURNITURE:
            if rx.search(s):
                # the portal's own text sometimes quotes "Nộp hồ sơ": only count it when it ends a value
                hits.append((path, label, s))
    if hits:
        path, label, s = hits[0]
        i = s.find(label.split("…")[0].split(" (")[0].strip())
        return [Row(code, "phần thừa của trang", "wrong", f"phần thừa của trang: {label}",
                    f"{path}: …{short(s[max(0, i - 40):i + 40], 90)}", f"{len(hits)} chỗ")]
    return [Row(code, "phần thừa của trang", "correct", "", "", "")]


CHECKS = [check_simple, check_methods, check_papers, check_legal, check_results, check_furniture]

# Hand-made verdicts, only where the rules above cannot decide.  Each entry says why.
#   (code, field, kind-prefix) -> verdict
OVERRIDES = {
}


def audit(code, d, raw):
    rows = []
    for fn in CHECKS:
        try:
            rows.extend(fn(code, d, raw))
        except Exception as e:  # an audit must not crash on odd data: report it
            rows.append(Row(code, fn.__name__, "wrong", f"audit error {type(e).__name__}", str(e), ""))
    out = []
    for r in rows:
        key = (r.code, r.field, r.kind.split(" (")[0])
        if key in OVERRIDES:
            r = r._replace(verdict=OVERRIDES[key][0], kind=r.kind + " [override: " + OVERRIDES[key][1] + "]")
        out.append(r)
    return out


FIELD_ORDER = ["tên", "lĩnh vực", "cấp thực hiện", "cách nộp", "thời gian", "lệ phí", "giấy tờ", "căn cứ pháp lý",
               "kết quả", "phần thừa của trang"]


def table(rows):
    by = collections.defaultdict(collections.Counter)
    for r in rows:
        by[r.field][r.verdict] += 1
    lines = ["| field | rows | correct | repaired | wrong | % wrong |", "|---|---:|---:|---:|---:|---:|"]
    tot = collections.Counter()
    for f in FIELD_ORDER + sorted(set(by) - set(FIELD_ORDER)):
        if f not in by:
            continue
        c = by[f]
        n = sum(c.values())
        tot.update(c)
        lines.append(f"| {f} | {n} | {c['correct']} | {c['repaired']} | {c['wrong']} | {100 * c['wrong'] / n:.1f} |")
    n = sum(tot.values())
    lines.append(f"| **all** | {n} | {tot['correct']} | {tot['repaired']} | {tot['wrong']} | {100 * tot['wrong'] / max(n, 1):.1f} |")
    return "\n".join(lines)


def esc(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true", help="audit every procedure, print defect counts")
    ap.add_argument("--codes", help="comma-separated codes to audit")
    ap.add_argument("--verbose", action="store_true", help="print every row, not only wrong ones")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("-n", type=int, default=SAMPLE_SIZE)
    ap.add_argument("--ceiling", action="append", default=[], metavar="FIELD=N",
                    help="exit with status 1 when more than N rows of FIELD (as the table names it: 'giấy tờ', "
                         "'căn cứ pháp lý', 'all'…) are wrong; repeatable. A ratchet for CI: lower N as rows are fixed")
    args = ap.parse_args()
    report(args)
    over = over_ceilings(AUDITED_ROWS, args.ceiling)
    for line in over:
        print(line, file=sys.stderr)
    if over:
        sys.exit(1)


AUDITED_ROWS = []


def over_ceilings(rows, ceilings):
    """The ceilings (FIELD=N) that more wrong rows than N exceed, each as a line saying so."""
    wrong = collections.Counter(r.field for r in rows if r.verdict == "wrong")
    wrong["all"] = sum(wrong.values())
    out = []
    for c in ceilings:
        field, _, n = c.rpartition("=")
        if not field or not n.isdigit():
            out.append(f"audit: --ceiling {c!r}: write FIELD=N, e.g. 'giấy tờ=59'")
        elif wrong[field] > int(n):
            out.append(f"audit: {wrong[field]} wrong rows in '{field}', more than the ceiling of {n}; "
                       f"run with --all to see them, fix the importer (or the audit's reading) and keep the ceiling")
    return out


def report(args):
    raw = load_raw()
    codes_all = sorted(os.path.basename(f)[:-5] for f in glob.glob(os.path.join(CONTENT, "*.toml")))
    contents = {c: load_content(c) for c in codes_all}
    core = core_set(raw, contents)
    if args.codes:
        sample = [c.strip() for c in args.codes.split(",") if c.strip()]
    elif args.all:
        sample = codes_all
    else:
        pool = sorted(c for c in codes_all if c not in core and c in raw)
        sample = sorted(random.Random(args.seed).sample(pool, args.n))
    rows = []
    missing = [c for c in sample if c not in raw]
    for c in sample:
        if c in raw:
            rows.extend(audit(c, contents[c], raw[c]))
    AUDITED_ROWS.extend(rows)

    if args.all:
        print(f"# Whole catalogue: {len(sample)} procedures ({len(core)} core)\n")
        print(table(rows))
        print("\n## Procedures showing each defect kind (whole catalogue)\n")
        kinds = collections.defaultdict(set)
        kinds_core = collections.defaultdict(set)
        for r in rows:
            if r.verdict == "wrong":
                kinds[(r.field, r.kind)].add(r.code)
                if r.code in core:
                    kinds_core[(r.field, r.kind)].add(r.code)
        print("| field | defect | procedures | of which core | rows | examples |")
        print("|---|---|---:|---:|---:|---|")
        rowcount = collections.Counter((r.field, r.kind) for r in rows if r.verdict == "wrong")
        for (f, k), cs in sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"| {f} | {esc(k)} | {len(cs)} | {len(kinds_core[(f, k)])} | {rowcount[(f, k)]} | {', '.join(sorted(cs)[:4])} |")
        anyw = {r.code for r in rows if r.verdict == "wrong"}
        print(f"\nProcedures with at least one wrong row: {len(anyw)} of {len(sample)}")
        print_free_vs_rule()
        return

    print(f"# Audit of {len(sample)} procedures" + ("" if args.codes else
          f" (random, seed {args.seed}, outside the core set of {len(core)})") + "\n")
    if missing:
        print("Not in the raw export: " + ", ".join(missing) + "\n")
    print(table(rows))
    print("\n## Wrong rows\n")
    print("| code | field | defect | content says | raw says |")
    print("|---|---|---|---|---|")
    for r in rows:
        if r.verdict == "wrong":
            print(f"| {r.code} | {r.field} | {esc(r.kind)} | {esc(r.content)} | {esc(r.raw)} |")
    if args.verbose:
        print("\n## Other rows\n")
        for r in rows:
            if r.verdict != "wrong":
                print(f"- {r.code} {r.field} **{r.verdict}**: {esc(r.content)} ⟷ {esc(r.raw)}")
    print_free_vs_rule()
    print("\nSample: " + ", ".join(sample))


def print_free_vs_rule():
    """'Miễn phí' against a note naming a fee, in content and on the page."""
    rows = CONTENT_FREE_VS_RULE
    if not rows:
        return
    flagged = sum(1 for r in rows if "có flag" in r[2])
    onpage = [r for r in rows if r[3]]
    print(f"\n'Miễn phí' against a note that names a fee: in content {len(rows)} fee rows in "
          f"{len({r[0] for r in rows})} procedures ({flagged} flagged, {len(rows) - flagged} not); "
          f"on the page (glance box, as src/pages/facts.rs reads a fee with its note, re-implemented here): "
          f"{len(onpage)} rows in {len({r[0] for r in onpage})} procedures.  Only the page figure counts as wrong; "
          f"the others are counted as repaired.")


if __name__ == "__main__":
    main()
