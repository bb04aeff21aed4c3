"""Cue words of questions (on :func:`ingest.lexicon.canon` keys: folded,
abbreviations expanded): task references, fields asked, header facts, counts
and lists, cross-plan wording, deadline windows, sections, follow-ups, the funding asked.
Numbers and dates are read by rules; words by these patterns and by the
exemplar vote of :mod:`retrieval.question.meaning`.
"""

from __future__ import annotations

import re

from ingest.lexicon import PRODUCT_OPENERS, REFORM_AREAS
from retrieval.question.numbers import UNIT_WORDS

#: The word opening a follow-up ("còn Lộc Hòa thì …", "thế …", "vậy …"): no
#: part of what is asked.
FOLLOW_OPENER = re.compile(r"^(?:the con|con|the|vay)\b")
FOLLOW_CUE = re.compile(
    r"^(?:con|the|vay|the con|con lai|con ve)\b"
    r"|\b(?:thi sao|the nao|nhiem vu (?:do|nay|tren)|viec (?:do|nay)|no)\b"
)
BARE_NUMBER = re.compile(r"(?<![\d./])\b(\d{1,3}(?:\.\d{1,2})?)\b(?![\d./%])")

TASK_KEYWORD = r"(?:nhiem vu|task|tasks|dong|muc|stt|hang|chi tieu(?: con)?)"
NUM = r"\d{1,3}(?:\.\d{1,2}){0,2}"
TASK_REF = re.compile(
    r"\b" + TASK_KEYWORD + r" (?:so |thu )?(" + NUM + r"(?: (?:va |hoac |voi )?(?:"
    + TASK_KEYWORD + r" )?(?:so )?" + NUM + r"(?![\d/%.]))*)(?![\d/%.])"
)
#: A range of rows ("nv 26-31", "từ nhiệm vụ 5 đến 9", "nv 5 tới nv 9"), read on a
#: key where a dash between two numbers became "den" (:data:`RANGE_DASH`).
TASK_RANGE = re.compile(
    r"\b" + TASK_KEYWORD + r" (?:so |thu )?(\d{1,3}) (?:den|toi) (?:" + TASK_KEYWORD
    + r" )?(?:so |thu )?(\d{1,3})(?![\d/%.])"
)
#: A dash joining two numbers ("26-31", "5 – 9"), which the key drops.
RANGE_DASH = re.compile(r"(?<=\d)\s*[-–—]\s*(?=\d)")
#: Most rows a range may span (a longer one is no range of rows: a year span mistyped).
RANGE_MAX = 40
#: A dotted number alone ("loc hoa 4.1 ai chu tri") is a row number when a field is asked.
DOTTED = re.compile(r"(?<![\d/.])\b(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\b(?![\d/%.])")
YEAR = re.compile(r"(?<![\d/.:])((?:19|20)\d{2})(?![\d/:])")

FIELD_CUES: dict[str, re.Pattern] = {
    # "phối hợp", and its chat short form beside the asking word: "ai chu tri ai ph",
    # "đv ph là ai", "ph gồm những ai" (never "ph" alone elsewhere)
    "coordinating": re.compile(r"\bphoi hop\b|\b(?:ai|(?:don vi|dich vu|co quan|ben)(?: nao)?) ph\b"
                               r"|\bph (?:la |gom |co )?(?:ai|nhung ai|gi|nao|don vi nao)\b"),
    "deadline": re.compile(
        r"\b(?:khi nao|bao gio|(?<!phu )(?:vao )?luc nao|thoi han|han chot|han hoan thanh|"
        # "làm trong khoảng thời gian nào": the words leading to "thời gian" ask it too
        r"(?:(?:lam|thuc hien|tien hanh|dien ra|trien khai) )?(?:(?:trong|vao) )?(?:khoang )?thoi gian|"
        r"hoan thanh (?:khi|luc|vao|truoc)|xong (?:khi|luc|vao|truoc)|deadline|tien do|"
        r"(?:den|vao|trong) (?:thang|quy) (?:nao|may)|(?:tu )?(?:thang|quy) may(?: den (?:thang|quy) may)?|bao lau|(?:truoc|den|vao) ngay (?:thang )?(?:nao|may|bao nhieu|cu the)|"
        r"han (?:nao|khi|ngay|the nao|ra sao|bao gio|(?:nam|thang|quy) nao)|^han\b|han$|han ghi (?:the nao|ra sao|gi|nhu the nao)|"
        # staff wording: "tháng nào phải nộp", "nộp khi nào", "… nộp vậy?" at the end
        r"(?:quy|thang) nao(?= (?:phai |thi )?(?:nop|xong|hoan thanh|bao cao|gui))|"
        r"(?:phai |can )?nop (?:khi nao|luc nao|bao gio|vao|truoc)|nop(?: (?:vay|a|nhi|ha|the|nhe))?$)\b"
    ),
    # "sản phẩm là gì", "đầu ra", and staff wording: "(làm) ra văn bản gì", "cho ra cái gì"
    "product": re.compile(r"\b(?:san pham|ket qua (?:la gi|gi|nao|dau ra|du kien|can dat)|dau ra|"
                          r"(?:tao |cho |lam )?ra (?:duoc )?(?:(?:van ban|cai|giay to|thu) )?(?:gi|nao)|"
                          r"(?:nop|giao nop|trinh)\s+(?:lai\s+)?(?:(?:cai|van ban|giay to|ho so|thu)\s+)?(?:gi|nao))\b"),
    "content": re.compile(r"\b(?:noi dung|la gi|lam gi|viec gi|ve gi|ve viec gi|gom nhung gi|"
                          r"nhiem vu gi|gom nhung nhom nao)\b"),
}
#: The objective cell of a row asked ("nv 18 cột mục tiêu ghi gì", "mục II.2.2
#: chỉ tiêu là gì"; not "chỉ tiêu 2.1", a row number).
OBJECTIVE_CUE = re.compile(r"\b(?:muc tieu|chi tieu)\b(?! (?:so |thu )?\d)")
#: Contact details asked ("số điện thoại", "sđt", "so dt", "email", "đường dây
#: nóng"), as named in an answer: the plans name units and positions, no contact.
CONTACT_FIELDS: dict[str, str] = {
    "so dien thoai": "số điện thoại", "dien thoai": "số điện thoại", "sdt": "số điện thoại",
    "so dt": "số điện thoại", "email": "địa chỉ email", "hotline": "số đường dây nóng",
    "duong day nong": "số đường dây nóng",
}
CONTACT_CUE = re.compile(r"\b(" + "|".join(CONTACT_FIELDS) + r")\b")
#: The contact itself asked ("email là gì", "số điện thoại bao nhiêu", "địa chỉ
#: email", "liên hệ qua hotline nào"), not a contact word naming what a task is
#: ("việc nhắn tin SMS, email báo kết quả … ai chủ trì?").
CONTACT_ASKED = re.compile(r"\b(?:dia chi|lien he|lien lac|goi)(?: \w+){0,2} (?:" + "|".join(CONTACT_FIELDS) + r")\b"
                           r"|\b(?:" + "|".join(CONTACT_FIELDS) + r")(?: \w+){0,4}? (?:la gi|gi|nao|bao nhieu|the nao|"
                           r"o dau|ra sao)\b|^(?:" + "|".join(CONTACT_FIELDS) + r")\b")
#: What a count may be asked of that the plans give as a share only ("100% cán bộ,
#: công chức …", "tỷ lệ hồ sơ trực tuyến … 80%"), as named in an answer: staff (the
#: keys of :data:`STAFF_NOUNS`), people, dossiers, procedures, transactions, visits.
COUNTED_NOUNS: dict[str, str] = {
    "bien che": "số biên chế", "can bo": "số cán bộ", "cong chuc": "số công chức",
    "vien chuc": "số viên chức", "nhan su": "số nhân sự",
    "nguoi": "số người", "ho so": "số hồ sơ", "thu tuc hanh chinh": "số thủ tục hành chính",
    "thu tuc": "số thủ tục hành chính", "giao dich": "số giao dịch", "luot": "số lượt",
}
#: The staff among :data:`COUNTED_NOUNS` (a headcount: "số biên chế, số lượng cán bộ, công chức").
STAFF_NOUNS = frozenset({"bien che", "can bo", "cong chuc", "vien chuc", "nhan su"})
#: A count asked ("có bao nhiêu cán bộ, công chức", "số biên chế được giao", "tinh giản
#: bao nhiêu biên chế", "bao nhiêu người được tập huấn", "có bao nhiêu hồ sơ được giải
#: quyết trực tuyến", "mấy thủ tục đã cắt giảm"; not "hồ sơ thủ tục", "chỉ số", "bộ máy");
#: group 1 the noun counted. A share asked
#: in the same question ("bao nhiêu % cán bộ", "tỷ lệ số TTHC …": :data:`SHARE_ASKED`) is no count.
HEADCOUNT_CUE = re.compile(r"\b(?:bao nhieu|(?<!bo )may|bn|so luong|tong so|(?<!ho )(?<!chi )(?<!co )so)(?! phan tram) ("
                           + "|".join(sorted(COUNTED_NOUNS, key=len, reverse=True)) + r")\b")
#: A share asked: "tỷ lệ", "phần trăm" (the "%" typed is read on the question as written).
SHARE_ASKED = re.compile(r"\b(?:ty le|phan tram)\b")
#: A result actually reached asked, not a target: "thực tế (đã) đạt bao nhiêu", "đã cắt giảm
#: được bao nhiêu", "đã giải quyết được mấy …", "đã đạt (được) bao nhiêu", "đạt được bao nhiêu
#: rồi", "kết quả thực hiện (năm 2025) đạt bao nhiêu". A plan sets targets; what was reached
#: is in the reports on it. Not "đã được giao / đặt ra bao nhiêu" (the target assigned),
#: nor the tasks done ("đã hoàn thành được mấy nhiệm vụ": the statuses).
ACHIEVED_ASKED = re.compile(
    r"\b(?:tren )?thuc te\b"
    r"|\bda (?!duoc (?:giao|dat ra|de ra|quy dinh|phe duyet|ban hanh|xac dinh|dat muc tieu)\b)"
    r"(?!(?:duoc )?(?:hoan thanh|thuc hien|trien khai|lam|xong)\b)(?:\w+ ){1,4}?duoc (?:bao nhieu|may|bn)\b"
    r"|\bda dat(?: duoc)? (?:bao nhieu|may|bn|muc nao|muc bao nhieu)\b"
    r"|\bdat duoc (?:bao nhieu|may|bn)\b(?: \w+){0,6}? roi\b"
    r"|\bket qua (?:thuc hien|dat duoc)\b(?: \w+){0,6}? (?:dat|la) (?:duoc )?(?:bao nhieu|may|bn)\b")
#: The tasks counted by an :data:`ACHIEVED_ASKED` wording ("đã làm được mấy nhiệm vụ"): the
#: statuses answer that (:mod:`tracking.answer`), not this refusal.
TASKS_COUNTED = re.compile(r"\b(?:bao nhieu|may|bn) (?:nhiem vu|viec|cong viec|task)\b")
#: A target named by its subject asks its value: "TX chỉ tiêu hài lòng về dịch
#: vụ y tế?", "chỉ tiêu thực hiện TTHC không phụ thuộc địa giới" (a figure), not
#: "chỉ tiêu gì / nào / chủ yếu / 2.2", "phần chỉ tiêu", "mấy chỉ tiêu" — and only
#: when nothing in the question asks for a list or a kind (:data:`TARGET_KIND`).
TARGET_VALUE = re.compile(r"(?<!phan )(?<!may )\bchi tieu (?!(?:gi|nao|chu yeu|con|cu the|la|so|thu|cua|ve|nay|do|"
                          r"tren|\d+)\b)\w+")
#: Words asking which targets or their kind ("gồm", "những", "gì", "so sánh").
TARGET_KIND = re.compile(r"\b(?:gi|nao|gom|nhung|cac|liet ke|may|khac|so sanh)\b")
#: A detail of a row that no annex column holds: "nv 22 kinh phí bao nhiêu",
#: "nguồn vốn của nhiệm vụ 5", "dự toán nhiệm vụ 3", a contact (canon key → words said).
UNLISTED_FIELDS: dict[str, str] = {
    "nguon kinh phi": "nguồn kinh phí", "kinh phi": "kinh phí", "nguon von": "nguồn vốn",
    "du toan": "dự toán", "chi phi": "chi phí", "so tien": "số tiền", **CONTACT_FIELDS,
}
UNLISTED_FIELD = re.compile(r"\b(" + "|".join(UNLISTED_FIELDS) + r")\b")
#: A question on the funding source (canonical key): "nguồn kinh phí", "kinh
#: phí (để thực hiện kế hoạch CCHC năm 2025 của xã) lấy từ đâu" (a long
#: subject before a source word), "kinh phí bố trí thế nào", "dùng
#: nguồn tiền nào", "tiền ở đâu ra", an amount ("cụ thể bao nhiêu tiền
#: một năm?", "mấy tỷ"), or on the funding process the section
#: states ("dự trù kinh phí", "ai thẩm định / phân bổ kinh phí", "kinh phí
#: thực hiện: hạn nộp dự trù và đơn vị thẩm định"). "Thu ngân
#: sách" is revenue (a target), not the plan's funding.
FUNDING_CUE = re.compile(
    r"\bnguon (?:kinh phi|von|tien|ngan sach|tai chinh)\b"
    r"|\b(?:kinh phi|tien|(?<!thu )ngan sach|von)\b(?: \w+){0,16} (?:lay (?:tu|o)|tu dau|o dau|dau ra|tu nguon|"
    r"cap tu|trich tu|nguon nao)\b"
    r"|\b(?:kinh phi|tien|(?<!thu )ngan sach|von)\b(?: \w+){0,8} (?:bo tri|duoc bo tri|the nao|ra sao|"
    r"nhu the nao|la gi|bao nhieu)\b"
    r"|\b(?:du tru|du toan|tham dinh|phan bo|phe duyet) (?:chi tiet )?kinh phi\b"
    r"|\b(?:bao nhieu|may) (?:tien|ty|trieu|dong)\b"
    r"|\bkinh phi\b(?: \w+){0,12} (?:du tru|tham dinh|phan bo|phe duyet)\b"
)
#: The funding process named in a question ("ai thẩm định", "ai tham mưu bố
#: trí"): its "ai …" asks the section's actor, not a task row's lead.
FUNDING_PROCESS = re.compile(r"\b(?:tham dinh|phan bo|phe duyet|du tru|tham muu bo tri|bo tri)\b")
#: The source itself asked ("lấy từ nguồn nào", "từ đâu"), not only a step
#: of the funding process ("trình phê duyệt kinh phí khi nào").
FUNDING_SOURCE = re.compile(r"\bnguon (?:kinh phi|von|tien|ngan sach|tai chinh|nao)\b|\b(?:lay (?:tu|o)|tu dau|o dau|dau ra)\b")
#: A name asked: "tên là gì", "họ tên", "là ai", "tên ông/bà".
#: Also the person in charge of a row, not its unit: "ai là người phụ trách trực
#: tiếp (tên)?", "cán bộ nào trực tiếp làm", "… tên?" at the end, "tên trưởng phòng
#: …" at the start (not "tên nhiệm vụ / phòng …").
PERSON_CUE = re.compile(r"\b(?:ten (?:la )?gi|ho (?:va )?ten|ten (?:cua )?(?:ong|ba|nguoi)|la ai|ten ai|"
                        r"ong nao|ba nao|ten day du|(?:nguoi|can bo|ca nhan)(?: \w+){0,3} truc tiep|(?<!ke )ten$|"
                        r"^ten (?!(?:cua )?(?:nhiem vu|ke hoach|van ban|de an|quyet dinh|phong|co quan|don vi|"
                        r"van phong|trung tam|ban|bo phan|xa|phuong)\b))\b")
