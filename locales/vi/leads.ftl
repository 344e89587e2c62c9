# Registering interest in founding or joining a cooperative (src/leads). Short lines for small screens.

## Purposes
leads-purpose-found-htx = Thành lập hợp tác xã mới
leads-purpose-join-htx = Tham gia hợp tác xã đang có
leads-purpose-found-tht = Thành lập tổ hợp tác
leads-purpose-found-union = Thành lập liên hiệp hợp tác xã

## Questions, in flow order
leads-ask-purpose = Bà con muốn làm gì? Chọn một nút bên dưới nha.
leads-ask-full-name = Bà con cho biết họ và tên đầy đủ nha (ví dụ: Nguyễn Văn An).
leads-ask-phone = Số điện thoại di động để cán bộ gọi lại là số nào ạ? (ví dụ: 0912 345 678)
leads-ask-place = Bà con ở xã/phường nào? Ghi tên xã cũ hoặc mới đều được (ví dụ: xã Hòa Tú 2, Mỹ Xuyên).
leads-ask-sector = Bà con làm nghề gì chính? (lúa, trái cây, thủy sản, hành tím, chăn nuôi… hoặc ghi khác)
leads-ask-members = Dự kiến có bao nhiêu người cùng tham gia (tính cả bà con)?
leads-ask-land-area = Tổng diện tích đất sản xuất khoảng bao nhiêu? (ví dụ: 2 công, nửa hecta, 5000 m2). Không có thì nhắn 0.
leads-ask-call-time = Cán bộ gọi lúc nào thì tiện cho bà con?
leads-ask-note = Bà con có muốn nhắn thêm gì cho cán bộ không? (không bắt buộc, tối đa 500 chữ)

## Sectors
leads-sector-lua = Lúa
leads-sector-trai-cay = Trái cây
leads-sector-thuy-san = Thủy sản
leads-sector-hanh-tim = Hành tím
leads-sector-chan-nuoi = Chăn nuôi
leads-sector-rau-mau = Rau màu
leads-sector-mia = Mía

## Best time to call (buttons)
leads-call-time-morning = Buổi sáng
leads-call-time-afternoon = Buổi chiều
leads-call-time-evening = Buổi tối
leads-call-time-any = Lúc nào cũng được

## Validation messages
leads-purpose-invalid = Bà con chọn một trong các nút nhu cầu bên dưới giúp tôi nha.
leads-name-too-short = Tên hơi ngắn. Bà con ghi đầy đủ họ và tên nha.
leads-name-too-long = Tên dài quá 80 chữ. Bà con ghi gọn họ và tên thôi nha.
leads-name-invalid = Họ tên chỉ gồm chữ cái. Bà con ghi lại giúp tôi nha (ví dụ: Nguyễn Văn An).
leads-name-expected = Bà con cho tôi xin họ và tên đầy đủ nha (ví dụ: Nguyễn Văn An).
leads-phone-empty = Bà con nhắn số điện thoại di động giúp tôi nha (ví dụ: 0912 345 678).
leads-phone-too-short = Số điện thoại hơi ngắn. Số di động có 10 chữ số, ví dụ 0912 345 678.
leads-phone-too-long = Số điện thoại dư chữ số. Số di động có 10 chữ số, ví dụ 0912 345 678.
leads-phone-foreign = Tôi chỉ nhận số di động Việt Nam (bắt đầu bằng 0 hoặc +84).
leads-phone-landline = Đây có vẻ là số máy bàn. Bà con cho số di động để cán bộ gọi hoặc nhắn tin nha.
leads-phone-old-prefix = Số 11 chữ số này đã đổi từ năm 2018. Số mới của bà con có thể là { $suggestion }. Bà con kiểm tra và nhắn lại số 10 chữ số nha.
leads-phone-not-mobile = Đầu số này không phải số di động. Bà con kiểm tra lại giúp tôi nha.
leads-place-not-found = Tôi chưa tìm thấy xã/phường này. Bà con ghi lại tên xã và tên huyện hoặc tỉnh cũ nha (ví dụ: xã Vĩnh Lợi, Thạnh Trị).
leads-place-choose = Bà con ở xã/phường nào trong các nơi sau? Bấm chọn nha.
leads-sector-empty = Bà con cho biết nghề chính giúp tôi nha (ví dụ: lúa, tôm, xoài).
leads-sector-too-long = Bà con ghi ngắn gọn nghề chính thôi nha (dưới 100 chữ).
leads-sector-not-words = Bà con ghi tên nghề bằng chữ giúp tôi nha (ví dụ: lúa, nuôi tôm, xoài), hoặc bấm một nút ở trên.
leads-members-invalid = Bà con ghi số người bằng số giúp tôi nha (ví dụ: 7 hoặc bảy).
leads-members-out-of-range = Số người phải từ 1 đến 10.000. Bà con kiểm tra lại nha.
leads-land-area-unit = { $number } là công, hecta hay mét vuông? Bà con bấm chọn hoặc nhắn thêm đơn vị nha.
leads-land-area-invalid = Tôi chưa hiểu diện tích này. Bà con ghi ví dụ: 2 công, 0,5 ha hoặc 5000 m2 nha.
leads-land-area-out-of-range = Diện tích này lớn quá (trên 100.000 ha). Bà con kiểm tra lại nha.
leads-call-time-invalid = Bà con bấm một nút giờ gọi bên dưới giúp tôi nha.
leads-note-too-long = Lời nhắn dài quá 500 chữ. Bà con viết gọn lại giúp tôi nha.

