## Farmers: announcements (subscriptions)
sub-topic-training = 🎓 Lớp tập huấn
sub-topic-credit = 💰 Vay vốn, tín dụng
sub-topic-fairs = 🛒 Hội chợ, tiêu thụ nông sản
sub-topic-law = 📜 Luật, chính sách mới
menu-subscribe = 📢 Nhận thông báo
sub-offer = Bà con có muốn nhận thông báo của Hội Nông dân (lớp tập huấn, vay vốn, hội chợ, luật mới) qua đây không? Bà con chọn chủ đề, ngừng lúc nào cũng được.
sub-offer-yes = 📢 Có, nhận thông báo
sub-offer-no = Không, cảm ơn
sub-offer-declined = Dạ, không gửi. Khi nào cần, bà con nhắn /thongbao nha.
sub-topics-ask = Bà con muốn nhận tin về gì? Bấm để chọn hoặc bỏ chọn, xong bấm «Xong».
sub-topics-done = ✔️ Xong
sub-topics-chosen = Đang chọn: { $topics }. Chọn thêm, bỏ chọn, hoặc bấm «Xong».
sub-topics-none = Bà con chọn ít nhất một chủ đề nha, hoặc bấm «Thôi».
sub-topics-nothing = chưa chọn chủ đề nào
sub-topics-chosen-short = ✅ Đang chọn: { $topics }. Gõ số của chủ đề khác để chọn thêm hoặc bỏ chọn; xong thì gõ «xong».
sub-cancel = Thôi
sub-cancelled = Dạ, chưa đăng ký gì. Khi nào cần, bà con nhắn /thongbao nha.
sub-place-ask = Bà con ở xã/phường nào? Thông báo riêng của xã sẽ gửi tới bà con. Bà con gõ tên xã, hoặc bấm nút.
sub-place-any = Bỏ qua, không chọn xã
sub-place-not-found = Tôi chưa nhận ra tên xã/phường trong «{ $typed }». Bà con gõ tên xã hoặc phường thôi, không cần ấp, ví dụ: Kế Sách, Phú Tâm. Tên xã cũ kèm huyện cũ cũng được, ví dụ: Vĩnh Thành, Thạnh Trị. Không muốn chọn xã thì chọn «Bỏ qua».
sub-place-choose = Bà con chọn đúng xã/phường:
sub-consent-text =
    Đồng ý nhận thông báo
    • Mục đích: chỉ để gửi thông báo theo chủ đề bà con chọn (lớp tập huấn, vay vốn, hội chợ, luật mới). Không dùng cho việc khác, không bán hay chia sẻ cho ai.
    • Thông tin lưu: tài khoản chat này, chủ đề và xã/phường bà con chọn.
    • Đơn vị quản lý: { $controller }.
    • Quyền của bà con: ngừng nhận bất cứ lúc nào bằng /dunggui, đổi chủ đề bằng /thongbao, xem hoặc xóa thông tin bằng /dulieu, /xoa.
    Bà con đồng ý không?
sub-consent-agree = ✅ Đồng ý
sub-consent-decline = ❌ Không đồng ý
sub-consent-expected = Bà con bấm «Đồng ý» hoặc «Không đồng ý» nha.
sub-saved = Đã đăng ký nhận thông báo: { $topics }{ $place }. Đổi chủ đề: /thongbao. Ngừng nhận: /dunggui.
sub-saved-place = , ở { $commune }
sub-status-none = Bà con chưa đăng ký nhận thông báo.
sub-status = Bà con đang nhận thông báo về: { $topics }{ $place }.
sub-change = ✏️ Đổi chủ đề / xã
sub-start = 📢 Đăng ký nhận thông báo
sub-stop = 🔕 Ngừng nhận hết
sub-stopped = Đã ngừng gửi mọi thông báo cho bà con. Muốn nhận lại, nhắn /thongbao.
sub-not-subscribed = Bà con chưa đăng ký nhận thông báo nên không có gì để ngừng. Muốn nhận, nhắn /thongbao.
## What every announcement carries
bc-footer = — Hội Nông dân gửi. Không muốn nhận nữa: nhắn /dunggui. Đổi chủ đề: /thongbao.
bc-signup = 📝 Đăng ký

