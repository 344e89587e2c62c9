# /dulieu and /xoa: a farmer sees and erases what is stored about this chat (Luật 91/2025/QH15 Điều 4).
mydata-empty = Hiện không lưu thông tin cá nhân nào của bà con (chưa có đăng ký, câu hỏi gửi cán bộ, lần kiểm tra điều kiện hay đăng ký nhận thông báo nào).
mydata-title = Thông tin của bà con đang được lưu:
mydata-lead-title = 📋 Hồ sơ { $reference } – { $status }
mydata-consent = Bà con đồng ý cho lưu ngày { $date }
mydata-questions-title = ❓ Câu hỏi đã gửi cán bộ:
mydata-question = { $reference } ({ $date }, { $state }): { $text }
mydata-question-answered = đã trả lời
mydata-question-open = đang chờ
mydata-subscription = 📢 Nhận thông báo về: { $topics }{ $place }
mydata-eligibility = 🔎 Kiểm tra điều kiện vay vốn/hỗ trợ (lưu câu trả lời và kết quả): { $count } lần, ngày { $dates }
mydata-footer = Muốn xóa các thông tin này, nhắn /xoa.
mydata-erase-confirm = Bà con muốn xóa họ tên, số điện thoại, lời nhắn, câu hỏi đã gửi, kết quả kiểm tra điều kiện và đăng ký nhận thông báo? Sau khi xóa, cán bộ không gọi lại được nữa và không khôi phục được.
mydata-erase-yes = 🗑️ Xóa dữ liệu của tôi
mydata-erase-no = Giữ lại
mydata-erased = Đã xóa: { $leads } hồ sơ đăng ký, { $questions } câu hỏi, { $eligibilityChecks } lần kiểm tra điều kiện, { $subscriptions } đăng ký nhận thông báo. Cán bộ không còn xem được thông tin của bà con. Nhắn /menu để tiếp tục dùng.
mydata-kept = Đã giữ nguyên, không xóa gì. Nhắn /menu để chọn việc khác.