## Status (for officers)
leads-status-new = Mới
leads-status-contacted = Đã liên hệ
leads-status-supporting = Đang hỗ trợ
leads-status-founded = Đã thành lập
leads-status-closed = Đóng

## Consent (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 9). Changing this text needs a new
## CONSENT_VERSION in src/leads/consent.ts; the test pins its hash.
leads-consent-text =
    Trước khi lưu, xin bà con đọc và đồng ý:
    • Thu thập: họ tên, số điện thoại, xã/phường, nghề chính, số người dự kiến, diện tích, giờ tiện gọi và lời nhắn bà con vừa ghi.
    • Mục đích duy nhất: để cán bộ gọi lại tư vấn, hỗ trợ thành lập hoặc tham gia hợp tác xã, tổ hợp tác. Không dùng vào việc khác, không bán hay đưa cho người khác.
    • Bên giữ dữ liệu: { $controller }. Người được xem: cán bộ Hội Nông dân và cán bộ hỗ trợ hợp tác xã phụ trách nơi bà con ở.
    • Thời gian lưu: đến khi bà con yêu cầu xóa, lâu nhất { $months } tháng kể từ ngày đăng ký, sau đó sẽ xóa.
    • Quyền của bà con: xem lại dữ liệu bằng lệnh /dulieu; xóa dữ liệu và rút lại đồng ý bằng lệnh /xoa bất cứ lúc nào; nhờ sửa, hỏi hoặc khiếu nại qua cán bộ.
    Không đồng ý thì dữ liệu không được lưu, bà con vẫn dùng các chức năng hỏi đáp bình thường.
leads-consent-agree = ✅ Tôi đồng ý
leads-consent-decline = ✖️ Không đồng ý

## Export column headers
leads-col-reference = Mã hồ sơ
leads-col-created-at = Ngày đăng ký
leads-col-status = Trạng thái
leads-col-purpose = Nhu cầu
leads-col-full-name = Họ và tên
leads-col-phone = Số điện thoại
leads-col-commune = Xã/phường
leads-col-province = Tỉnh/thành phố
leads-col-commune-code = Mã xã
leads-col-sector = Nghề chính
leads-col-members = Số người dự kiến
leads-col-land-area = Diện tích (ha)
leads-col-call-time = Giờ tiện gọi
leads-col-note = Ghi chú
leads-col-consent-version = Phiên bản đồng ý
leads-sheet-name = Đăng ký HTX

## Notifications to officers' chats (src/leads/officer-messages.ts), above the lead's card
leads-officer-reopened = 🔁 Bà con đăng ký lại, hồ sơ được mở lại (trạng thái Mới)
leads-officer-duplicate = ⚠️ Số điện thoại của hồ sơ này vừa được đăng ký từ một cuộc trò chuyện khác. Hồ sơ giữ nguyên; cán bộ gọi số đã lưu để kiểm tra.
