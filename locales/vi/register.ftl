# *Đăng ký thành lập / tham gia HTX*: the guided registration. Questions and validation messages are
# the leads-* keys in leads.ftl; these are the flow's own texts. Short: small screens, weak networks.
reg-intro = Tôi hỏi 9 câu ngắn để cán bộ gọi lại hỗ trợ bà con. Chưa lưu gì cho tới khi bà con xem lại và đồng ý. Nhắn /huy để thôi.
reg-step = Bước { $n }/{ $total }
# The previous step's answer as the bot understood it, above the next question.
reg-echo = ✅ { $field }: { $answer }
reg-phone-relative = 📱 Dùng số người thân
reg-phone-none = ☎️ Không có điện thoại, hẹn qua UBND xã/phường
reg-ask-relative-phone = Bà con nhắn số di động của người thân (con, cháu…) để cán bộ gọi nha. Không có ai thì bấm «Không có điện thoại», cán bộ sẽ nhắn qua UBND xã/phường hẹn gặp bà con.
reg-members-unknown = Chưa biết
# Founding an HTX with fewer than 5 members (Luật HTX 2023 Điều 4 khoản 7 and 21): a note, never a block.
reg-size-note = Lưu ý: lập hợp tác xã cần ít nhất { $htx } thành viên chính thức (Luật HTX 2023, Điều 4 khoản 7); tổ hợp tác thì từ { $tht } người là lập được (khoản 21). Nhóm bà con giờ có { $members } người, bà con muốn:
reg-size-keep-htx = Vẫn lập HTX
reg-size-tht = Lập tổ hợp tác
reg-back = ⬅️ Quay lại
reg-skip = Bỏ qua
reg-place-retype = Không có trong danh sách, nhập lại
reg-place-confirm = Có phải bà con ở nơi này không? Bấm để chọn nha.
reg-place-former = trước đây: { $former }
reg-place-again = Bà con nhắn lại tên xã/phường (thêm tên huyện hoặc tỉnh cũ càng dễ tìm):

## Summary
reg-summary-title = Bà con xem lại thông tin nha:
reg-summary-hint = Sai chỗ nào thì bấm ✏️ để sửa, đúng rồi thì bấm «Gửi đăng ký».
reg-edit = ✏️ { $field }
reg-submit = ✅ Gửi đăng ký
reg-cancel = ✖️ Thôi, không đăng ký
reg-cancelled = Đã thôi, không lưu thông tin nào. Nhắn /menu để chọn việc khác.
reg-none = (không có)

## Field labels (summary, edit buttons, /dulieu)
reg-field-purpose = Nhu cầu
reg-field-full-name = Họ tên
reg-field-phone = Số điện thoại
reg-field-place = Xã/phường
reg-field-sector = Nghề chính
reg-field-members = Số người
reg-field-land-area = Diện tích
reg-field-call-time = Giờ gọi
reg-field-note = Lời nhắn

## Consent and result
# Named in the consent text (Luật 91/2025 Điều 9 khoản 2 điểm b): changing it changes the consent,
# so bump CONSENT_VERSION in src/leads/consent.ts with it.
reg-data-controller = Hội Nông dân thành phố Cần Thơ
reg-consent-expected = Bà con bấm «Tôi đồng ý» hoặc «Không đồng ý» giúp tôi nha.
reg-declined = Đã hiểu. Tôi không lưu thông tin nào của bà con. Bà con vẫn có thể hỏi cán bộ mà không cần để lại tên hay số điện thoại:
reg-ask-officer = 👤 Hỏi cán bộ
reg-saved =
    ✅ Đã gửi đăng ký. Mã hồ sơ: { $reference }
    Cán bộ sẽ gọi lại cho bà con. Xem lại thông tin: /dulieu. Xóa thông tin: /xoa.
# The phone already has a lead from another chat: nothing tells whether it does (no code, no "đã đăng ký").
reg-received =
    ✅ Đã ghi nhận đăng ký. Cán bộ sẽ liên hệ với bà con qua số điện thoại đã ghi.
reg-updated =
    ✅ Số điện thoại này đã đăng ký trước đây (mã { $reference }), tôi đã cập nhật thông tin mới.
    Xem lại thông tin: /dulieu. Xóa thông tin: /xoa.
