# The officers' dashboard (src/admin) and staff accounts (src/staff). Officers read these on phones too.

## Sent to a farmer's chat when an officer answers their question
admin-reply-to-farmer = 👤 Cán bộ Hội Nông dân trả lời câu hỏi { $reference } của bà con:
    «{ $question }»

    { $answer }
    (Bà con bấm «✍️ Trả lời cán bộ» để nhắn tiếp.)
admin-reply-to-farmer-reply = 👤 Cán bộ Hội Nông dân trả lời lời nhắn của bà con (hồ sơ { $lead }, mã { $reference }):
    «{ $question }»

    { $answer }
    (Bà con bấm «✍️ Trả lời cán bộ» để nhắn tiếp.)
admin-reply-to-farmer-answer-reply = 👤 Cán bộ Hội Nông dân trả lời lời nhắn của bà con (mã { $reference }):
    «{ $question }»

    { $answer }
    (Bà con bấm «✍️ Trả lời cán bộ» để nhắn tiếp.)

## Errors shown on forms
admin-error-form-too-large = Nội dung gửi lên quá lớn. Vui lòng rút ngắn rồi gửi lại.
admin-error-form-broken = Biểu mẫu gửi lên bị lỗi. Vui lòng tải lại trang rồi gửi lại.
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
admin-error-note-empty = Vui lòng nhập ghi chú.
admin-error-note-too-long = Ghi chú dài quá 1000 ký tự.
admin-error-role-invalid = Vai trò không hợp lệ.
admin-error-status-transition = Không thể chuyển sang trạng thái này.
admin-error-status-changed = Hồ sơ vừa được người khác đổi trạng thái. Vui lòng xem lại.

## Frame, navigation, common words
admin-app-name = Trợ lý HTX · Cán bộ
admin-nav-overview = Tổng quan
admin-nav-leads = Đăng ký
admin-nav-pools = Nhóm đủ người
admin-nav-questions = Câu hỏi
admin-nav-faq = Hỏi đáp
admin-nav-chat-link = Chat của tôi
admin-nav-users = Người dùng
admin-nav-audit = Nhật ký
admin-logout = Đăng xuất
admin-logged-out = Đã đăng xuất.
admin-all = Tất cả
admin-save = Lưu
admin-filter = Lọc
admin-filter-clear = Bỏ lọc
admin-date-from = Từ ngày
admin-date-to = Đến ngày
admin-sort = Sắp xếp
admin-page-previous = ← Trang trước
admin-page-next = Trang sau →
admin-page-of = Trang { $page }/{ $pages }
admin-forbidden-title = Không có quyền
admin-forbidden = Tài khoản của bạn không có quyền làm việc này.
admin-unauthorized = Vui lòng đăng nhập.
admin-csrf-rejected = Yêu cầu không hợp lệ (phiên làm việc đã thay đổi). Vui lòng tải lại trang và thử lại.
admin-internal-error = Có lỗi xảy ra. Vui lòng thử lại sau.
admin-not-found-title = Không tìm thấy

## Roles
admin-role = Vai trò
admin-role-staff = Nhân viên (chỉ xem)
admin-role-officer = Cán bộ
admin-role-admin = Quản trị

## Login and first-admin setup
admin-login-title = Đăng nhập
admin-username = Tên đăng nhập
admin-password = Mật khẩu
admin-display-name = Họ tên hiển thị
admin-login = Đăng nhập
admin-login-failed = Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa. Vui lòng thử lại sau ít phút.
admin-setup-title = Tạo quản trị viên đầu tiên
admin-setup-intro = Liên kết này chỉ dùng được một lần. Tài khoản tạo ở đây có quyền quản trị: thêm cán bộ, phân quyền, xem nhật ký.
admin-setup-submit = Tạo tài khoản
admin-setup-done = Đã tạo tài khoản quản trị. Mời đăng nhập.

## Overview and charts
admin-overview-title = Tổng quan
admin-chart-per-week = Đăng ký mỗi tuần (12 tuần gần nhất)
admin-chart-per-commune = Đăng ký theo xã/phường (10 nơi nhiều nhất)
admin-chart-per-sector = Đăng ký theo nghề
admin-chart-week-of = Tuần { $day }
admin-chart-empty = Chưa có dữ liệu.

## Leads
admin-leads-title = Đăng ký thành lập, tham gia HTX
admin-leads-search = Tìm kiếm (tên, xã, nghề, mã hồ sơ; gõ có dấu hay không dấu đều được)
admin-leads-search-hint = ví dụ: nguyen van an
admin-leads-found = Tìm thấy { $count } hồ sơ.
admin-sort-newest = Mới nhất trước
admin-sort-oldest = Cũ nhất trước
admin-sort-name = Theo tên
admin-sort-commune = Theo xã/phường
admin-sort-members = Nhiều người nhất trước
admin-sort-status = Theo trạng thái
admin-export-xlsx = ⬇ Tải Excel (.xlsx)
admin-export-csv = ⬇ Tải CSV
admin-lead-erased = (đã xóa theo yêu cầu)
admin-lead-title = Hồ sơ { $reference }
admin-lead-change-status = Xử lý hồ sơ
admin-lead-move-to = Chuyển sang: { $status }
admin-lead-note = Ghi chú của cán bộ
admin-lead-add-note = Thêm ghi chú
admin-lead-history = Lịch sử
admin-lead-delete = Xóa hồ sơ
admin-lead-delete-confirm = Xóa hẳn hồ sơ này? Không thể hoàn tác.
admin-lead-status-changed = Đã đổi trạng thái.
admin-lead-note-added = Đã thêm ghi chú.
admin-lead-deleted = Đã xóa hồ sơ.
admin-event-status = Đổi trạng thái: { $from } → { $to }
admin-event-note = Ghi chú
admin-event-created = Bà con đăng ký
admin-event-updated-by-farmer = Bà con đăng ký lại, cập nhật thông tin
admin-event-assigned = Cán bộ nhận xử lý
admin-event-erased-by-farmer = Bà con xóa dữ liệu cá nhân (/xoa)
admin-event-erased-after-retention = Hết thời hạn lưu (24 tháng): đã xóa dữ liệu cá nhân
admin-event-message-to-farmer = Nhắn cho bà con
admin-event-farmer-reply = Bà con trả lời cán bộ
admin-event-farmer-question = Bà con hỏi cán bộ
admin-event-duplicate-from-other-chat = Có người ở khung chat khác đăng ký cùng số điện thoại này (hồ sơ không bị thay đổi)

