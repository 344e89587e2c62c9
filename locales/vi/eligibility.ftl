# Eligibility checker ("Kiểm tra điều kiện vay vốn / hỗ trợ") and farmer-typed numbers.
# Programme-specific texts live in knowledge/programmes/*.yaml, not here.

## Quantities typed by farmers (src/lib/farmer-numbers.ts). $n is already formatted (1,5).
elig-money-billion = {$n} tỷ đồng
elig-money-million = {$n} triệu đồng
elig-money-thousand = {$n} nghìn đồng
elig-money-dong = {$n} đồng
elig-area-ha = {$n} ha
# A công is 1,000 m² in the delta but not everywhere: the hectares are "about".
elig-area-cong = {$n} công (khoảng {$ha} ha)
elig-area-m2 = {$n} m² ({$ha} ha)
elig-count-persons = {$n} người

elig-num-empty = Bà con chưa gõ con số nào. { elig-num-example }
elig-num-not-understood = Xin lỗi, tôi chưa hiểu con số này. { elig-num-example }
elig-num-wrong-unit = Đơn vị này không hợp với câu hỏi. { elig-num-example }
elig-num-need-unit = Bà con ghi rõ đơn vị giúp tôi. { elig-num-example }
elig-num-not-whole = Số người phải là số nguyên. { elig-num-example }
elig-num-example = { $kind ->
    [area] Ví dụ: 2 công, 0,5 ha hoặc 5000 m2.
    [money] Ví dụ: 300 triệu hoặc 1,5 tỷ.
   *[count] Ví dụ: 12 hoặc mười hai.
}

## Answer buttons and answer checks (src/eligibility/answers.ts)
elig-button-yes = Có
elig-button-no = Không
elig-button-unknown = Không biết
elig-button-back = Quay lại
elig-answer-yes-no = Bà con bấm "Có" hoặc "Không" giúp tôi (không rõ thì bấm "Không biết").
elig-answer-choice = Bà con chọn một trong các mục: {$options}.
elig-answer-range = Con số này có vẻ chưa đúng, bà con xem lại giúp tôi (từ {$min} đến {$max}).
elig-answer-commune = Bà con gõ tên xã hoặc phường, bắt đầu bằng chữ "xã" hoặc "phường", ví dụ: xã Kế Sách.

## Results (src/eligibility/evaluate.ts, format.ts)
elig-reason-unknown = Chưa rõ vì chưa có câu trả lời về: {$labels}.
elig-progress = Câu {$current}/{$total}
elig-cite-point = điểm {$point}
elig-cite-clause = khoản {$clause}
elig-cite-article = Điều {$article}
elig-cite-no-article = chưa rõ Điều
elig-cite-amended = sửa đổi bởi {$doc}
elig-cite-doc = { $kind ->
    [decree] Nghị định {$doc}
    [law] Luật {$doc}
    [decision] Quyết định {$doc}
    [circular] Thông tư {$doc}
   *[other] {$doc}
}
elig-outcome-eligible = ✅ Phù hợp
elig-outcome-maybe = ❓ Có thể phù hợp, cần thêm thông tin
elig-outcome-doubtful = ⚠ Có thể chưa phù hợp, nên hỏi lại
elig-outcome-not_eligible = ❌ Chưa phù hợp
elig-outcome-ended = ⏹ Đã kết thúc
elig-benefit-amount = tối đa {$amount}
elig-benefit-amount-range = từ {$min} đến {$max}, tùy trường hợp
elig-benefit-percent = tối đa {$percent}% giá trị dự án, phương án
elig-benefit-since = áp dụng từ {$date}
elig-benefit-if = nếu đúng trường hợp của bà con
elig-card-benefits = Được gì:
elig-card-why = Vì sao?
elig-card-documents = Giấy tờ cần mang:
elig-card-where = Hỏi và nộp hồ sơ ở đâu:
elig-card-ask-again = Lưu ý, nên hỏi lại:
elig-card-disclaimer = Đây là kết quả tham khảo, không phải lời hứa cho vay hay hỗ trợ; ngân hàng, quỹ hoặc cơ quan nhà nước vẫn thẩm định và quyết định.
elig-trace-yes = ✔
elig-trace-no = ✘
elig-trace-unknown = ?
elig-trace-doubtful = ⚠ Có thể chưa phù hợp:
elig-ended-between = Chỉ áp dụng từ {$from} đến hết {$to} ({$docs}).
elig-card-other-benefits = Hỗ trợ: {$labels}
elig-card-notes-hint = ⚠ Có điểm nên hỏi lại (bấm "Vì sao?").

## The chat flow (src/features/eligibility)
elig-intro = Tôi hỏi vài câu ngắn để xem bà con hợp chương trình vay vốn, hỗ trợ nào. Bấm nút để trả lời, không rõ thì bấm "Không biết". Nhắn /huy để thôi.
elig-previous = Lần trước: {$answer}
elig-answered = 👉 {$answer}
elig-commune-former = {$former} nay là {$name}.
elig-commune-did-you-mean = Bà con ở nơi nào dưới đây? Bấm để chọn, hoặc gõ lại tên xã.
elig-commune-not-found = Tôi chưa tìm thấy xã, phường này. Bà con gõ lại tên, ví dụ: xã Kế Sách (không dấu cũng được).
elig-results-title = Kết quả, theo quy định áp dụng ngày {$date}:
elig-results-none-fit = Chưa thấy chương trình nào phù hợp với bà con.
elig-results-rest = Chưa phù hợp hoặc đã kết thúc:
elig-button-why = Vì sao? ({$n})
elig-button-docs = Giấy tờ ({$n})
elig-button-where = Nơi nộp ({$n})
elig-button-again = 🔁 Kiểm tra lại
elig-button-register = 📝 Đăng ký để cán bộ liên hệ
elig-detail-none = Chưa có thông tin, bà con hỏi cán bộ giúp nha.
elig-check-gone = Tôi không tìm thấy kết quả này. Bà con nhắn /menu rồi chọn "Kiểm tra điều kiện" để làm lại nha.
elig-rerun-pick =
    Lần trước bà con trả lời:
    {$list}
    Bấm số của câu muốn đổi, hoặc làm lại từ đầu.
elig-rerun-from-start = Làm lại từ đầu