## Dashboard: announcements
admin-nav-broadcasts = Thông báo
admin-bc-title = Thông báo cho bà con
admin-bc-new = Soạn thông báo mới
admin-bc-none = Chưa có thông báo nào.
admin-bc-col-text = Nội dung
admin-bc-col-status = Trạng thái
admin-bc-col-author = Người soạn
admin-bc-author = Người soạn: { $name }
admin-bc-awaiting = chờ duyệt
admin-bc-awaiting-count = Có { $count } bản nháp của nhân viên đang chờ anh/chị duyệt và gửi (dòng ghi «chờ duyệt»).
admin-bc-awaiting-notice = 📝 { $name } vừa soạn thông báo #{ $id }, chờ cán bộ duyệt: «{ $text }». Anh/chị vào trang quản trị, mục «Thông báo», để xem, gửi thử và gửi.
admin-bc-draft-awaiting = Đã lưu bản nháp. Cán bộ sẽ thấy bản nháp «chờ duyệt» trong danh sách và được báo qua chat.
admin-bc-col-created = Ngày soạn
admin-bc-status-draft = Bản nháp
admin-bc-status-scheduled = Đã hẹn giờ
admin-bc-status-sending = Đang gửi
admin-bc-status-done = Đã gửi xong
admin-bc-status-cancelled = Đã hủy
admin-bc-campaign = Thông báo #{ $id }
admin-bc-text = Nội dung (chữ thường, không định dạng)
admin-bc-link = Đường dẫn (không bắt buộc)
admin-bc-signup = Kèm nút «Đăng ký» (mở phần đăng ký thành lập / tham gia HTX)
admin-bc-segment = Gửi cho ai
admin-bc-segment-hint = Không chọn gì ở một mục là không giới hạn mục đó; không chọn gì cả là gửi mọi người đã đăng ký nhận tin.
admin-bc-topics = Chủ đề
admin-bc-communes = Xã/phường
admin-bc-sectors = Ngành nghề (theo hồ sơ đăng ký)
admin-bc-channels = Kênh
admin-bc-none-yet = Chưa có ai để chọn.
admin-bc-save-draft = Lưu bản nháp
admin-bc-draft-saved = Đã lưu bản nháp.
admin-bc-edit = Sửa bản nháp
admin-bc-message = Nội dung bà con nhận
admin-bc-audience = Sẽ gửi tới { $count } người
admin-bc-planned = Nếu gửi lúc này: { $count } người (tính theo danh sách đăng ký hiện tại)
admin-bc-everyone = Mọi bà con đã đăng ký nhận thông báo.
admin-bc-cancelled-before-start = Đã hủy trước giờ gửi: chưa gửi cho ai.
admin-bc-sent-to-nobody = Lúc gửi không có bà con nào trong đối tượng đã chọn, nên không gửi cho ai.
admin-bc-audience-channel = { $count } người{ $unreachable ->
    [0] {""}
   *[other] {" "}(bỏ qua { $unreachable } người đã chặn)
}
admin-bc-preview = Gửi thử cho tôi
admin-bc-preview-link-chat = Liên kết tài khoản chat trước
admin-bc-preview-prefix = 🧪 BẢN THỬ — chỉ mình anh/chị nhận, bà con chưa nhận tin này.
admin-bc-preview-suffix = 🧪 Hết bản thử. Thông báo chỉ tới bà con khi cán bộ bấm «Gửi» trên trang quản trị.
admin-bc-preview-sent = Đã gửi thử vào tài khoản chat của anh/chị.
admin-bc-no-linked-chat = Anh/chị chưa liên kết tài khoản chat, chưa gửi thử được.
admin-bc-schedule = Hẹn giờ gửi (để trống là gửi ngay)
admin-bc-send = Gửi
admin-bc-send-confirm = Gửi thông báo này cho { $count } bà con?
admin-bc-nobody = ⚠️ Chưa có bà con nào nhận thông báo theo đối tượng đã chọn: gửi bây giờ sẽ không tới ai. Anh/chị đổi chủ đề, xã hoặc kênh, hay hẹn giờ gửi khi đã có người đăng ký.
admin-bc-staff-drafts = Cán bộ hoặc quản trị viên sẽ duyệt và gửi bản nháp này.
admin-bc-sending = Đang gửi thông báo.
admin-bc-scheduled = Đã hẹn giờ gửi.
admin-bc-scheduled-for = Sẽ gửi lúc { $at }.
admin-bc-cancel = Dừng gửi
admin-bc-cancel-confirm = Dừng gửi thông báo này? Những người chưa nhận sẽ không nhận nữa.
admin-bc-cancelled = Đã dừng gửi.
admin-bc-progress = Đang gửi
admin-bc-report = Kết quả
admin-bc-progress-count = Đã xử lý { $done }/{ $total }
admin-bc-delivered = Đã gửi tới
admin-bc-unconfirmed = { $count } chưa xác nhận được do máy chủ khởi động lại giữa chừng
admin-bc-skipped = Bỏ qua
admin-bc-failed = Không gửi được
admin-bc-presses = Số người bấm «Đăng ký»
admin-bc-reason-unsubscribed = đã ngừng nhận tin
admin-bc-reason-unreachable = đã chặn hoặc không còn liên lạc được
admin-bc-reason-quota = quá số tin kênh cho phép
admin-bc-reason-window = ngoài thời gian kênh cho phép nhắn
admin-bc-reason-cancelled = dừng gửi trước khi tới lượt
admin-bc-reason-blocked = đã chặn (lần sau sẽ bỏ qua)
admin-bc-reason-other = lý do khác
admin-bc-error-text = Nội dung không được để trống và dài tối đa 1500 ký tự.
admin-bc-error-link = Đường dẫn phải bắt đầu bằng http:// hoặc https://.
admin-bc-error-state = Thông báo này không còn ở trạng thái làm được việc đó.
admin-bc-error-time = Giờ hẹn không hợp lệ hoặc đã qua.
admin-bc-error-segment = Có lựa chọn người nhận không có trong danh sách (có thể trang đã cũ). Vui lòng tải lại trang và chọn lại.
admin-lead-message = Nhắn cho bà con
admin-lead-message-hint = Tin nhắn gửi vào tài khoản { $channel } bà con dùng để đăng ký
admin-lead-message-send = Gửi tin nhắn
admin-lead-message-sent = Đã xếp tin nhắn để gửi cho bà con.
admin-lead-message-invalid = Tin nhắn không được để trống và dài tối đa 1000 ký tự.
admin-lead-message-text =
    👤 Cán bộ Hội Nông dân nhắn: { $text }
    (Bà con bấm «✍️ Trả lời cán bộ» để nhắn lại.)