## Pools
admin-pools-title = Nhóm đủ người lập HTX
admin-pools-intro = Các nhóm cùng xã/phường và cùng nghề có tổng số người dự kiến từ { $minimum } trở lên (mức tối thiểu để lập HTX). Số người là ước tính, cán bộ gọi điện xác nhận.
admin-pools-leads = Số hồ sơ
admin-pools-members = Số người dự kiến
admin-pools-alerted = Đã báo cán bộ
admin-pools-not-alerted = Chưa báo
admin-pools-none = Chưa có nhóm nào đủ người.

## Questions
admin-questions-title = Câu hỏi của bà con
admin-questions-tab-open = Chờ trả lời
admin-questions-tab-answered = Đã trả lời
admin-questions-tab-all = Tất cả
admin-questions-none = Không có câu hỏi nào.
admin-origin-contact = Gặp cán bộ
admin-origin-unanswered = Trợ lý chưa trả lời được
admin-origin-lead_reply = Trả lời tin nhắn cán bộ
admin-origin-answer_reply = Trả lời câu trả lời của cán bộ
admin-question-replies-to = ↩️ Bà con trả lời cán bộ về câu
admin-question-earlier-asked = Bà con đã hỏi: «{ $text }»
admin-question-earlier-answer = { $name } đã trả lời: «{ $text }»
admin-question-earlier-message = ↩️ { $name } đã nhắn về hồ sơ { $lead }: «{ $text }»
admin-question-title = Câu hỏi { $reference }
admin-question-reply = Câu trả lời (gửi vào khung chat của bà con)
admin-question-send = Gửi trả lời
admin-question-sent = Đã gửi câu trả lời cho bà con.
admin-question-answered-by = { $name } trả lời lúc { $at }:
admin-question-save-faq = Soạn mục hỏi đáp từ câu này

## Chat notifications
admin-chat-link-title = Liên kết chat của tôi
admin-chat-link-what = Liên kết tài khoản Telegram (hoặc khung chat) của anh/chị với Trợ lý HTX để: nhận tin báo việc mới (bà con đăng ký, câu hỏi chờ trả lời, bản nháp thông báo chờ duyệt), trả lời bà con ngay trong chat, và nhận bản thử thông báo. Đây là chat riêng của cán bộ, không phải thông báo gửi bà con (mục «Thông báo»).
admin-chat-link-none = Bạn chưa liên kết khung chat nào.
admin-chat-link-linked = Đã liên kết chat { $channel }.
admin-chat-link-intro = Bấm nút để lấy mã, rồi gửi mã đó cho Trợ lý HTX trong Telegram (hoặc khung chat) của anh/chị.
admin-chat-link-create = Tạo mã liên kết
admin-chat-link-send = Gửi tin nhắn sau cho Trợ lý HTX:
admin-chat-link-expires = Mã dùng một lần, hết hạn lúc { $at }.

## Users
admin-users-title = Người dùng
admin-user-state = Tình trạng
admin-user-chat = Chat đã liên kết
admin-user-active = Đang hoạt động
admin-user-inactive = Đã khóa
admin-user-locked = Tạm khóa đến { $until } (nhập sai mật khẩu)
admin-user-activate = Mở lại
admin-user-deactivate = Khóa tài khoản
admin-new-password = Mật khẩu mới
admin-user-reset-password = Đặt lại mật khẩu
admin-user-create = Thêm người dùng
admin-user-created = Đã thêm người dùng.
admin-user-saved = Đã lưu.
admin-user-password-reset = Đã đặt lại mật khẩu; người dùng phải đăng nhập lại.

## Audit log
admin-audit-title = Nhật ký truy cập
admin-audit-at = Thời điểm
admin-audit-actor = Người thực hiện
admin-audit-action = Hành động
admin-audit-target = Đối tượng
admin-audit-details = Chi tiết

## scripts/create-admin.ts
admin-cli-usage = Cách dùng: npm run admin:create -- <tên đăng nhập> [họ tên hiển thị]
admin-cli-password = Mật khẩu (ít nhất 10 ký tự):{" "}
admin-cli-password-again = Nhập lại mật khẩu:{" "}
admin-cli-password-mismatch = Hai lần nhập mật khẩu không khớp.
admin-cli-app-running = Trợ lý đang chạy (tiến trình { $pid }) trên cơ sở dữ liệu nhúng này, nên chưa tạo được quản trị viên (chỉ một chương trình được mở cơ sở dữ liệu nhúng). Dừng npm start trước rồi chạy lại lệnh này; hoặc dùng liên kết tạo quản trị viên đầu tiên trong nhật ký khi khởi động.
admin-cli-created = Đã tạo quản trị viên "{ $username }". Đăng nhập tại /admin.
admin-cli-updated = "{ $username }" nay là quản trị viên đang hoạt động, với mật khẩu mới.