#: A share of progress asked ("đã hoàn thành được bao nhiêu %", "tiến độ đạt mấy
#: phần trăm"), on folded text (the "%" kept): no plan nor status records one.
PROGRESS_SHARE = re.compile(r"\b(?:hoan thanh|thuc hien|tien do|trien khai|lam)\b(?: \w+){0,4}? (?:duoc |dat )?"
                            r"(?:bao nhieu|may|bn)\s*(?:%|phan tram)")
#: A target named before a share asked ("chỉ tiêu hoàn thành bao nhiêu % nhiệm vụ
#: được giao", "phấn đấu thực hiện mấy %"): what the plan sets, not progress made.
TARGET_SET = re.compile(r"\b(?:chi tieu|muc tieu|phan dau|dat ra|de ra)\b")
LEAD_EXPLICIT = re.compile(
    r"\b(?:chu tri|phu trach|dau moi|chiu trach nhiem chinh|(?:ai|ben nao) (?:lam|thuc hien|dam nhiem|lo|"
    r"chiu trach nhiem|tham dinh)|giao cho (?:ai|don vi nao|co quan nao|ben nao))\b"
)
LEAD_GENERIC = re.compile(r"\b(?:ai|(?:don vi|co quan|phong|bo phan) nao|do (?:ai|don vi nao|co quan nao))\b")
#: When a signing is asked, not who signed: "(được) ký ban hành ngày nào / khi nào / vào ngày".
_WHEN_SIGNED = r"(?!(?: \w+){0,3}? (?:vao |tu |tai )?(?:ngay|khi nao|bao gio|luc nao|hom nao|thoi gian nao|nam nao|thang nao))"
#: Who signed ("ai ký", "người ký", "ký là ai", "ông/bà nào ký"); not "ngày ký" nor "ký ban hành
#: ngày nào" (the date).
_SIGNER = (r"\b(?:ai ky|nguoi ky|(?<!ngay )ky ban hanh" + _WHEN_SIGNED + r"|do ai ky|(?<!ngay )ky quyet dinh"
           + _WHEN_SIGNED + r"|ky la ai"
           # "do ông/bà nào ký", "vị nào ký", "đồng chí nào ký"
           r"|(?:ong|ba|ong ba|vi|dong chi|lanh dao) nao (?:da )?ky(?! hieu| so))\b")
#: The signer asked anywhere, also beside the legal bases ("ai ký QĐ, căn cứ … số mấy?").
SIGNER_ANY = re.compile(_SIGNER)
#: A plan named by its title's words ("kế hoạch", "KH CCHC năm 2025", "kế hoạch
#: cải cách hành chính nhà nước giai đoạn 2026 - 2030", "KH 6 tháng cuối năm"), on the
#: canonical key: nothing else between.
_PLAN_TITLE = (r"ke hoach(?: (?:cai cach hanh chinh|nha nuoc|nam|giai doan|den|(?:6|sau) thang (?:dau|cuoi)"
               r"|(?:19|20)\d{2}))*")
#: The day of the signing asked with the plan or the decision between: "ký kế hoạch ngày
#: mấy", "ký quyết định này vào ngày nào", "được ký ngày bao nhiêu", "ngày mấy ký".
_SIGNED_ON_DAY = (r"\b(?<!dang )(?<!dinh )ky(?: ban hanh)?(?: (?:quyet dinh|van ban)(?: ban hanh)?)?(?: " + _PLAN_TITLE
                  + r")?(?: (?:nay|do))? (?:vao )?(?:ngay|hom) (?:nao|may|bao nhieu|thang nao)\b"
                  r"|\bngay (?:nao|may|bao nhieu)(?: \w+){0,3}? (?:duoc |da )?(?<!dang )ky\b(?! hieu)")
META_CUES: list[tuple[str, re.Pattern]] = [
    ("signer", re.compile(_SIGNER + r"(?!.*\bcan cu\b)")),
    ("decision", re.compile(
        r"\b(?:so quyet dinh|so (?:ky )?hieu(?: (?:van ban|quyet dinh|ke hoach))?|(?:kem|kem theo) quyet dinh(?: so)?(?: nao| may)?|"
        r"quyet dinh ban hanh .{0,60}(?:so may|so nao|so bao nhieu|mang so)|ban hanh (?:tai|bang) quyet dinh|"
        r"(?<!can cu )quyet dinh(?: (?:cua|o)(?: \w+){1,4}?)? so (?:nao|may|bao nhieu)|ban hanh(?: \w+){0,4} theo quyet dinh)\b")),
    # "ký ban hành (kế hoạch) vào ngày nào": the signing, however far its day is asked;
    # "ban hành KH CCHC 2025 ngày nào": the plan, named by its title words only, issued
    # on a day (not "ban hành KH … phải xong trước ngày nào", a row's deadline, nor
    # "kế hoạch theo dõi … ban hành kế hoạch ngày nào", another plan named before)
    ("date", re.compile(r"\b(?:ban hanh|ky) (?:vao )?(?:ngay nao|khi nao|bao gio)\b|\bngay (?:ban hanh|ky)\b"
                        r"|\bky ban hanh(?: \w+){0,3}? (?:vao )?(?:ngay nao|khi nao|bao gio)\b"
                        # "VK ký kế hoạch ngày mấy?", "quyết định được ký vào ngày bao nhiêu", "ngày
                        # mấy ký": the signing's day (not "đăng ký", "định kỳ", "kỳ báo cáo …")
                        r"|" + _SIGNED_ON_DAY +
                        r"|^(?!.*\bke hoach\b.*\bban hanh ke hoach\b).*?\bban hanh " + _PLAN_TITLE
                        + r" (?:vao )?ngay nao\b")),
    # the issuing level or body of the plan itself: "cấp nào ban hành", "cơ quan nào ban
    # hành KH này", "KH CCHC của Lộc Hòa do ai ban hành"; not of another document the
    # question names ("quy chế chi tiêu … ai ban hành", "kế hoạch tuyên truyền do ai ban
    # hành": a row's lead)
    ("issuer", re.compile(
        r"^(?!.*\b(?:quy che|quy dinh|van ban|bao cao|de an|chuong trinh|nghi quyet|thong bao|nhiem vu|"
        r"ke hoach (?:tuyen truyen|kiem tra|kiem soat|theo doi|ra soat|dao tao|boi duong|thuc hien|trien khai|"
        r"cong tac|so hoa|chuyen doi so|danh gia|khao sat|thi hanh))\b).*?"
        r"(?:\bcap (?:nao )?ban hanh\b|\bban hanh (?:o |boi )?cap nao\b|\bco quan ban hanh (?:la )?(?:ai|gi|nao)\b"
        r"|\b(?:ai|co quan nao|don vi nao|noi nao) ban hanh(?: (?:" + _PLAN_TITLE + r"|quyet dinh))?"
        r"(?: (?:nay|do|tren|kia))?$)")),
    # the preamble's proposal, asked by what it says -- who proposed, the
    # submission's number or date: "theo đề nghị của ai", "tờ trình đề nghị
    # ban hành số mấy", "theo tờ trình của ai"; not any other fact of the
    # submission ("tờ trình số 12 đề xuất kinh phí bao nhiêu" is not stated)
    ("proposal", re.compile(
        r"\bto trinh\b(?:(?!kinh phi|\bde xuat\b).){0,60}?\b(?:so (?:may|nao|bao nhieu|hieu)"
        r"|(?:cua|la) (?:ai|phong nao|don vi nao|co quan nao)|ngay nao|khi nao|nao)\b"
        r"|\b(?:so may|so hieu|ngay nao) (?:cua )?to trinh\b"
        r"|\btheo de nghi (?:cua )?(?:ai|phong nao|don vi nao|co quan nao|to trinh)\b"
        r"|\b(?:ai|don vi nao|co quan nao|phong nao) de nghi\b"
        r"|\bde nghi (?:cua )?(?:ai|ban hanh)\b")),
    # the legal bases: "căn cứ những văn bản nào", "căn cứ KH của huyện là QĐ nào",
    # "căn cứ pháp lý", "dựa trên văn bản nào"
    ("bases", re.compile(
        r"\bcan cu\b(?: \w+){0,16}? (?:nao|gi|dau|so may|so bao nhieu)\b|\b(?:cac|nhung) can cu\b|\bcan cu phap ly\b"
        r"|\bdua (?:tren|vao) (?:nhung |cac )?(?:van ban|quyet dinh|nghi quyet) nao\b")),
]

#: The upper level's plan a plan implements asked ("căn cứ KH CCHC của cấp trên nào",
#: "bám theo KH của đâu", "triển khai kế hoạch của thành phố nào", "KH cấp trên là gì"):
#: one basis (or the body's sentence naming it), not every legal basis.
UPPER_PLAN_ASKED = re.compile(
    r"\b(?:can cu|bam theo|bam sat|dua (?:tren|vao)|trien khai|thuc hien theo|cu the hoa|theo)\b(?: \w+){0,3}?"
    r" ke hoach\b(?: \w+){0,6}? (?:cua|o|tu) (?:cap tren(?: nao)?|cap nao|dau|ai|cap (?:huyen|tinh|thanh pho) nao"
    r"|(?:ubnd |uy ban nhan dan )?(?:tinh|thanh pho|huyen|quan|thi xa) nao)\b"
    r"|\bke hoach (?:cua )?cap tren (?:nao|la gi|la (?:ke hoach|van ban|quyet dinh) nao)\b")
#: The header facts whose answer is a "Căn cứ …" line.
BASIS_METAS = ("bases", "upper_plan")

COUNT_NOUN = r"(?:nhiem vu|viec|cong viec|task|chi tieu)"
#: The marks that end one ask of a question ("đạt bao nhiêu, ai chủ trì?"): a count
#: phrase (:data:`COUNT`) never runs across them.
CLAUSE_BREAK = re.compile(r"[,;?!]")
COUNT = re.compile(
    r"\b(?:bao nhieu|(?<!bo )may|so luong|tong so|tong cong|dem)\s+(?:(?!(?:ai|lo|nao)\b)\w+\s+){0,2}?" + COUNT_NOUN + r"\b"
    r"(?! (?:do|nay|ay) ai\b)"
    r"|\b(?:nhiem vu|viec|cong viec)\b.{0,40}\b(?:co|gom|tong cong|tat ca) (?:bao nhieu|may)\s*$"
    r"|\b(?:nhieu|it) (?:nhiem vu|viec|chi tieu) (?:nhat|hon)\b"
    r"|\bso (?:luong )?" + COUNT_NOUN + r" (?:(?:trong )?phu luc )?(?:cua|trong|o|giua|moi|tung)\b"
    # "số nv phụ lục NAP, TX, VK?", "tổng hợp số nhiệm vụ từng KH": "số <noun>" opening the ask
    r"|(?:^|\b(?:tong hop|cho biet|thong ke|hoi|xem|biet)\s)so (?:luong )?" + COUNT_NOUN + r"\b(?! so\b)(?! \d)"
    # a comparison of "số <noun>": "so sánh số nv mục X của A và B"
    r"|\bso sanh (?:\w+ ){0,3}?so (?:luong )?" + COUNT_NOUN + r"\b"
)
#: Words asking for a whole list ("kể tên", "kể ra", "kể hết", "liệt kê"): the
#: answer's shape, never its subject.
LIST_ASKING = r"(?:liet ke|ke (?:ra|het|ten))"
#: The form the answer is asked in ("(tên viết tắt)", "ghi tắt"): the
#: answer's shape too, never its subject.
ANSWER_FORM = r"(?:(?:ten |ghi )?viet tat|ghi tat)"
#: An exception asked of a target or duty ("có ngoại lệ nào không", "trừ
#: những trường hợp nào", "ngoại trừ gì"): the frame, answered by the clause
#: the plan opens with "trừ" (:data:`EXCEPTION_CLAUSE`).
EXCEPTION_ASKED = re.compile(r"\b(?:ngoai le|ngoai tru|tru (?:nhung |cac )?(?:truong hop|ho so|loai) (?:nao|gi))\b")
#: The plan's own exception clause ("(trừ hồ sơ … bí mật Nhà nước)", "ngoại trừ …"), on the text as written.
EXCEPTION_CLAUSE = re.compile(r"(?<!\w)(?:ngoại )?trừ\s+\w", re.I)
#: The documents a body part cites asked ("mục X dẫn những nghị định nào",
#: "viện dẫn các thông tư nào", "nêu những văn bản nào").
CITED_DOCS_ASKED = re.compile(
    r"\b(?:dan|vien dan|trich dan|nhac|neu|nhac den|nhac toi)(?: \w+){0,2}? (?:nhung |cac )?"
    r"(?:nghi dinh|thong tu|van ban|quyet dinh|nghi quyet|chi thi)(?: \w+){0,2}? (?:nao|gi)\b")
#: A legal basis asked by its issuer ("căn cứ QĐ nào của huyện X", "dựa
#: trên văn bản nào của UBND tỉnh"), on the canonical key: group 1 is the
#: issuer as asked ("huyen loc ninh"), matched against each basis's text.
BASIS_ISSUER = re.compile(
    r"\bcua ((?:uy ban nhan dan |hoi dong nhan dan )?(?:huyen|tinh|thanh pho|xa|quan|chinh phu|thu tuong"
    r"|quoc hoi|bo|ban chap hanh|tinh uy|huyen uy|dang uy)(?: (?!nao\b|gi\b|khong\b|vay\b|a\b)\w+){0,3})")
#: A legal basis asked on one subject ("căn cứ những nghị định nào về cơ chế tự chủ
#: tài chính", "dựa trên văn bản nào để thực hiện tự chủ tài chính", "theo thông tư
#: nào hướng dẫn …"), on the canonical key: group ``topic`` the subject.
BASIS_TOPIC = re.compile(
    r"\b(?:nghi dinh|thong tu|nghi quyet|quyet dinh|van ban|luat|chi thi|can cu)(?: so)?(?: nao| gi)?"
    r"(?: (?:de|ma))? (?:ve|quy dinh(?: ve)?|lien quan(?: den| toi)?|huong dan(?: ve)?|thuc hien|trien khai"
    r"|ap dung) (?P<topic>\w+(?: \w+){1,14}?)(?: (?:khong|ko|vay|a|nhi|the))*\s*$")
#: The kind of basis asked ("căn cứ QĐ nào", "dựa trên nghị quyết nào"), on
#: the canonical key: group 1, matched against the word after "Căn cứ".
BASIS_KIND = re.compile(r"\b(quyet dinh|nghi quyet|nghi dinh|chi thi|thong tu|luat|ke hoach|cong van)"
                        r"(?: so)? (?:nao|gi)\b")
#: Words that frame what a plan mentions without saying what it is ("LH nói
#: tới …", "KH có nhắc đến …", "… mới được nhắc", "được nêu", "là những cái nào", "A với B nói gì
#: về …"): no subject of the question.
MENTION_FRAME = (r"(?:(?:noi|nhac|de cap) (?:toi|den)|de cap|(?:duoc )?nhac|duoc neu|(?:nhung |cac )?cai (?:nao|gi)|(?:noi|ghi|viet) gi ve"
                 r"|(?:co )?(?:ngoai le|ngoai tru)(?: (?:nao|gi))?(?: khong)?)")
