# The officers' dashboard (src/admin) and staff accounts (src/staff). Officers read these on phones too.

## Sent to a farmer's chat when an officer answers their question
admin-reply-to-farmer = 💬 Cán bộ đã trả lời câu hỏi { $reference } của bà con:
    «{ $question }»

    { $answer }

## Errors shown on forms
admin-error-username-invalid = Tên đăng nhập gồm 3–32 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.
admin-error-username-taken = Tên đăng nhập này đã có người dùng.
admin-error-display-name-invalid = Vui lòng nhập họ tên hiển thị (tối đa 80 ký tự).
admin-error-password-too-short = Mật khẩu phải có ít nhất 10 ký tự.
admin-error-password-too-long = Mật khẩu dài quá 200 ký tự.
admin-error-last-admin = Không thể bỏ quyền hoặc khóa quản trị viên cuối cùng.
admin-error-not-found = Không tìm thấy mục này.
admin-error-setup-link-invalid = Liên kết thiết lập không còn hiệu lực. Khởi động lại ứng dụng để nhận liên kết mới.
admin-error-answer-empty = Vui lòng nhập câu trả lời.
admin-error-answer-too-long = Câu trả lời dài quá 2000 ký tự.
admin-error-question-answered = Câu hỏi này đã được trả lời rồi.
