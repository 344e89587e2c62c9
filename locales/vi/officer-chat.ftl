# Officers in chat: notifications about leads and pools, /canbo, /leads and the lead buttons.

## Cards
oc-new-lead = 🆕 Có đăng ký mới
oc-lead-card =
    Mã hồ sơ: { $reference } ({ $status })
    Nhu cầu: { $purpose }
    Nơi ở: { $commune }, { $province }
    Nghề chính: { $sector }
    Số người dự kiến: { $members }
    SĐT: { $phone }
oc-contact-card =
    📞 Liên hệ hồ sơ { $reference }:
    Họ tên: { $name }
    SĐT: { $phone }
    Giờ tiện gọi: { $callTime }
    Diện tích: { $landArea }
    Lời nhắn: { $note }
oc-pool =
    👥 Đủ người lập HTX: { $commune } – { $sector }
    { $leads } đăng ký, tổng cộng { $members } người dự kiến (Luật HTX 2023 cần ít nhất 5 thành viên). Cán bộ gọi để kết nối bà con với nhau nha.
    Mã hồ sơ: { $references }

## Buttons
oc-button-claim = ✋ Nhận xử lý
oc-button-contacted = 📞 Đã liên hệ
oc-button-claim-ref = ✋ Nhận { $reference }
oc-button-contacted-ref = 📞 Đã gọi { $reference }

## /canbo
oc-link-usage = Cán bộ nhắn: /canbo <mã liên kết> (mã lấy trên trang quản lý).
oc-link-ok = Đã liên kết khung chat này với tài khoản { $name }. Thông báo đăng ký mới và câu hỏi của bà con sẽ gửi về đây. Nhắn /leads để xem hồ sơ đang mở, /cauhoi để xem câu hỏi chờ trả lời, /broadcast để gửi thông báo cho bà con đã đăng ký nhận.
oc-link-invalid = Mã liên kết không đúng hoặc đã hết hạn. Cán bộ lấy mã mới trên trang quản lý nha.
oc-link-too-many = Nhập sai mã nhiều lần. Cán bộ chờ 15 phút rồi thử lại nha.

## /leads and the buttons
oc-read-only = Tài khoản của anh/chị là nhân viên (chỉ xem): anh/chị xem được hồ sơ và câu hỏi, còn nhận xử lý, đổi trạng thái, trả lời hay gửi thông báo thì cán bộ làm. Thông báo thì anh/chị soạn nháp trên trang quản lý để cán bộ duyệt gửi.
oc-link-read-only = Tài khoản này chỉ xem: anh/chị sẽ nhận thông báo, không có nút thao tác.
oc-not-officer = Lệnh này chỉ dành cho cán bộ đã liên kết tài khoản. Bà con cần gì, nhắn /menu để chọn việc nha.
oc-leads-none = Hiện không có hồ sơ nào đang mở.
oc-leads-header = Hồ sơ đang mở của { $name }: { $total } hồ sơ.
oc-leads-more = Còn { $more } hồ sơ nữa, xem trên trang quản lý.
oc-claimed = Đã nhận xử lý hồ sơ { $reference }.
oc-contacted = Đã ghi nhận: hồ sơ { $reference } đã liên hệ.
oc-taken = Hồ sơ này đã có { $name } nhận xử lý.
oc-not-found = Không tìm thấy hồ sơ này (có thể bà con đã xóa dữ liệu).
oc-status-unchanged = Hồ sơ đang ở trạng thái «{ $status }», không chuyển sang «Đã liên hệ» được.

## Farmers' questions answered from chat (/cauhoi, Trả lời)
oc-question-new =
    ❓ Câu hỏi { $reference } của bà con:
    «{ $question }»
oc-farmer-reply-new =
    ↩️ Bà con của hồ sơ { $lead } trả lời tin nhắn của cán bộ ({ $reference }):
    «{ $question }»
oc-answer-reply-new =
    ↩️ Bà con trả lời câu trả lời của cán bộ cho câu hỏi { $earlier } ({ $reference }):
    «{ $question }»
    Trước đó bà con hỏi: «{ $earlierQuestion }»
    Cán bộ đã trả lời: «{ $earlierAnswer }»
oc-button-answer = ✍️ Trả lời
oc-questions-none = Hiện không có câu hỏi nào đang chờ trả lời.
oc-questions-header = Có { $total } câu hỏi đang chờ trả lời (cũ nhất trước):
oc-question-gone = Câu hỏi này đã được trả lời hoặc không còn nữa.
oc-answer-ask =
    Trả lời câu hỏi { $reference }:
    «{ $question }»
    Anh/chị nhắn câu trả lời vào đây (nhắn /huy để thôi).
oc-answer-confirm =
    Câu trả lời cho { $reference }:
    «{ $answer }»
    Gửi cho bà con nha?
oc-answer-send = ✅ Gửi cho bà con
oc-answer-again = Anh/chị nhắn lại câu trả lời nha:
oc-answer-cancelled = Đã thôi, chưa gửi gì cho bà con.
oc-answer-sent = Đã gửi câu trả lời { $reference } cho bà con, trong khung chat của bà con.