#: What a plan says of a term asked, every place it says it: "A với B nói gì về chữ ký số",
#: "KH ghi gì về ISO".
SAYS_ABOUT = re.compile(r"\b(?:noi|ghi|viet|de cap) gi ve\b")
LIST = re.compile(
    r"\b(?:nhung|cac|liet ke|danh sach|ke ten|ke ra|tat ca|gom)\b.{0,30}\b" + COUNT_NOUN + r"\b"
    r"|\b" + COUNT_NOUN + r"(?: con)? (?:nao|gi)\b|\bliet ke\b|\bdanh sach\b"
    r"|\b" + COUNT_NOUN + r"\b.*\b" + LIST_ASKING + r"\b"  # "số nv Phòng X chủ trì …, kể ra"
    r"|\b(?:cai|muc|dong|nhung cai|may cai) nao\b"
)
CROSS = re.compile(
    r"\b(?:xa nao|phuong nao|nhung xa|cac xa|ke hoach nao|nhung ke hoach|cac ke hoach|"
    r"phu luc (?:cua )?(?:ke hoach )?nao|dia phuong nao|so sanh|khac nhau|giong nhau|"
    r"ca (?:hai|ba|bon|nam) (?:xa|ke hoach)|"
    # the distributive frame: "ở mỗi xã", "từng kế hoạch" (each plan's own)
    r"(?:moi|tung) (?:xa|ke hoach|kh))\b"
)
#: The documents a row comprises asked ("mục 1 gồm những KH gì?"): the row's
#: content, not a question across plans.
ROW_LISTS_PLANS = re.compile(r"\b(?:bao )?gom (?:nhung|cac) (?:ke hoach|van ban) (?:gi|nao)\b")
#: A list asked in so many words ("liệt kê", "các nhiệm vụ", "những việc"),
#: not only "nhiệm vụ gì" (which may ask one row's content).
#: A list of indices asked ("liệt kê các chỉ số …", "kể tên những chỉ số …"):
#: the body's targets name them (PAR Index, SIPAS, DCI), no annex row is one.
INDICES_LISTED = re.compile(r"\b(?:" + LIST_ASKING + r"|nhung|cac)\s+(?:(?:cac|nhung) )?chi so\b")
#: A task noun ("nhiệm vụ", "nv", "việc"): the rows asked after all.
TASK_NOUN = re.compile(r"\b(?:nhiem vu|viec|cong viec|task)\b")
#: The annex's tasks named as what is asked ("… nv nào, hạn", "nhiệm vụ về X ở A và B"),
#: not "việc X" (the subject's padding).
TASKS_NAMED = re.compile(r"\bnhiem vu\b")
EXPLICIT_LIST = re.compile(r"\b(?:nhung|cac|liet ke|danh sach|ke ten|ke ra|tat ca)\b.{0,30}\b" + COUNT_NOUN + r"\b"
                           r"|\bliet ke\b|\bdanh sach\b")
#: A document's number asked ("QĐ số mấy", "căn cứ nghị định số nào"): not a figure.
#: The kinds of document a plan or a row cites by number.
DOC_KINDS = r"(?:quyet dinh|nghi dinh|nghi quyet|thong tu|chi thi|cong van|van ban|ke hoach|de an)"
DOC_NUMBER_ASKED = re.compile(r"\b" + DOC_KINDS + r" (?:so|mang so) (?:may|nao|bao nhieu)\b")
#: The document something is done by asked ("theo kế hoạch nào", "căn cứ quyết định
#: nào", "dựa trên văn bản gì", "thực hiện theo QĐ số mấy"): of a row, the one it cites.
DOC_FOLLOWED_ASKED = re.compile(r"\b(?:theo|can cu(?: vao)?|dua (?:tren|vao)) (?:nhung |cac )?" + DOC_KINDS
                                + r"(?: (?:so|mang so))? (?:nao|gi|may|bao nhieu)\b")
PLANS_ONLY_WORDS = set("""
nhung cac ke hoach nao la cua ap dung cho danh trong thuc hien co xa phuong thi tran cai cach
hanh chinh nha nuoc ky giai doan thang nam cuoi dau 6 sau quy ban hanh may bao nhieu gom
vay nhi a ha nhe
""".split())
#: Plans counted: "có mấy KH cho năm 2025", "bao nhiêu kế hoạch giai đoạn 2026-2030".
PLANS_COUNTED = re.compile(r"\b(?:may|bao nhieu) (?:ban )?ke hoach\b(?! (?:do|cua) )")
REGULAR = re.compile(r"\b(?:thuong xuyen|lien tuc)\b")
RECURRENCES = {"nam": "annual", "quy": "quarterly", "thang": "monthly"}
RECURRENCE = re.compile(r"\b(?:hang|moi|dinh ky) (nam|quy|thang)\b")
ROMAN_Q = r"(iv|i{1,3}|[1-4])"
YEAR_SEP = r"(?:(?: nam)? |/)"
QUARTER = re.compile(r"\bqu[yi] " + ROMAN_Q + r"\b(?:" + YEAR_SEP + r"((?:19|20)\d{2})\b)?")
#: Several quarters or months as one span: "quý III, IV/2025", "Quý I hoặc
#: Quý II", "tháng 10 hoặc tháng 11", "tháng 7-9/2026" (numbers read by
#: :data:`SPAN_NUMBER`; the year, if any, is the last group).
QUARTER_SPAN = re.compile(
    r"\bqu[yi] (?:iv|i{1,3}|[1-4])(?:(?: va| hoac| den| toi| hay| -)? (?:qu[yi] )?(?:iv|i{1,3}|[1-4]))+\b"
    r"(?:" + YEAR_SEP + r"((?:19|20)\d{2})\b)?")
MONTH_SPAN = re.compile(
    r"\bthang \d{1,2}(?:(?: va| hoac| den| toi| hay| -)? (?:thang )?\d{1,2})+\b(?!\d)"
    r"(?:" + YEAR_SEP + r"((?:19|20)\d{2})\b)?")
SPAN_NUMBER = re.compile(r"\b(iv|i{1,3}|\d{1,2})\b")
MONTH = re.compile(r"\bthang (\d{1,2})\b(?:" + YEAR_SEP + r"((?:19|20)\d{2})\b)?")
#: A year a deadline must fall in: "hoàn thành năm 2030", "hạn trong 2026", "hạn chót ghi Năm 2030",
#: "cái nào năm 2030" (after "nào" only with "năm", and not "kế hoạch nào năm 2026": a plan's year).
YEAR_FILTER = re.compile(
    r"\b(?:(?:hoan thanh|(?:thoi )?han (?:chot|cuoi)|han|thoi han|thoi gian|deadline|trong|truoc|den het|het|cuoi|dau|vao|ca)\s+"
    r"(?:(?:la|ghi|ghi la|ghi dung|ghi dung la|dung la|vao|trong|den)\s+)?(?:nam\s+)?"
    r"|(?<!ke hoach )(?<!xa )(?<!phuong )nao\s+(?:(?:la|vao|trong|den)\s+)?nam\s+)((?:19|20)\d{2})\b"
)
#: "cả năm" with no year: the plan's whole year ("trừ những việc làm cả năm"),
#: not "cả năm xã / kế hoạch" (all five plans).
WHOLE_YEAR = re.compile(r"\bca nam\b(?! (?:\d|xa|ke hoach|phuong|ban|noi|dia phuong))")
PLAN_PERIOD = re.compile(
    r"\b(?:(?:6|sau) thang (?:dau|cuoi)(?: nam)?|giai doan) ((?:19|20)\d{2})(?: (?:den )?((?:19|20)\d{2}))?"
)
#: A half-year as the window a deadline falls in, said after a deadline word: "có hạn
#: trong 6 tháng đầu năm 2026", "phải xong trong sáu tháng cuối năm 2025", "hoàn thành 6
#: tháng đầu 2026" (group 1 "dau"/"cuoi", group 2 the year); not the plan's own period
#: (:data:`PLAN_PERIOD`), which it would read as.
HALF_YEAR_DUE = re.compile(
    r"\b(?:han|thoi han|thoi gian|hoan thanh|xong|den han)(?: (?:trong|vao|la|ghi|ghi la|nam trong))? "
    r"(?:6|sau) thang (dau|cuoi)(?: nam)? ((?:19|20)\d{2})\b")
#: A whole year asked of the plans: "cả năm 2025", "trọn năm 2025", "suốt năm 2025",
#: "cho cả năm 2026" (group 1 the year); not "6 tháng cuối năm 2025".
PLAN_YEAR_WHOLE = re.compile(r"\b(?:ca|tron|suot|toan bo|day du|het) (?:mot )?nam (?:nam )?((?:19|20)\d{2})\b"
                             r"|\bnam ((?:19|20)\d{2}) (?:tron|ca|day du) (?:nam|12 thang)\b")
WRITTEN = re.compile(r"\bghi(?: la| ro)?\s*$")
EXACT = re.compile(r"\b(?:ca nam|dung la|ghi dung|chi ghi|chi la|khong kem|duy nhat|"
                   r"chi (?:lam|thuc hien|dien ra|trien khai)?(?: trong| vao| o)|gon trong)\b")
NEGATION = re.compile(r"\bkhong (?:(?:co|phai|ghi|la|thuoc|duoc|lam|thuc hien|keo dai|dien ra) ){0,2}(?:la |ghi )?"
                       r"(?:thoi gian |thoi han |han )?(?:la |ghi )?$")
QUOTED = re.compile(r"[\"“”«»']([^\"“”«»']{2,60})[\"“”«»']")
#: A part of the body named by its heading's words: "trong phần mục tiêu …",
#: "phần chỉ tiêu của TX …", "mục tổ chức thực hiện …"; group 1 the words
#: after the cue, matched against the headings by
#: :func:`retrieval.answering.part_detail.named_parts` (not "phần trăm", nor
#: "mức độ", which folds like "mục").
PART_NAMED = re.compile(r"\b(?:phan|muc)\s+(?!(?:tram|do)\b)((?:\w+\s?){2,8})")
#: Asking whether a passage says something ("có nhắc ISO không", "có nói về
#: chuyển đổi số", "có ghi giai đoạn khác", "có đề cập đến …"): the asking, no
#: part of what is asked about.
SAYS_ASKED = re.compile(r"\b(?:co|duoc|da) (?:nhac|de cap|noi|neu|ghi)(?: (?:den|toi|ve|ro|la))?\b")
SECTION_CUE = re.compile(r"\b(?:muc|phan(?! tram)|linh vuc|nhom|thuoc|ve|trong)\b")
#: The qualifier a section heading is routinely cited without: "cải cách tổ
#: chức bộ máy hành chính nhà nước" is "phần cải cách tổ chức bộ máy".
SECTION_TAIL = re.compile(r"(?: hanh chinh)?(?: nha nuoc)$")
SECTION_NUMBER = re.compile(r"\b(?:muc|phan|nhom) ([ivx]{1,4})(?:\.(\d{1,2}))?\b(?!\.\d)")
#: A row number qualified by its section's roman numeral, for plans whose
#: numbering restarts per section: "mục II.2.4", "LH VII.3", "nv III.1",
#: "còn IV.3?" (section "ii", row "2.4").
#: After a section word the numeral may stand apart from a dotted number:
#: "mục VI 2.1", "phần VI, 2.1" (section "vi", row "2.1"); a bare number
#: there ("mục II 3 nhiệm vụ") is not read so.
SECTION_REF = re.compile(r"(?:(?<![\w.])([ivx]{1,4})\.|\b(?:muc|phan|nhom) ([ivx]{1,4}),? (?=\d{1,2}\.\d))"
                         r"(\d{1,2}(?:\.\d{1,2})?)\b(?![\d/%]|\.\d)")
#: A section's roman numeral typed in capitals right before a dotted row number,
#: joined loosely ("VI-2.1", "VI/2.1", "VI 2.1", "VI, 2.1"), on the question as typed.
SECTION_REF_TYPED = re.compile(r"(?<![\w.])([IVX]{1,4})\s*[-–/,:]?\s*(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\b(?![\d/%]|\.\d)")
#: A section's numeral spelled in words before a dotted row number: "mục sáu 2.1"
#: ("phần hai 2.3"), folded words → roman numeral.
SECTION_WORDS: dict[str, str] = {"mot": "i", "hai": "ii", "ba": "iii", "bon": "iv", "tu": "iv", "nam": "v",
                                 "sau": "vi", "bay": "vii", "tam": "viii", "chin": "ix", "muoi": "x"}
SECTION_REF_SPELLED = re.compile(r"\b(?:muc|phan|nhom) (" + "|".join(SECTION_WORDS) + r"),? (\d{1,2}\.\d{1,2})\b(?![\d/%]|\.\d)")
#: The same written number first, its part after: "3.3 phần II", "2.4 thuộc mục III"
#: (row "3.3" of section "ii"); only a dotted number, a bare one ("3 phần II") is not a row.
SECTION_REF_AFTER = re.compile(r"(?<![\w./])(\d{1,2}\.\d{1,2})(?:\.\d{1,2})?,? (?:(?:cua|thuoc|o|trong) )?"
                               r"(?:muc|phan) ([ivx]{1,4})\b(?!\.\d)")
#: Where a clause places what it asks, by a section number: " ở mục IV.2", " phần II"
#: (cut from a unit's duties clause before the duty cue reads it).
SECTION_PLACED = re.compile(r"(?: (?:o|tai|trong|thuoc|theo))? (?:muc|phan) [ivx]{1,4}(?:\.\d{1,2}){0,2}\b")
#: The word joining a clause to the next ask: "… trách nhiệm gì và chủ trì …".
CLAUSE_JOINED = re.compile(r" (?:va|con|dong thoi|cung nhu)$")
#: A place typed without diacritics or capitals, on the ``canon`` key: "xa tan lap", "phuong
#: hong bang" (group 1 two syllables after the level word); whether they name a place is
#: decided against the plans' own words (:func:`retrieval.question.parse` ``_plain_place``).
PLAIN_PLACE = re.compile(r"\b(?:xa|phuong|thi tran) ([a-z]{2,} [a-z]{2,})\b")
PLACE_MENTION = re.compile(
    r"\b(?:[Xx][ãa]|[Pp]h[ưu][ờo]ng|[Tt]h[ịi] [Tt]r[ấa]n)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"
)


# ------------------------------------------------------------ selection beyond unit/period

#: "bỏ" (leave out) as folded, which "bộ máy" also folds to ("phần tổ chức bộ máy Phòng X chủ
#: trì …", "bo may muc 3"): "bo may" is "bỏ mấy" only before the rows it counts ("bỏ mấy
#: việc thường xuyên ra", "bo may nv cua VH-XH").
_LEAVE_OUT = r"bo(?! may\b(?! (?:nhiem vu|viec|cai|dong|cong viec)\b))"
#: Words before a unit or a deadline condition that exclude it: "không do
#: Phòng X chủ trì", "trừ các nhiệm vụ thường xuyên", "ngoài Văn phòng".
EXCLUSION = re.compile(
    r"\b(?:khong (?:phai )?(?:do|thuoc|cua)|khong phai(?: la)?|"
    r"(?:ngoai tru|loai tru|tru|ngoai|khong ke|khong tinh|bo qua|" + _LEAVE_OUT + r")(?: (?:cac|nhung|may|mot so))?"
    r"(?: (?:nhiem vu|viec|cai|muc|dong))?(?: (?:do|lam|thuc hien|co|la|ghi|cot|o|thoi han|thoi gian|han))*)\s*$"
)
#: Rows left out by their content or number: "trừ cái kiểm kê tài sản ra",
#: "ngoài nhiệm vụ đăng ký kế hoạch đào tạo", "không tính nv 28", "bỏ các
#: việc về tinh giản biên chế", "bên cạnh việc kiểm kê tài sản công, Phòng X còn …" (the words are read by
#: :func:`retrieval.question.selection.topic_words`).
EXCLUDED_ROWS = re.compile(
    r"\b(?:ngoai tru|loai tru|tru|ngoai|ben canh|khong ke|khong tinh|bo qua|" + _LEAVE_OUT + r")(?: (?:cac|nhung|may|mot so))?"
    r" (?:nhiem vu|viec|cai|muc|phan|linh vuc|dong|cong viec)(?: (?:ve|lien quan den|so))? ((?:\w+ ?){1,10})"
)
#: Rows left out with no noun before them, closed by "ra": "ngoài PCI ra thì
#: Phòng X còn chủ trì gì", "trừ kiểm kê tài sản công ra" (group 1 the words).
EXCLUDED_BARE = re.compile(r"\b(?:ngoai tru|ngoai|tru) ((?:\w+ ){1,6}?)ra\b")
#: Where the excluded rows' description ends: "… ra thì còn", "… thì", a new clause.
EXCLUDED_END = re.compile(
    r"\bra(?: (?:thi|con|di|nhe)\b.*)?$|\b(?:thi|ma) (?:con|sao|nhung|cac|co|la)\b.*$"
    r"|\bcon (?:lai|nhung|cac|nhiem vu|viec|gi|nao)\b.*$|\bla (?:nhung|cac|gi|nao)\b.*$"
    r"|\b(?:do|cua|thuoc) (?:phong|van phong|trung tam|ban|ai|don vi|co quan|bo phan|muc|phan)\b.*$"
    r"|\b(?:nhe|a|nao|gi)$")