lead-reply-button = ✍️ Trả lời cán bộ

## Officers: /broadcast in chat
bc-chat-topic-ask = Gửi thông báo cho bà con đăng ký chủ đề nào?
bc-chat-everyone = 📢 Mọi người đã đăng ký
bc-chat-unknown-topic = Chủ đề này không còn trong danh sách nên chưa gửi gì. Anh/chị gõ /broadcast để chọn lại nha.
bc-chat-text-ask = Sẽ gửi tới { $count } người. Anh/chị gõ nội dung thông báo (chữ thường, không định dạng):
bc-chat-too-long = Nội dung dài { $length } ký tự, quá mức { $max } ký tự của một thông báo. Anh/chị rút gọn rồi gõ lại nha.
bc-chat-confirm =
    Thông báo sẽ gửi tới { $count } người:

    { $text }

    Gửi cho { $count } bà con luôn nha?
bc-chat-send = 📢 Gửi
bc-chat-again = Anh/chị gõ lại nội dung thông báo:
bc-chat-cancelled = Đã thôi, không gửi gì.
bc-chat-started = Bắt đầu gửi thông báo #{ $id }…
bc-chat-progress = Thông báo #{ $id }: đã gửi { $sent }/{ $total }, bỏ qua { $skipped }, lỗi { $failed }.
bc-chat-finished = Xong thông báo #{ $id }: đã gửi { $sent }, bỏ qua { $skipped }, lỗi { $failed }. Xem chi tiết trên trang quản trị.
bc-chat-cancelled-by-staff = Thông báo #{ $id } đã bị hủy: đã gửi { $sent }, bỏ qua { $skipped }, lỗi { $failed }.
