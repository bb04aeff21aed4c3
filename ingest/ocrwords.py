"""Word pairs of the genre, as printed, for correcting OCR tone marks.

Two-syllable words and set phrases that administrative-reform plans (and
Vietnamese administrative documents generally) use all the time: unit
names, procedure and reform vocabulary, document kinds, time words. Tesseract
reads the hook above ("ổ", "ể", "ẩ", "ả") as an acute ("ố", "ế", "ấ", "á")
and confuses the other tone marks on small print; a pair read with the
wrong tones but the right letters is put back to the spelling listed here
(:func:`ingest.ocrtext.fix_tones`). Pairs that are both right in the genre
(e.g. "chi tiêu" / "chỉ tiêu") are both listed, so neither is changed; a pair
whose other-toned form is a common phrase of its own ("qua cổng" / "kết quả
công tác") is not listed at all.
Spelling variants of the genre ("hoá"/"hóa", "uỷ"/"ủy") are both listed.
"""

from __future__ import annotations

GENRE_PAIRS: tuple[str, ...] = (
    # units and bodies
    "ủy ban", "uỷ ban", "nhân dân", "hội đồng", "văn phòng", "trung tâm", "phục vụ",
    "hành chính", "chính quyền", "cơ quan", "đơn vị", "chuyên môn", "phòng ban",
    "văn hóa", "văn hoá", "xã hội", "kinh tế", "tài chính", "kế hoạch", "nội vụ", "tư pháp",
    "y tế", "giáo dục", "đào tạo", "công an", "quân sự", "mặt trận", "tổ quốc",
    "đoàn thể", "sự nghiệp", "dịch vụ", "công lập", "đảng ủy", "đảng uỷ", "bí thư",
    "chủ tịch", "phó chủ", "thường trực", "thành phố", "tỉnh ủy", "tỉnh uỷ", "huyện ủy",
    "thị xã", "thị trấn", "phường xã", "địa phương", "địa bàn", "bộ phận", "một cửa",
    "liên thông", "tiếp nhận", "trả kết", "kết quả", "cán bộ", "công chức", "viên chức",
    "người lao", "lao động", "đảng viên", "doanh nghiệp", "người dân", "tổ chức",
    "cá nhân", "hộ kinh", "hợp tác", "thanh niên", "phụ nữ", "cựu chiến", "chiến binh",
    "nông dân", "công đoàn", "hội viên", "chính phủ", "thủ tướng", "quốc hội",
    "trung ương", "nhà nước", "quốc gia", "bộ máy", "tinh gọn", "sắp xếp", "kiện toàn",
    # reform vocabulary
    "cải cách", "thủ tục", "thể chế", "công vụ", "chế độ", "tài sản", "ngân sách",
    "kiểm tra", "kiểm soát", "kiểm kê", "kiểm định", "kiểm điểm", "thanh tra",
    "giám sát", "đánh giá", "khảo sát", "xếp hạng", "chỉ số", "chỉ tiêu", "chi tiêu",
    "mục tiêu", "nhiệm vụ", "giải pháp", "triển khai", "thực hiện", "tổ chức",
    "tổng hợp", "tổng kết", "tổng số", "tổng kiểm", "sơ kết", "báo cáo", "tham mưu",
    "phối hợp", "chủ trì", "đôn đốc", "hướng dẫn", "chỉ đạo", "điều hành", "ban hành",
    "sửa đổi", "bổ sung", "đổi mới", "cải tiến", "cải thiện", "nâng cao", "tăng cường",
    "rà soát", "thẩm định", "thẩm quyền", "thẩm tra", "phê duyệt", "quyết định",
    "quy định", "quy chế", "quy trình", "quy phạm", "pháp luật", "văn bản", "kế hoạch",
    "chương trình", "đề án", "dự án", "sản phẩm", "phẩm chất", "chất lượng", "hiệu quả",
    "hiệu lực", "năng lực", "kỷ luật", "kỷ cương", "trách nhiệm", "người đứng",
    "đứng đầu", "tuyên truyền", "phổ biến", "tập huấn", "bồi dưỡng", "hội nghị",
    "hội thi", "giao ban", "tọa đàm", "toạ đàm", "tài liệu", "nghiệp vụ", "tìm hiểu",
    "hiểu biết", "phản ánh", "kiến nghị", "giải quyết", "hồ sơ", "trực tuyến",
    "điện tử", "chuyển đổi", "đổi số", "chữ ký", "ký số", "số hóa", "số hoá",
    "cơ sở", "dữ liệu", "thông tin", "cổng thông", "cổng dịch", "trang thông",
    "hệ thống", "phần mềm", "ứng dụng", "công nghệ", "trí tuệ", "nhân tạo",
    "hạ tầng", "an toàn", "an ninh", "bảo đảm", "đảm bảo", "bảo mật", "mạng xã",
    "tiêu chuẩn", "chuẩn hóa", "chuẩn hoá", "tối thiểu", "tối đa", "tỷ lệ", "tỉ lệ",
    "thanh toán", "giao dịch", "trực tiếp", "bưu chính", "công ích", "phí lệ",
    "lệ phí", "tự chủ", "tự đánh", "phân cấp", "phân quyền", "ủy quyền", "uỷ quyền",
    "vị trí", "việc làm", "biên chế", "tuyển dụng", "sử dụng", "quản lý", "xử lý",
    "chồng chéo", "mâu thuẫn", "trùng lặp", "thi hành", "thi đua", "khen thưởng",
    "công khai", "minh bạch", "dân chủ", "hài lòng", "sự hài", "khó khăn",
    "vướng mắc", "tháo gỡ", "đầu tư", "kết cấu", "hạ tầng", "bộ chỉ", "đề xuất",
    "thủ trưởng", "người đứng", "tổ công", "cộng đồng", "số liệu", "liên quan",
    "có liên", "nguyên tắc", "có thể", "cụ thể", "phân loại", "dân chủ", "đội ngũ",
    "kỹ năng", "kĩ năng", "thành viên", "chính sách", "gắn với", "gần với", "chức năng",
    "nhân sự", "ban chỉ", "đề nghị", "chấp hành", "kịp thời",
    "gương mẫu", "thực thi", "đúng quy", "quy hoạch", "trụ sở", "tiếp công",
    "và các", "và phát", "và thực", "và xã", "và hiệu", "và ứng", "và triển", "và tổ",
    "và tuyên", "và năng", "và phẩm", "và chính", "và doanh", "và ủy", "và uỷ",
    "cổng ttđt", "cổng dvc", "phòng chuyên", "phát thanh", "truyền thanh", "phát triển",
    "của ủy", "của uỷ", "của ban", "của các", "của xã", "của bộ", "của chính",
    # time and deadline words
    "thường xuyên", "hàng năm", "hằng năm", "hàng quý", "hàng tháng", "định kỳ",
    "đột xuất", "cả năm", "cuối quý", "cuối năm", "đầu năm", "liền kề", "chậm nhất",
    "trước ngày", "kể từ", "giai đoạn", "thời gian", "thời hạn", "tiến độ", "hoàn thành",
    "sáu tháng", "quý i", "quý ii", "quý iii", "quý iv",
)