#: An exclusion that names a deadline, not content ("trừ mấy cái làm cả năm", "bỏ qua mấy việc định kỳ").
EXCLUDED_DEADLINE = re.compile(r"\b(?:ca nam|thuong xuyen|dinh ky|lap lai|(?:hang|moi) (?:nam|quy|thang)|quy|thang|nam \d|han|"
                               r"thoi han|thoi gian|giai doan)\b")
#: Kinds of deadline an exclusion clause names (:data:`EXCLUDED_DUE`), each a
#: ``Query.exclude_deadlines`` kind: "cả năm" (``whole_year``), "thường xuyên"
#: (``regular``), "hàng năm/quý/tháng" (the recurrence), "quý"/"tháng" with no
#: number (``form:quy``/``form:thang``, written in that unit), "giai đoạn
#: 2026-2030" / "2026-2030" (``span:2026-2030``), "năm 2030" (``year:2030``),
#: "định kỳ" (``periodic``: any recurrence), "lặp lại" (``recurring``: also
#: "Thường xuyên"; "lặp lại hằng năm" is ``annual``), the periodic reports "bc định kỳ",
#: "báo cáo hằng quý", "bc quý" (``report:periodic``, ``report:quarterly``).
_DUE_KIND = (r"(?:ca nam(?! (?:\d|xa|ke hoach|phuong))|thuong xuyen|(?:dinh ky )?(?:hang|moi) (?:nam|quy|thang)"
             # "định kỳ" alone: any recurrence ("bỏ qua mấy vụ định kỳ"); "bc định kỳ", "báo cáo hằng
             # quý", "bc quý": the periodic reports (``report:…``, read by due_exclusion.due_kind)
             r"|dinh ky(?: (?:nam|quy|thang)\b)?|lap (?:di )?lap lai|lap lai"
             r"|bao cao (?:dinh ky(?: (?:(?:hang|moi) )?(?:nam|quy|thang)\b)?|(?:(?:hang|moi) )?(?:nam|quy|thang)\b"
             r"(?! (?:\d|[ivx]+\b)))"
             r"|quy(?! (?:[ivx]+|[1-4])\b)|thang(?! \d)"
             r"|(?:giai doan )?(?:19|20)\d{2} (?:den |toi )?(?:19|20)\d{2}|nam (?:19|20)\d{2})")
#: Words between an exclusion and the kind: "trừ các nv có (hạn) …", "không tính
#: những việc làm …", "bỏ mấy cái thời hạn ghi …".
_DUE_GLUE = (r"(?: (?:co|la|lam|ghi|ghi la|thuc hien|keo dai|dien ra|han chot|han|thoi han|thoi gian|hoan thanh|moc"
             r"|moc han|trong|vao|theo|dang|kieu|lap lai))*")
#: An exclusion clause on the deadline's kind: "trừ các nv có giai đoạn
#: 2026-2030", "(ko tính các nv cả năm)", "không tính quý, thường xuyên",
#: "bỏ những việc làm hàng năm hoặc thường xuyên", "nhưng không phải loại làm
#: cả năm", "loại các nv giai đoạn 2026-2030"; group 1 the kinds listed
#: (read one by one with :data:`DUE_KIND`).
EXCLUDED_DUE = re.compile(
    r"\b(?:ngoai tru|loai tru|loai bo|loai ra|tru di|tru|ngoai|khong ke|khong tinh|khong lay|khong phai(?: la)?|"
    r"khong thuoc|bo qua|bo ra|(?:bo|loai)(?= (?:cac|nhung|may cai|mot so|het|bao cao)\b))"
    r"(?: (?:cac|nhung|may|mot so))?(?: (?:nhiem vu|viec|cai|muc|dong|cong viec|loai|dang|vu|khoan))?" + _DUE_GLUE
    + r" (" + _DUE_KIND + r"(?:(?: va| hoac| hay| voi| lan| cung nhu)? (?:(?:cac|nhung) )?(?:(?:nhiem vu|viec|cai) )?"
    + _DUE_GLUE.replace("))*", ") )*") + _DUE_KIND + r")*)\b"
)
DUE_KIND = re.compile(_DUE_KIND)
#: The unit asked takes part as a coordinating unit ("Phòng X phối hợp …").
COORDINATING_ROLE = re.compile(r"\b(?:phoi hop|tham gia phoi hop|la don vi phoi hop|ho tro)\b")
#: The coordinating cell named just before a negated unit: "(nv nào) cơ quan
#: phối hợp không phải X", "đơn vị phối hợp không phải là X" (the exclusion is
#: on that cell, not on the lead).
COORDINATING_CELL = re.compile(r"\b(?:co quan|don vi|cot)? ?phoi hop(?: (?:ghi|la))?\s*$")
#: A yes/no check of a row's lead unit: "… có phải do X chủ trì không?",
#: "… có phải X chủ trì không", "… do X chủ trì phải không?".
LEAD_CHECKED = re.compile(r"\b(?:co phai|phai) (?:la )?(?:do )?\w.*\b(?:chu tri|phu trach)\b"
                          r"|\b(?:chu tri|phu trach) (?:phai khong|dung khong|co dung khong)\b")
#: A guess of the lead carried by a question that asks it: "giao cho ai việc X?
#: có phải Phòng Y không?", "việc X ai lo, Phòng Y à?", "… Phòng Y đúng không vậy?"
#: (no "chủ trì" beside the unit: the lead asked elsewhere in the question).
LEAD_GUESSED = re.compile(r"\b(?:co phai|phai) (?:la )?(?:do )?\w.*\b(?:khong|ko|chang)(?: (?:vay|a|ha|nhi|nhe|the))*\s*$"
                          r"|\b(?:phai|dung) (?:khong|ko|chu|nhi)(?: (?:vay|a|ha|nhi|nhe|the))*\s*$")
#: The unit asked only as a coordinating unit, read in a wider window after it
#: than :data:`COORDINATING_ROLE` (the words may say it does not lead): "… mà X
#: chỉ là đơn vị phối hợp", "X chỉ đóng vai trò phối hợp", "X tham gia với vai
#: trò phối hợp", "X không chủ trì mà chỉ phối hợp", "X chỉ có tên ở cột phối hợp".
COORDINATING_ONLY = re.compile(
    r"\bchi (?:(?:la|dong vai tro|giu vai tro|o vai tro|tham gia|dung ten|co ten|nam|xuat hien|duoc ghi|ghi)"
    r"(?: (?:o|trong|tai|voi|la))? )?(?:(?:vai tro|cot|o|phan) )?(?:(?:don vi|co quan|ben) )?phoi hop\b"
    r"|\b(?:voi|o|giu|dong) vai tro (?:(?:la|cua) )?(?:(?:don vi|co quan|ben) )?phoi hop\b"
    r"|\b(?:khong|chu khong) (?:phai )?(?:la )?(?:don vi |co quan )?chu tri(?: \w+){0,3}? (?:ma )?(?:chi )?(?:la )?"
    r"(?:don vi |co quan )?phoi hop\b")
#: Either role ("tham gia", "có liên quan", "chủ trì hoặc phối hợp").
ANY_ROLE = re.compile(r"\b(?:tham gia(?! phoi hop)|lien quan den|chu tri hoac phoi hop|"
                      r"chu tri hay phoi hop|chu tri va phoi hop|ca chu tri)\b")
#: A field whose cell is empty: "không ghi cơ quan phối hợp", "chưa có sản
#: phẩm", "thời hạn để trống", "không có đơn vị phối hợp", and the cell named
#: loosely: "không ghi bên phối hợp", "ko có dv phối hợp", "không có ai phối
#: hợp", "không nêu tên đơn vị phối hợp", "ô phối hợp bỏ trống", "thiếu thông
#: tin phối hợp" (:data:`_CELL_NOUN`).
_CELL_NOUN = (r"(?:(?:ten|thong tin(?: ve)?) )?(?:(?:cot|o|phan|muc) )?(?:(?:ten|thong tin(?: ve)?) )?"
              r"(?:(?:co quan|don vi|bo phan|ben|noi|ai) (?:nao )?)?")
_EMPTY_NAMES = r"(phoi hop|chu tri|san pham|thoi han|thoi gian(?: hoan thanh)?|han)"
EMPTY_FIELD = re.compile(
    r"\b(?:khong|chua) (?:he )?(?:ghi|co|neu|xac dinh|quy dinh|dien|kem|nhac|ghi nhan)(?: ro)? "
    + _CELL_NOUN + _EMPTY_NAMES + r"\b"
    r"|\b" + _CELL_NOUN.replace("|ai)", ")") + r"(phoi hop|chu tri|san pham|thoi han|thoi gian) "
    r"(?:(?:de|bi|bo|con) trong|khong ghi|chua ghi|khong co|trong$)\b"
    r"|\b(?:de trong|bo trong|khong dien|chua dien|thieu) " + _CELL_NOUN + _EMPTY_NAMES.replace("(?: hoan thanh)?", "")
    + r"\b"
)
#: Whether rows fill a cell, asked yes or no: "mục VII các nv có ghi thời hạn
#: không?", "các việc phần này có nêu sản phẩm ko", "có ghi rõ cơ quan phối hợp
#: hay không", "nv nào có ghi hạn, nv nào không", "có nv nào ghi thời hạn không"; group 1 the field's name (a key of
#: :data:`EMPTY_FIELD_NAMES`).
_PRESENCE_GLUE = r"(?: (?:cho|cua|o|trong|tai|cac|nhung|nhiem vu|viec|nay|do|ro|cu the|hoan thanh|day du))*"
FIELD_PRESENCE = re.compile(
    r"\b(?:co|da) (?:duoc )?(?:ghi|neu|dien|xac dinh|quy dinh|kem|ghi nhan)(?: ro)? " + _CELL_NOUN + _EMPTY_NAMES
    + r"\b" + _PRESENCE_GLUE + r" (?:hay |hoac )?(?:khong|chua)\s*$"
    r"|\bnao (?:co )?(?:ghi|neu|dien)(?: ro)? " + _CELL_NOUN + _EMPTY_NAMES + r"\b.* nao (?:khong|chua)\b"
    r"|\bco (?:nhiem vu|viec|cai|dong) nao (?:co |duoc )?(?:ghi|neu|dien)(?: ro)? " + _CELL_NOUN + _EMPTY_NAMES
    + r"\b" + _PRESENCE_GLUE + r" (?:hay )?(?:khong|chua)\s*$"
)
#: A negation right after the unit: "… mà Phòng X không chủ trì".
NEGATED_AFTER = re.compile(r"\s*(?:khong|chua|khong phai) (?:la )?(?:chu tri|phu trach|dam nhan|dam nhiem)\b")
EMPTY_FIELD_NAMES = {"phoi hop": "coordinating", "chu tri": "lead", "san pham": "product",
                     "thoi han": "deadline", "thoi gian": "deadline",
                     "thoi gian hoan thanh": "deadline", "han": "deadline"}
#: Overdue as of today (or the day the question gives): "đã quá hạn", "trễ
#: hạn", "quá thời hạn", "đã đến hạn", "đã phải xong", "lẽ ra phải hoàn thành",
#: "đã trễ", "bị trễ"; not "hết hạn trước 30/6/2026" (a date bound, :data:`DUE_BEFORE`);
#: not the plans' dossiers ("hồ sơ TTHC trễ hạn", "giải quyết quá hạn": a
#: target about records, not a task's deadline).
OVERDUE = re.compile(
    r"\b(?<!ho so )(?<!giai quyet )(?<!thu tuc hanh chinh )(?:(?:da )?qua (?:thoi )?han|tre han|(?:da )?het han(?! (?:truoc|cham nhat|vao|trong) (?:ngay )?\d)|han(?: \w+){0,3} da qua|cham tien do|tre tien do|"
    r"da (?:den|toi) han|(?:da|le ra|dang le) (?:phai|can) (?:xong|hoan thanh|lam xong|thuc hien xong)|"
    # "… mà đã trễ?", "bị trễ rồi" (not "trẻ hóa", which folds alike)
    r"(?:da|bi) tre(?! hoa\b))\b")
#: A dossier-timeliness target, not a task's deadline: "tỷ lệ hồ sơ giải quyết
#: đúng và trước hạn bao nhiêu", "hồ sơ được giải quyết đúng hạn đạt mấy %" —
#: its counterpart asked beside it ("trễ hạn thì sao", "quá hạn xử lý thế nào")
#: is the same target's other half, not the overdue tasks (:func:`asks_overdue`).
TIMELY_TARGET = re.compile(
    r"\b(?:ty le|ho so|giai quyet)\b(?: \w+){0,8} (?:dung (?:va |hoac )?(?:truoc )?han|truoc han|som han)\b")


def asks_overdue(key: str) -> bool:
    """True when the canonical ``key`` asks the tasks overdue (:data:`OVERDUE`),
    not the late half of a dossier-timeliness target (:data:`TIMELY_TARGET`)."""
    return bool(OVERDUE.search(key)) and not TIMELY_TARGET.search(key)


#: Not yet due as of today (the question's day, else the clock's): "chưa tới
#: hạn", "chưa đến hạn", "hạn … chưa tới", "còn hạn", "chưa hết hạn" — not "(thế) còn
#: hạn?" opening a follow-up, which asks the deadline ("and the deadline?").
NOT_YET_DUE = re.compile(r"\b(?:chua (?:toi|den|het) han|(?<!\bthe )(?<!\bvay )(?<!\bthe thi )(?<!^)con han|chua qua han|"
                         r"han(?: \w+){0,4} (?:chua (?:toi|den|het)|con))\b")
#: Due from today to the end of a month or of the year: "từ nay tới hết tháng
#: 10", "từ nay đến cuối năm"; group 1 the month, group 2 its year.
DUE_UNTIL = re.compile(r"\b(?:tu nay|tu bay gio|tu hom nay) (?:den|toi) (?:het |cuoi )?"
                       r"(?:thang (\d{1,2})(?:(?: nam)? |/)?((?:19|20)\d{2})?|nam(?: nay)?|"
                       # "từ nay đến hết (ngày) 31/10/2026": the last day itself
                       r"(?:ngay )?(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2}))\b")
#: Due soon: "sắp đến hạn", "trong 30 ngày tới", "trong tháng tới".
DUE_SOON = re.compile(
    r"\b(?:sap (?:den|toi|het) han|sap phai hoan thanh|(?:trong|con) (\d{1,3}) ngay (?:toi|nua|sap toi)|"
    r"(\d{1,3}) ngay (?:toi|nua|sap toi)|trong (tuan|thang) (?:toi|nay|sap toi))\b"
)
#: "trong 30 ngày" with the day it counts from given ("… kể từ 01/01/2026").
DAYS_FROM = re.compile(r"\b(?:trong|trong vong|con) (\d{1,3}) ngay\b")
#: A date bound: "trước 30/6/2026", "trước ngày 30/6", "hạn trước 15/01", "đến hết
#: ngày 30/9/2025 thì nv nào phải xong", "tới hết 30/6", "hạn chót 30/6/2026",
#: "muộn nhất là 15/01" (not "tính đến …", the day the windows count from).
DUE_BEFORE = re.compile(
    r"\b(?:truoc|(?:cham|muon) nhat(?: la)?|khong muon hon|han chot(?: la)?|"
    r"(?<!tinh )(?<!tinh toi )(?<!tinh den )den(?: het)?|(?<!tinh )(?<!tinh den )toi het)"
    r" (?:ngay )?(\d{1,2})[/.-](\d{1,2})(?:[/.-]((?:19|20)\d{2}))?\b"
)
#: A bound by a period: before it starts ("trước quý III/2026", "trước tháng
#: 4/2026": group 2 empty) or by its end ("trước cuối quý II/2026", "trước hết
#: tháng 9", "chậm nhất cuối quý I", "muộn nhất hết tháng 5/2026", "tới cuối tháng
#: 9/2025 thì … phải xong": group 2 the end word; "tính đến hết quý III/2025 … quá
#: hạn": the day windows count from); group 3 the quarter's numeral, group 4 the
#: month, group 5 the year.
DUE_BEFORE_PERIOD = re.compile(
    r"\b(truoc|(?:cham|muon) nhat(?: la)?|khong muon hon|han chot(?: la)?|(?:tinh )?(?:den|toi)(?= (?:het|cuoi) ))"
    r" (?:(het|cuoi|ket thuc) )?"
    r"(?:qu[yi] " + ROMAN_Q + r"|thang (\d{1,2}))\b(?:" + YEAR_SEP + r"((?:19|20)\d{2})\b)?")
#: The rows due by the day the question gives, asked with no other window:
#: "tính đến 30/9/2025 thì nv nào phải hoàn thành", "tính tới 15/01 những việc
#: nào cần xong", "tại thời điểm 30/6/2026 nv nào đến hạn".
DUE_BY = re.compile(r"\b(?:phai|can|buoc phai|bat buoc) (?:hoan thanh|xong|lam xong|thuc hien xong|ket thuc)\b"
                    r"|\b(?<!da )(?<!chua )den han\b")
#: What joins two kinds of deadline asked together ("hạn Quý IV hay trước
#: 10/12"): the words between them (at most a few) hold one of these.
DEADLINE_OR = re.compile(r"^(?:\s*\w+){0,2}?\s*\b(?:hay|hoac|hoac la|va|voi)\b(?:\s*\w+){0,2}\s*$")
#: A topic of the task rows: "các nhiệm vụ về đào tạo", "liên quan đến số
#: hóa", "nhiệm vụ nào nói về ISO".
TOPIC = re.compile(
    r"\b(?:(?<!\btro )ve|lien quan(?: den| toi)?|noi ve|de cap(?: den)?|nham|cho viec|ve viec|ve linh vuc|"
    r"(?<!\ban )dinh (?:toi|den|dang|vao)|dung (?:den|toi)|nhac (?:den|toi)|lien he (?:den|toi|voi))"
    r" ((?:\w+ ?){1,8})"
)
#: Rows asked across the whole annex, a part named only as one they reach
#: beyond: "(cả ngoài mục tài chính công)", "kể cả bên ngoài phần VI", "cả trong
#: lẫn ngoài mục thể chế", "không chỉ trong mục cải cách TTHC", "không riêng
#: phần CĐS"; group 1 the part's words (no part is the filter, none is left out).
BEYOND_PART = re.compile(
    r"\b(?:(?:ke ca|tinh ca|bao gom ca|gom ca|ca)(?: (?:cac|nhung))?(?: (?:nhiem vu|viec|muc|phan))?"
    r"(?: (?:o|ben|phia))? ngoai|ca trong (?:lan|va|cung nhu|voi) ngoai|"
    r"khong (?:chi|rieng|mot)(?: (?:o|trong|co|thuoc))?(?= (?:muc|phan|linh vuc|nhom)\b))"
    r"(?: (?:cac|nhung))?(?: (?:muc|phan|linh vuc|nhom))? ((?:\w+ ?){1,6})"
)
#: A topic the rows must not be about: "các nv không liên quan đến ISO",
#: "những việc ko dính đến chuyển đổi số", "nv nào không nói về tuyên truyền",
#: "nv nào không phải về ISO",
#: "chẳng liên quan gì tới tài chính công"; group 1 the words after the cue.
UNRELATED = re.compile(
    r"\b(?:khong|chang|cha)(?: (?:co|phai|he))? (?:(?:lien quan|dinh dang|dinh|dung cham)(?: gi)?"
    r"(?: (?:den|toi|ve|voi|vao))*|(?:noi|nhac|de cap|ban)(?: gi)?(?: (?:den|toi|ve))+|(?:phai )?ve) ((?:\w+ ?){1,8})"
)
#: A topic written between the rows' noun and the list question, with no
#: "về": "các nv đo lường sự hài lòng là những nv nào", "những nhiệm vụ tuyên
#: truyền CCHC gồm những nv nào".
TOPIC_BETWEEN = re.compile(
    r"\b(?:cac|nhung) (?:nhiem vu|viec) ((?:\w+ ){2,8}?)(?:la|gom|co|bao gom) (?:nhung|cac) "
    r"(?:nhiem vu|viec|cai) (?:nao|gi)\b"
)
#: Words after the rows' noun that open no topic: a pointer, a place, a role,
#: a question ("các nv còn lại", "những việc của …", "các nhiệm vụ trọng tâm").
_BARE_NOT_TOPIC = (r"cua|con|khac|tren|nay|tiep|sau|truoc|thuoc|o|tai|duoc|da|chua|phai|can|se|dang|cu|"
                   r"chinh|chu|trong|nao|gi|la|co|khong|ko|gom|va|ma|nhu|deu|moi|tung|cung|lien")
#: A topic written right after the rows' noun, with no "về" and no other
#: filter, to the question's end: "VK các nv đo lường sự hài lòng", "TX những
#: việc tuyên truyền CCHC nhé", "có mấy nv đo lường sự hài lòng", "nv nào đo
#: lường sự hài lòng?" (group 1 the topic; trailing particles left out).
TOPIC_BARE = re.compile(
    r"\b(?:(?:cac|nhung|may|bao nhieu) (?:nhiem vu|viec|cong viec)|(?:nhiem vu|viec|cong viec) nao(?: la)?) "
    r"(?!(?:" + _BARE_NOT_TOPIC + r")\b)((?:\w+ ?){2,8}?)"
    r"\s*(?:\b(?:la|nhung|gi|nao|nhe|a|vay|nhi|ha|the|khong|ko|di|voi|giup|minh|em)\s*)*$")
#: Words that end a topic term written only in stopword syllables ("liên
#: quan đến tài sản công là những nv nào"): the question and list words.
TOPIC_TERM_END = frozenset("nao gi la gom co khong cua trong the sao ra nhu".split())
#: Words that open such a span without being the term ("về các việc …").
TOPIC_TERM_LEAD = frozenset("cac nhung viec nhiem vu".split())
#: What every row of a CCHC plan is about, left out of a row topic that says
#: more ("tuyên truyền CCHC" is "tuyên truyền"): "cải cách hành chính (nhà nước)".
TOPIC_GENERIC = re.compile(r"\bcai cach hanh chinh(?: nha nuoc)?\b")
#: A product the rows must have: "nhiệm vụ nào có sản phẩm là báo cáo", "sản
#: phẩm là Quyết định của UBND xã", "cho ra sản phẩm là kế hoạch", "có sản
#: phẩm Quyết định …" (no verb: the product's own first words, from
#: :data:`ingest.lexicon.PRODUCT_OPENERS`), "sản phẩm chỉ ghi 'Báo cáo'",
#: "đầu ra là Quyết định" (not "sản phẩm là gì", which asks the field).
PRODUCT_IS = re.compile(
    r"\b(?:san pham|(?<!ket qua )dau ra) (?:dau ra )?(?:(?:cuoi cung |chi |dung |duoc )*(?:la|ghi(?: la)?|gom|co|(?:(?:tinh|the hien|do) )?bang|duoi dang|o dang)"
    # "là (hoặc gồm) X", "là hay có X": a second verb offered beside the first
    r"(?: (?:hoac|hay)(?: la)? (?:gom|bao gom|co|chua|la))?"
    r"(?: (?:dung|chi(?! (?:thi|so|tieu|dan|dao)\b)|duy nhat)(?: la)?)?\s+|(?=(?:" + "|".join(PRODUCT_OPENERS) + r")\b))"
    r"(?!gi\b|nhung gi\b|nao\b|the nao\b|ra sao\b|bao nhieu\b)((?:\w+ ?){1,8})"
)
#: The product asked is the whole cell: "sản phẩm chỉ ghi 'Báo cáo'", "ghi
#: đúng là Kế hoạch", "sản phẩm duy nhất là …" (a match of :data:`PRODUCT_IS`).
PRODUCT_EXACT = re.compile(r"\b(?:chi|dung|duy nhat)\b")
#: Words after a product saying the cell holds it and nothing more: "sp chỉ
#: ghi 'Kế hoạch' trơn", "… Báo cáo thôi", "… mà thôi", "… không thêm gì" (the
#: product asked is the whole cell, as :data:`PRODUCT_EXACT`).
PRODUCT_PLAIN = re.compile(r"^\s*(?:tron(?: tru)?|(?:ma )?thoi|khong (?:them|kem) (?:gi|chu nao)(?: khac)?)\b")
#: Words before a product naming it as words said: "ghi đúng 1 chữ 'Kế
#: hoạch'", "chỉ mỗi chữ Báo cáo", "đúng cụm từ …" (the product is whole).
#: Words before a product saying it is all the cell holds: "sp ghi vỏn vẹn 'Kế
#: hoạch'", "sản phẩm chỉ có mỗi Báo cáo", "… duy nhất là …" (stripped, the
#: product exact).
PRODUCT_ONLY = re.compile(r"^(?:(?:von ven|ven ven|chi co|moi|duy nhat)(?: (?:la|co|ghi|mot))? )+(?=\w)")
PRODUCT_WORDING = re.compile(r"^(?:(?:1|mot|moi|dung|chi) )*(?:chu|tu|cum tu)\s+(?=\w)")
#: The unit a deadline is written in, no period named: "thời hạn ghi theo
#: quý", "hạn tính theo tháng", "thời gian ghi bằng quý".
DEADLINE_FORM = re.compile(
    r"\b(?:thoi han|thoi gian|han|hoan thanh)(?: hoan thanh)?(?: cu the)? (?:duoc )?(?:ghi|tinh|viet|de|xac dinh|dat)?"
    r" ?(?:theo|bang|la|dang|o dang|theo dang|theo tung) (quy|thang)\b(?! \d| [ivx]+\b)"
)
#: A definite deadline asked of rows ("cái nào có hạn cụ thể", "nv nào có thời hạn rõ
#: ràng", "có ngày cụ thể"): a one-off deadline with a known end, not "Thường xuyên",
#: "Hàng năm" nor "Khi thành phố tổ chức".
DATED_DEADLINE = re.compile(r"\b(?:thoi han|thoi gian(?: hoan thanh)?|han(?: hoan thanh)?) (?:ghi )?"
                            r"(?:cu the|ro rang|xac dinh|co dinh)\b|\bco (?:ngay|thoi diem|moc) (?:cu the|ro rang)\b")
#: A percentage set in a row asked ("cái nào có chỉ tiêu %", "nv nào đặt tỷ lệ phần
#: trăm", "có ghi %"), on the question folded with "%" kept.
PERCENT_ROW = re.compile(r"\b(?:co|dat|ghi|neu|de ra)(?: (?!bao |may\b|bn\b)\w+){0,2}? (?:chi tieu|muc tieu|ty le|con so|so)?\s*"
                         r"(?:%|phan tram)(?!\s*\w*\s*(?:bao nhieu|may|bn))")
#: Several forms a deadline may be written in, asked as alternatives: "hạn
#: theo ngày, tháng hoặc riêng quý III", "thời hạn ghi theo ngày hay theo
#: quý", "hạn ghi rõ ngày/tháng" (the slash gone from the key), "có hạn
#: ngày, tháng cụ thể", "hạn là một ngày/tháng cụ thể"; group 1 the list (each form one of :data:`DEADLINE_FORM_ITEM`).
_FORM = r"(?:ngay|thang|quy(?: (?:[ivx]+|[1-4])\b)?)"
DEADLINE_FORMS = re.compile(
    r"\b(?:thoi han|thoi gian|han)(?: hoan thanh)? (?:duoc )?(?:(?:(?:ghi ro|ghi cu the|neu ro|co ghi|ghi|viet|tinh|cu the)"
    r"(?: (?:theo|bang|la|den|toi))?|theo|bang|la) )?(?:(?:la )?mot )?"
    r"(" + _FORM + r"(?:(?: ,|,)? (?:va |hoac |hay |hoac la )?(?:theo )?(?:rieng |chi )?" + _FORM + r")+)"
)
DEADLINE_FORM_ITEM = re.compile(r"\b(ngay|thang|quy)(?: ([ivx]+|[1-4])\b)?")
#: Ordering / aggregation words.
EARLIEST = re.compile(r"\b(?:som nhat|dau tien|truoc nhat|gan nhat|han som nhat|het han truoc(?! (?:ngay )?\d)|"
                      r"(?:xong|hoan thanh|den han|het han|phai xong) (?:som|truoc) hon|som hon)\b")
#: ("sản phẩm cuối cùng", "kết quả sau cùng": the final output of a row, no ordering;
#: "không muộn hơn 30/6", "muộn nhất là 15/01": a date bound, :data:`DUE_BEFORE`)
LATEST = re.compile(r"\b(?:muon nhat(?! (?:la )?(?:ngay )?\d)|tre nhat|(?<!san pham )(?<!ket qua )(?<!dau ra )(?:cuoi cung|sau cung)"
                    r"|lau nhat|han muon nhat|(?<!khong )(?:muon|tre) hon)\b")
TOP_LEAD = re.compile(
    r"\b(?:(?:don vi|co quan|phong|ai) (?:nao )?(?:chu tri|phu trach|dam nhan|nhan) (?:\w+ ){0,3}nhieu nhat|"
    r"chu tri nhieu (?:nhiem vu |viec )?nhat)\b"
)
PER_PLAN = re.compile(r"\b(?:moi|tung|tat ca cac|ca nam|cac) (?:ke hoach|xa|phuong|ban ke hoach)\b")
#: "Kế hoạch nào nhắc đến X", "xã nào có nói về X", "ở đâu đề cập X".
MENTION = re.compile(
    r"\b(?:ke hoach|xa|phuong|van ban|dia phuong|ban) nao (?:co )?(?:nhac|nhac den|nhac toi|de cap|noi|neu|co|"
    r"dat|ap dung|trien khai|thuc hien|dung)(?: den| toi| ve)? (.+)$"
)
#: The term first: "Đề án 06 được nhắc ở những KH nào?", "PAPI có trong kế hoạch
#: nào?", "ISO 18091 xuất hiện ở xã nào".
MENTION_BEFORE = re.compile(
    r"^(?:cum tu |tu khoa |noi dung )?(.+?) (?:duoc |co duoc )?(?:(?:nhac(?: den| toi)?|de cap(?: den)?|neu|"
    r"xuat hien|co mat|co|nam|ghi|dat ra|de ra) (?:o|trong|tai)|dua vao|dua ra) "
    # "… được đưa vào kế hoạch của những xã nào?"
    r"(?:(?:ke hoach|van ban) cua )?(?:nhung |cac )?(?:ke hoach|xa|phuong|van ban|ban) nao\b"
)
#: Acronyms typed in brackets after a term ("Chỉ số năng lực cạnh tranh cấp xã
#: (DCI/DDCI)"): the term's own short names, as typed.
BRACKETED_ACRONYMS = re.compile(r"\(\s*([A-ZĐ][A-ZĐ0-9]{1,9}(?:\s*[/,;]\s*[A-ZĐ][A-ZĐ0-9]{1,9})*)\s*\)")
#: The term first, the plans asked after it, nothing else: "tiêu chuẩn ISO
#: 18091 KH nào có nhắc?", "Đề án 06 thì xã nào đề cập", "cuộc thi phát thanh
#: viên đó KH nào có?", "ISO 18091 xã nào cũng nhắc?" (group 1 the term).
MENTION_FIRST = re.compile(
    r"^(?:cum tu |tu khoa |noi dung )?(.+?) (?:thi )?(?:o |trong )?(?:nhung |cac )?"
    r"(?:ke hoach|xa|phuong|van ban|ban|dia phuong) nao (?:cung )?"
    # "chuyển đổi số: xã nào có nv (này)?": the rows on the term
    r"(?:(?:co )?(?:nhac|de cap|neu|ghi|dung)(?: den| toi)?|co(?: (?:nhiem vu|viec)(?: (?:nay|do|ve viec nay))?"
    r"(?: (?:trong|o) (?:phu luc|bang nhiem vu|danh muc nhiem vu))?)?)"
    r"(?: (?:khong|vay|nhi|the|a|ha))?$"
)
#: The annex rows asked by what they cite or name, no plan selector: "nv nào trong
#: phụ lục nhắc NĐ 111/2025/NĐ-CP?", "những nhiệm vụ nào đề cập đến ISO 18091",
#: "nhiệm vụ nào của xã nào dẫn chiếu Đề án 06" (group 1 the term). Only the
#: verbs of citing or naming: "nhiệm vụ nào về đào tạo" is a topic filter.
MENTION_ROWS = re.compile(
    r"^(?:(?:nhung|cac) )?nhiem vu nao (?:(?:trong|o|cua|thuoc) (?:phu luc|bang nhiem vu|danh muc nhiem vu)"
    r"(?: (?:cua )?(?:ke hoach|xa|phuong) nao)? |(?:cua|o) (?:ke hoach|xa|phuong) nao )?"
    r"(?:co )?(?:nhac|de cap|dan chieu|trich dan|vien dan|neu ten|co cum tu|co chu)(?: ro)?"
    r"(?: (?:den|toi|ve))? (.+)$"
)
#: A question word: what it stands in is asked, no term to look for.
QUESTION_WORD = re.compile(r"\b(?:bao nhieu|bn|may|gi|nao|ai|dau|khi nao|the nao|ra sao)\b")
#: A clause that asks more of the plans found, after the term ("…, nêu giúp mình
#: số nv với", "…, cho biết thời hạn", "…, mỗi xã nv số mấy?"): no part of the term.
FURTHER_ASK = re.compile(r"^(?:(?:va|roi|thi|con) )?(?:neu|cho biet|liet ke|ke ra|ghi ro|noi ro|chi ro)\b"
                         r"|" + QUESTION_WORD.pattern)
#: A standing role a unit is given, asked of the plan: "cơ quan thường trực
#: CCHC là ai?", "đơn vị đầu mối về CCHC" (group 1 the role, as in the key).
ROLE_ASKED = re.compile(r"\b((?:co quan|don vi|bo phan) (?:thuong truc|dau moi))\b")
#: Every plan asked at once whether it mentions a term, a yes/no: "cả 5 KH đều
#: ghi căn cứ Quyết định X phải không?", "tất cả các xã đều nhắc Đề án 06 à?",
#: "mỗi kế hoạch đều có nêu PAPI không" (group 1 the term; a question word in
#: it is no term: "đều có bao nhiêu nhiệm vụ" is a count).
MENTION_EVERY = re.compile(
    r"^(?:co phai )?(?:ca (?:\d+|hai|ba|bon|nam)|tat ca(?: cac)?|moi|tung|cac) (?:ban )?(?:ke hoach|xa|phuong)"
    r"(?: nay| tren| da nap)? (?:co )?(?:cung )?(?:deu|cung) (?:co )?(?:ghi|neu|nhac|de cap|trich dan|dan|viet)"
    r"(?: ro)?(?: (?:den|toi|ve))?(?: (?:can cu|co so))?(?: (?:theo|la))? (.+?)"
    r"(?: (?:phai khong|dung khong|co dung khong|khong|a|ha|chu|nhi|vay))*$"
)
#: A plan the asker guesses, after a which-plans question: ", chỉ NAP thôi à?",
#: ", mỗi Việt Khê à?", "hay chỉ xã TX thôi" (on the question folded, as typed;
#: group "guess" the plan's name). The plan named there is no scope: every plan is searched.
ONLY_GUESS = re.compile(
    r"\s*[,;]?\s*(?:hay |co phai |phai )?\b(?:chi|moi|rieng)\s+(?:(?:o|co|xa|ke hoach|kh)\s+)?"
    r"(?P<guess>[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:thoi\b|a|u|ha|ah|hay sao)(?:\s+(?:a|u|ha|khong|nhi|ha))?"
    r"\s*[?.!]*\s*$", re.IGNORECASE)
#: A column named as such: "cột mục tiêu ghi gì?", "ô sản phẩm".
#: A specific day asked (canonical key): "ngày nào", "ngày mấy", "ngày bao
#: nhiêu", "ngày tháng cụ thể nào", "ngày cụ thể" — not a month, a quarter or
#: "khi nào".
DAY_ASKED = re.compile(r"\bngay (?:thang )?(?:nao|may|bao nhieu|cu the)\b")
#: A day asked of a report: :data:`DAY_ASKED`, or "hạn gửi / hạn nộp".
REPORT_DAY_ASKED = re.compile(DAY_ASKED.pattern + r"|\bhan (?:gui|nop)\b")
#: A day written in a deadline cell (as written, not folded): "Trước ngày 05 của
#: tháng cuối quý", "Ngày 15/01/2026", "10/12/2025".
DAY_WRITTEN = re.compile(r"\bngày\s*\d{1,2}\b|\b\d{1,2}/\d{1,2}\b", re.IGNORECASE)
#: A month asked of a deadline (canonical key): "tháng mấy", "vào tháng nào", "tháng bao
#: nhiêu", "từ tháng mấy đến tháng mấy" — not "mấy tháng" (a length), nor a quarter.
MONTH_ASKED = re.compile(r"\bthang (?:nao|may|bao nhieu|thu may)\b")
#: A month written in a deadline cell (as written): "Tháng 11", "tháng cuối quý", "10/12/2025",
#: "01/2026" — a quarter, a year or "Thường xuyên" gives none.
MONTH_WRITTEN = re.compile(r"\btháng\b|\b\d{1,2}/\d{1,2}\b|\b\d{1,2}/(?:19|20)\d{2}\b", re.IGNORECASE)
#: A quarter asked of a deadline: "quý mấy", "vào quý nào".
QUARTER_ASKED = re.compile(r"\bquy (?:nao|may|bao nhieu|thu may)\b")
#: A deadline cell that places it in a quarter, or closer: "Quý III,IV/2025", "Tháng 11", a day.
QUARTER_WRITTEN = re.compile(r"\bquý\b|" + MONTH_WRITTEN.pattern, re.IGNORECASE)
#: The part of a deadline asked, by how precise it is (day, month, quarter): the cue asking
#: it, the cell wording that gives it, and its name in an answer ("không ghi tháng cụ thể").
DEADLINE_PARTS: tuple[tuple[re.Pattern, re.Pattern, str], ...] = (
    (DAY_ASKED, DAY_WRITTEN, "ngày"),
    (MONTH_ASKED, MONTH_WRITTEN, "tháng"),
    (QUARTER_ASKED, QUARTER_WRITTEN, "quý"),
)
COLUMN_ASKED = re.compile(r"\b(?:cot|o)\s+(?:muc tieu|chi tieu|san pham|phoi hop|chu tri|thoi gian|thoi han)\b")
#: The unit of the row just shown, pointed at: "đơn vị đó còn chủ trì nv nào?",
#: "phòng này còn làm gì nữa", "cơ quan chủ trì đó".
THAT_UNIT = re.compile(r"\b(?:don vi|co quan|phong|ban|bo phan|trung tam)(?: chu tri| phoi hop)? (?:do|nay|tren|vua neu)\b")
#: One row of the previous answer by its place: "nv đầu tiên sản phẩm là gì?",
#: "cái thứ hai ai chủ trì", "việc cuối cùng"; group 1 the place word (:data:`ORDINALS`).
ORDINAL_ROW = re.compile(r"\b(?:nhiem vu|viec|cai|dong|muc) (dau tien|thu nhat|thu hai|thu ba|thu tu|thu nam|"
                         r"thu [1-9]|cuoi cung|cuoi)\b")
#: The place an :data:`ORDINAL_ROW` word gives (0 the first, -1 the last).
ORDINALS = {"dau tien": 0, "thu nhat": 0, "thu 1": 0, "thu hai": 1, "thu 2": 1, "thu ba": 2, "thu 3": 2,
            "thu tu": 3, "thu 4": 3, "thu nam": 4, "thu 5": 4, "cuoi cung": -1, "cuoi": -1}
#: The row after (or before) the one just asked: "nv tiếp theo thì sao", "nhiệm
#: vụ kế tiếp", "còn việc trước đó?"; group 1 says which way.
NEXT_ROW = re.compile(r"\b(?:nhiem vu|viec|dong|cai|muc) (?:(tiep theo|ke tiep|ke|lien sau|ngay sau|sau|sau do|tiep)"
                      r"|truoc do|lien truoc|truoc)\b")
#: "trong đó", "trong số đó", "những cái đó": the previous answer's rows.
WITHIN_PREVIOUS = re.compile(r"\b(?:trong (?:so )?(?:do|nay)|"
                             r"trong (?:so )?(?:cac|nhung|may) (?:nhiem vu|viec|cai|dong) (?:do|nay|tren|vua roi|vua neu)"
                             r"|o tren)\b"
                             r"|\b(?:trong|giua|(?:ca )?)\s*(?:2|hai|3|ba|4|bon) (?:cai|nhiem vu|viec) (?:do|nay|tren|vua roi)\b")
#: The two plans the last turns spoke of, pointed at: "hai xã đó", "2 kế hoạch trên",
#: "cả hai bên", "hai bên", "cả 2 xã" (each with the row it just showed).
BOTH_PLANS = re.compile(r"\b(?:ca )?(?:2|hai) (?:xa|ben|ke hoach|phuong|noi|dia phuong)"
                        r"(?: (?:do|nay|tren|vua roi|vua neu|kia))?\b")
#: The number of earlier rows pointed at: "trong 2 cái đó", "giữa hai nhiệm vụ này".
COUNTED_PREVIOUS = re.compile(r"\b(2|hai|3|ba|4|bon) (?:cai|nhiem vu|viec) (?:do|nay|tren|vua roi)\b")
COUNT_WORDS = {"2": 2, "hai": 2, "3": 3, "ba": 3, "4": 4, "bon": 4}
#: The question points at the body, not the annex: "theo phần tổ chức thực
#: hiện", "theo phân công", "trách nhiệm của"; or asks what no task cell
#: holds ("gửi về đâu", "kinh phí").
BODY_REFERENCE = re.compile(r"\b(?:to chuc thuc hien|phan cong|trach nhiem cua|co quan thuong truc|"
                            r"ban chi dao|trong tam|muc tieu|gui (?:ve|cho|den) (?:dau|ai)|o dau|"
                            r"kinh phi|nguon von|che do bao cao)\b")
#: A field value right after a field word ("thời gian cả năm 2026", "là quý I").
VALUE_AFTER = re.compile(r"\s*(?:la |ghi |dung )?(?:ca nam|quy|thang|nam|thuong xuyen|hang|truoc|\d)")
#: The day the windows count from, when the question gives it: "tính đến
#: ngày 30/9/2025", "tại thời điểm 01/10/2025", "hôm nay là 15/11/2025".
AS_OF = re.compile(
    r"\b(?:tinh (?:den|toi)(?: het)?|tai thoi diem|vao thoi diem|(?:gia su )?(?:hom nay|hnay)(?: la)?|(?:gia su |coi )?nhu hom nay la|"
    r"den thoi diem|xet tai|tinh tai|lay(?: moc)?|ke tu|bat dau tu|tu(?= ngay)) (?:ngay )?(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b"
)
#: A window between two days: "từ (ngày) 01/09/2026 … đến (hết) 30/11/2026",
#: "trong khoảng 01/09/2026 - 30/11/2026" (a few words may stand between).
DATE_RANGE = re.compile(
    r"\b(?:ke tu|bat dau tu|tu|trong khoang|giua) (?:ngay )?(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b"
    r"(?:(?:\s+\w+){0,14}?\s+(?:den|toi|cho den|va)\s+(?:het\s+|cuoi\s+)?(?:ngay\s+)?|\s*-?\s*)"
    r"(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b"
)
#: With an overdue cue, "đến ngày 15/12/2025 thì … đã quá hạn" and "ngày 30/06/2026 thì … đã hết
#: hạn", "tới 15/10/2025 còn nv nào trễ hạn" also give the day (not "trước ngày …", a deadline).
AS_OF_OVERDUE = re.compile(r"(?<!truoc )(?<!sau )(?<!han )(?<!chot )\b(?:(?:den|toi|den het|het|vao) (?:ngay )?|ngay )(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b")
#: An :data:`AS_OF` day that is passed whole ("tính đến ngày 30/9/2025",
#: "đến thời điểm 30/9"): windows count from the day after it.
UNTIL_END = re.compile(r"(?:tinh (?:den|toi)|den thoi diem|den|toi|het)\b")
#: "kế hoạch kia", "xã còn lại": the other plan of the conversation.
OTHER_PLAN = re.compile(r"\b(?:ke hoach|xa|phuong|ban|noi|dia phuong) (?:kia|con lai|ben kia|khac kia)\b")
#: "tương tự", "giống vậy", "như vậy", "(xã) khác cũng có": the like of the previous answer's rows.
SIMILAR = re.compile(r"\b(?:tuong tu|giong (?:vay|the|nhu vay|nhu the|the nay|nhu tren|voi)|nhu vay|nhu the|"
                     r"nhu tren|cung (?:co|lam) (?:nhiem vu|viec) (?:do|nay|kia)|"
                     # "xã nào khác cũng có việc làm lại bộ máy không?"
                     r"khac cung (?:co|lam|dat|neu))\b")
#: The kind of row a like-row follow-up names ("có cái hội thi nào tương tự không",
#: "VK có nv tập huấn nào giống vậy"): group 1 its words, between a row word and
#: "nào" / the likeness cue.
SIMILAR_KIND = re.compile(r"\b(?:cai|nhiem vu|viec|cong viec|hoat dong|chuong trinh) "
                          r"((?:(?!nao\b|gi\b|tuong tu\b|giong\b|nhu\b|do\b|nay\b)\w+ ){1,3}?)"
                          r"(?:nao |gi )?(?:tuong tu|giong|nhu vay|nhu the)\b")
#: A like target asked, not a like task: "PT có chỉ tiêu tương tự không?".
SIMILAR_TARGET = re.compile(r"\b(?:chi tieu|muc tieu)\b")
#: The previous turn's subject pointed at: "chỉ tiêu này", "mục tiêu đó",
#: "nội dung trên", "việc này", "cái này", "như vậy" — "các xã khác chỉ
#: tiêu này thế nào?" asks the previous question's target of other plans.
BACK_REFERENCE = re.compile(r"\b(?:(?:chi tieu|muc tieu|ty le|noi dung|van de|viec|cai|con so|muc|linh vuc)"
                            r" (?:nay|do|tren|vua roi|vua hoi|vua neu)|nhu vay|nhu the|nhu tren|tuong tu)\b")
#: Phrases of a target question that say "target", "compare", "how much"
#: or the figure's bound, not its topic ("chỉ tiêu", "so sánh", "bao nhiêu",
#: "tối thiểu", "trở lên", "phải đạt", "hằng năm"), removed as whole phrases
#: ("hai" alone would also take "hài lòng"), and the answer's shape ("kể tên
#: xã", "(tên viết tắt)"): the topic is what remains.
TARGET_FRAME = re.compile(r"\b(?:" + LIST_ASKING + "|" + ANSWER_FORM + "|" + "|".join(sorted("""
chi tieu|muc tieu|ty le|dat ra|so sanh|doi chieu|giua|khac nhau|giong nhau|khac gi|chenh lech|
moi ben|hai ben|tung ben|moi|tung|nhu the nao|the nao|ra sao|bao nhieu|bn|phan tram|cac xa|xa khac|noi khac|hai ke hoach|ca hai|hai xa|
cai cach hanh chinh|giai doan|dat duoc|dat|voi|hon kem|ke hoach|kh|cchc|cu the|muc|
so voi nam truoc|so voi cung ky|so voi ky truoc|nam truoc|ghi ro|con so|ghi|
toi thieu|it nhat|toi da|khong qua|khong duoi|tro len|tro xuong|phai dat|phai|can dat|
hang nam|hang quy|hang thang
""".replace("\n", "").split("|"), key=len, reverse=True)) + r")\b")
#: A percentage asked on the question as typed ("mấy %", "bao nhiêu %"): a "%"
#: after a word, not after a figure ("90 %" states one); the folded key drops a lone "%".
PERCENT_ASKED = re.compile(r"(?<![\d\s])\s*%")
#: A figure asked ("bao nhiêu", "tỷ lệ", "phần trăm", "số mấy", "mức nào", "%").
FIGURE_ASKED = re.compile(r"\b(?:bao nhieu|ty le|phan tram|so may|muc nao)\b|%")
#: A figure asked in words, not given: "đạt bao nhiêu", "mấy %" (a "100%" the question
#: states names the item; :mod:`retrieval.answering.target_lead`).
FIGURE_WORD_ASKED = re.compile(r"\b(?:bao nhieu|may)\b")
#: Stopwords of task questions that are a target's content: "hạn" of "hồ sơ
#: giải quyết đúng hạn / quá hạn" is what is measured, not a deadline asked.
TARGET_CONTENT_WORDS = frozenset({"han"})
#: The verdict asked of a comparison, no part of its subject: "ai cao hơn",
#: "cao hơn hay bằng nhau", "thấp hơn", "như nhau", "đều có … đúng không",
#: "phải không", "ghi thế nào".
COMPARISON_VERDICT = re.compile(
    r"\b(?:(?:ai|ben nao|xa nao|noi nao|ke hoach nao|kh nao) )?(?:cao hon|thap hon|nhieu hon|it hon|lon hon|"
    r"nho hon|hon kem|bang nhau|ngang nhau|nhu nhau|giong hay khac|khac hay giong)"
    r"(?: (?:hay|hoac) (?:bang nhau|ngang nhau|nhu nhau|thap hon|cao hon))?\b"
    r"|\b(?:dung|phai) (?:khong|ko|k|chu|chua)\b|\bdeu\b|\bghi (?:the nao|ra sao|nhu the nao|gi)\b")
#: A plan's own one of the rows just listed: "cái của VK ai chủ trì?", "còn của
#: NAP thì tháng mấy?" (after "KH nào có nv ứng dụng AI?").
PLANS_OWN_ROW = re.compile(r"^(?:(?:con|the|vay|the con) )?(?:(?:cai|nhiem vu|viec) )?cua\b")
#: "kế hoạch nào khác", "xã khác", "nơi khác": every plan but the previous one.
OTHER_PLANS = re.compile(r"\b(?:ke hoach|xa|phuong|noi|dia phuong|ban)(?: nao)? khac\b")
#: The row's number asked of a task described by its content: "là nhiệm vụ số
#: mấy", "nv thứ mấy", "số thứ tự nào", "thuộc nhiệm vụ nào", "ở dòng nào".
NUMBER_ASKED = re.compile(
    r"\b(?:(?:nhiem vu|viec|dong|muc|stt|chi tieu) (?:so|thu) (?:may|bao nhieu|nao|gi)|"
    # "là nv mấy", "thuộc dòng bao nhiêu": the number asked without "số"
    r"so thu tu (?:may|nao|bao nhieu)|(?:la|thuoc) (?:nhiem vu|dong|muc) (?:nao|may|bao nhieu)|"
    r"o (?:dong|muc|nhiem vu) (?:nao|so may)|"
    r"(?:la|thuoc) so (?:may|thu tu may))\b"
)
#: A question ending in "(là) số mấy": the row's number when it speaks of a task
#: (:data:`TASK_WORD`) and names no document (:data:`DOC_NOUN`): "nv tham gia hội
#: thi trực tuyến CCHC (là) số mấy?", not "KH ban hành kèm QĐ số mấy?", "tờ trình … số mấy?".
ROW_NUMBER_TAIL = re.compile(r"\b(?:la )?(?<!chi tieu )(?<!ty le )so may(?: (?:vay|a|nhi|the|ha|nhe|day))?$")
TASK_WORD = re.compile(r"\b(?:nhiem vu|viec)\b")
DOC_NOUN = re.compile(r"\b(?:quyet dinh|to trinh|cong van|nghi quyet|nghi dinh|thong tu|thong bao|chi thi)\b")
#: Words that only phrase a field question ("vậy khi nào phải xong?", "ai lo?"):
#: not a description of a task's content.
QUESTION_PARTICLES = frozenset("vay phai xong khi chot luc lo ghi".split())
#: Conversational padding around a question ("cho hỏi", "cái nv …", "thì ai
#: lo", "giúp mình"): no part of what a task is about.
PADDING = re.compile(
    r"\b(?:(?:cho|xin) (?:minh |toi |em |anh |chi )?hoi|cai|oi|giup (?:minh|toi|em|voi)|nhe|"
    # "bên mình (xã X) có việc …", "toàn bộ": the asker's side, a quantifier of speech
    r"ben (?:minh|ta|toi|em)|toan bo|"
    # a request opener: "đề nghị cho biết", "xin cho biết", "vui lòng cho biết"
    r"(?:(?:de nghi|xin|vui long|lam on) )?cho (?:minh |toi |em |anh |chi )?biet|"
    r"thi(?= (?:ai|sao|bao|khi|la|do|phong|co quan|don vi|ket qua|san pham|han|thoi|nhu the)))\b"
)
#: The row the previous answer showed, pointed at: "nv đó", "việc này", "nhiệm vụ trên",
#: by the pronoun "nó" ("sp của nó là gì?", "nó do ai chủ trì?"), or as "the one
#: of" a plan ("cái của VK ai chủ trì?" after rows of several plans).
THAT_ROW = re.compile(r"\b(?:nhiem vu|viec|cong viec|muc|dong|cai) (?:do|nay|tren|vua roi|vua neu)\b"
                      r"|\b(?:cua|voi) no\b|^(?:(?:con|the|vay) )?no\b|^(?:(?:con|the|vay) )?cai cua\b")
#: The documents a row just shown lists, pointed at ("mấy KH đó", "các văn bản này"):
#: a question about that row.
LISTED_DOCS = re.compile(r"\b(?:may|cac|nhung|hai|ba) (?:ke hoach|van ban) (?:do|nay|tren|vua neu)\b")
#: One row pointed at ("nv đó", "cái đó", "của nó"), not several ("các nv đó", "2 cái đó").
ONE_ROW = re.compile(r"(?<!\bcac )(?<!\bnhung )(?<!\bmay )(?<!\b\d )(?<!\bhai )(?<!\bba )"
                     r"\b(?:nhiem vu|viec|cong viec|cai) (?:do|nay|vua neu)\b|\b(?:cua|voi) no\b")
#: The document a row goes by asked alone, after rows were shown ("theo quyết định
#: nào?", "căn cứ QĐ số mấy vậy", "nó thực hiện theo văn bản nào?", "dựa trên nghị
#: định gì"): the document the row's cells cite, not the plan's own decision.
ROW_DOCUMENT_ASKED = re.compile(
    r"^(?:(?:con|the|vay|the con) )?(?:(?:no|cai do|viec do|nhiem vu (?:do|nay)) )?"
    r"(?:(?:thuc hien|trien khai|lam|ban hanh) )?(?:theo|can cu(?: vao| theo)?|dua (?:theo|tren|vao)) "
    r"(?:quyet dinh|nghi dinh|nghi quyet|thong tu|chi thi|cong van|van ban|ke hoach|de an|luat)"
    r"(?: (?:so|mang so))?(?: (?:nao|gi|may|bao nhieu))?(?: (?:vay|a|nhi|ha|the|nhe))?$")
#: A bare field question ("ai chủ trì?", "thế khi nào xong?", "sản phẩm là gì?"):
#: at most four words besides the follow-up cue.
FOLLOW_FIELD = re.compile(r"^(?:(?:con|the|vay|the con)\s+)?(?:\S+\s*){1,5}$")
#: Words that only frame a field question ("ai phối hợp, hạn thế nào?", "vậy ai làm,
#: hạn bao giờ, sp là gì?"): what is left of such a question once its field cues
#: (:data:`FIELD_CUES`, :data:`LEAD_EXPLICIT`) are taken out.
FIELD_FRAME_WORDS = frozenset(
    "ai la gi the nao ra sao vay con va voi thi cua no a nhi ha nhe ghi sao khi bao gio han nhu".split())


#: The words of an annex column's header around its field word, and the cell
#: named as such ("thời gian *thực hiện* ghi thế nào", "*cột* thời hạn ghi gì",
#: "*ô* sản phẩm *đầu ra* viết gì", "đơn vị *thực hiện* là ai"): in a field
#: question they only name the column (``ingest.columns`` reads the same headers).
COLUMN_LABEL = re.compile(r"\b(?:cot|o|co quan|don vi|thuc hien|hoan thanh|dau ra|viet|duoc ghi|ghi la|nhu the nao|gom(?: nhung)?|nhung)\b")


def only_fields(key: str) -> bool:
    """Does the question (a ``canon`` key) ask fields and nothing else ("ai phối
    hợp, hạn thế nào?", "thế ai chủ trì và sản phẩm là gì?", "thời gian thực
    hiện ghi thế nào?": a column named by its header, :data:`COLUMN_LABEL`),
    however many fields? Then it is a field follow-up of the rows just shown,
    like a short one (:data:`FOLLOW_FIELD`)."""
    rest = LEAD_EXPLICIT.sub(" ", key)
    asked = False
    for pattern in FIELD_CUES.values():
        asked = asked or bool(pattern.search(rest))
        rest = pattern.sub(" ", rest)
    asked = asked or (rest == key and bool(LEAD_GENERIC.search(key)))  # "đơn vị thực hiện là ai?"
    rest = COLUMN_LABEL.sub(" ", rest) if asked or rest != key else rest
    return (asked or rest != key) and not [w for w in rest.split() if w not in FIELD_FRAME_WORDS]

#: One unit's duty on a subject asked in the unit's name (canonical key): "phòng
#: kinh tế làm gì với kinh phí CCHC", "VP lo gì về cải cách thể chế", "trung tâm có vai
#: trò gì trong việc tiếp nhận hồ sơ", "có trách nhiệm gì đối với TTHC"; group
#: ``topic`` the subject (the unit is found in the question by the catalog).
UNIT_TOPIC_ASKED = re.compile(
    r"\b(?:lam|lo|phu trach|dam nhan|dam nhiem|thuc hien|co (?:vai tro|nhiem vu|trach nhiem)|duoc giao)"
    r"(?: nhung)?(?: (?:cong )?viec)? (?:gi|nao)"
    r" (?:trong|ve|voi|doi voi|lien quan(?: den| toi)?|cho) (?:(?:viec|cong tac|khau|mang|linh vuc|van de) )?"
    r"(?P<topic>\w+(?: \w+){0,9}?)(?: (?:khong|ko|vay|a|nhi|the|nua|theo (?:ke hoach|kh)))*\s*$")
#: How many units the implementation part gives duties to ("phân công cho
#: mấy đầu mối", "bao nhiêu đơn vị được giao trách nhiệm", "giao nhiệm vụ
#: cho những cơ quan nào", "phân công trách nhiệm cụ thể cho những đơn vị nào"), not the units leading or joining annex rows
#: ("chủ trì", "phối hợp", "phụ lục").
DUTY_UNITS_CUE = re.compile(
    r"^(?!.*\b(?:chu tri|phoi hop|phu luc)\b).*?"
    r"(?:\b(?:phan cong|giao (?:nhiem vu|trach nhiem|viec))(?: (?:nhiem vu|trach nhiem|viec))?(?: cu the)?(?: cho)?"
    r" (?:bao nhieu|may|nhung|cac) (?:dau moi|don vi|co quan|bo phan|noi|phong ban)\b"
    # bare "giao cho …" only after the plan's name ("LH giao cho những bộ phận nào"), not after a
    # task's words ("việc rà soát TTHC giao cho những đơn vị nào": that row's units)
    r"|^(?:\w+ ){0,4}?giao(?: cu the)? cho (?:(?:bao nhieu|may) (?:dau moi|don vi|co quan|bo phan|phong ban)"
    r"|(?:nhung|cac) (?:dau moi|don vi|co quan|bo phan|phong ban) nao)\b"
    r"|\b(?:bao nhieu|may|nhung) (?:dau moi|don vi|co quan|bo phan)(?: \w+){0,3}? duoc"
    r" (?:phan cong|giao (?:nhiem vu|trach nhiem|viec))\b)"
)
#: Spelt numbers a plan writes before what it counts ("trên sáu nội dung"):
#: the unit words of :mod:`retrieval.question.numbers` that stand alone, and ten.
SPELT_NUMBERS: dict[str, int] = {**{w: n for w, n in UNIT_WORDS.items() if n >= 2 and w not in ("tu", "lam")},
                                 "muoi": 10}

# ------------------------------------------------------------ the annex's own sections

#: The annex named ("phụ lục", "bảng nhiệm vụ", "danh mục nhiệm vụ").
ANNEX_NAMED = re.compile(r"\b(?:phu luc|bang (?:phu luc|nhiem vu)|danh muc nhiem vu)\b")
#: Which plans have (or lack) a task annex, asked of the plans: "kế hoạch nào (không) có
#: phụ lục nhiệm vụ?", "mấy KH có phụ lục?", "xã nào ko có phụ lục", "có bao nhiêu kế hoạch
#: kèm phụ lục danh mục nhiệm vụ?"; or of one plan: "Phú Thái có phụ lục không?". Not a
#: row of an annex ("phụ lục KH nào có nhiệm vụ về ISO").
_PLANS_ASKED = r"(?:(?:ke hoach|kh|xa) nao|(?:may|bao nhieu|cac|nhung) (?:ke hoach|kh|xa))"
_HAS = r"(?:co|khong co|ko co|k co|thieu|kem(?: theo)?|chua co|khong kem)"
_ANNEX = r"(?:phu luc|danh muc nhiem vu)(?: (?:nhiem vu|kem theo|danh muc nhiem vu|cong viec|rieng))*"
ANNEX_PRESENCE = re.compile(
    r"\b" + _PLANS_ASKED + r"\b(?: \w+){0,3}? " + _HAS + r"(?: \w+){0,1}? " + _ANNEX
    + r"(?: (?:khong|ko|k|nao|vay|the))*\s*$"
    r"|^(?:\w+ ){0,5}?(?:co|kem(?: theo)?) " + _ANNEX + r" (?:khong|ko|k|chua)\s*$")
#: Its top-level sections counted or listed: "chia làm mấy mục lớn", "gồm
#: những phần nào", "có bao nhiêu nhóm", "các mục lớn" (not "mục II", "phần trăm").
#: The items of a named section counted: "(phần VII) có mấy mục", "gồm bao nhiêu
#: nội dung" — its rows, when a section is named (:mod:`retrieval.question.parse`).
ITEMS_COUNTED = re.compile(r"\b(?:co|gom|chia (?:lam|thanh)) (?:may|bao nhieu) (?:muc|dau muc|noi dung|viec)\b")
ANNEX_PARTS_ASKED = re.compile(
    r"\b(?:may|bao nhieu|nhung|cac|so) (?:muc|phan|nhom|linh vuc)(?: (?:lon|chinh))?\b"
    r"(?! (?:tram|\d|[ivx]+\b|cua (?:nhiem vu|viec)))")

#: The body reports are sent to, named in a question: "báo cáo CCHC gửi về Sở Nội
#: vụ", "báo cáo lên UBND thành phố", "nộp báo cáo cho Bộ Nội vụ", "gửi báo cáo
#: kết quả đến Văn phòng UBND" (group "body": the body's first words, a unit head
#: first; :data:`REPORT_BODY_END` ends it).
REPORT_TO = re.compile(
    r"\bbao cao\b(?: \w+){0,8}? (?:(?:gui|nop|chuyen) )?(?:ve|len|cho|den|toi|voi|gui) "
    r"(?P<body>(?:so|bo|uy ban nhan dan|hoi dong nhan dan|chu tich|ban chi dao|van phong|phong|thuong truc)"
    r"(?: \w+){0,6})"
    r"|\b(?:gui|nop) (?:\w+ ){0,4}?bao cao (?:\w+ ){0,4}?(?:ve|len|cho|den|toi) "
    r"(?P<body2>(?:so|bo|uy ban nhan dan|hoi dong nhan dan|chu tich|ban chi dao|van phong|phong|thuong truc)"
    r"(?: \w+){0,6})")
#: Words that end the body named in :data:`REPORT_TO` ("… Sở Nội vụ không?", "… theo định kỳ").
REPORT_BODY_END = frozenset("khong ko k chua a ha nhi vay the nao gi dinh ky hang quy thang nam truoc ngay theo de thi"
                            " la hay hoac co ghi khi ra sao gui nop".split())
#: The reporting regime asked beside the body ("báo cáo định kỳ thế nào, có phải
#: bc cho HĐND không?", "gửi Sở Nội vụ khi nào?"): how often, when, by which day.
REGIME_ASKED = re.compile(r"\b(?:the nao|ra sao|dinh ky|khi nao|ngay nao|ngay may|bao lau|may lan|han (?:gui|nop)"
                          r"|hang (?:quy|thang|nam))\b")
#: The place of an annex section asked, said of the section: "ở mục cuối cùng",
#: "là mục đầu tiên", "mục thứ 2", "nằm ở mục (thứ) mấy", "vị trí nào", "xếp lên
#: đầu", "đưa xuống cuối" (group "last", "first", "nth" or "which"); not a row's
#: place ("nhiệm vụ đầu tiên") nor a section's number ("mục 1", "số mấy").
SECTION_POSITION = re.compile(
    r"\b(?:muc|phan|nhom|vi tri|thu tu) (?:(?P<last>cuoi cung|sau cung|cuoi)|(?P<first>dau tien|tren cung|dau)"
    r"|thu (?:(?P<nth>\d+|hai|ba|bon|tu|nam|sau|bay|tam|chin)|(?P<one>nhat)|(?P<which>may))"
    r"|(?P<which2>may|nao))\b"
    r"|\b(?:len|xuong) (?:(?P<first2>dau)|(?P<last2>cuoi))(?: (?:bang|cung|tien|phu luc))?\b")
#: The words of a section-position question that are no part of the section's
#: name ("xếp", "đặt", "ở mục cuối cùng" are taken out by the patterns).
POSITION_FRAME = frozenset("xep dat de nam o la muc phan nhom vao trong cua ke hoach xa nao ben tai thi".split())

# ------------------------------------------------------------ which plans

#: A plan selector asked: "kế hoạch nào", "những KH nào", "xã nào", "bên nào",
#: "địa phương nào" (on ``canon`` keys, where "KH" is "ke hoach"); not "xã nào
#: cũng …", which asks whether every plan does (a yes/no).
WHICH_ASKED = re.compile(r"\b(?:ke hoach|xa|phuong|ben|van ban|dia phuong|noi) nao\b(?! cung\b)")
#: A superlative: "nhiều nhất", "cao nhất", "sớm nhất" (the plans ranked, not selected).
SUPERLATIVE = re.compile(r"\b(?:nhieu|it|cao|thap|som|muon|tre|lon|nho|dai|ngan|lau) nhat\b")
#: A task count compared between plans: "nhiều nv hơn", "ít nhiệm vụ hơn",
#: "nhiều việc nhất", "nhiều nv thường xuyên hơn" (a filter between), "bên nào nhiều
#: hơn" after a count; group 1 the way, group 2 the task noun when written.
COUNT_COMPARED = re.compile(r"\b(nhieu|it) (?:(nhiem vu|viec|cong viec)(?: \w+){0,4}? )?(?:hon|nhat)\b")
#: The words that bound a figure, each list written once: at least, above, at most, below;
#: the tails "trở lên" / "trở xuống" after the figure.
_AT_LEAST = r"khong duoi|khong thap hon|toi thieu(?: la)?|it nhat(?: la)?|tu"
_ABOVE = r"tren|hon|vuot|cao hon|lon hon"
_AT_MOST = r"khong qua|khong vuot qua|khong vuot|toi da(?: la)?|khong cao hon"
_BELOW = r"duoi|thap hon|nho hon|it hon"
_UP_TAIL, _DOWN_TAIL = r"tro len|hoac hon|tro lai", r"tro xuong"
#: A percentage written in a question as typed, folded: "90%", "90 %", "90,5 phần trăm".
_PERCENT = r"(\d+(?:[.,]\d+)?)\s*(?:%|phan tram)"
#: The bound a target's figure must meet, on the question folded as typed (the
#: ``canon`` key drops a lone "%"): (pattern, operator), tried in order —
#: "đạt 90% trở lên", "từ 90% trở lên", "không dưới 90%", "tối thiểu / ít nhất
#: 90%" (≥); "trên / hơn / vượt 90%" (>); "90% trở xuống", "không quá / tối đa
#: 10%" (≤); "dưới 10%" (<). The negated and longer wordings go first ("không
#: thấp hơn" before "thấp hơn", "ít hơn" before "hơn").
THRESHOLDS: list[tuple[re.Pattern, str]] = [
    (re.compile(_PERCENT + rf" (?:{_UP_TAIL})\b"), ">="),
    (re.compile(_PERCENT + rf" (?:{_DOWN_TAIL})\b"), "<="),
    (re.compile(rf"\b(?:{_AT_LEAST}) " + _PERCENT), ">="),
    (re.compile(rf"\b(?:{_AT_MOST}) " + _PERCENT), "<="),
    (re.compile(rf"\b(?:{_BELOW}) " + _PERCENT), "<"),
    (re.compile(rf"\b(?:{_ABOVE}) " + _PERCENT), ">"),
]
#: A bounded figure in a ``canon`` key ("tren 95%", "90% tro len", "khong qua 10"):
#: no part of the target's topic.
THRESHOLD_PHRASE = re.compile(rf"\b(?:(?:{_AT_LEAST}|{_ABOVE}|{_AT_MOST}|{_BELOW}) )?\d+(?: \d+)?(?:%| phan tram)?"
                              rf"(?: (?:{_UP_TAIL}|{_DOWN_TAIL}))?(?!\w)")
#: Words that only frame a header fact asked of the plans ("nêu tên người ký",
#: "ghi rõ ngày ban hành", "có số hiệu đầy đủ"): with the fact's cue taken out,
#: a mention term holding nothing else asks the fact, not a term to look for.
FACT_FRAME_WORDS = frozenset("ten ro day du cu the chinh xac ban hanh ghi neu".split())
#: A province-level unit asked of a commune ("thuộc tỉnh nào", "tỉnh thành
#: nào"): a plan that names only a district does not answer it.
PROVINCE_ASKED = re.compile(r"\b(?:tinh thanh|tinh) nao\b")

#: The words of a question across plans that ask to compare, not what the
#: item is ("… ở A và B khác nhau thế nào", "so sánh … giữa A và B", "mỗi nơi
#: ghi ra sao"): taken out before an annex row is matched to the item.
COMPARE_FRAME = re.compile(
    r"\b(?:so sanh|doi chieu|khac nhau|giong nhau|khac gi|chenh lech|moi noi|moi xa|tung xa|"
    r"moi ben|tung ben|ca hai|ca ba|giua|voi|ghi the nao|the nao|ra sao|nhu the nao|khong|ko)\b")
#: Whether a plan gives a unit a task on a subject, a yes/no: "(so với A,) B có giao
#: Phòng X việc về Y không?", "có giao cho Phòng X làm Y không", "Phòng X có được giao
#: nhiệm vụ về Y không?" (group ``unit`` the unit as typed, ``topic`` the subject).
ASSIGNED_ASKED = re.compile(
    r"\bco giao (?:cho )?(?P<unit>.+?) (?:lam|viec|nhiem vu|cong viec|phu trach|chu tri)"
    r"(?: (?:ve|lien quan den|lien quan toi|nao ve))? (?P<topic>.+?) (?:khong|ko|k|chua|hay khong)$"
    r"|\b(?P<unit2>(?:phong|van phong|trung tam|ban|bo phan|cong chuc) .+?) co (?:duoc )?giao "
    r"(?:(?:viec|nhiem vu|cong viec|lam) )?(?:(?:ve|lien quan den|lien quan toi) )?(?P<topic2>.+?)"
    r" (?:khong|ko|k|chua|hay khong)$"
)

#: The reform areas as questions name them (:data:`ingest.lexicon.REFORM_AREAS`):
#: area → pattern, whole words of a canonical key.
AREA_NAMED: dict[str, re.Pattern[str]] = {
    area: re.compile(rf"\b(?:{named})\b") for area, named in REFORM_AREAS.items()
}
#: Words of a "who does it" question that say how it is asked, not what is
#: asked about ("ai lo", "đơn vị nào phụ trách mảng …", "theo KH thì do ai chủ
#: trì"): what is left of a question naming a reform area, besides these and
#: the plan's name, is a subject of its own (a task of the area, not the area).
WHO_ASKING = frozenset(
    "ai lo phu trach chiu trach nhiem chu tri dam nhan dam nhiem dam trach thuc hien trien khai lam giao cho"
    " do la thi vay nhi a duoc don vi co quan phong bo phan cong chuc nao mang linh vuc noi dung cong tac"
    " phan ve theo trong cua ke hoach xa nay cai cach hanh chinh o tai chinh".split()
)
#: Words joining the plans a question names ("ở LH và TX", "NAP với VK", "TX hay PT").
PLANS_JOINED = frozenset({"va", "voi", "hay", "hoac", "cung"})
#: Every unit's duties asked, none named: "trách nhiệm các phòng ghi thế nào",
#: "phân công nhiệm vụ cho từng đơn vị ra sao", "mỗi bộ phận được giao làm gì",
#: "các cơ quan có trách nhiệm gì" (:mod:`retrieval.answering.every_unit`).
EVERY_UNIT = re.compile(
    r"\b(?:trach nhiem|nhiem vu|phan cong(?: trach nhiem| nhiem vu)?|viec)(?: cu the)?"
    r"(?: (?:cua|danh cho|giao cho|cho))? (?:cac|tung|moi) (?:phong ban|phong|don vi|co quan|bo phan|ban nganh)\b"
    r"|\b(?:cac|tung|moi) (?:phong ban|phong|don vi|co quan|bo phan|ban nganh)(?: (?:chuyen mon|lien quan))?"
    r" (?:co trach nhiem|co nhiem vu|duoc giao|duoc phan cong|phai lam|lam|lo|phu trach)\b"
)
#: Words after :data:`EVERY_UNIT` that only say how it is asked ("ghi thế nào",
#: "trong phần tổ chức thực hiện", "là gì"); any other word is a subject of
#: its own ("… về kinh phí"), not every duty.
EVERY_UNIT_TAIL = frozenset(
    "ghi duoc quy dinh neu the nao nhu ra sao gi la nhung cac trong theo phan muc to chuc thuc hien"
    " ke hoach vay a nhi cu gom co lam viec nhiem vu trach nhiem phan cong giao cho".split()
)
#: The whole count asked beside a narrower one: "tổng cộng bn nv …, VP chủ
#: trì mấy cái", "có tất cả bao nhiêu nv, trong đó Phòng X bao nhiêu"
#: (:mod:`retrieval.answering.total_count`): a total word and two count words.
TOTAL_ASKED = re.compile(r"\b(?:tong cong|tong so|ca thay|tat ca|toan bo|tong)\b")
COUNT_WORD = re.compile(r"\b(?:bao nhieu|(?<!bo )may)\b")

#: -- body lists (:mod:`retrieval.answering.sections`, :mod:`retrieval.answering.loose_heading`)
#: How many items a section has: "gồm mấy giải pháp", "có bao nhiêu chỉ
#: tiêu", "mấy nội dung"; group 1 the thing counted, as written in the key.
COUNT_CUE = re.compile(
    r"\b(?:bao nhieu|(?<!bo )may|so luong)\s+((?:\w+\s+){0,1}?(?:giai phap|chi tieu|noi dung|muc tieu|phan(?! tram)|muc"
    r"|diem|yeu cau|nhom|linh vuc|nhiem vu|gach dau dong|y|dong))\b"
)
#: A list asked for (canonical key): "liệt kê", "kể ra / kể tên / kể hết / kể
#: đủ", "gồm những gì", "bao gồm", "những … nào", "là những gì".
LIST_CUE = re.compile(
    r"\b(?:liet ke|ke (?:ra|ten|het|du|day du|cu the|lai)|gom (?:nhung|cac|co)|bao gom"
    r"|nhung (?:\w+ ){0,3}nao|nhung gi|la nhung|cac (?:\w+ ){0,3}nao)\b"
)
#: Things asked in the plural with no list word: "các yêu cầu của kế hoạch
#: là gì", "những mục tiêu ra sao", or as the plan's own part ("mục đích của
#: kế hoạch là gì"): a short heading's items (:func:`loose_section`).
PLURAL_ASKED = re.compile(r"\b(?:cac|nhung) (?:\w+ ){1,2}(?:cua (?:\w+ ){1,5}?)?"
                          r"(?:la gi|la nhung gi|ra sao|the nao|nhu the nao)\b"
                          # "mục đích của kế hoạch là gì": the part of the plan itself, asked at the end
                          r"|\b(?:\w+ ){1,2}cua (?:ke hoach|kh)(?: \w+){0,4}? (?:la gi|gom nhung gi|ra sao)\s*$")
#: The plan's main tasks asked ("những việc chính", "nhiệm vụ trọng tâm", "công
#: việc chủ yếu của kế hoạch là gì"), a question word after them.
MAIN_TASKS = re.compile(r"\b(?:nhiem vu|viec|cong viec)(?: \w+)? (?:chinh|trong tam|chu yeu|trong diem)\b"
                        r"(?: \w+){0,6}? (?:gi|nao|gom|la)\b")
#: The thing counted is the dash items themselves ("mấy gạch đầu dòng", "mấy gạch").
DASHES_COUNTED = re.compile(r"\bgach\b")


#: A rank asked ("xếp hạng thứ mấy", "đứng thứ bao nhiêu", "top mấy", "hạng mấy"):
#: answered only when the plan writes a rank (:data:`RANK_STATED`).
RANK_ASKED = re.compile(r"\b(?:xep hang|xep|hang|(?<!noi )dung|nam trong) (?:thu )?(?:may|bao nhieu)\b"
                        r"|\bxep hang (?:nao|the nao|ra sao)\b|\b(?:xep|dung) thu (?:may|bao nhieu|nao)\b"
                        r"|\b(?:top|nhom) (?:may|bao nhieu)\b|\bthu hang (?:may|bao nhieu|nao|the nao|ra sao)\b")
#: A rank as a plan writes it, on a folded text ("xếp thứ 10", "top 20", "nhóm 5", "dẫn đầu", "tốp đầu").
RANK_STATED = re.compile(r"\b(?:thu|top|tốp|nhom|hang) \d+\b|\b(?:dan dau|dung dau|top dau|nhom dau|xep thu)\b")
#: The prizes of a contest asked ("cơ cấu giải thưởng", "giải thưởng thế nào", "mấy giải",
#: "giải nhất bao nhiêu", "phần thưởng", "tiền thưởng").
PRIZE_ASKED = re.compile(r"\b(?:co cau giai|giai thuong|phan thuong|tien thuong|giai nhat|(?:may|bao nhieu) giai)\b"
                         r"(?! (?:phap|doan|quyet|trinh|ngan))")
#: Prizes as a plan writes them, on a folded text.
PRIZE_STATED = re.compile(r"\b(?:giai (?:thuong|nhat|nhi|ba|khuyen khich)|co cau giai|phan thuong|tien thuong)\b")
#: A figure asked of one field of procedures ("TTHC lĩnh vực đất đai", "trong lĩnh vực
#: hộ tịch"): group 1 the field's words, which the figure's sentence must write.
FIELD_QUALIFIER = re.compile(r"\blinh vuc ((?!nao\b|gi\b|do\b|nay\b)\w+(?: (?!dat\b|phai\b|bao\b|la\b|co\b|muc\b|ty\b)\w+)?)")
